"""REST endpoints of awards: published winners (public), a juror's scorecards and the scores
the caller may see (a juror sees only their own until the round closes)."""

from __future__ import annotations

import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import actor, edition_for
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.awards import queries, services
from showfloor.awards.enums import EntryStatus
from showfloor.awards.models import Award, Entry, Round
from showfloor.awards.rules import juror_for
from showfloor.awards.schemas import (
    SCORE_PATTERN,
    AwardOut,
    EntryIn,
    EntryOut,
    ScorecardIn,
    ScoreOut,
)
from showfloor.core.i18n import localized
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.exhibitors.models import Exhibit, Exhibitor

router = Router()
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get(
    "/editions/{edition_slug}/awards", response={200: list[AwardOut], **ERRORS}, auth=PUBLIC_AUTH
)
@paginate(LimitOffsetPagination)
def list_awards(request: HttpRequest, edition_slug: str) -> Any:
    edition = edition_for(request, edition_slug)
    winners = Entry.objects.filter(status=EntryStatus.WINNER).select_related("organization")
    awards = queries.published_awards(edition).prefetch_related(
        Prefetch("entries", queryset=winners.order_by("final_rank", "id"), to_attr="winners")
    )
    return _Shaped(awards)


class _Shaped:
    def __init__(self, queryset: Any) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        return [
            {
                "id": award.pk,
                "code": award.code,
                "name": award.name,
                "category": award.category,
                "winners": [
                    {
                        "entry_id": entry.pk,
                        "organization": localized(entry.organization.name),
                        "title": localized(entry.title),
                        "rank": entry.final_rank,
                        "tied": entry.rank_tied,
                        "exhibitor_id": entry.exhibitor_id,
                    }
                    for entry in award.winners
                ],
            }
            for award in self.queryset[item]
        ]


def _round(request: HttpRequest, edition_slug: str, round_id: int) -> tuple[Round, Any, bool]:
    edition = edition_for(request, edition_slug)
    round_ = get_object_or_404(
        Round.objects.select_related("award__edition"), pk=round_id, award__edition=edition
    )
    is_staff = Perm.MANAGE_AWARDS in request.edition_perms  # type: ignore[attr-defined]
    juror = juror_for(actor(request), round_.award_id)
    if juror is None and not is_staff:
        raise Http404("No such round")
    return round_, juror, is_staff


@router.get(
    "/editions/{edition_slug}/awards/rounds/{round_id}/scores",
    response={200: list[ScoreOut], **ERRORS},
)
def list_scores(request: HttpRequest, edition_slug: str, round_id: int) -> list[dict[str, Any]]:
    round_, juror, is_staff = _round(request, edition_slug, round_id)
    return [
        {
            "entry_id": score.entry_id,
            "juror_id": score.juror_id,
            "criterion_id": score.criterion_id,
            "value": str(score.value),
        }
        for score in queries.visible_scores(round_, juror, is_staff)
    ]


@router.put(
    "/editions/{edition_slug}/awards/rounds/{round_id}/entries/{entry_id}/scores",
    response={200: list[ScoreOut], **ERRORS},
)
def put_scores(
    request: HttpRequest, edition_slug: str, round_id: int, entry_id: int, payload: ScorecardIn
) -> list[dict[str, Any]]:
    round_, juror, _is_staff = _round(request, edition_slug, round_id)
    if juror is None:
        raise Http404("No such round")
    entry = get_object_or_404(queries.entries_for_juror(juror, round_), pk=entry_id)
    bad = [key for key, text in payload.scores.items() if not re.fullmatch(SCORE_PATTERN, text)]
    if bad:
        raise ValidationError({f"scores.{key}": ["Send the score as decimal text."] for key in bad})
    scores = services.submit_scores(actor(request), round_, entry, payload.scores)
    return [
        {
            "entry_id": score.entry_id,
            "juror_id": score.juror_id,
            "criterion_id": score.criterion_id,
            "value": str(score.value),
        }
        for score in scores
    ]


@router.post(
    "/editions/{edition_slug}/awards/{award_id}/entries", response={201: EntryOut, **ERRORS}
)
def create_entry(
    request: HttpRequest, edition_slug: str, award_id: int, payload: EntryIn
) -> Status:
    """An exhibitor's member submits its entry while the award is open; the jury secretary
    (can_manage_awards) nominates one at any time."""
    edition = edition_for(request, edition_slug)
    award = get_object_or_404(Award, pk=award_id, edition=edition)
    exhibitor = get_object_or_404(Exhibitor, pk=payload.exhibitor_id, edition=edition)
    exhibit = None
    if payload.exhibit_id is not None:
        exhibit = get_object_or_404(Exhibit, pk=payload.exhibit_id, edition=edition)
    who = actor(request)
    if Perm.MANAGE_AWARDS in request.edition_perms:  # type: ignore[attr-defined]
        entry = services.nominate_entry(
            who,
            award,
            exhibitor.organization,
            exhibitor,
            payload.title,
            payload.description,
            exhibit,
        )
    else:
        entry = services.submit_entry(
            who, award, exhibitor, payload.title, payload.description, exhibit
        )
    return Status(201, entry)
