"""Entrance scan API under load: a real server (gunicorn, 2 workers) on PostgreSQL and an async
load client on loopback, all on this machine.

Phases: (1) 20,000 distinct badges from 16 concurrent clients; (2) 2,000 of them again, all
refused as already inside (re-entry forbidden); (3) 16 clients sending one fresh badge at the
same instant, exactly one accepted; (4) 4,000 fresh badges while a worker process is killed,
clients retrying with the same nonce until they get an answer. Baseline: the trivial JSON
endpoint of the same server (/api/v1/scanner/ping, same token authentication), and the ratio.
(5) When wrk (Debian's package) is installed: fresh distinct badges and the baseline again with
wrk, which measures the server; the Python client needs a core of its own on this machine.

    .venv/bin/python benchmarks/bench_scan.py [--badges 20000] [--clients 16] [--port 8619]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

import httpx
import psycopg

ROOT = Path(__file__).resolve().parents[1]
DB_NAME = "sf_bench_scan"
DB_URL = f"postgres://postgres@127.0.0.1:5432/{DB_NAME}"


def reset_database() -> None:
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {DB_NAME}")


def setup_django() -> None:
    os.environ["SHOWFLOOR_DATABASE_URL"] = DB_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
    os.environ.setdefault("SHOWFLOOR_SECRET_KEY", "bench-" + uuid.uuid4().hex)
    # The ORM is used from the benchmark's event loop only between load phases, never during.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()


def seed(badge_count: int, clients: int) -> tuple[str, list[str], list[str]]:
    """An edition of today, `badge_count` badges, one scanner device per client."""
    import datetime as dt
    import hashlib
    import secrets

    from django.core.management import call_command
    from django.utils import timezone

    from showfloor.attendance.models import Badge, Participant
    from showfloor.attendance.services import register_device, save_access_rule
    from showfloor.core.models import Edition, Expo, Organizer
    from showfloor.core.permissions import Actor

    call_command("migrate", verbosity=0)
    actor = Actor.system("bench")
    organizer = Organizer.objects.create(name="Bench", slug="bench")
    expo = Expo.objects.create(organizer=organizer, name={"en": "Bench"}, slug="bench")
    today = timezone.now().astimezone(dt.UTC).date()
    edition = Edition.objects.create(
        expo=expo,
        number=1,
        name={"en": "Bench"},
        slug="bench",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
        timezone="UTC",
        status="published",
    )
    save_access_rule(actor, edition, "professional", reentry_allowed=False)
    people = Participant.objects.bulk_create(
        [Participant(edition=edition, first_name=f"P{n}") for n in range(badge_count)],
        batch_size=5000,
    )
    secrets_ = [secrets.token_urlsafe(24) for _ in people]
    Badge.objects.bulk_create(
        [
            Badge(
                edition=edition,
                participant=person,
                secret=secret,
                secret_hash=hashlib.sha256(secret.encode()).hexdigest(),
            )
            for person, secret in zip(people, secrets_, strict=True)
        ],
        batch_size=5000,
    )
    keys = [register_device(actor, edition, f"bench {n}")[1] for n in range(clients)]
    return edition.slug, keys, secrets_


def start_server(port: int) -> subprocess.Popen:
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", port)) == 0:
            raise SystemExit(f"port {port} is taken: choose another with --port")
    env = {
        **os.environ,
        "SHOWFLOOR_DATABASE_URL": DB_URL,
        "SHOWFLOOR_DEBUG": "0",
        "SHOWFLOOR_DB_CONN_MAX_AGE": "600",
        "PYTHONPATH": str(ROOT / "src"),
    }
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "showfloor.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--backlog",
            "256",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=str(ROOT),
    )
    deadline = time.monotonic() + 240  # importing every app is slow on a busy machine
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited")
        try:
            httpx.get(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            return server
        except httpx.HTTPError:
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start")


def worker_pids(server: subprocess.Popen) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout
    return [int(pid) for pid in out.split()]


class Load:
    def __init__(self, base: str, slug: str, keys: list[str]) -> None:
        self.base, self.slug, self.keys = base, slug, keys
        self.latencies: list[float] = []
        self.answers: dict[str, dict] = {}
        self.retries = 0

    async def scan(self, client: httpx.AsyncClient, key: str, nonce: str, secret: str) -> dict:
        """POST until answered; a retry keeps the nonce, so it can never count twice."""
        while True:
            started = time.perf_counter()
            try:
                response = await client.post(
                    f"/api/v1/editions/{self.slug}/scans",
                    json={"nonce": nonce, "secret": secret},
                    headers={"Authorization": f"Bearer {key}"},
                )
                if response.status_code == 200:
                    self.latencies.append(time.perf_counter() - started)
                    body = response.json()
                    self.answers[nonce] = body
                    return body
            except httpx.HTTPError:
                pass
            self.retries += 1
            await asyncio.sleep(0.05)

    async def run(self, secrets_: list[str], clients: int, tag: str) -> float:
        queue: asyncio.Queue[str] = asyncio.Queue()
        for secret in secrets_:
            queue.put_nowait(secret)

        async def one(index: int) -> None:
            async with httpx.AsyncClient(base_url=self.base, timeout=30) as client:
                while not queue.empty():
                    secret = queue.get_nowait()
                    await self.scan(client, self.keys[index], f"{tag}-{uuid.uuid4().hex}", secret)

        started = time.perf_counter()
        await asyncio.gather(*(one(index) for index in range(clients)))
        return time.perf_counter() - started


async def baseline(base: str, key: str, clients: int, count: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    remaining = [count]

    async def one() -> None:
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            while remaining[0] > 0:
                remaining[0] -= 1
                started = time.perf_counter()
                response = await client.get(
                    "/api/v1/scanner/ping", headers={"Authorization": f"Bearer {key}"}
                )
                response.raise_for_status()
                latencies.append(time.perf_counter() - started)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(clients)))
    return time.perf_counter() - started, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def burst(base: str, slug: str, keys: list[str], secret: str) -> list[str]:
    """Every client sends the same badge at the same instant (from its own device)."""
    clients = [httpx.AsyncClient(base_url=base, timeout=30) for _ in keys]
    gate = asyncio.Event()

    async def one(client: httpx.AsyncClient, key: str) -> str:
        await gate.wait()
        response = await client.post(
            f"/api/v1/editions/{slug}/scans",
            json={"nonce": uuid.uuid4().hex, "secret": secret},
            headers={"Authorization": f"Bearer {key}"},
        )
        return response.json()["result"]

    tasks = [asyncio.create_task(one(c, k)) for c, k in zip(clients, keys, strict=True)]
    await asyncio.sleep(0.2)
    gate.set()
    results = await asyncio.gather(*tasks)
    for client in clients:
        await client.aclose()
    return sorted(results)


def check_database(slug: str) -> tuple[int, int, int]:
    """(accepted scans, badges admitted more than once on a day, scans recorded)."""
    from django.db.models import Count

    from showfloor.attendance.models import EntryScan

    accepted = EntryScan.objects.filter(edition__slug=slug, result="accepted")
    doubles = accepted.values("badge_id", "day").annotate(n=Count("id")).filter(n__gt=1).count()
    return accepted.count(), doubles, EntryScan.objects.filter(edition__slug=slug).count()


async def main(args: argparse.Namespace) -> None:
    reset_database()
    setup_django()
    fresh_for_burst, fresh_for_kill = 1, 4000
    fresh_for_wrk = args.badges if shutil.which("wrk") else 0
    total = args.badges + fresh_for_burst + fresh_for_kill + fresh_for_wrk
    print(f"seeding {total} badges and {args.clients} devices in {DB_NAME} ...", flush=True)
    slug, keys, secrets_ = seed(total, args.clients)
    distinct = secrets_[: args.badges]
    burst_secret = secrets_[args.badges]
    kill_batch = secrets_[args.badges + 1 : args.badges + 1 + fresh_for_kill]
    wrk_batch = secrets_[args.badges + 1 + fresh_for_kill :]
    server = start_server(args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        await baseline(base, keys[0], args.clients, 500)  # warm both workers
        ping_time, ping_lat = await baseline(base, keys[0], args.clients, 5000)
        ping_rate = 5000 / ping_time

        load = Load(base, slug, keys)
        elapsed = await load.run(distinct, args.clients, "d")
        rate = len(distinct) / elapsed
        accepted = sum(1 for a in load.answers.values() if a["result"] == "accepted")
        print(
            f"\n1. {len(distinct)} distinct badges, {args.clients} clients: {rate:.0f} scans/s, "
            f"p50 {pct(load.latencies, 0.5):.1f} ms, p99 {pct(load.latencies, 0.99):.1f} ms, "
            f"accepted {accepted}/{len(distinct)}"
        )
        print(
            f"   baseline GET /api/v1/scanner/ping: {ping_rate:.0f} req/s, "
            f"p50 {pct(ping_lat, 0.5):.1f} ms, p99 {pct(ping_lat, 0.99):.1f} ms"
        )
        print(f"   ratio scan/baseline throughput: {rate / ping_rate:.2f}")

        repeat = Load(base, slug, keys)
        elapsed = await repeat.run(distinct[:2000], args.clients, "r")
        refused = sum(1 for a in repeat.answers.values() if a["result"] == "already_inside")
        print(
            f"2. 2000 repeated badges: {2000 / elapsed:.0f} scans/s, p99 "
            f"{pct(repeat.latencies, 0.99):.1f} ms, refused as already inside {refused}/2000"
        )

        results = await burst(base, slug, keys, burst_secret)
        print(
            f"3. {args.clients} clients, one badge, same instant: "
            f"{results.count('accepted')} accepted, {results.count('already_inside')} refused"
        )

        killer = Load(base, slug, keys)
        task = asyncio.create_task(killer.run(kill_batch, args.clients, "k"))
        await asyncio.sleep(1.5)
        victims = worker_pids(server)
        os.kill(victims[0], signal.SIGKILL)
        elapsed = await task
        kill_accepted = sum(1 for a in killer.answers.values() if a["result"] == "accepted")
        print(
            f"4. {len(kill_batch)} badges, worker {victims[0]} killed after 1.5 s: "
            f"{len(kill_batch) / elapsed:.0f} scans/s, {killer.retries} retries, answered "
            f"{len(killer.answers)}/{len(kill_batch)}, accepted {kill_accepted}"
        )

        accepted_db, doubles, recorded = check_database(slug)
        expected = args.badges + 1 + len(kill_batch)
        print(
            f"\ndatabase: {accepted_db} accepted entries (expected {expected}), "
            f"{doubles} double entries, {recorded} scans recorded "
            f"(expected {args.badges + 2000 + args.clients + len(kill_batch)}; lost "
            f"{args.badges + 2000 + args.clients + len(kill_batch) - recorded})"
        )
        if wrk_batch:
            wrk_phase(base, slug, keys[0], wrk_batch, args.clients, accepted_db)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


LUA = """
local secrets = {%s}
local counter = 0
local threads = 0
local path = "%s"
local headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function init(args) counter = 0 end
function request()
  counter = counter + 1
  local index = ((counter - 1) * 2 + id) %% #secrets + 1
  local nonce = string.format("wrk-%%d-%%08d", id, counter)
  local body = '{"nonce": "' .. nonce .. '", "secret": "' .. secrets[index] .. '"}'
  return wrk.format("POST", path, headers, body)
end
"""


def milliseconds(text: str) -> float:
    """wrk's durations: '850.00us', '12.34ms', '1.20s'."""
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    raise ValueError(f"unexpected wrk duration {text!r}")


def wrk(args: list[str]) -> tuple[float, float, int]:
    """(requests/s, p99 ms, non-2xx) printed by wrk --latency."""
    out = subprocess.run(
        ["wrk", "--latency", *args], capture_output=True, text=True, check=True
    ).stdout
    rate = float(out.split("Requests/sec:")[1].split()[0])
    p99_ms = milliseconds(out.split("99%")[1].split()[0])
    bad = int(out.split("Non-2xx or 3xx responses:")[1].split()[0]) if "Non-2xx" in out else 0
    return rate, p99_ms, bad


def wrk_phase(
    base: str, slug: str, key: str, secrets_: list[str], clients: int, accepted_before: int
) -> None:
    # 2 threads alternate over the list, so each badge is sent once while the run is shorter
    # than the list; 5 s at the rates seen here stays well inside 20,000 badges.
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            LUA
            % (
                ", ".join(f'"{secret}"' for secret in secrets_),
                f"/api/v1/editions/{slug}/scans",
                key,
            )
        )
    common = ["-t2", f"-c{clients}", "-d5s"]
    ping_rate, ping_p99, _bad = wrk(
        [*common, "-H", f"Authorization: Bearer {key}", f"{base}/api/v1/scanner/ping"]
    )
    rate, p99, bad = wrk([*common, "-s", script.name, f"{base}/api/v1/editions/{slug}/scans"])
    os.unlink(script.name)
    accepted, doubles, _recorded = check_database(slug)
    print(
        f"\n5. wrk, {clients} connections, fresh distinct badges: {rate:.0f} scans/s, p99 "
        f"{p99:.1f} ms, non-2xx {bad}; baseline ping {ping_rate:.0f} req/s (p99 {ping_p99:.1f} "
        f"ms); ratio {rate / ping_rate:.2f}; accepted by wrk {accepted - accepted_before}, "
        f"double entries {doubles}"
    )
    verdict = "met" if rate >= 500 and p99 < 100 and bad == 0 else "NOT met"
    print(f"   target >= 500 scans/s and p99 < 100 ms, measured with wrk: {verdict}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--badges", type=int, default=20000)
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=8619)
    asyncio.run(main(parser.parse_args()))
