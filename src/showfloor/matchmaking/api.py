"""REST endpoints: my recommendations, requests and agenda; staff: meetings and schedule all."""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.http import Http404, HttpRequest
from ninja import Router, Status

from showfloor.api.helpers import actor, edition_for
from showfloor.attendance.models import Participant
from showfloor.core.rules import Perm
from showfloor.matchmaking import queries, recommendations, rules, services
from showfloor.matchmaking.models import Meeting, MeetingRequest
from showfloor.matchmaking.schemas import (
    CheckInIn,
    DeclineIn,
    MeetingOut,
    RecommendationOut,
    RequestIn,
    RequestOut,
    ScheduleIn,
    ScheduleOut,
)

router = Router(tags=["matchmaking"])
BASE = "/editions/{edition_slug}/matchmaking"


def _me(request: HttpRequest, edition_slug: str) -> Participant:
    edition = edition_for(request, edition_slug)
    me = queries.participant_for(actor(request).user, edition)
    if me is None:
        raise Http404("no participation")
    return me


def _meeting_out(m: Meeting) -> dict[str, Any]:
    return {
        "id": m.pk,
        "participant_a_id": m.participant_a_id,
        "participant_b_id": m.participant_b_id,
        "status": m.status,
        "mode": m.mode,
        "starts_at": m.slot.starts_at if m.slot else None,
        "ends_at": m.slot.ends_at if m.slot else None,
        "table": m.table.number if m.table else None,
        "video_url": services.video_url(m),
        "locked": m.locked,
        "held": m.is_held,
    }


@router.get(f"{BASE}/recommendations", response=list[RecommendationOut])
def my_recommendations(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    me = _me(request, edition_slug)
    return [
        {
            "participant_id": r.participant.pk,
            "name": r.participant.full_name,
            "organization": r.participant.organization_name,
            "score": r.score,
            "reasons": r.reasons,
            "pinned": r.pinned,
        }
        for r in recommendations.for_participant(me)
    ]


@router.get(f"{BASE}/requests", response=list[RequestOut])
def my_requests(request: HttpRequest, edition_slug: str) -> list[MeetingRequest]:
    me = _me(request, edition_slug)
    return list(MeetingRequest.objects.filter(Q(requester=me) | Q(recipient=me)).order_by("-pk"))


@router.post(f"{BASE}/requests", response={201: RequestOut})
def create_request(request: HttpRequest, edition_slug: str, payload: RequestIn) -> Status:
    me = _me(request, edition_slug)
    recipient = Participant.objects.filter(pk=payload.recipient_id, edition=me.edition).first()
    if recipient is None:
        raise Http404("no such participant")
    created = services.send_request(actor(request), me, recipient, message=payload.message)
    return Status(201, created)


def _request(request: HttpRequest, edition_slug: str, pk: int) -> MeetingRequest:
    edition = edition_for(request, edition_slug)
    found = MeetingRequest.objects.filter(pk=pk, edition=edition).first()
    if found is None or not rules.may_see_request(actor(request), found):
        raise Http404("no such request")
    return found


@router.post(f"{BASE}/requests/{{pk}}/accept", response=MeetingOut)
def accept(request: HttpRequest, edition_slug: str, pk: int) -> dict[str, Any]:
    return _meeting_out(
        services.accept_request(actor(request), _request(request, edition_slug, pk))
    )


@router.post(f"{BASE}/requests/{{pk}}/decline", response=RequestOut)
def decline(request: HttpRequest, edition_slug: str, pk: int, payload: DeclineIn) -> MeetingRequest:
    found = _request(request, edition_slug, pk)
    return services.decline_request(actor(request), found, reason=payload.reason, note=payload.note)


@router.post(f"{BASE}/requests/{{pk}}/cancel", response=RequestOut)
def cancel(request: HttpRequest, edition_slug: str, pk: int) -> MeetingRequest:
    return services.cancel_request(actor(request), _request(request, edition_slug, pk))


@router.get(f"{BASE}/agenda", response=list[MeetingOut])
def my_agenda(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    return [_meeting_out(m) for m in queries.agenda(_me(request, edition_slug))]


@router.get(f"{BASE}/meetings", response=list[MeetingOut])
def meetings(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    edition = edition_for(request, edition_slug, Perm.MANAGE_MATCHMAKING)
    found = Meeting.objects.filter(edition=edition).select_related("slot", "table").order_by("pk")
    return [_meeting_out(m) for m in found]


@router.post(f"{BASE}/schedule", response=ScheduleOut)
def schedule(request: HttpRequest, edition_slug: str, payload: ScheduleIn) -> dict[str, Any]:
    edition = edition_for(request, edition_slug, Perm.MANAGE_MATCHMAKING)
    run = services.schedule_all(
        actor(request),
        edition,
        time_limit=min(payload.time_limit, 60),
        fairness=payload.fairness,
    )
    return {"run_id": run.pk, "seconds": run.seconds, "report": run.report}


@router.post(f"{BASE}/meetings/{{pk}}/check-in", response=MeetingOut)
def check_in(
    request: HttpRequest, edition_slug: str, pk: int, payload: CheckInIn
) -> dict[str, Any]:
    """One side of a meeting is there: the participant themself, or staff scanning their badge
    at the matchmaking area (participant_id names whom)."""
    edition = edition_for(request, edition_slug)
    meeting = Meeting.objects.filter(pk=pk, edition=edition).first()
    if meeting is None or not rules.may_see_meeting(actor(request), meeting):
        raise Http404("no such meeting")
    who = Participant.objects.filter(pk=payload.participant_id, edition=edition).first()
    if who is None:
        raise Http404("no such participant")
    return _meeting_out(services.check_in(actor(request), meeting, who))
