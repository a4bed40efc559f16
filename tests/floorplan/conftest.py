from __future__ import annotations

import pytest

from tests.floorplan.factories import HallFactory, VenueFactory


@pytest.fixture
def hall(edition):
    return HallFactory(venue=VenueFactory(edition=edition), code="hall-1")
