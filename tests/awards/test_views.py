from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from showfloor.awards import services
from showfloor.exhibitors.models import Exhibit
from tests.awards.conftest import as_actor, card
from tests.awards.factories import AwardFactory, EntryFactory, ExhibitorFactory
from tests.factories import OrganizationMemberFactory, UserFactory


def _round_url(round_):
    return reverse(
        "awards:jury_round",
        kwargs={"edition_slug": round_.award.edition.slug, "round_id": round_.pk},
    )


@pytest.mark.django_db
def test_jury_round_shows_own_score_not_others(client, final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 4))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 1, 3))
    client.force_login(jurors[0].user)

    response = client.get(_round_url(final))

    assert response.context["rows"][0] == (entries[0], Decimal(70))
    assert "all_scores" not in response.context


@pytest.mark.django_db
def test_jury_round_of_another_award_is_404(client, final):
    client.force_login(UserFactory())

    response = client.get(_round_url(final))

    assert response.status_code == 404


@pytest.mark.django_db
def test_jury_score_form_saves_decimal_scores(client, final, rubric, jurors, entries):
    client.force_login(jurors[0].user)
    url = reverse(
        "awards:jury_score",
        kwargs={
            "edition_slug": final.award.edition.slug,
            "round_id": final.pk,
            "entry_id": entries[1].pk,
        },
    )

    client.post(url, {f"criterion_{rubric[0].pk}": "7.25", f"criterion_{rubric[1].pk}": "6"})

    assert sorted(final.scores.values_list("value", flat=True)) == [
        Decimal("6.00"),
        Decimal("7.25"),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_public_awards_query_count(client, edition, django_assert_num_queries, count):
    for _index in range(count):
        award = AwardFactory(edition=edition, status="published")
        EntryFactory(award=award, status="winner", final_rank=1)

    with django_assert_num_queries(4):
        response = client.get(reverse("awards:public_list", kwargs={"edition_slug": edition.slug}))

    assert len(response.context["awards"]) == count


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "expected"), [("jury_secretary", 200), ("sales", 403)])
def test_manage_awards_permission(client, edition, staff_user, role, expected):
    client.force_login(staff_user(edition, role))

    response = client.get(reverse("awards:manage_list", kwargs={"edition_slug": edition.slug}))

    assert response.status_code == expected


@pytest.mark.django_db
def test_manage_detail_closes_round_and_publishes(
    client, award, final, rubric, jurors, entries, staff_user
):
    services.submit_scores(as_actor(jurors[0]), final, entries[2], card(rubric, 9, 9))
    client.force_login(staff_user(award.edition, "jury_secretary"))
    url = award.urls.manage

    client.post(url, {"action": "close", "round": final.pk})
    client.post(url, {"action": "publish"})

    award.refresh_from_db()
    assert award.status == "published"
    assert list(award.entries.filter(status="winner")) == [entries[2]]


@pytest.mark.django_db
def test_exhibitor_member_enters_an_exhibit_through_the_page(client, edition):

    award = AwardFactory(edition=edition, status="open", eligibility="exhibits")
    exhibitor = ExhibitorFactory(edition=edition)
    exhibit = Exhibit.objects.create(edition=edition, exhibitor=exhibitor, title={"en": "Lidar"})
    client.force_login(OrganizationMemberFactory(organization=exhibitor.organization).user)

    client.post(
        reverse("awards:submit_entry", kwargs={"edition_slug": edition.slug, "pk": award.pk}),
        {"exhibitor": exhibitor.pk, "exhibit": exhibit.pk},
    )

    entry = award.entries.get()
    assert (entry.source, entry.exhibit_id, entry.title) == (
        "submitted",
        exhibit.pk,
        {"en": "Lidar"},
    )


@pytest.mark.django_db
def test_entry_page_offers_only_the_users_exhibitors(client, edition):

    award = AwardFactory(edition=edition, status="open")
    mine, _other = ExhibitorFactory(edition=edition), ExhibitorFactory(edition=edition)
    client.force_login(OrganizationMemberFactory(organization=mine.organization).user)

    response = client.get(
        reverse("awards:submit_entry", kwargs={"edition_slug": edition.slug, "pk": award.pk})
    )

    assert list(response.context["form"].fields["exhibitor"].queryset) == [mine]
