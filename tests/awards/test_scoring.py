from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.awards import queries, services
from showfloor.awards.rules import is_conflicted
from showfloor.core.permissions import Actor
from tests.awards.conftest import as_actor, card
from tests.awards.factories import EntryFactory, JuryMemberFactory
from tests.factories import OrganizationFactory, OrganizationMemberFactory, UserFactory


@pytest.mark.django_db
def test_weighted_total_uses_the_rubric_weights(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 4))

    ranked = {item.entry.pk: item for item in queries.ranking(final)}

    # (80 × 3 + 40 × 1) / 4 = 70
    assert ranked[entries[0].pk].score == Decimal("70.000")


@pytest.mark.django_db
def test_entry_score_is_the_mean_of_complete_scorecards(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 10, 10))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 5, 5))

    ranked = {item.entry.pk: item for item in queries.ranking(final)}

    assert (ranked[entries[0].pk].score, ranked[entries[0].pk].jurors) == (Decimal("75.000"), 2)


@pytest.mark.django_db
def test_submitting_again_replaces_the_scorecard(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 1, 1))
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 9, 9))

    assert sorted(s.value for s in final.scores.all()) == [Decimal("9.00"), Decimal("9.00")]


@pytest.mark.django_db
def test_incomplete_scorecard_is_refused(final, rubric, jurors, entries):
    with pytest.raises(ValidationError) as error:
        services.submit_scores(as_actor(jurors[0]), final, entries[0], {rubric[0].pk: "5"})

    assert error.value.message_dict == {f"criterion_{rubric[1].pk}": ["Score every criterion."]}


@pytest.mark.django_db
def test_score_above_the_maximum_is_refused(final, rubric, jurors, entries):
    with pytest.raises(ValidationError) as error:
        services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 11, 1))

    assert error.value.message_dict == {
        f"criterion_{rubric[0].pk}": ["Give a score from 0 to 10, with at most 2 decimals."]
    }


@pytest.mark.django_db
def test_float_score_is_refused(final, rubric, jurors, entries):
    with pytest.raises(TypeError):
        services.submit_scores(
            as_actor(jurors[0]), final, entries[0], {rubric[0].pk: 7.5, rubric[1].pk: 1}
        )


@pytest.mark.django_db
def test_non_juror_cannot_score(final, rubric, entries):
    with pytest.raises(PermissionDenied):
        services.submit_scores(Actor.for_user(UserFactory()), final, entries[0], card(rubric, 1, 1))


@pytest.mark.django_db
def test_closed_round_refuses_scores(final, rubric, jurors, entries, system_actor):
    services.close_round(system_actor, final)

    with pytest.raises(ValidationError):
        services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 1, 1))


@pytest.mark.django_db
def test_juror_of_entrant_organisation_is_excluded(award, final, rubric):
    organization = OrganizationFactory()
    juror = JuryMemberFactory(award=award, organization=organization)
    own = EntryFactory(award=award, organization=organization)
    other = EntryFactory(award=award)

    visible = list(queries.entries_for_juror(juror, final))

    assert visible == [other]
    with pytest.raises(PermissionDenied):
        services.submit_scores(as_actor(juror), final, own, card(rubric, 5, 5))


@pytest.mark.django_db
def test_juror_member_of_entrant_organisation_is_excluded(award, final):
    juror = JuryMemberFactory(award=award)
    member = OrganizationMemberFactory(user=juror.user)
    entry = EntryFactory(award=award, organization=member.organization)

    assert is_conflicted(juror, entry) is True


@pytest.mark.django_db
def test_declared_conflict_excludes_and_withdraws_scores(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[1], card(rubric, 9, 9))

    services.declare_conflict(
        as_actor(jurors[0]), jurors[0], "Former employer", organization=entries[1].organization
    )

    assert list(queries.entries_for_juror(jurors[0], final)) == [entries[0], entries[2]]
    assert final.scores.filter(juror=jurors[0]).count() == 0


@pytest.mark.django_db
def test_juror_sees_only_own_scores_while_round_open(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 8))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 2, 2))

    seen = queries.visible_scores(final, jurors[0], is_staff=False)

    assert {score.juror_id for score in seen} == {jurors[0].pk}


@pytest.mark.django_db
def test_juror_sees_all_scores_after_round_closes(final, rubric, jurors, entries, system_actor):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 8))
    services.submit_scores(as_actor(jurors[1]), final, entries[0], card(rubric, 2, 2))
    services.close_round(system_actor, final)
    final.refresh_from_db()

    seen = queries.visible_scores(final, jurors[0], is_staff=False)

    assert {score.juror_id for score in seen} == {jurors[0].pk, jurors[1].pk}


@pytest.mark.django_db
def test_outsider_sees_no_scores(final, rubric, jurors, entries):
    services.submit_scores(as_actor(jurors[0]), final, entries[0], card(rubric, 8, 8))

    assert list(queries.visible_scores(final, None, is_staff=False)) == []
