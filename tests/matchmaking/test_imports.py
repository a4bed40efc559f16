"""Imports of profiles and requests: all rows or none, every bad row named."""

from __future__ import annotations

import io
import json

import pytest
from django.core.exceptions import ValidationError
from openpyxl import Workbook

from showfloor.matchmaking.importers import import_file
from showfloor.matchmaking.models import Meeting, MeetingRequest, Profile
from tests.matchmaking.factories import make_slots, make_tables, person

pytestmark = pytest.mark.django_db


def test_import_requests_csv_creates_requests(edition, system_actor):
    a, b = person(edition, email="a@example.org"), person(edition, email="b@example.org")
    content = b"requester_email,recipient_email,message\na@example.org,b@example.org,Hi\n"

    count = import_file(system_actor, edition, "requests", "requests.csv", content)

    assert count == 1
    assert list(MeetingRequest.objects.values_list("requester_id", "recipient_id", "message")) == [
        (a.participant.pk, b.participant.pk, "Hi")
    ]


def test_import_requests_with_bad_rows_names_them_and_writes_nothing(edition, system_actor):
    person(edition, email="a@example.org")
    person(edition, email="b@example.org")
    content = (
        b"requester_email,recipient_email\n"
        b"a@example.org,b@example.org\n"
        b"a@example.org,nobody@example.org\n"
        b",b@example.org\n"
    )

    with pytest.raises(ValidationError) as error:
        import_file(system_actor, edition, "requests", "requests.csv", content)

    assert error.value.messages == [
        "Row 3: no participant with this e-mail",
        "Row 4: requester_email is required.",
    ]
    assert MeetingRequest.objects.count() == 0


def test_import_profiles_xlsx_sets_intents(edition, system_actor):
    target = person(edition, email="x@example.org")
    book = Workbook()
    book.active.append(["email", "offers", "seeks", "offer_text"])
    book.active.append(["x@example.org", "technology", "investment supply", "Solid-state cells"])
    buffer = io.BytesIO()
    book.save(buffer)

    import_file(system_actor, edition, "participants", "profiles.xlsx", buffer.getvalue())

    profile = Profile.objects.get(pk=target.pk)
    assert (profile.offers, profile.seeks, profile.offer_text) == (
        ["technology"],
        ["investment", "supply"],
        {"en": "Solid-state cells"},
    )


def test_import_profiles_json_with_unknown_intent_is_refused(edition, system_actor):
    person(edition, email="x@example.org")
    content = json.dumps([{"email": "x@example.org", "offers": "teleportation"}]).encode()

    with pytest.raises(ValidationError) as error:
        import_file(system_actor, edition, "participants", "profiles.json", content)

    assert error.value.messages == ["Row 2: unknown intent teleportation"]


def test_import_unknown_file_type_is_refused(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        import_file(system_actor, edition, "requests", "requests.txt", b"hello")

    assert error.value.messages == ["Use a .csv, .xlsx or .json file."]


def test_import_schedule_books_and_locks_meeting_at_table(edition, system_actor):
    slots = make_slots(edition, 2)
    make_tables(edition, 3)
    person(edition, email="a@example.org")
    person(edition, email="b@example.org")
    content = (
        "email_a,email_b,starts_at,table\n"
        f"a@example.org,b@example.org,{slots[1].starts_at.isoformat()},3\n"
    ).encode()

    import_file(system_actor, edition, "schedule", "schedule.csv", content)

    assert list(Meeting.objects.values_list("slot_id", "table__number", "locked")) == [
        (slots[1].pk, 3, True)
    ]


def test_import_schedule_at_unknown_time_is_refused(edition, system_actor):
    make_slots(edition, 1)
    person(edition, email="a@example.org")
    person(edition, email="b@example.org")
    content = b"email_a,email_b,starts_at\na@example.org,b@example.org,2031-01-01T09:00:00\n"

    with pytest.raises(ValidationError) as error:
        import_file(system_actor, edition, "schedule", "schedule.csv", content)

    assert error.value.messages == ["Row 2: starts_at: no slot starts at this time"]
    assert Meeting.objects.count() == 0
