"""Entrance scan API under load: a real server (gunicorn, 2 workers) on PostgreSQL and load
clients on loopback, all on this 2-core machine.

Phases: (1) 20,000 distinct badges from 16 concurrent connections, with wrk (Debian's package,
`make bench` installs it), which measures the server: this script's own client needs a core
of its own and is used only where wrk is missing; baseline: the trivial JSON endpoint of the
same server (/api/v1/scanner/ping, same token authentication) and the ratio of the two. Then,
with this script's client, which retries: (2) 2,000 of the badges again, all refused as already
inside (re-entry forbidden); (3) 16 devices sending one fresh badge at the same instant, exactly
one accepted; (4) 4,000 fresh badges while a worker process is killed, the clients retrying
with the same nonce until answered. Finally the database is counted: accepted entries, double
entries, lost scans.

    .venv/bin/python benchmarks/bench_scan.py [--badges 20000] [--clients 16] [--port 8619]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

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
    # The edition's clock shows about noon, so a run never crosses midnight (a new day, when
    # every badge may enter again).
    now = timezone.now().astimezone(dt.UTC)
    offset = 12 - now.hour
    zone = f"Etc/GMT{-offset:+d}" if offset else "UTC"
    today = (now + dt.timedelta(hours=offset)).date()
    edition = Edition.objects.create(
        expo=expo,
        number=1,
        name={"en": "Bench"},
        slug="bench",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
        timezone=zone,
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
    # Statistics, as a running system has them, no autovacuum of the new rows mid-run, and the
    # seeding's dirty pages written out now rather than by a checkpoint during the measurement.
    with psycopg.connect(DB_URL.replace("postgres://", "postgresql://"), autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
        conn.execute("CHECKPOINT")
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
            urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/openapi.json", timeout=2)
            return server
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    server.kill()
    raise SystemExit("the server did not start")


def worker_pids(server: subprocess.Popen) -> list[int]:
    out = subprocess.run(
        ["ps", "-o", "pid=", "--ppid", str(server.pid)], capture_output=True, text=True
    ).stdout
    return [int(pid) for pid in out.split()]


def busiest_worker(server: subprocess.Popen) -> int:
    """The worker that has used the most CPU time (utime + stime in /proc/<pid>/stat)."""

    def cpu(pid: int) -> int:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])

    return max(worker_pids(server), key=cpu)


class RefusedError(Exception):
    """The server closed the connection or answered with an error: the client retries."""


async def request(
    port: int, method: str, path: str, key: str, body: dict | None = None
) -> tuple[float, dict]:
    """One HTTP/1.1 request on its own connection (gunicorn's sync workers close it anyway):
    (seconds, JSON answer). A few lines of asyncio instead of an HTTP library, so the client
    spends little of the CPU that the server under test shares with it."""
    payload = json.dumps(body).encode() if body is not None else b""
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n"
        f"Authorization: Bearer {key}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(payload)}\r\n\r\n"
    ).encode()
    started = time.perf_counter()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(head + payload)
        answer = await reader.read()
        writer.close()
    except OSError as error:
        raise RefusedError(str(error)) from error
    elapsed = time.perf_counter() - started
    status_line, _, rest = answer.partition(b"\r\n")
    if not status_line.startswith(b"HTTP/1.1 200"):
        raise RefusedError(status_line.decode(errors="replace") or "connection closed")
    try:  # a worker killed while writing leaves the body short
        return elapsed, json.loads(rest.partition(b"\r\n\r\n")[2])
    except ValueError as error:
        raise RefusedError("incomplete answer") from error


class Load:
    def __init__(self, port: int, slug: str, keys: list[str]) -> None:
        self.port, self.path, self.keys = port, f"/api/v1/editions/{slug}/scans", keys
        self.latencies: list[float] = []
        self.answers: dict[str, dict] = {}
        self.retries = 0

    async def scan(self, key: str, nonce: str, secret: str) -> dict:
        """POST until answered; a retry keeps the nonce, so it can never count twice."""
        while True:
            try:
                elapsed, body = await request(
                    self.port, "POST", self.path, key, {"nonce": nonce, "secret": secret}
                )
            except RefusedError:
                self.retries += 1
                await asyncio.sleep(0.05)
                continue
            self.latencies.append(elapsed)
            self.answers[nonce] = body
            return body

    async def run(self, secrets_: list[str], clients: int, tag: str) -> float:
        queue: asyncio.Queue[str] = asyncio.Queue()
        for secret in secrets_:
            queue.put_nowait(secret)

        async def one(index: int) -> None:
            while not queue.empty():
                secret = queue.get_nowait()
                await self.scan(self.keys[index], f"{tag}-{uuid.uuid4().hex}", secret)

        started = time.perf_counter()
        await asyncio.gather(*(one(index) for index in range(clients)))
        return time.perf_counter() - started


async def baseline(port: int, key: str, clients: int, count: int) -> tuple[float, list[float]]:
    latencies: list[float] = []
    remaining = [count]

    async def one() -> None:
        while remaining[0] > 0:
            remaining[0] -= 1
            elapsed, _body = await request(port, "GET", "/api/v1/scanner/ping", key)
            latencies.append(elapsed)

    started = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(clients)))
    return time.perf_counter() - started, latencies


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


async def burst(port: int, slug: str, keys: list[str], secret: str) -> list[str]:
    """Every client sends the same badge at the same instant (from its own device)."""
    gate = asyncio.Event()

    async def one(key: str) -> str:
        await gate.wait()
        _elapsed, body = await request(
            port,
            "POST",
            f"/api/v1/editions/{slug}/scans",
            key,
            {"nonce": uuid.uuid4().hex, "secret": secret},
        )
        return body["result"]

    tasks = [asyncio.create_task(one(key)) for key in keys]
    await asyncio.sleep(0.2)
    gate.set()
    return sorted(await asyncio.gather(*tasks))


async def kill_workers(server: subprocess.Popen, task: asyncio.Task, load: Load) -> int:
    """SIGKILL the busiest worker 1.5 s in (one sync worker often takes most connections, and
    killing the idle one cuts nothing off); kill again, once the master has replaced it, until
    a request was cut off, at most five times."""
    kills = 0
    await asyncio.sleep(1.5)
    while not task.done() and kills < 5:
        # Found off the event loop: blocking it would let the workers finish and go idle.
        victim = await asyncio.to_thread(busiest_worker, server)
        os.kill(victim, signal.SIGKILL)
        kills += 1
        await asyncio.sleep(0.5)
        if load.retries:
            break
        await asyncio.sleep(2.5)  # a new worker imports the project
    return kills


def check_database(slug: str) -> tuple[int, int, int]:
    """(accepted scans, people admitted more than once on a day, scans recorded)."""
    from django.db.models import Count

    from showfloor.attendance.models import EntryScan

    accepted = EntryScan.objects.filter(edition__slug=slug, result="accepted")
    doubles = (
        accepted.values("participant_id", "day").annotate(n=Count("id")).filter(n__gt=1).count()
    )
    return accepted.count(), doubles, EntryScan.objects.filter(edition__slug=slug).count()


async def main(args: argparse.Namespace) -> None:
    reset_database()
    setup_django()
    fresh_for_burst, fresh_for_kill = 1, 4000
    total = args.badges + fresh_for_burst + fresh_for_kill
    print(f"seeding {total} badges and {args.clients} devices in {DB_NAME} ...", flush=True)
    slug, keys, secrets_ = seed(total, args.clients)
    distinct = secrets_[: args.badges]
    burst_secret = secrets_[args.badges]
    kill_batch = secrets_[args.badges + 1 : args.badges + 1 + fresh_for_kill]
    server = start_server(args.port)
    try:
        await baseline(args.port, keys[0], args.clients, 500)  # warm both workers
        if shutil.which("wrk"):
            wrk_distinct(args.port, slug, keys[0], distinct, args.clients)
        else:
            await python_distinct(args.port, slug, keys, distinct, args.clients)

        repeat = Load(args.port, slug, keys)
        elapsed = await repeat.run(distinct[:2000], args.clients, "r")
        refused = sum(1 for a in repeat.answers.values() if a["result"] == "already_inside")
        print(
            f"2. 2000 repeated badges: {2000 / elapsed:.0f} scans/s, p99 "
            f"{pct(repeat.latencies, 0.99):.1f} ms, refused as already inside {refused}/2000"
        )

        results = await burst(args.port, slug, keys, burst_secret)
        print(
            f"3. {args.clients} clients, one badge, same instant: "
            f"{results.count('accepted')} accepted, {results.count('already_inside')} refused"
        )

        killer = Load(args.port, slug, keys)
        task = asyncio.create_task(killer.run(kill_batch, args.clients, "k"))
        kills = await kill_workers(server, task, killer)
        elapsed = await task
        kill_accepted = sum(1 for a in killer.answers.values() if a["result"] == "accepted")
        print(
            f"4. {len(kill_batch)} badges, {kills} worker(s) killed (SIGKILL) mid-run: "
            f"{len(kill_batch) / elapsed:.0f} scans/s, {killer.retries} requests cut off and "
            f"retried with their nonce, answered {len(killer.answers)}/{len(kill_batch)}, "
            f"accepted {kill_accepted}"
        )

        accepted_db, doubles, recorded = check_database(slug)
        expected = args.badges + 1 + len(kill_batch)
        print(
            f"\ndatabase: {accepted_db} accepted entries (expected {expected}), "
            f"{doubles} double entries, {recorded} scans recorded "
            f"(expected {args.badges + 2000 + args.clients + len(kill_batch)}; lost "
            f"{args.badges + 2000 + args.clients + len(kill_batch) - recorded})"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


async def python_distinct(
    port: int, slug: str, keys: list[str], distinct: list[str], clients: int
) -> None:
    """Phase 1 with this script's own client, when wrk is not installed: it needs a core of
    its own, so it measures less than the server can do."""
    ping_time, ping_lat = await baseline(port, keys[0], clients, 5000)
    ping_rate = 5000 / ping_time
    load = Load(port, slug, keys)
    elapsed = await load.run(distinct, clients, "d")
    rate = len(distinct) / elapsed
    accepted = sum(1 for a in load.answers.values() if a["result"] == "accepted")
    print(
        f"\n1. {len(distinct)} distinct badges, {clients} clients (Python client): "
        f"{rate:.0f} scans/s, p50 {pct(load.latencies, 0.5):.1f} ms, "
        f"p99 {pct(load.latencies, 0.99):.1f} ms, accepted {accepted}/{len(distinct)}"
    )
    print(
        f"   baseline GET /api/v1/scanner/ping: {ping_rate:.0f} req/s, "
        f"p50 {pct(ping_lat, 0.5):.1f} ms, p99 {pct(ping_lat, 0.99):.1f} ms"
    )
    print(f"   ratio scan/baseline throughput: {rate / ping_rate:.2f}")
    verdict(rate, pct(load.latencies, 0.99), 0)


# Each of wrk's two threads scans its half of the badges once (thread 0 the odd positions,
# thread 1 the even ones) and stops once every scan of its half is answered; requests sent past
# its half are pings (cut off by the stop, wrk counts them as socket errors), so exactly the
# given badges are scanned.
LUA = """
local secrets = {%s}
local share = %d
local counter = 0
local answered = 0
local threads = 0
local path = "%s"
local headers = {["Authorization"] = "Bearer %s", ["Content-Type"] = "application/json"}
local verified = false
function setup(thread) thread:set("id", threads); threads = threads + 1 end
function request()
  -- wrk builds one request of the first thread to check the script, and never sends it
  if id == 0 and not verified then
    verified = true
    return wrk.format("GET", "/api/v1/scanner/ping", headers)
  end
  counter = counter + 1
  if counter > share then return wrk.format("GET", "/api/v1/scanner/ping", headers) end
  local index = (counter - 1) * 2 + id + 1
  local nonce = string.format("wrk-%%d-%%08d", id, counter)
  local body = '{"nonce": "' .. nonce .. '", "secret": "' .. secrets[index] .. '"}'
  return wrk.format("POST", path, headers, body)
end
function response(status, headers, body)
  if string.find(body, '"nonce"', 1, true) then answered = answered + 1 end
  if answered >= share then wrk.thread:stop() end
end
"""


def milliseconds(text: str) -> float:
    """wrk's durations: '850.00us', '12.34ms', '1.20s'."""
    for suffix, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    raise ValueError(f"unexpected wrk duration {text!r}")


def wrk(args: list[str]) -> tuple[float, float, float, int, int]:
    """(requests/s, p50 ms, p99 ms, non-2xx answers, socket errors) printed by wrk --latency."""
    out = subprocess.run(
        ["wrk", "--latency", *args], capture_output=True, text=True, check=True
    ).stdout
    distribution = out.split("Latency Distribution")[1]
    rate = float(out.split("Requests/sec:")[1].split()[0])
    p50_ms = milliseconds(distribution.split("50%")[1].split()[0])
    p99_ms = milliseconds(distribution.split("99%")[1].split()[0])
    bad = int(out.split("Non-2xx or 3xx responses:")[1].split()[0]) if "Non-2xx" in out else 0
    errors = 0
    if "Socket errors:" in out:  # "Socket errors: connect 0, read 1, write 0, timeout 0"
        counts = out.split("Socket errors:")[1].splitlines()[0]
        errors = sum(int(part.split()[-1]) for part in counts.split(","))
    return rate, p50_ms, p99_ms, bad, errors


def recorded_rate(slug: str, prefix: str) -> tuple[int, float]:
    """(scans whose nonce starts with prefix, their rate in steady state): the scans recorded
    between the 1st and the 99th percentile of their times, over that span, so that the ramp up
    and a straggler retried by wrk after a timeout do not count."""
    from showfloor.attendance.models import EntryScan

    times = sorted(
        EntryScan.objects.filter(edition__slug=slug, nonce__startswith=prefix).values_list(
            "received_at", flat=True
        )
    )
    if len(times) < 100:
        return len(times), 0.0
    first, last = len(times) // 100, len(times) * 99 // 100
    return len(times), (last - first) / (times[last] - times[first]).total_seconds()


def wrk_distinct(port: int, slug: str, key: str, distinct: list[str], clients: int) -> None:
    """Phase 1 with wrk, which measures the server (this script's client needs a core). wrk
    runs for a fixed time even once its threads have stopped, so the rate is taken from the
    times the scans were recorded (see recorded_rate)."""
    base = f"http://127.0.0.1:{port}"
    ping_rate, ping_p50, ping_p99, _bad, _errors = wrk(
        [
            "-t2",
            f"-c{clients}",
            "-d5s",
            "-H",
            f"Authorization: Bearer {key}",
            f"{base}/api/v1/scanner/ping",
        ]
    )
    # Long enough for the whole list at a quarter of the ping rate.
    seconds = max(10, int(len(distinct) / (0.25 * ping_rate)) + 1)
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(
            LUA
            % (
                ", ".join(f'"{secret}"' for secret in distinct),
                len(distinct) // 2,
                f"/api/v1/editions/{slug}/scans",
                key,
            )
        )
    try:
        _rate, p50, p99, bad, errors = wrk(
            ["-t2", f"-c{clients}", f"-d{seconds}s", "-s", script.name, f"{base}/"]
        )
    finally:
        os.unlink(script.name)
    scanned, rate = recorded_rate(slug, "wrk-")
    accepted, doubles, _recorded = check_database(slug)
    print(
        f"\n1. {scanned} of {len(distinct)} distinct badges, {clients} connections (wrk): "
        f"{rate:.0f} scans/s, p50 {p50:.1f} ms, p99 {p99:.1f} ms, non-2xx {bad}, "
        f"socket errors {errors} (pings cut off by the stop), "
        f"accepted {accepted}, double entries {doubles}"
    )
    print(
        f"   baseline GET /api/v1/scanner/ping (wrk): {ping_rate:.0f} req/s, "
        f"p50 {ping_p50:.1f} ms, p99 {ping_p99:.1f} ms"
    )
    print(f"   ratio scan/baseline throughput: {rate / ping_rate:.2f}")
    verdict(rate, p99, bad + (len(distinct) - accepted))


def verdict(rate: float, p99: float, failures: int) -> None:
    met = rate >= 500 and p99 < 100 and failures == 0
    print(f"   target >= 500 scans/s and p99 < 100 ms: {'met' if met else 'NOT met'}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--badges", type=int, default=20000, help="distinct badges (even)")
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--port", type=int, default=8619)
    asyncio.run(main(parser.parse_args()))
