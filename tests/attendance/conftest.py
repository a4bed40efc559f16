import datetime as dt

import pytest
from django.utils import timezone

from showfloor.attendance.services import scanning


@pytest.fixture(autouse=True)
def _fresh_rules():
    scanning._rules_cache.clear()
    yield
    scanning._rules_cache.clear()


@pytest.fixture
def show_day(edition, monkeypatch):
    """Freeze 'now' at 10:00 local time on the edition's second day."""
    moment = dt.datetime.combine(
        edition.start_date + dt.timedelta(days=1), dt.time(10), tzinfo=edition.tz
    )

    def now():
        return moment.astimezone(dt.UTC)

    monkeypatch.setattr(timezone, "now", now)
    return moment
