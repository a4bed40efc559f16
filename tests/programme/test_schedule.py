import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from showfloor.core.models import AuditEntry
from showfloor.core.permissions import Actor
from showfloor.programme import services
from showfloor.programme.models import Session
from tests.programme.factories import (
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    at,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def values(edition, room, start, hours=1, title="New talk"):
    return {
        "room": room,
        "title": {"en": title},
        "starts_at": start,
        "ends_at": start + dt.timedelta(hours=hours),
        "status": "published",
    }


def test_create_session_free_room_saves_and_audits(edition, system_actor):
    room = RoomFactory(edition=edition)
    session = services.create_session(
        system_actor, edition, values(edition, room, at(edition, 0, 9))
    )
    assert Session.objects.get(pk=session.pk).room == room
    assert AuditEntry.objects.filter(action="programme.session.create").count() == 1


def test_create_session_room_double_booked_names_both_sessions(edition, system_actor):
    room = RoomFactory(edition=edition, name={"en": "Hall 9 Room A"})
    SessionFactory(edition=edition, room=room, title={"en": "Opening"}, starts_at=at(edition, 0, 9))
    with pytest.raises(ValidationError) as caught:
        services.create_session(
            system_actor, edition, values(edition, room, at(edition, 0, 9, 30), title="5G panel")
        )
    assert caught.value.message_dict == {
        "room": [
            "Hall 9 Room A is already taken by “Opening” (Wed 11 Nov 09:00–10:00) at the time "
            "of “5G panel” (Wed 11 Nov 09:30–10:30)."
        ]
    }


def test_create_session_back_to_back_in_one_room_is_allowed(edition, system_actor):
    room = RoomFactory(edition=edition)
    SessionFactory(edition=edition, room=room, starts_at=at(edition, 0, 9))
    session = services.create_session(
        system_actor, edition, values(edition, room, at(edition, 0, 10))
    )
    assert session.starts_at == at(edition, 0, 10)


def test_create_session_cancelled_session_does_not_block_room(edition, system_actor):
    room = RoomFactory(edition=edition)
    SessionFactory(edition=edition, room=room, starts_at=at(edition, 0, 9), status="cancelled")
    session = services.create_session(
        system_actor, edition, values(edition, room, at(edition, 0, 9))
    )
    assert session.room == room


def test_create_session_speaker_in_two_places_names_both(edition, system_actor):
    speaker = SpeakerFactory(edition=edition, name="Li Wei")
    other = SessionFactory(
        edition=edition, title={"en": "AI keynote"}, starts_at=at(edition, 1, 14)
    )
    services.add_speaker(system_actor, other, speaker)
    with pytest.raises(ValidationError) as caught:
        services.create_session(
            system_actor,
            edition,
            values(edition, RoomFactory(edition=edition), at(edition, 1, 14, 30), title="IoT talk"),
            speakers=[speaker],
        )
    assert caught.value.message_dict == {
        "speakers": [
            "Li Wei is already at “AI keynote” (Thu 12 Nov 14:00–15:00), at the same time as "
            "“IoT talk” (Thu 12 Nov 14:30–15:30)."
        ]
    }


def test_add_speaker_already_elsewhere_is_refused(edition, system_actor):
    speaker = SpeakerFactory(edition=edition, name="Marie Curie")
    first = SessionFactory(edition=edition, starts_at=at(edition, 2, 10))
    second = SessionFactory(edition=edition, starts_at=at(edition, 2, 10, 15))
    services.add_speaker(system_actor, first, speaker)
    with pytest.raises(ValidationError) as caught:
        services.add_speaker(system_actor, second, speaker)
    assert list(caught.value.message_dict) == ["speakers"]
    assert second.session_speakers.count() == 0


def test_create_session_outside_edition_days_is_refused(edition, system_actor):
    room = RoomFactory(edition=edition)
    with pytest.raises(ValidationError) as caught:
        services.create_session(
            system_actor, edition, values(edition, room, at(edition, 5, 9), title="Late talk")
        )
    assert caught.value.message_dict == {
        "starts_at": [
            "“Late talk” (Mon 16 Nov 09:00–10:00) is outside the edition's days "
            "(Nov. 11, 2026 – Nov. 15, 2026, Asia/Shanghai)."
        ]
    }


def test_create_session_just_before_midnight_local_is_inside_last_day(edition, system_actor):
    room = RoomFactory(edition=edition)
    start = at(edition, 4, 23)
    session = services.create_session(system_actor, edition, values(edition, room, start))
    assert session.ends_at == at(edition, 5, 0)


def test_update_session_moving_into_taken_room_is_refused(edition, system_actor):
    room = RoomFactory(edition=edition)
    SessionFactory(edition=edition, room=room, starts_at=at(edition, 0, 9))
    moving = SessionFactory(edition=edition, starts_at=at(edition, 0, 9))
    with pytest.raises(ValidationError) as caught:
        services.update_session(system_actor, moving, {"room": room})
    assert list(caught.value.message_dict) == ["room"]
    assert Session.objects.get(pk=moving.pk).room_id != room.pk


def test_update_session_own_slot_is_not_a_conflict(edition, system_actor):
    session = SessionFactory(edition=edition, starts_at=at(edition, 0, 9))
    services.update_session(system_actor, session, {"title": {"en": "Renamed"}})
    assert Session.objects.get(pk=session.pk).title == {"en": "Renamed"}


def test_create_session_end_before_start_is_refused(edition, system_actor):
    start = at(edition, 0, 9)
    with pytest.raises(ValidationError) as caught:
        services.create_session(
            system_actor,
            edition,
            {"title": {"en": "Backwards"}, "starts_at": start, "ends_at": start},
        )
    assert list(caught.value.message_dict) == ["ends_at"]


def test_create_session_without_programme_permission_is_denied(edition, staff_user):
    actor = Actor.for_user(staff_user(edition, "sales"))
    with pytest.raises(PermissionDenied):
        services.create_session(actor, edition, values(edition, None, at(edition, 0, 9)))
    assert Session.objects.count() == 0
