from __future__ import annotations

import pytest

from showfloor.awards import services
from tests.awards.conftest import as_actor, card
from tests.awards.factories import AwardFactory, EntryFactory, ExhibitorFactory
from tests.factories import OrganizationMemberFactory


def _scores_url(round_):
    return f"/api/v1/editions/{round_.award.edition.slug}/awards/rounds/{round_.pk}/scores"


@pytest.mark.django_db
def test_api_juror_reads_only_own_scores_while_open(client, final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 4))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 1, 3))
    client.force_login(jurors[1].user)

    response = client.get(_scores_url(final))

    assert sorted(item["value"] for item in response.json()) == ["1.00", "3.00"]
    assert {item["juror_id"] for item in response.json()} == {jurors[1].pk}


@pytest.mark.django_db
def test_api_juror_reads_all_scores_after_close(
    client, final, rubric, jurors, entries, system_actor
):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 4))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 1, 3))
    services.close_round(system_actor, final)
    client.force_login(jurors[1].user)

    response = client.get(_scores_url(final))

    assert len(response.json()) == 4


@pytest.mark.django_db
def test_api_put_scores_takes_decimal_text(client, final, rubric, jurors, entries):
    client.force_login(jurors[0].user)

    response = client.put(
        f"{_scores_url(final).rsplit('/scores', 1)[0]}/entries/{entries[0].pk}/scores",
        {"scores": {str(rubric[0].pk): "9.5", str(rubric[1].pk): "7"}},
        content_type="application/json",
    )

    assert sorted(item["value"] for item in response.json()) == ["7.00", "9.50"]


@pytest.mark.django_db
def test_api_put_scores_refuses_json_numbers(client, final, rubric, jurors, entries):
    client.force_login(jurors[0].user)

    response = client.put(
        f"{_scores_url(final).rsplit('/scores', 1)[0]}/entries/{entries[0].pk}/scores",
        {"scores": {str(rubric[0].pk): 9.5, str(rubric[1].pk): 7}},
        content_type="application/json",
    )

    assert response.status_code == 422
    assert final.scores.count() == 0


@pytest.mark.django_db
def test_api_scores_of_a_stranger_are_404(client, final, django_user_model):
    client.force_login(django_user_model.objects.create_user("stranger"))

    response = client.get(_scores_url(final))

    assert (response.status_code, response.json()["detail"]) == (404, "Not found.")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_api_awards_query_count(client, edition, django_assert_num_queries, count):
    for _index in range(count):
        award = AwardFactory(edition=edition, status="published")
        EntryFactory(award=award, status="winner", final_rank=1)

    with django_assert_num_queries(4):
        response = client.get(f"/api/v1/editions/{edition.slug}/awards")

    assert response.json()["count"] == count


@pytest.mark.django_db
def test_api_exhibitor_member_submits_entry(client, edition):

    award = AwardFactory(edition=edition, status="open", eligibility="exhibitors")
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(OrganizationMemberFactory(organization=exhibitor.organization).user)

    response = client.post(
        f"/api/v1/editions/{edition.slug}/awards/{award.pk}/entries",
        {"exhibitor_id": exhibitor.pk, "title": {"en": "Our booth"}},
        content_type="application/json",
    )

    assert (response.status_code, response.json()["source"]) == (201, "submitted")


@pytest.mark.django_db
def test_api_stranger_cannot_submit_entry(client, edition, django_user_model):

    award = AwardFactory(edition=edition, status="open")
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(django_user_model.objects.create_user("stranger"))

    response = client.post(
        f"/api/v1/editions/{edition.slug}/awards/{award.pk}/entries",
        {"exhibitor_id": exhibitor.pk},
        content_type="application/json",
    )

    assert response.status_code == 403
    assert award.entries.count() == 0
