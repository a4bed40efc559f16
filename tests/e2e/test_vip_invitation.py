"""A VIP opens their personal invitation link, accepts, and gets a badge."""

from __future__ import annotations

import pytest

from showfloor.attendance.models import Badge
from tests.guests.factories import InvitationFactory


@pytest.mark.django_db(transaction=True)
def test_vip_accepts_invitation_through_link_and_gets_badge(page, live_server, edition):
    invitation = InvitationFactory(
        edition=edition, honorific="Prof.", first_name="Ada", last_name="Lovelace"
    )

    page.goto(f"{live_server.url}{invitation.rsvp_url}")
    assert "Dear Prof. Ada Lovelace," in page.locator("h1").inner_text()
    page.get_by_label("I accept").check()
    page.get_by_label("Dietary requirements").fill("Vegetarian")
    page.get_by_role("button", name="Send my reply").click()

    assert page.locator("#invitation-status").inner_text() == "Accepted"
    assert page.locator("#badge-ready").is_visible()
    badge = Badge.objects.get(participant__invitation=invitation)
    assert (badge.participant.type, badge.revoked_at) == ("vip", None)
    assert page.get_by_role("link", name="Download my badge (PDF)").get_attribute("href") == (
        badge.participant.urls.badge_pdf
    )
