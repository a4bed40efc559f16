"""Concurrent accepts and bookings on PostgreSQL: no slot is given twice, no request answered
twice."""

from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from showfloor.core.permissions import Actor
from showfloor.matchmaking import services
from showfloor.matchmaking.models import Meeting, MeetingSeat
from tests.factories import EditionFactory
from tests.matchmaking.factories import make_slots, make_tables, person
from tests.utils import requires_postgresql

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]


def race(*calls):
    """Run the calls at the same moment in threads; return their results or errors."""
    barrier = threading.Barrier(len(calls))
    results: list[object] = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            results[i] = call()
        except (ValidationError, Exception) as error:
            results[i] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_bookings_of_one_person_in_one_slot_give_it_once():
    edition = EditionFactory()
    actor = Actor.system("tests")
    slots = make_slots(edition, 1)
    make_tables(edition, 2)
    hub, a, b = person(edition), person(edition), person(edition)
    first = services.accept_request(
        actor, services.send_request(actor, a.participant, hub.participant)
    )
    second = services.accept_request(
        actor, services.send_request(actor, b.participant, hub.participant)
    )

    results = race(
        lambda: services.book_meeting(actor, first, slots[0]),
        lambda: services.book_meeting(actor, second, slots[0]),
    )

    assert sorted(type(r).__name__ for r in results) == ["Meeting", "ValidationError"]
    assert MeetingSeat.objects.filter(participant=hub.participant, slot=slots[0]).count() == 1


def test_two_bookings_of_the_last_table_give_it_once():
    edition = EditionFactory()
    actor = Actor.system("tests")
    slots = make_slots(edition, 1)
    make_tables(edition, 1)
    people = [person(edition) for _ in range(4)]
    m1 = services.accept_request(
        actor, services.send_request(actor, people[0].participant, people[1].participant)
    )
    m2 = services.accept_request(
        actor, services.send_request(actor, people[2].participant, people[3].participant)
    )

    results = race(
        lambda: services.book_meeting(actor, m1, slots[0]),
        lambda: services.book_meeting(actor, m2, slots[0]),
    )

    assert sorted(type(r).__name__ for r in results) == ["Meeting", "ValidationError"]
    assert Meeting.objects.filter(status="scheduled").count() == 1


def test_two_accepts_of_one_request_make_one_meeting():
    edition = EditionFactory()
    actor = Actor.system("tests")
    a, b = person(edition), person(edition)
    request = services.send_request(actor, a.participant, b.participant)

    results = race(
        lambda: services.accept_request(actor, request),
        lambda: services.accept_request(actor, request),
    )

    assert sorted(type(r).__name__ for r in results) == ["Meeting", "ValidationError"]
    assert Meeting.objects.count() == 1
