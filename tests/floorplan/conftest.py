from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.floorplan.factories import HallFactory, VenueFactory


@pytest.fixture
def hall(edition):
    return HallFactory(venue=VenueFactory(edition=edition), code="hall-1")


@pytest.fixture(autouse=True)
def _fresh_plan_cache():
    """Rendered plans are cached by hall and version; ids repeat across tests."""
    cache.clear()
    yield
    cache.clear()
