"""The data step of migration 0003: existing scans get their first entry of the day marked."""

import datetime as dt
from importlib import import_module

from django.apps import apps

from showfloor.attendance.models import EntryScan
from tests.attendance.factories import BadgeFactory, ScannerDeviceFactory

first_of_day = import_module("showfloor.attendance.migrations.0003_entry_scan_first_of_day")


def _scan(device, badge, nonce, day, result="accepted"):
    moment = dt.datetime.combine(day, dt.time(10), tzinfo=dt.UTC)
    return EntryScan.objects.create(
        edition=device.edition,
        device=device,
        nonce=nonce,
        badge=badge,
        participant=badge.participant,
        result=result,
        day=day,
        scanned_at=moment,
        received_at=moment,
    )


def test_mark_first_entries_marks_the_first_accepted_scan_per_person_and_day(edition):
    device = ScannerDeviceFactory(edition=edition)
    badge = BadgeFactory(participant__edition=edition)
    day1, day2 = edition.start_date, edition.start_date + dt.timedelta(days=1)
    scans = [
        _scan(device, badge, "n-1", day1, result="wrong_gate"),
        _scan(device, badge, "n-2", day1),
        _scan(device, badge, "n-3", day1),
        _scan(device, badge, "n-4", day2),
    ]
    first_of_day.mark_first_entries(apps, None)
    marked = dict(EntryScan.objects.values_list("nonce", "first_of_day"))
    assert [marked[scan.nonce] for scan in scans] == [False, True, False, True]
