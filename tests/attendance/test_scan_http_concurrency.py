"""Concurrent scans through real HTTP requests (the threaded live server) on PostgreSQL."""

import threading

import httpx
import pytest

from showfloor.attendance.models import EntryScan
from showfloor.attendance.services import register_device
from showfloor.core.permissions import Actor
from tests.attendance.factories import AccessRuleFactory, BadgeFactory
from tests.utils import requires_postgresql


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_scan_api_concurrent_requests_admit_one_badge_once(live_server, edition, show_day):
    badge = BadgeFactory(participant__edition=edition)
    AccessRuleFactory(edition=edition, reentry_allowed=False)
    keys = [register_device(Actor.system(), edition, f"gate {n}")[1] for n in range(6)]
    url = f"{live_server.url}/api/v1/editions/{edition.slug}/scans"
    httpx.get(f"{live_server.url}/api/v1/openapi.json", timeout=120)  # warm the server up
    barrier, results = threading.Barrier(len(keys)), []

    def gate(key):
        barrier.wait()
        response = httpx.post(
            url,
            json={"nonce": "same-instant-1", "secret": badge.secret},
            headers={"Authorization": f"Bearer {key}"},
            timeout=60,
        )
        results.append(response.json()["result"])

    threads = [threading.Thread(target=gate, args=(key,)) for key in keys]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["accepted"] + ["already_inside"] * 5
    assert EntryScan.objects.filter(badge=badge, result="accepted").count() == 1
