"""Matchmaking figures are counted from the rows."""

from __future__ import annotations

from decimal import Decimal

import pytest

from showfloor.matchmaking import figures, services
from tests.matchmaking.factories import make_slots, make_tables, person

pytestmark = pytest.mark.django_db


def values(edition):
    return {f.key: f.value for f in figures.key_figures(edition)}


def test_key_figures_count_requests_acceptance_and_held_meetings(edition, system_actor):
    make_slots(edition, 2)
    make_tables(edition, 2)
    a, b, c = person(edition), person(edition), person(edition, attendance_mode="online")
    services.accept_request(
        system_actor, services.send_request(system_actor, a.participant, b.participant)
    )
    online = services.accept_request(
        system_actor, services.send_request(system_actor, a.participant, c.participant)
    )
    services.decline_request(
        system_actor,
        services.send_request(system_actor, b.participant, c.participant),
        reason="no_time",
    )
    services.schedule_all(system_actor, edition)
    services.check_in(system_actor, online, a.participant)
    services.check_in(system_actor, online, c.participant)

    found = values(edition)

    assert {
        key: found[f"matchmaking.{key}"]
        for key in ("requests", "acceptance_rate", "booked", "held", "held_onsite", "held_online")
    } == {
        "requests": 3,
        "acceptance_rate": Decimal("66.7"),
        "booked": 2,
        "held": 1,
        "held_onsite": 0,
        "held_online": 1,
    }
    assert found["matchmaking.meetings_per_participant"] == Decimal("1.0")
