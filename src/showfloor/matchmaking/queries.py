"""Read-side helpers shared by the views, the API, the exports and the figures."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from showfloor.attendance.models import Participant
from showfloor.core.models import Edition
from showfloor.matchmaking.enums import MeetingStatus
from showfloor.matchmaking.models import Meeting, MeetingRequest, Notification, Slot, Table


def participant_for(user: Any, edition: Edition) -> Participant | None:
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    return (
        Participant.objects.filter(edition=edition, user=user)
        .select_related("matchmaking_profile")
        .order_by("pk")
        .first()
    )


def requests_received(participant: Participant) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(recipient=participant)
        .select_related("requester")
        .order_by("-created_at", "-pk")
    )


def requests_sent(participant: Participant) -> QuerySet[MeetingRequest]:
    return (
        MeetingRequest.objects.filter(requester=participant)
        .select_related("recipient")
        .order_by("-created_at", "-pk")
    )


def agenda(participant: Participant) -> QuerySet[Meeting]:
    """The participant's scheduled meetings, in time order."""
    return (
        Meeting.objects.filter(Q(participant_a=participant) | Q(participant_b=participant))
        .filter(status=MeetingStatus.SCHEDULED)
        .select_related("slot", "table", "participant_a", "participant_b", "edition")
        .order_by("slot__starts_at", "pk")
    )


def waiting(participant: Participant) -> QuerySet[Meeting]:
    return (
        Meeting.objects.filter(Q(participant_a=participant) | Q(participant_b=participant))
        .filter(status=MeetingStatus.UNSCHEDULED)
        .select_related("participant_a", "participant_b")
        .order_by("pk")
    )


def notifications(participant: Participant, limit: int = 20) -> list[Notification]:
    return list(
        Notification.objects.filter(participant=participant)
        .select_related(
            "request__requester",
            "request__recipient",
            "meeting__participant_a",
            "meeting__participant_b",
        )
        .order_by("-created_at", "-pk")[:limit]
    )


def grid(
    edition: Edition,
) -> tuple[list[Slot], list[Table], dict[tuple[int | None, int | None], Meeting]]:
    """The organiser's grid: slots × tables, with the meeting in each cell."""
    slots = list(Slot.objects.filter(edition=edition).order_by("starts_at"))
    tables = list(Table.objects.filter(edition=edition, is_active=True).order_by("number"))
    cells = {
        (m.slot_id, m.table_id): m
        for m in Meeting.objects.filter(
            edition=edition, status=MeetingStatus.SCHEDULED, table__isnull=False
        ).select_related("participant_a", "participant_b")
    }
    return slots, tables, cells


def other_person(meeting: Meeting, participant: Participant) -> Participant:
    return (
        meeting.participant_b
        if meeting.participant_a_id == participant.pk
        else meeting.participant_a
    )
