"""Offline replay: 4 scanner devices that lost the network upload their queues (10,000 scans in
all, with the same badges at several gates and re-uploads of batches whose answer was lost) to
the batch endpoint of a real server (gunicorn, 2 workers) on PostgreSQL. The merge must be exact:
every scan recorded once, one entry per badge (re-entry forbidden), every double admission
reported as a conflict. Baseline from the same run: the same server's live scan endpoint, one
scan per request.

    .venv/bin/python benchmarks/bench_scan_offline.py [--scans 10000] [--port 8623]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import random
import signal
import sys
import time
import uuid
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench_scan as common

DEVICES = 4
BATCH = 500
# Its own database, so it can run next to bench_scan.py.
common.DB_NAME = "sf_bench_scan_offline"
common.DB_URL = f"postgres://postgres@127.0.0.1:5432/{common.DB_NAME}"


def make_queues(secrets_: list[str], total: int, rng: random.Random) -> list[list[dict]]:
    """Per device, its queued scans: ~70% distinct badges, the rest badges another gate saw."""
    now = dt.datetime.now(dt.UTC)
    queues: list[list[dict]] = [[] for _ in range(DEVICES)]
    distinct = int(total * 0.7)
    seen: list[str] = []
    for index in range(total):
        if index < distinct:
            secret = secrets_[index]
            seen.append(secret)
        else:
            secret = rng.choice(seen)
        queues[index % DEVICES].append(
            {
                "nonce": uuid.uuid4().hex,
                "secret": secret,
                "scanned_at": (now - dt.timedelta(seconds=total - index)).isoformat(),
                "local_result": "accepted",  # each device, alone, let the badge in
            }
        )
    return queues


async def upload(base: str, slug: str, key: str, queue: list[dict], resend: int) -> list[dict]:
    results: list[dict] = []
    async with httpx.AsyncClient(base_url=base, timeout=120) as client:
        batches = [queue[i : i + BATCH] for i in range(0, len(queue), BATCH)]
        # A few batches are sent twice, as when the answer was lost on the way back.
        for batch in batches + batches[:resend]:
            response = await client.post(
                f"/api/v1/editions/{slug}/scans/batch",
                json={"scans": batch},
                headers={"Authorization": f"Bearer {key}"},
            )
            response.raise_for_status()
            results.append(response.json())
    return results


async def live_baseline(port: int, slug: str, key: str, secrets_: list[str]) -> float:
    """One device scanning live, one scan per request, one request after the other."""
    started = time.perf_counter()
    for secret in secrets_:
        await common.request(
            port,
            "POST",
            f"/api/v1/editions/{slug}/scans",
            key,
            {"nonce": uuid.uuid4().hex, "secret": secret},
        )
    return len(secrets_) / (time.perf_counter() - started)


async def main(args: argparse.Namespace) -> None:
    rng = random.Random(2020)
    common.reset_database()
    common.setup_django()
    baseline_count = 500
    print(f"seeding {args.scans + baseline_count} badges ...", flush=True)
    slug, keys, secrets_ = common.seed(args.scans + baseline_count, DEVICES + 1)
    queues = make_queues(secrets_[: args.scans], args.scans, rng)
    server = common.start_server(args.port)
    base = f"http://127.0.0.1:{args.port}"
    try:
        live_rate = await live_baseline(args.port, slug, keys[DEVICES], secrets_[args.scans :])
        started = time.perf_counter()
        answers = await asyncio.gather(
            *(upload(base, slug, keys[n], queues[n], resend=1) for n in range(DEVICES))
        )
        elapsed = time.perf_counter() - started
        sent = sum(len(q) for q in queues) + sum(len(q[:BATCH]) for q in queues)
        recorded = sum(a["recorded"] for device in answers for a in device)
        replayed = sum(a["replayed"] for device in answers for a in device)

        from django.db.models import Count

        from showfloor.attendance.models import EntryScan

        offline = EntryScan.objects.filter(edition__slug=slug, offline=True)
        distinct = len({item["secret"] for queue in queues for item in queue})
        accepted = offline.filter(result="accepted").count()
        doubles = (
            offline.filter(result="accepted")
            .values("participant_id", "day")
            .annotate(n=Count("id"))
            .filter(n__gt=1)
            .count()
        )
        stored_conflicts = offline.exclude(conflict="").count()
        print(
            f"\noffline replay: {args.scans} queued scans from {DEVICES} devices "
            f"({sent} sent, with re-uploads) merged in {elapsed:.2f} s "
            f"= {args.scans / elapsed:.0f} scans/s"
        )
        print(
            f"   recorded {recorded} (expected {args.scans}), replayed {replayed} "
            f"(expected {sent - args.scans}), rows {offline.count()}"
        )
        print(
            f"   accepted {accepted} (expected {distinct} distinct badges), double entries "
            f"{doubles}, conflicts reported {stored_conflicts} (expected "
            f"{args.scans - distinct})"
        )
        print(
            f"   baseline: one device scanning live, a request at a time: {live_rate:.0f} "
            f"scans/s; "
            f"ratio merge/live: {args.scans / elapsed / live_rate:.1f}"
        )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=10000)
    parser.add_argument("--port", type=int, default=8623)
    asyncio.run(main(parser.parse_args()))
