"""Meetings: booking a slot, cancelling, locking, walk-ins, check-in and the follow-up survey."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.permissions import Actor
from showfloor.matchmaking import rules
from showfloor.matchmaking.enums import MeetingMode, MeetingStatus, RequestStatus, SurveyOutcome
from showfloor.matchmaking.models import (
    FollowUp,
    Meeting,
    MeetingRequest,
    MeetingSeat,
    Slot,
    Table,
)
from showfloor.matchmaking.services.common import (
    create_meeting_for,
    notify,
    require_act_for,
    require_staff,
    video_room,
)
from showfloor.matchmaking.services.scheduling import replan


def _free_table(meeting: Meeting, slot: Slot) -> Table | None:
    """A table free in `slot`: the exhibitor's own booth table first, then the area's."""
    taken = Meeting.objects.filter(slot=slot, status=MeetingStatus.SCHEDULED).values("table_id")
    tables = Table.objects.filter(edition=meeting.edition, is_active=True).exclude(pk__in=taken)
    exhibitors = [
        p.exhibitor_id for p in (meeting.participant_a, meeting.participant_b) if p.exhibitor_id
    ]
    return (
        tables.filter(exhibitor_id__in=exhibitors).first()
        or tables.filter(exhibitor__isnull=True).first()
    )


def _lock_people(meeting: Meeting) -> None:
    """Row locks on both people, in id order (no deadlock): bookings of one person queue."""
    ids = sorted([meeting.participant_a_id, meeting.participant_b_id])
    list(Participant.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


@transaction.atomic
def book_meeting(
    actor: Actor, meeting: Meeting, slot: Slot, *, table: Table | None = None
) -> Meeting:
    """Give an accepted meeting a slot (and a table, or a video room). Staff or either person.
    Both people are locked, and the seat and table constraints refuse anything given twice."""
    if not rules.may_see_meeting(actor, meeting):
        require_act_for(actor, meeting.participant_a)
    _lock_people(meeting)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting is cancelled."))
    if meeting.locked and not rules.is_matchmaking_staff(actor, meeting.edition):
        raise ValidationError(_("This meeting is locked by the organiser."))
    if slot.edition_id != meeting.edition_id:
        raise ValidationError({"slot": [_("Unknown slot.")]})
    people = [meeting.participant_a_id, meeting.participant_b_id]
    busy = MeetingSeat.objects.filter(participant_id__in=people, slot=slot).exclude(meeting=meeting)
    if busy.exists():
        raise ValidationError({"slot": [_("One of you already has a meeting at this time.")]})
    _release(meeting)
    meeting.slot = slot
    meeting.status = MeetingStatus.SCHEDULED
    if meeting.mode == MeetingMode.ONLINE:
        meeting.table = None
        meeting.video_room = meeting.video_room or video_room(meeting)
    else:
        meeting.table = table or _free_table(meeting, slot)
        if meeting.table is None:
            raise ValidationError({"slot": [_("No table is free at this time.")]})
    try:
        with transaction.atomic():
            meeting.save()
            MeetingSeat.objects.bulk_create(
                [MeetingSeat(meeting=meeting, participant_id=p, slot=slot) for p in people]
            )
    except IntegrityError as error:
        raise ValidationError({"slot": [_("This time or table was just taken.")]}) from error
    audit.record(
        actor,
        "matchmaking.meeting.book",
        meeting,
        edition=meeting.edition,
        changes={"slot": [None, slot.pk], "table": [None, meeting.table_id]},
    )
    notify(meeting.participant_a, "meeting_scheduled", meeting.participant_b, meeting=meeting)
    notify(meeting.participant_b, "meeting_scheduled", meeting.participant_a, meeting=meeting)
    return meeting


def _release(meeting: Meeting) -> None:
    MeetingSeat.objects.filter(meeting=meeting).delete()


@transaction.atomic
def cancel_meeting(actor: Actor, meeting: Meeting, *, reason: str = "", check: bool = True) -> dict:
    """Cancel and free the slot, then re-plan on site: meetings of the two people still waiting
    for a slot are placed into the schedule (moving at most a couple of others)."""
    if check and not rules.may_see_meeting(actor, meeting):
        require_act_for(actor, meeting.participant_a)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.status == MeetingStatus.CANCELLED:
        raise ValidationError(_("This meeting is already cancelled."))
    _release(meeting)
    meeting.status = MeetingStatus.CANCELLED
    meeting.cancelled_reason = reason[:200]
    meeting.table = None
    meeting.save()
    if meeting.request_id:
        MeetingRequest.objects.filter(pk=meeting.request_id, status=RequestStatus.ACCEPTED).update(
            status=RequestStatus.CANCELLED
        )
    audit.record(actor, "matchmaking.meeting.cancel", meeting, edition=meeting.edition)
    notify(meeting.participant_a, "meeting_cancelled", meeting.participant_b, meeting=meeting)
    notify(meeting.participant_b, "meeting_cancelled", meeting.participant_a, meeting=meeting)
    return replan(actor, meeting.edition, people=[meeting.participant_a, meeting.participant_b])


@transaction.atomic
def add_walk_in(actor: Actor, a: Participant, b: Participant, *, message: str = "") -> Meeting:
    """Staff at the desk: two people want to meet now. An accepted request and a meeting,
    placed at once into the schedule by the incremental re-plan."""
    require_staff(actor, a.edition)
    if a.pk == b.pk or a.edition_id != b.edition_id:
        raise ValidationError(_("Choose two different people of this edition."))
    request = MeetingRequest.objects.create(
        edition=a.edition,
        requester=a,
        recipient=b,
        message=message,
        status=RequestStatus.ACCEPTED,
        responded_at=timezone.now(),
    )
    meeting = create_meeting_for(request, walk_in=True)
    audit.record(actor, "matchmaking.meeting.walk_in", meeting, edition=a.edition)
    replan(actor, a.edition, people=[a, b], now=timezone.now())
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def set_locked(actor: Actor, meeting: Meeting, locked: bool) -> Meeting:
    require_staff(actor, meeting.edition)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if locked and meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be locked."))
    Meeting.objects.filter(pk=meeting.pk).update(locked=locked)
    meeting.locked = locked
    audit.record(
        actor,
        "matchmaking.meeting.lock" if locked else "matchmaking.meeting.unlock",
        meeting,
        edition=meeting.edition,
    )
    return meeting


@transaction.atomic
def check_in(actor: Actor, meeting: Meeting, participant: Participant) -> Meeting:
    """One side confirms they are there (or staff scan their badge); idempotent. A meeting is
    held once both sides have checked in."""
    if not rules.is_matchmaking_staff(actor, meeting.edition):
        require_act_for(actor, participant)
    meeting = Meeting.objects.get(pk=meeting.pk)
    if meeting.status != MeetingStatus.SCHEDULED:
        raise ValidationError(_("Only a scheduled meeting can be checked in."))
    field = {
        meeting.participant_a_id: "checked_in_a_at",
        meeting.participant_b_id: "checked_in_b_at",
    }.get(participant.pk)
    if field is None:
        raise ValidationError(_("This person is not part of this meeting."))
    done = Meeting.objects.filter(pk=meeting.pk, **{f"{field}__isnull": True}).update(
        **{field: timezone.now()}
    )
    if done:
        audit.record(
            actor,
            "matchmaking.meeting.check_in",
            meeting,
            edition=meeting.edition,
            changes={"participant": [None, participant.pk]},
        )
    meeting.refresh_from_db()
    return meeting


@transaction.atomic
def answer_follow_up(
    actor: Actor, meeting: Meeting, participant: Participant, *, outcome: str, comment: str = ""
) -> FollowUp:
    require_act_for(actor, participant)
    if participant.pk not in (meeting.participant_a_id, meeting.participant_b_id):
        raise ValidationError(_("This person is not part of this meeting."))
    if outcome not in SurveyOutcome.values:
        raise ValidationError({"outcome": [_("Choose an answer.")]})
    answer, _created = FollowUp.objects.update_or_create(
        meeting=meeting,
        participant=participant,
        defaults={"outcome": outcome, "comment": comment.strip()[:2000]},
    )
    audit.record(actor, "matchmaking.follow_up", answer, edition=meeting.edition)
    return answer
