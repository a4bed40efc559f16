import datetime as dt

import pytest

from showfloor.attendance.models import EntryScan
from showfloor.attendance.services import register_device, revoke_device
from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from tests.attendance.factories import AccessRuleFactory, BadgeFactory
from tests.factories import EditionFactory
from tests.utils import api_headers


@pytest.fixture
def device_key(edition):
    _device, key = register_device(Actor.system(), edition, "Gate A handheld")
    return key


def _scan(client, edition, key, nonce="nonce-0001", secret="x", **extra):
    return client.post(
        f"/api/v1/editions/{edition.slug}/scans",
        {"nonce": nonce, "secret": secret, **extra},
        content_type="application/json",
        **api_headers(key),
    )


def test_scan_api_device_token_accepts_badge(client, edition, device_key, show_day):
    badge = BadgeFactory(participant__edition=edition, participant__first_name="Lan")
    response = _scan(client, edition, device_key, secret=badge.secret)
    body = response.json()
    assert (response.status_code, body["result"], body["accepted"], body["participant_name"]) == (
        200,
        "accepted",
        True,
        "Lan",
    )


def test_scan_api_retry_returns_first_answer(client, edition, device_key, show_day):
    badge = BadgeFactory(participant__edition=edition)
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    first = _scan(client, edition, device_key, secret=badge.secret).json()
    again = _scan(client, edition, device_key, secret=badge.secret).json()
    assert (again["result"], again["replayed"], first["replayed"]) == ("accepted", True, False)
    assert EntryScan.objects.count() == 1


def test_scan_api_without_token_is_401(client, edition):
    response = client.post(
        f"/api/v1/editions/{edition.slug}/scans",
        {"nonce": "nonce-0001", "secret": "x"},
        content_type="application/json",
    )
    assert response.status_code == 401


def test_scan_api_revoked_device_is_401(client, edition):
    device, key = register_device(Actor.system(), edition, "Lost phone")
    revoke_device(Actor.system(), device)
    assert _scan(client, edition, key).status_code == 401


def test_scan_api_device_of_other_edition_is_403(client, edition, device_key):
    other = EditionFactory()
    response = _scan(client, other, device_key)
    assert (response.status_code, response.json()["detail"]) == (
        403,
        "You do not have permission to do this.",
    )


def test_scan_api_short_nonce_is_422(client, edition, device_key):
    response = _scan(client, edition, device_key, nonce="1")
    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "nonce")


def test_scan_api_session_of_scanning_staff_uses_web_device(client, edition, staff_user, show_day):
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    badge = BadgeFactory(participant__edition=edition)
    response = client.post(
        f"/api/v1/editions/{edition.slug}/scans",
        {"nonce": "nonce-0001", "secret": badge.secret},
        content_type="application/json",
    )
    assert (response.status_code, EntryScan.objects.get().device.user_id) == (
        200,
        response.wsgi_request.user.pk,
    )


def test_scan_api_session_without_scan_permission_is_403(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.SALES))
    response = client.post(
        f"/api/v1/editions/{edition.slug}/scans",
        {"nonce": "nonce-0001", "secret": "x"},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_scan_batch_api_reports_conflicts(client, edition, device_key, show_day):
    badge = BadgeFactory(participant__edition=edition)
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    when = (show_day - dt.timedelta(minutes=5)).isoformat()
    scans = [
        {
            "nonce": "nonce-0001",
            "secret": badge.secret,
            "scanned_at": when,
            "local_result": "accepted",
        },
        {
            "nonce": "nonce-0002",
            "secret": badge.secret,
            "scanned_at": when,
            "local_result": "accepted",
        },
        {"nonce": "nonce-0003", "secret": "forged", "scanned_at": when, "local_result": "unknown"},
    ]
    response = client.post(
        f"/api/v1/editions/{edition.slug}/scans/batch",
        {"scans": scans},
        content_type="application/json",
        **api_headers(device_key),
    )
    body = response.json()
    assert (body["recorded"], body["replayed"]) == (3, 0)
    assert [(c["nonce"], c["result"], c["conflict"]) for c in body["conflicts"]] == [
        ("nonce-0002", "already_inside", "accepted")
    ]


def test_offline_list_api_gives_hashes_and_rules(client, edition, device_key, show_day):
    badge = BadgeFactory(participant__edition=edition)
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    body = client.get(
        f"/api/v1/editions/{edition.slug}/scanner/offline-list", **api_headers(device_key)
    ).json()
    assert body["badges"] == [[badge.secret_hash, "professional", []]]
    assert body["rules"] == {"professional": {"days": [], "gates": [], "reentry_allowed": False}}
