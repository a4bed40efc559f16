"""Read side of awards: entries of a round, ranking with ties, visible scores, winners.

A juror's total for an entry is the weighted mean of their criterion scores, each score first
scaled to 0–100 by the criterion's highest score: Σ(score/max×100 × weight) / Σ weight. Only a
complete scorecard (every criterion scored) counts. An entry's score in a round is the mean of
its jurors' totals, rounded half-up to 3 decimals; equal rounded scores are ties, ranked the same
(“1, 2, 2, 4” competition ranking).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, QuerySet

from showfloor.awards.enums import AwardStatus, EntryStatus, RoundKind, RoundStatus
from showfloor.awards.models import Award, Entry, JuryMember, Round, Score
from showfloor.awards.rules import conflicted_entry_ids, conflicted_organization_ids
from showfloor.core.models import Edition
from showfloor.exhibitors.models import Exhibitor

PLACES = Decimal("0.001")
HUNDRED = Decimal(100)


def round_entries(round_: Round) -> QuerySet[Entry]:
    entries = Entry.objects.filter(award_id=round_.award_id).exclude(status=EntryStatus.WITHDRAWN)
    if (
        round_.kind == RoundKind.FINAL
        and Round.objects.filter(award_id=round_.award_id, kind=RoundKind.SHORTLIST).exists()
    ):
        entries = entries.filter(
            status__in=[EntryStatus.SHORTLISTED, EntryStatus.WINNER, EntryStatus.NOT_AWARDED]
        )
    return entries.select_related("organization", "exhibitor").order_by("id")


def entries_for_juror(juror: JuryMember, round_: Round) -> QuerySet[Entry]:
    """The entries this juror scores: a conflicted entry is never shown to them."""
    return (
        round_entries(round_)
        .exclude(organization_id__in=conflicted_organization_ids(juror))
        .exclude(pk__in=conflicted_entry_ids(juror))
    )


def visible_scores(round_: Round, juror: JuryMember | None, is_staff: bool) -> QuerySet[Score]:
    """Scores the caller may read: the jury secretary all; a juror only their own until the
    round closes, then everyone's; anyone else none."""
    scores = Score.objects.filter(round=round_).select_related("juror__user", "criterion", "entry")
    if is_staff or (juror is not None and round_.status == RoundStatus.CLOSED):
        return scores.order_by("entry_id", "juror_id", "criterion__order", "criterion_id")
    if juror is not None:
        return scores.filter(juror=juror).order_by("entry_id", "criterion__order", "criterion_id")
    return scores.none()


def weighted_total(values: dict[int, Decimal], criteria: list) -> Decimal | None:
    """A juror's total on 0–100, or None when a criterion is missing."""
    if any(criterion.pk not in values for criterion in criteria):
        return None
    weights = sum((criterion.weight for criterion in criteria), Decimal(0))
    total = sum(
        (values[c.pk] / Decimal(c.max_score) * HUNDRED * c.weight for c in criteria), Decimal(0)
    )
    return total / weights


@dataclass(frozen=True)
class Ranked:
    entry: Entry
    score: Decimal | None
    jurors: int
    rank: int | None
    tied: bool


def ranking(round_: Round) -> list[Ranked]:
    criteria = list(round_.award.criteria.all())
    by_card: dict[tuple[int, int], dict[int, Decimal]] = defaultdict(dict)
    for entry_id, juror_id, criterion_id, value in Score.objects.filter(round=round_).values_list(
        "entry_id", "juror_id", "criterion_id", "value"
    ):
        by_card[(entry_id, juror_id)][criterion_id] = value
    totals: dict[int, list[Decimal]] = defaultdict(list)
    for (entry_id, _juror_id), values in by_card.items():
        total = weighted_total(values, criteria)
        if total is not None:
            totals[entry_id].append(total)
    scored = []
    for entry in round_entries(round_):
        cards = totals.get(entry.pk, [])
        score = (
            (sum(cards, Decimal(0)) / len(cards)).quantize(PLACES, rounding=ROUND_HALF_UP)
            if cards
            else None
        )
        scored.append((entry, score, len(cards)))
    scored.sort(key=lambda item: (item[1] is None, -(item[1] or 0), item[0].pk))
    counts: dict[Decimal, int] = defaultdict(int)
    for _entry, score, _n in scored:
        if score is not None:
            counts[score] += 1
    result: list[Ranked] = []
    higher = 0
    for index, (entry, score, jurors) in enumerate(scored):
        if score is None:
            result.append(Ranked(entry, None, jurors, None, False))
            continue
        if index == 0 or scored[index - 1][1] != score:
            higher = index
        result.append(Ranked(entry, score, jurors, higher + 1, counts[score] > 1))
    return result


def cut(ranked: list[Ranked], count: int) -> tuple[list[Ranked], list[Ranked], list[Ranked]]:
    """(inside, outside, tied_at_cut): those ranked within `count` go in; a tie straddling the
    cut takes every tied entry in, and is reported."""
    inside = [item for item in ranked if item.rank is not None and item.rank <= count]
    outside = [item for item in ranked if item not in inside]
    straddling = []
    if len(inside) > count:
        last = inside[-1].score
        straddling = [item for item in inside if item.score == last]
    return inside, outside, straddling


def published_awards(edition: Edition) -> QuerySet[Award]:
    return Award.objects.filter(edition=edition, status=AwardStatus.PUBLISHED).order_by(
        "category", "code"
    )


def winners(award: Award) -> QuerySet[Entry]:
    return (
        award.entries.filter(status=EntryStatus.WINNER)
        .select_related("organization", "exhibitor")
        .order_by("final_rank", "id")
    )


def winners_for_exhibitor(exhibitor: Exhibitor) -> list[Entry]:
    """The exhibitor's winning entries in published awards, for its booth page's badges."""
    return list(
        Entry.objects.filter(
            exhibitor=exhibitor,
            status=EntryStatus.WINNER,
            award__status=AwardStatus.PUBLISHED,
        )
        .select_related("award")
        .order_by("award__category", "award__code")
    )


def winners_by_category(edition: Edition) -> dict[str, int]:
    rows = (
        Entry.objects.filter(
            award__edition=edition,
            award__status=AwardStatus.PUBLISHED,
            status=EntryStatus.WINNER,
        )
        .values("award__category")
        .annotate(count=Count("id"))
        .order_by()
    )
    return {row["award__category"]: row["count"] for row in rows}


def juror_seats(user, edition: Edition) -> QuerySet[JuryMember]:
    return (
        JuryMember.objects.filter(user=user, award__edition=edition)
        .select_related("award")
        .prefetch_related("award__rounds")
        .order_by("award__code")
    )
