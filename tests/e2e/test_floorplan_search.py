"""Journey: a visitor searches the floor plan for an exhibitor, sees its booth highlighted and
clicks through to its virtual booth."""

from __future__ import annotations

import pytest

from showfloor.core.permissions import Actor
from showfloor.floorplan import services
from tests.factories import EditionFactory
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, HallFactory, VenueFactory


@pytest.mark.django_db(transaction=True)
def test_search_highlights_the_booth_and_opens_the_virtual_booth(page, live_server):
    edition = EditionFactory(status="published")
    hall = HallFactory(venue=VenueFactory(edition=edition), code="hall-9")
    system = Actor.system("tests")
    placements = []
    for index in range(12):
        name = {"en": f"Company {index}", "zh-hans": f"公司{index}"}
        if index == 7:
            name = {"en": "Nova Photonics", "zh-hans": "新星光电"}
        exhibitor = ExhibitorFactory(edition=edition, organization__name=name)
        placements.append((BoothFactory(hall=hall, code=f"9A{index:02d}"), exhibitor))
    services.place_exhibitors(system, edition, placements)
    _target_booth, target = placements[7]
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server.url}{hall.urls.public}")
    page.fill("#plan-search", "新星")
    page.click("form[role=search] button[type=submit]")
    page.wait_for_selector("#plan-frame[data-ready=true]")

    highlighted = page.locator("svg.hall-plan .booth.is-highlighted")
    assert highlighted.count() == 1
    assert highlighted.get_attribute("data-code") == "9A07"
    assert page.locator("#plan-results a.match").inner_text() == "Nova Photonics (9A07)"
    # The plan zoomed in on the booth: it now spans a good part of the view.
    box = highlighted.bounding_box()
    assert box is not None
    assert box["width"] > 40

    highlighted.click()
    page.wait_for_url(f"{live_server.url}{target.urls.public}")
    assert "Nova Photonics" in page.locator("h1").first.inner_text()
    assert errors == []
