from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from showfloor.awards import queries, services
from tests.awards.conftest import as_actor, card
from tests.awards.factories import ExhibitorFactory, RoundFactory


def _score(final, rubric, juror, entries, marks):
    for entry, mark in zip(entries, marks, strict=True):
        services.submit_scores(as_actor(juror), final, entry, card(rubric, mark, mark))


@pytest.mark.django_db
def test_ranking_states_ties_with_competition_ranks(final, rubric, jurors, entries):
    _score(final, rubric, jurors[0], entries, [7, 9, 7])

    ranked = [(item.entry.pk, item.rank, item.tied) for item in queries.ranking(final)]

    assert ranked == [
        (entries[1].pk, 1, False),
        (entries[0].pk, 2, True),
        (entries[2].pk, 2, True),
    ]


@pytest.mark.django_db
def test_unscored_entry_has_no_rank(final, rubric, jurors, entries):
    _score(final, rubric, jurors[0], entries[:2], [5, 6])

    last = queries.ranking(final)[-1]

    assert (last.entry.pk, last.rank, last.score) == (entries[2].pk, None, None)


@pytest.mark.django_db
def test_publish_names_winners_and_ties_at_the_cut(
    award, final, rubric, jurors, entries, system_actor
):
    _score(final, rubric, jurors[0], entries, [9, 9, 4])
    services.close_round(system_actor, final)

    services.publish_results(system_actor, award)

    final.refresh_from_db()
    winners = [(entry.pk, entry.final_rank, entry.rank_tied) for entry in queries.winners(award)]
    assert winners == [(entries[0].pk, 1, True), (entries[1].pk, 1, True)]
    assert final.outcome_note == (
        "2 entries tied at rank 1 across the cut of 1: all of them go through."
    )


@pytest.mark.django_db
def test_publish_before_final_closes_is_refused(award, final, system_actor):
    with pytest.raises(ValidationError):
        services.publish_results(system_actor, award)


@pytest.mark.django_db
def test_shortlist_advances_the_best_to_the_final(award, rubric, jurors, entries, system_actor):
    shortlist = RoundFactory(award=award, kind="shortlist", advance_count=2)
    final = RoundFactory(award=award, kind="final")
    _score(shortlist, rubric, jurors[0], entries, [3, 8, 6])

    services.close_round(system_actor, shortlist)

    assert list(queries.round_entries(final)) == [entries[1], entries[2]]


@pytest.mark.django_db
def test_winners_for_exhibitor_lists_published_wins(award, final, rubric, jurors, system_actor):
    exhibitor = ExhibitorFactory(edition=award.edition)
    entry = services.nominate_entry(system_actor, award, exhibitor.organization, exhibitor)
    _score(final, rubric, jurors[0], [entry], [8])
    services.close_round(system_actor, final)

    before = queries.winners_for_exhibitor(exhibitor)
    services.publish_results(system_actor, award)

    assert before == []
    assert [e.award_id for e in queries.winners_for_exhibitor(exhibitor)] == [award.pk]
