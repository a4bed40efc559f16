"""A visitor asks to meet an exhibitor from their recommendations; the exhibitor accepts; staff
run "schedule all"; both find the meeting in their agenda and download it as iCalendar."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from showfloor.core.enums import StaffRoleName
from tests.attendance.factories import ParticipantFactory
from tests.e2e.helpers import login
from tests.factories import UserFactory
from tests.matchmaking.factories import ProfileFactory, make_slots, make_tables


def download_ics(page, live_server, edition) -> list[str]:
    page.goto(f"{live_server.url}/{edition.slug}/matchmaking/agenda/")
    with page.expect_download() as info:
        page.get_by_role("link", name="Add to my calendar (iCalendar)").click()
    calendar = icalendar.Calendar.from_ical(Path(info.value.path()).read_bytes())
    return [str(event["summary"]) for event in calendar.walk("VEVENT")]


@pytest.mark.django_db(transaction=True)
def test_visitor_requests_exhibitor_accepts_staff_schedules(page, live_server, edition, staff_user):
    make_slots(edition, 3, starts_at=dt.datetime(2030, 11, 12, 1, tzinfo=dt.UTC))
    make_tables(edition, 2)
    visitor = ParticipantFactory(
        edition=edition, first_name="Mei", last_name="Chen", user=UserFactory(username="visitor1")
    )
    exhibitor = ParticipantFactory(
        edition=edition,
        first_name="Paul",
        last_name="Martin",
        type="exhibitor_staff",
        organization_name="Recycle Power",
        user=UserFactory(username="exhibitor1"),
    )
    ProfileFactory(
        participant=visitor,
        edition=edition,
        offers=["investment"],
        seeks=["technology"],
        offer_text={"en": "Growth capital for clean energy start-ups"},
        seek_text={"en": "We seek battery recycling technology partners"},
    )
    ProfileFactory(
        participant=exhibitor,
        edition=edition,
        offers=["technology"],
        seeks=["investment"],
        offer_text={"fr": "Nous proposons une technologie de recyclage des batteries"},
        seek_text={"fr": "Nous recherchons des investisseurs pour notre croissance"},
    )
    staff_user(edition, StaffRoleName.MATCHMAKING, username="broker")

    login(page, live_server, "visitor1")
    page.goto(f"{live_server.url}/{edition.slug}/matchmaking/recommendations/")
    card = page.locator(".recommendation").filter(has_text="Paul Martin")
    assert "You seek Technology; they offer it." in card.inner_text()
    card.get_by_label("Message").fill("Can we talk about recycling?")
    card.get_by_role("button", name="Request a meeting").click()
    assert page.locator("tbody tr").filter(has_text="Paul Martin").count() == 1

    page.context.clear_cookies()
    login(page, live_server, "exhibitor1")
    page.goto(f"{live_server.url}/{edition.slug}/matchmaking/requests/")
    row = page.locator("tr").filter(has_text="Mei Chen")
    assert "Can we talk about recycling?" in row.inner_text()
    row.get_by_role("button", name="Accept").click()
    assert "Request accepted" in page.locator(".messages").inner_text()

    page.context.clear_cookies()
    login(page, live_server, "broker")
    page.goto(f"{live_server.url}/{edition.slug}/manage/matchmaking/")
    page.get_by_role("button", name="Schedule all").click()
    assert "1 meetings scheduled" in page.locator(".messages").inner_text()

    page.context.clear_cookies()
    login(page, live_server, "exhibitor1")
    assert download_ics(page, live_server, edition) == ["Meeting with Mei Chen"]
    page.context.clear_cookies()
    login(page, live_server, "visitor1")
    page.goto(f"{live_server.url}/{edition.slug}/matchmaking/agenda/")
    assert "Paul Martin" in page.locator("table.agenda").inner_text()
    assert download_ics(page, live_server, edition) == ["Meeting with Paul Martin"]
