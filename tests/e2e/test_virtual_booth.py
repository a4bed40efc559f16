"""Journey: a visitor opens a virtual booth and looks around its 360° panorama."""

from __future__ import annotations

import io

import pytest

from showfloor.core.permissions import Actor
from showfloor.exhibitors import services
from showfloor.exhibitors.views import meeting_url
from tests.exhibitors.factories import ExhibitorFactory, image_bytes
from tests.factories import EditionFactory


def absolute(url: str, exhibitor) -> str:
    return exhibitor.urls.public + url if url.startswith("#") else url


@pytest.mark.django_db(transaction=True)
def test_virtual_booth_loads_the_panorama_in_the_viewer(page, live_server):
    edition = EditionFactory(status="published")
    exhibitor = ExhibitorFactory(edition=edition, contact_email="booth@example.org")
    services.add_media(
        Actor.system("tests"),
        exhibitor,
        "panorama",
        upload=io.BytesIO(image_bytes((1024, 512), "JPEG")),
        filename="stand.jpg",
        title={"en": "Our stand"},
    )
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(f"{live_server.url}{exhibitor.urls.public}")
    viewer = page.locator("#panorama-viewer")
    viewer.locator("canvas").wait_for()
    page.wait_for_selector("#panorama-viewer[data-ready=true]")
    assert errors == []
    assert page.locator("#panorama-viewer .psv-caption-content").inner_text() == "Our stand"
    page.click("#request-meeting")
    # The matchmaking flow's page when that app provides one, else the booth's contact section.
    assert page.url == f"{live_server.url}{absolute(meeting_url(exhibitor), exhibitor)}"
