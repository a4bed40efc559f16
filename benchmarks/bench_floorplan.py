"""Floor plan of a hall with 1,500 booths: server render time, SVG size, and the time until the
page is interactive in a real browser (Playwright + Debian Chromium).

    .venv/bin/python benchmarks/bench_floorplan.py [--booths 1500] [--runs 7] [--port 8613]

It builds its own SQLite database (var/bench-floorplan.sqlite3): one 200 × 150 m hall, `--booths`
booths laid out through the layout service (so the exact geometry checks are timed too), 80 % of
them sold to exhibitors with sectors. Baselines measured in the same run:
- server: the same page for an empty hall (plan page / empty page ratio); the page's time is
  split into loading the booths and drawing the SVG;
- browser: the same page for an empty hall (interactive / empty-hall ratio).
The browser loads the plan as visitors do, cached on the server (drawn again after any booth
change). "Interactive" is when floorplan.js has set up zoom and pan (window.showfloorPlanReady,
in ms since navigation start). Target: under 1 s on this machine.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import os
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
DATABASE = ROOT / "var" / "bench-floorplan.sqlite3"
CHROMIUM = "/usr/bin/chromium"


def setup(booth_count: int) -> tuple[str, str, str]:
    os.environ["SHOWFLOOR_DATABASE_URL"] = f"sqlite:///{DATABASE}"
    os.environ.setdefault("SHOWFLOOR_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
    DATABASE.unlink(missing_ok=True)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, skip_checks=True)

    from showfloor.core import services as core_services
    from showfloor.core.models import Edition, Expo, Organization, Organizer
    from showfloor.core.permissions import Actor
    from showfloor.exhibitors.models import Exhibitor
    from showfloor.floorplan import geometry, services

    actor = Actor.system("bench")
    sectors = core_services.seed_sectors()
    organizer = Organizer.objects.create(name="Bench", slug="bench")
    expo = Expo.objects.create(organizer=organizer, name={"en": "Bench"}, slug="bench")
    edition = Edition.objects.create(
        expo=expo,
        number=1,
        name={"en": "Bench fair"},
        slug="bench",
        start_date="2026-11-11",
        end_date="2026-11-15",
        status="published",
    )
    venue = services.create_venue(actor, edition, {"en": "Bench venue"})
    outline = geometry.to_json(
        geometry.rectangle(Decimal(0), Decimal(0), Decimal(200), Decimal(150))
    )
    hall = services.create_hall(actor, venue, code="big", name={"en": "Big hall"}, outline=outline)
    services.create_hall(
        actor, venue, code="empty", name={"en": "Empty hall"}, outline=outline, position=1
    )
    specs = []
    for index in range(booth_count):
        row, column = divmod(index, 54)  # 54 booths of 3 m per row, 6 aisles of 3 m
        x = Decimal(3 + column * 3 + (column // 9) * 3)
        y = Decimal(3 + row * 3 + (row // 2) * 3)
        specs.append(
            services.BoothSpec(
                code=f"{chr(65 + row // 26)}{chr(65 + row % 26)}{column + 1:02d}",
                points=geometry.rectangle(x, y, Decimal(3), Decimal(3)),
            )
        )
    started = time.perf_counter()
    booths = services.create_booths(actor, hall, specs)
    layout_seconds = time.perf_counter() - started
    sold = booths[: int(len(booths) * 0.8)]
    organizations = Organization.objects.bulk_create(
        Organization(name={"en": f"Company {i}", "zh-hans": f"公司{i}"}, country="CN")
        for i in range(len(sold))
    )
    exhibitors = Exhibitor.objects.bulk_create(
        Exhibitor(edition=edition, organization=org, status="approved") for org in organizations
    )
    Exhibitor.sectors.through.objects.bulk_create(
        Exhibitor.sectors.through(exhibitor_id=e.pk, sector_id=sectors[i % len(sectors)].pk)
        for i, e in enumerate(exhibitors)
    )
    services.place_exhibitors(actor, edition, list(zip(sold, exhibitors, strict=True)))
    print(f"layout service: {len(booths)} booths validated and created in {layout_seconds:.2f} s")
    return edition.slug, hall.code, "empty"


def _median_ms(work, runs: int) -> float:
    timings = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        work()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings) * 1000


def server_figures(slug: str, hall_code: str, empty_code: str, runs: int) -> None:
    from django.core.cache import cache
    from django.test import Client

    from showfloor.core.models import Sector
    from showfloor.floorplan import queries, svg
    from showfloor.floorplan.models import Hall

    hall = Hall.objects.select_related("edition").get(code=hall_code)
    sectors = list(Sector.objects.all())
    booths = list(queries.hall_booths(hall))
    document = svg.render_hall(hall, booths, mode="sector", sectors=sectors)
    load = _median_ms(lambda: list(queries.hall_booths(hall)), runs)
    render = _median_ms(lambda: svg.render_hall(hall, booths, mode="sector", sectors=sectors), runs)
    client = Client()

    def cold(code: str) -> None:
        cache.clear()  # the plan is drawn again, as after any booth change
        client.get(f"/{slug}/floorplan/{code}/")

    full_page = _median_ms(lambda: cold(hall_code), runs)
    empty_page = _median_ms(lambda: cold(empty_code), runs)
    cached_page = _median_ms(lambda: client.get(f"/{slug}/floorplan/{hall_code}/"), runs)
    size = len(document.encode())
    compressed = len(gzip.compress(document.encode()))
    print(f"server: load {len(booths)} booths from the database  median {load:7.1f} ms")
    print(f"server: draw their SVG                       median {render:7.1f} ms")
    print(f"server: whole plan page (GET, plan drawn)    median {full_page:7.1f} ms")
    print(f"server: whole plan page (GET, plan cached)   median {cached_page:7.1f} ms")
    print(f"server: empty hall page (GET, baseline)      median {empty_page:7.1f} ms")
    print(f"server: ratio plan page / empty page                 {full_page / empty_page:5.2f}")
    print(f"SVG size: {size / 1024:.0f} KiB ({compressed / 1024:.0f} KiB gzipped)")


def browser_figures(slug: str, hall: str, empty: str, port: int, runs: int) -> None:
    from playwright.sync_api import sync_playwright

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    server = subprocess.Popen(
        [sys.executable, "-m", "showfloor", "runserver", f"127.0.0.1:{port}", "--noreload",
         "--skip-checks"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        time.sleep(3)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
            )
            page = browser.new_page(viewport={"width": 1280, "height": 900})

            def interactive(code: str) -> float:
                page.goto(f"http://127.0.0.1:{port}/{slug}/floorplan/{code}/")
                page.wait_for_function("window.showfloorPlanReady !== undefined")
                return page.evaluate("window.showfloorPlanReady")

            interactive(hall)  # warm up caches and the server
            full = [interactive(hall) for _ in range(runs)]
            base = [interactive(empty) for _ in range(runs)]
            browser.close()
    finally:
        server.terminate()
        server.wait()
    median_full, median_base = statistics.median(full), statistics.median(base)
    print(f"browser: empty hall interactive  median {median_base:7.0f} ms (baseline)")
    print(f"browser: 1,500-booth hall        median {median_full:7.0f} ms  (target < 1000 ms)")
    print(f"browser: ratio full / empty              {median_full / median_base:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--booths", type=int, default=1500)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--port", type=int, default=8613)
    args = parser.parse_args()
    slug, hall, empty = setup(args.booths)
    server_figures(slug, hall, empty, args.runs)
    browser_figures(slug, hall, empty, args.port, args.runs)


if __name__ == "__main__":
    main()
