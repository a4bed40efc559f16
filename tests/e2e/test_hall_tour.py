"""Journey: a visitor takes the 360° tour of a hall and follows a hotspot to a booth."""

from __future__ import annotations

from decimal import Decimal

import pytest

from showfloor.core.permissions import Actor
from showfloor.floorplan import panorama, services
from tests.factories import EditionFactory
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, HallFactory, VenueFactory


@pytest.mark.django_db(transaction=True)
def test_hall_hotspot_opens_the_booth(page, live_server):
    edition = EditionFactory(status="published")
    hall = HallFactory(venue=VenueFactory(edition=edition), code="hall-3")
    system = Actor.system("tests")
    target = ExhibitorFactory(edition=edition, organization__name={"en": "Orbit Robotics"})
    booth = BoothFactory(hall=hall, code="3C05", at=(30, 12))
    services.place_exhibitors(system, edition, [(booth, target)])
    camera = (Decimal(31), Decimal(20))
    image = panorama.draw(hall.points, [(booth, "#0072b2")], camera, width=1024)
    services.set_hall_panorama(system, hall, image)
    services.place_tour_hotspots(system, hall, camera)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server.url}{hall.urls.tour}")
    page.wait_for_selector("#tour[data-ready=true]")
    marker = page.locator("#psv-marker-booth-3C05")
    marker.wait_for(state="visible")
    assert marker.inner_text() == "3C05"

    marker.click()
    page.wait_for_url(f"{live_server.url}{target.urls.public}")
    assert "Orbit Robotics" in page.locator("h1").first.inner_text()
    assert errors == []
