import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, connection, transaction

from showfloor.attendance.enums import ScanResult
from showfloor.attendance.models import EntryScan
from showfloor.attendance.services import (
    ScanRequest,
    offline_list,
    record_scans,
    reprint_badge,
    revoke_device,
    scan_badge,
)
from showfloor.core.permissions import Actor
from tests.attendance.factories import (
    AccessRuleFactory,
    BadgeFactory,
    GateFactory,
    ScannerDeviceFactory,
)
from tests.utils import requires_postgresql


@pytest.fixture
def device(edition):
    return ScannerDeviceFactory(edition=edition)


@pytest.fixture
def badge(edition):
    return BadgeFactory(participant__edition=edition)


def test_scan_badge_valid_is_accepted(device, badge, show_day):
    outcome = scan_badge(device, nonce="n-000001", secret=badge.secret)
    assert (outcome.scan.result, outcome.replayed, outcome.scan.day) == (
        ScanResult.ACCEPTED,
        False,
        show_day.date(),
    )


def test_scan_badge_unknown_secret_is_refused_and_recorded(device, show_day):
    scan_badge(device, nonce="n-000001", secret="not-a-badge")
    assert list(EntryScan.objects.values_list("result", "badge")) == [(ScanResult.UNKNOWN, None)]


def test_scan_badge_revoked_after_reprint_is_refused(device, badge, show_day):
    reprint_badge(Actor.system(), badge.participant)
    assert scan_badge(device, nonce="n-000001", secret=badge.secret).scan.result == "revoked"


def test_scan_badge_retry_with_same_nonce_returns_first_answer(device, badge, show_day):
    first = scan_badge(device, nonce="n-000001", secret=badge.secret)
    again = scan_badge(device, nonce="n-000001", secret=badge.secret)
    assert (again.replayed, again.scan.pk, EntryScan.objects.count()) == (True, first.scan.pk, 1)


def test_scan_badge_same_nonce_on_two_devices_is_two_scans(edition, badge, show_day):
    AccessRuleFactory(edition=edition, reentry_allowed=True)
    for device in ScannerDeviceFactory.create_batch(2, edition=edition):
        scan_badge(device, nonce="n-000001", secret=badge.secret)
    assert EntryScan.objects.filter(result="accepted").count() == 2


def test_scan_badge_second_entry_without_reentry_is_already_inside(device, badge, show_day):
    AccessRuleFactory(edition=badge.edition, reentry_allowed=False)
    scan_badge(device, nonce="n-000001", secret=badge.secret)
    assert scan_badge(device, nonce="n-000002", secret=badge.secret).scan.result == (
        ScanResult.ALREADY_INSIDE
    )


def test_scan_badge_second_entry_with_reentry_is_accepted(device, badge, show_day):
    AccessRuleFactory(edition=badge.edition, reentry_allowed=True)
    scan_badge(device, nonce="n-000001", secret=badge.secret)
    assert scan_badge(device, nonce="n-000002", secret=badge.secret).scan.result == "accepted"


def test_scan_badge_with_reentry_marks_only_the_first_entry_of_the_day(device, badge, show_day):
    AccessRuleFactory(edition=badge.edition, reentry_allowed=True)
    for nonce in ("n-000001", "n-000002", "n-000003"):
        scan_badge(device, nonce=nonce, secret=badge.secret)
    assert list(EntryScan.objects.order_by("id").values_list("first_of_day", flat=True)) == [
        True,
        False,
        False,
    ]


def test_scan_badge_reprinted_badge_same_day_is_already_inside(device, badge, show_day):
    AccessRuleFactory(edition=badge.edition, reentry_allowed=False)
    scan_badge(device, nonce="n-000001", secret=badge.secret)
    new_badge = reprint_badge(Actor.system(), badge.participant)
    assert scan_badge(device, nonce="n-000002", secret=new_badge.secret).scan.result == (
        ScanResult.ALREADY_INSIDE
    )


def test_scan_badge_second_first_entry_is_refused_by_the_database(device, badge, show_day):
    first = scan_badge(device, nonce="n-000001", secret=badge.secret).scan
    duplicate = EntryScan(
        edition=first.edition,
        device=device,
        nonce="n-000002",
        participant=first.participant,
        result=ScanResult.ACCEPTED,
        day=first.day,
        scanned_at=first.scanned_at,
        received_at=first.received_at,
        first_of_day=True,
    )
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_scan_badge_day_outside_rule_is_wrong_day(device, badge, show_day):
    AccessRuleFactory(edition=badge.edition, days=[badge.edition.start_date.isoformat()])
    assert scan_badge(device, nonce="n-000001", secret=badge.secret).scan.result == "wrong_day"


def test_scan_badge_day_outside_registration_days_is_wrong_day(device, edition, show_day):
    badge = BadgeFactory(participant__edition=edition, participant__days=["2026-11-15"])
    assert scan_badge(device, nonce="n-000001", secret=badge.secret).scan.result == "wrong_day"


def test_scan_badge_gate_outside_rule_is_wrong_gate(edition, badge, show_day):
    allowed, other = GateFactory(edition=edition), GateFactory(edition=edition)
    rule = AccessRuleFactory(edition=edition)
    rule.gates.set([allowed])
    device = ScannerDeviceFactory(edition=edition, gate=other)
    assert scan_badge(device, nonce="n-000001", secret=badge.secret).scan.result == "wrong_gate"


def test_scan_badge_gate_code_overrides_device_gate(edition, badge, show_day):
    allowed = GateFactory(edition=edition)
    rule = AccessRuleFactory(edition=edition)
    rule.gates.set([allowed])
    device = ScannerDeviceFactory(edition=edition)
    outcome = scan_badge(device, nonce="n-000001", secret=badge.secret, gate_code=allowed.code)
    assert (outcome.scan.result, outcome.scan.gate) == ("accepted", allowed)


def test_scan_badge_revoked_device_is_forbidden(edition, badge, show_day):
    device = ScannerDeviceFactory(edition=edition)
    revoke_device(Actor.system(), device)
    with pytest.raises(PermissionDenied):
        scan_badge(device, nonce="n-000001", secret=badge.secret)


def test_scan_badge_badge_of_other_edition_is_unknown(device, show_day):
    other = BadgeFactory()
    assert scan_badge(device, nonce="n-000001", secret=other.secret).scan.result == "unknown"


def _offline(nonce, secret, when, local="accepted"):
    return ScanRequest(nonce=nonce, secret=secret, scanned_at=when, local_result=local)


def test_record_scans_offline_merge_two_devices_admits_once_and_reports_conflict(
    edition, badge, show_day
):
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    first, second = ScannerDeviceFactory.create_batch(2, edition=edition)
    early, late = show_day - dt.timedelta(minutes=30), show_day - dt.timedelta(minutes=20)
    record_scans(first, [_offline("a-000001", badge.secret, early)], offline=True)
    outcomes = record_scans(second, [_offline("b-000001", badge.secret, late)], offline=True)
    assert (outcomes[0].scan.result, outcomes[0].scan.conflict) == ("already_inside", "accepted")
    assert EntryScan.objects.filter(result="accepted").count() == 1


def test_record_scans_offline_batch_uploaded_twice_has_no_duplicates(edition, badge, show_day):
    device = ScannerDeviceFactory(edition=edition)
    batch = [
        _offline(f"n-{i:06}", badge.secret, show_day - dt.timedelta(minutes=i)) for i in range(3)
    ]
    record_scans(device, batch, offline=True)
    again = record_scans(device, batch, offline=True)
    assert [outcome.replayed for outcome in again] == [True, True, True]
    assert EntryScan.objects.count() == 3


def test_record_scans_offline_keeps_device_time_and_orders_by_it(edition, badge, show_day):
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    device = ScannerDeviceFactory(edition=edition)
    later = _offline("n-000002", badge.secret, show_day - dt.timedelta(minutes=5), "already_inside")
    earlier = _offline("n-000001", badge.secret, show_day - dt.timedelta(minutes=50))
    outcomes = record_scans(device, [later, earlier], offline=True)
    assert [outcome.scan.result for outcome in outcomes] == ["already_inside", "accepted"]
    assert outcomes[1].scan.scanned_at == show_day - dt.timedelta(minutes=50)


def test_offline_list_holds_hashes_not_secrets(device, badge, show_day):
    data = offline_list(device)
    assert data["badges"] == [[badge.secret_hash, "professional", []]]
    assert badge.secret not in str(data)


def test_offline_list_shows_a_reprinted_badge_inside_when_the_old_one_entered(
    device, badge, show_day
):
    scan_badge(device, nonce="n-000001", secret=badge.secret)
    new_badge = reprint_badge(Actor.system(), badge.participant)
    data = offline_list(device)
    assert data["entered"] == [[new_badge.secret_hash, show_day.date().isoformat()]]


def _concurrent(edition, badge, devices):
    results, barrier = [], threading.Barrier(len(devices))

    def worker(device, index):
        try:
            barrier.wait()
            outcome = scan_badge(device, nonce=f"c-{index:06}", secret=badge.secret)
            results.append(outcome.scan.result)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(d, i)) for i, d in enumerate(devices)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(results)


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_scan_badge_concurrent_devices_admit_once_without_reentry(edition, show_day):
    badge = BadgeFactory(participant__edition=edition)
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    devices = ScannerDeviceFactory.create_batch(8, edition=edition)
    assert _concurrent(edition, badge, devices) == ["accepted"] + ["already_inside"] * 7


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_scan_badge_concurrent_retries_of_one_nonce_record_once(edition, show_day):
    badge = BadgeFactory(participant__edition=edition)
    device = ScannerDeviceFactory(edition=edition)
    barrier, results = threading.Barrier(6), []

    def worker():
        try:
            barrier.wait()
            results.append(scan_badge(device, nonce="same-nonce", secret=badge.secret).replayed)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert (sorted(results), EntryScan.objects.count()) == ([False] + [True] * 5, 1)


def test_record_scans_offline_batch_larger_than_one_insert_records_each_once(edition, show_day):
    device = ScannerDeviceFactory(edition=edition)
    badges = BadgeFactory.create_batch(3, participant__edition=edition)
    batch = [
        _offline(f"n-{i:06}", badges[i % 3].secret, show_day - dt.timedelta(seconds=i))
        for i in range(1201)
    ]
    outcomes = record_scans(device, batch, offline=True)
    ids = {outcome.scan.pk for outcome in outcomes}
    assert (len(ids), None in ids, EntryScan.objects.count()) == (1201, False, 1201)
    assert EntryScan.objects.filter(nonce="n-001200").get().pk == outcomes[1200].scan.pk
