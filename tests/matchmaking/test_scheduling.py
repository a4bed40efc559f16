"""Schedule all, booking, cancellation with re-plan, walk-ins, locks and check-in (Django)."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.core.permissions import Actor
from showfloor.matchmaking import services
from showfloor.matchmaking.models import Availability, Meeting, MeetingSeat, ScheduleRun
from tests.matchmaking.checker import table_violations
from tests.matchmaking.factories import make_slots, make_tables, person

pytestmark = pytest.mark.django_db


def accepted(system_actor, a, b) -> Meeting:
    request = services.send_request(system_actor, a.participant, b.participant)
    return services.accept_request(system_actor, request)


def stored_rows(edition):
    return list(
        Meeting.objects.filter(edition=edition, status="scheduled").values_list(
            "pk", "slot_id", "table_id", "participant_a_id", "participant_b_id"
        )
    )


@pytest.fixture
def fair(edition, system_actor):
    """One exhibitor asked by four visitors; four slots, two tables."""
    slots = make_slots(edition, 4)
    make_tables(edition, 2)
    exhibitor = person(edition, type="exhibitor_staff")
    visitors = [person(edition) for _ in range(4)]
    meetings = [accepted(system_actor, v, exhibitor) for v in visitors]
    return slots, exhibitor, visitors, meetings


def test_schedule_all_gives_every_meeting_a_slot_and_table(edition, system_actor, fair):
    run = services.schedule_all(system_actor, edition)

    rows = stored_rows(edition)
    assert (run.report["meetings"], run.report["upper_bound_weight"], len(rows)) == (4, 4, 4)
    assert table_violations(rows) == []
    assert all(table is not None for _m, _s, table, _a, _b in rows)


def test_schedule_all_respects_availability(edition, system_actor, fair):
    slots, _exhibitor, visitors, meetings = fair
    Availability.objects.create(
        participant=visitors[0].participant,
        starts_at=slots[2].starts_at,
        ends_at=slots[2].ends_at,
    )

    services.schedule_all(system_actor, edition)

    assert Meeting.objects.get(pk=meetings[0].pk).slot_id == slots[2].pk


def test_schedule_all_keeps_locked_meeting(edition, system_actor, fair):
    slots, _exhibitor, _visitors, meetings = fair
    services.book_meeting(system_actor, meetings[3], slots[0])
    services.set_locked(system_actor, meetings[3], True)

    services.schedule_all(system_actor, edition)

    assert Meeting.objects.get(pk=meetings[3].pk).slot_id == slots[0].pk


def test_schedule_all_rerun_moves_nothing(edition, system_actor, fair):
    services.schedule_all(system_actor, edition)
    before = stored_rows(edition)

    run = services.schedule_all(system_actor, edition)

    assert (run.report["moved"], stored_rows(edition)) == (0, before)


def test_schedule_all_by_participant_is_refused(edition, fair):
    _slots, exhibitor, _visitors, _meetings = fair
    with pytest.raises(PermissionDenied):
        services.schedule_all(Actor(user=exhibitor.participant.user), edition)
    assert ScheduleRun.objects.count() == 0


def test_book_meeting_refuses_a_person_already_busy(edition, system_actor, fair):
    slots, _exhibitor, _visitors, meetings = fair
    services.book_meeting(system_actor, meetings[0], slots[1])

    with pytest.raises(ValidationError) as error:
        services.book_meeting(system_actor, meetings[1], slots[1])

    assert error.value.message_dict == {"slot": ["One of you already has a meeting at this time."]}


def test_cancel_meeting_replans_a_waiting_meeting_into_the_freed_slot(edition, system_actor):
    slots = make_slots(edition, 1, starts_at=dt.datetime(2030, 1, 1, 1, tzinfo=dt.UTC))
    make_tables(edition, 1)
    a, b, c = person(edition), person(edition), person(edition)
    accepted(system_actor, a, b)
    accepted(system_actor, c, b)
    services.schedule_all(system_actor, edition)
    booked = Meeting.objects.get(status="scheduled")
    waiting = Meeting.objects.get(status="unscheduled")

    outcome = services.cancel_meeting(system_actor, booked)

    assert outcome == {"placed": 1, "moved": 0}
    assert Meeting.objects.get(pk=waiting.pk).slot_id == slots[0].pk


def test_add_walk_in_places_meeting_in_a_future_slot(edition, system_actor):
    slots = make_slots(edition, 2, starts_at=dt.datetime(2030, 1, 1, 1, tzinfo=dt.UTC))
    make_tables(edition, 1)
    a, b = person(edition), person(edition)

    meeting = services.add_walk_in(system_actor, a.participant, b.participant)

    assert (meeting.status, meeting.slot_id, meeting.is_walk_in) == ("scheduled", slots[0].pk, True)


def test_online_meeting_gets_video_room_and_no_table(edition, system_actor, settings):
    settings.JITSI_BASE_URL = "https://meet.example.org"
    make_slots(edition, 1)
    a = person(edition, attendance_mode="online")
    b = person(edition)
    meeting = accepted(system_actor, a, b)

    services.schedule_all(system_actor, edition)

    meeting.refresh_from_db()
    assert meeting.table_id is None
    assert services.video_url(meeting).startswith(f"https://meet.example.org/{edition.slug}-")


def test_check_in_both_sides_marks_meeting_held(edition, system_actor, fair):
    slots, exhibitor, visitors, meetings = fair
    services.book_meeting(system_actor, meetings[0], slots[0])

    services.check_in(system_actor, meetings[0], visitors[0].participant)
    held = services.check_in(system_actor, meetings[0], exhibitor.participant)

    assert held.is_held is True


def test_check_in_twice_keeps_first_time(edition, system_actor, fair):
    slots, _exhibitor, visitors, meetings = fair
    services.book_meeting(system_actor, meetings[0], slots[0])
    first = services.check_in(system_actor, meetings[0], visitors[0].participant)

    again = services.check_in(system_actor, meetings[0], visitors[0].participant)

    assert again.checked_in_a_at == first.checked_in_a_at


def test_follow_up_answer_is_stored_once_per_person(edition, system_actor, fair):
    _slots, _exhibitor, visitors, meetings = fair
    services.answer_follow_up(system_actor, meetings[0], visitors[0].participant, outcome="no")

    services.answer_follow_up(system_actor, meetings[0], visitors[0].participant, outcome="deal")

    assert list(meetings[0].follow_ups.values_list("outcome", flat=True)) == ["deal"]


def test_seats_match_scheduled_meetings(edition, system_actor, fair):
    services.schedule_all(system_actor, edition)

    assert MeetingSeat.objects.count() == 2 * Meeting.objects.filter(status="scheduled").count()
