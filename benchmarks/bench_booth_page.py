"""Virtual booth page throughput through a real server: gunicorn, 2 workers, on loopback, with
an asyncio load client on the same machine.

    .venv/bin/python benchmarks/bench_booth_page.py [--database-url URL] [--seconds 10]
        [--concurrency 16]

Phases: "cold" asks each of many booths once on a freshly started server (the booth body is
rendered from the database), "cached" asks a few booths again and again (the rendered body comes
from the cache; every request still records its page view). The baseline, measured in the same
run on the same server, is a static file served by WhiteNoise: the ratio booth / static says how
close the page comes to the server's ceiling. Target: at least 500 req/s cached on 2 cores.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
STATIC_ROOT = ROOT / "var" / "bench-static"


def setup(database_url: str) -> list[str]:
    os.environ["SHOWFLOOR_DATABASE_URL"] = database_url
    os.environ.setdefault("SHOWFLOOR_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
    import django

    django.setup()
    from django.core.management import call_command

    from showfloor.core.models import Edition
    from showfloor.exhibitors.queries import public_exhibitors

    call_command("migrate", verbosity=0, skip_checks=True)
    if not Edition.objects.filter(slug="chtf2020").exists():
        from showfloor.demo.generator import generate

        print("generating the chtf2020 demo (core and exhibitors steps)...", flush=True)
        generate("chtf2020", only=["exhibitors"], log=lambda line: print(line, flush=True))
    edition = Edition.objects.get(slug="chtf2020")
    return [exhibitor.urls.public for exhibitor in public_exhibitors(edition).order_by("id")]


def collect_static(env: dict[str, str]) -> None:
    if (STATIC_ROOT / "staticfiles.json").exists():
        return
    print("collecting static files for the production storage...", flush=True)
    subprocess.run(
        [
            str(ROOT / ".venv" / "bin" / "python"),
            "-m",
            "showfloor",
            "collectstatic",
            "--noinput",
            "-v0",
        ],
        env=env,
        cwd=str(ROOT),
        check=True,
    )


def production_env(database_url: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SHOWFLOOR_DEBUG", "SHOWFLOOR_TESTING", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        {
            "SHOWFLOOR_DATABASE_URL": database_url,
            "SHOWFLOOR_SECRET_KEY": "bench-only-secret-key-0123456789abcdefghijklmnop",
            "SHOWFLOOR_STATIC_ROOT": str(STATIC_ROOT),
            "SHOWFLOOR_LOG_LEVEL": "ERROR",
        }
    )
    return env


def start_server(env: dict[str, str], port: int) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "showfloor.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
            "--backlog",
            "512",
        ],
        env=env,
        cwd=str(ROOT),
        start_new_session=True,
    )


async def wait_ready(client, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if (await client.get(url)).status_code == 200:
                return
        except Exception:  # the server is still starting
            await asyncio.sleep(0.3)
    raise RuntimeError("the server did not start")


async def load(client, urls: list[str], seconds: float, concurrency: int, once: bool) -> dict:
    """Send requests for `seconds` (or each URL once when `once`), `concurrency` at a time."""
    deadline = time.monotonic() + seconds
    done = errors = 0
    position = 0

    async def worker() -> None:
        nonlocal done, errors, position
        while time.monotonic() < deadline:
            if once and position >= len(urls):
                return
            url = urls[position % len(urls)]
            position += 1
            response = await client.get(url)
            if response.status_code == 200:
                done += 1
            else:
                errors += 1

    started = time.monotonic()
    await asyncio.gather(*(worker() for _index in range(concurrency)))
    elapsed = time.monotonic() - started
    return {"requests": done, "errors": errors, "seconds": elapsed, "rps": done / elapsed}


def line(name: str, result: dict) -> str:
    return (
        f"{name:<34} {result['rps']:8.0f} req/s   ({result['requests']} requests in "
        f"{result['seconds']:.1f} s, {result['errors']} errors)"
    )


async def run(args: argparse.Namespace, booths: list[str]) -> None:
    import httpx

    env = production_env(args.database_url)
    collect_static(env)
    base = f"http://127.0.0.1:{args.port}"
    limits = httpx.Limits(max_connections=args.concurrency, max_keepalive_connections=0)
    server = start_server(env, args.port)
    try:
        async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
            await wait_ready(client, "/api/v1/sectors")
            static_url = "/static/web/css/showfloor.css"
            static_name = (await client.get(booths[0])).text.split("/static/web/css/", 1)[1]
            static_url = "/static/web/css/" + static_name.split('"', 1)[0]
            cold = await load(client, booths, args.seconds, args.concurrency, once=True)
            hot = booths[:20]
            await load(client, hot, 1, args.concurrency, once=False)  # warm both workers
            cached = await load(client, hot, args.seconds, args.concurrency, once=False)
            static = await load(client, [static_url], args.seconds, args.concurrency, once=False)
        native = wrk_phase(base, hot[0], static_url, args) if shutil.which("wrk") else None
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    print(line("booth page, cold (distinct booths)", cold))
    print(line("booth page, cached (20 booths)", cached))
    print(line("baseline: static file (WhiteNoise)", static))
    print(
        f"ratio cached booth / static: {cached['rps'] / static['rps']:.2f}; "
        f"cached / cold: {cached['rps'] / max(cold['rps'], 1e-9):.2f}"
    )
    # The Python client saturates a core of its own; wrk (C) measures the server instead.
    judged, client = (native, "wrk") if native else (cached, "the Python client")
    if native:
        print(line("wrk: booth page, cached (1 booth)", native))
        print(line("wrk: static file (WhiteNoise)", native["static"]))
        print(f"wrk ratio cached booth / static: {native['rps'] / native['static']['rps']:.2f}")
    verdict = "met" if judged["rps"] >= 500 else "NOT met"
    print(f"target 500 req/s cached, measured with {client}: {verdict}")


def wrk(url: str, args: argparse.Namespace) -> dict:
    output = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{args.concurrency}",
            f"-d{int(args.seconds)}s",
            "-H",
            "User-Agent: Mozilla/5.0 (bench)",
            url,
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    requests = int(output.split(" requests in ")[0].split()[-1])
    errors = 0
    for part in output.splitlines():
        if "Non-2xx" in part:
            errors = int(part.split()[-1])
    rps = float(output.split("Requests/sec:")[1].split()[0])
    return {"rps": rps, "requests": requests, "seconds": args.seconds, "errors": errors}


def wrk_phase(base: str, booth: str, static_url: str, args: argparse.Namespace) -> dict:
    result = wrk(base + booth, args)
    result["static"] = wrk(base + static_url, args)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "SHOWFLOOR_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-catalogue.sqlite3'}"
        ),
    )
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--port", type=int, default=8733)
    args = parser.parse_args()
    booths = setup(args.database_url)
    from django.db import connection

    print(f"database: {connection.vendor}; {len(booths)} public booths; gunicorn 2 workers")
    asyncio.run(run(args, booths))


if __name__ == "__main__":
    main()
