"""Catalogue search latency on the chtf2020 demo (3,349 exhibitors, 9,018 exhibits) and on a
synthetic ten times larger edition, through the HTTP endpoint of a real server.

    .venv/bin/python benchmarks/bench_catalogue_search.py [--database-url URL] [--queries 500]
        [--skip-10x]

It generates what is missing in the database it is given (the chtf2020 demo's core and
exhibitors steps; the 10x edition in a copy of that database), starts gunicorn on loopback,
sends 500 mixed queries (English, French, Chinese, facets) to
/api/v1/editions/<slug>/exhibitors one after the other, and prints p50/p95/max in
milliseconds. The baseline, measured in the same run, is the same queries answered by a plain
LIKE scan of the JSON columns (no trigram index): the printed ratio is baseline / indexed. The
target is p95 < 50 ms at the seed scale.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

QUERIES = {
    "en": [
        "robot",
        "battery",
        "sensor",
        "cloud",
        "chip",
        "lidar",
        "5g",
        "display",
        "data",
        "vision inspection",
        "fuel cell",
        "shenzhen",
        "semiconductor",
        "edge computing",
    ],
    "fr": [
        "robotique",
        "énergie",
        "capteur",
        "puce",
        "réseau",
        "données",
        "batterie",
        "navette autonome",
        "écran",
        "matériaux",
    ],
    "zh": [
        "机器人",
        "智能",
        "芯片",
        "新能源",
        "传感器",
        "深圳",
        "数据",
        "激光雷达",
        "云计算",
        "半导体",
        "电池",
        "显示屏",
        "协作机械臂",
    ],
}
FACETS = [
    {"sector": "ai"},
    {"sector": "5g"},
    {"country": "DE"},
    {"country": "CN"},
    {"pavilion": "sco"},
    {"mode": "remote"},
    {"seeking": "investment"},
    {"seeking": "technology_transfer", "mode": "onsite"},
]


def mixed_queries(count: int, rng: random.Random) -> list[dict[str, str]]:
    result = []
    for index in range(count):
        kind = index % 4
        if kind == 3:
            params = dict(rng.choice(FACETS))
            if rng.random() < 0.5:
                params["q"] = rng.choice(QUERIES[rng.choice(["en", "fr", "zh"])])
        else:
            params = {"q": rng.choice(QUERIES[["en", "fr", "zh"][kind]])}
        result.append(params)
    return result


def setup_django(database_url: str) -> None:
    os.environ["SHOWFLOOR_DATABASE_URL"] = database_url
    os.environ.setdefault("SHOWFLOOR_DEBUG", "1")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
    import django

    django.setup()


def ensure_seed() -> None:
    from django.core.management import call_command

    from showfloor.core.models import Edition

    call_command("migrate", verbosity=0, skip_checks=True)
    if not Edition.objects.filter(slug="chtf2020").exists():
        from showfloor.demo.generator import generate

        print("generating the chtf2020 demo (core and exhibitors steps)...", flush=True)
        generate("chtf2020", only=["exhibitors"], log=lambda line: print(line, flush=True))
    from showfloor.exhibitors.search import refresh_statistics

    refresh_statistics()


def use_10x_database(database_url: str) -> str:
    """The 10x edition lives in its own database, so the seed-scale figures are not measured
    against an index holding 36,000 other documents: for SQLite a copy of the seed file, for
    PostgreSQL a copy made with CREATE DATABASE ... TEMPLATE."""
    from django.db import connection

    connection.close()
    if database_url.startswith("sqlite"):
        source = Path(database_url.split("sqlite:///", 1)[1])
        target = source.with_name(source.stem + "-10x" + source.suffix)
        if not target.exists():
            shutil.copyfile(source, target)
        connection.settings_dict["NAME"] = str(target)
        return f"sqlite:///{target}"
    name = connection.settings_dict["NAME"]
    target = f"{name}_10x"
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target])
        if cursor.fetchone() is None:
            connection.close()
            connection.settings_dict["NAME"] = "postgres"
            with connection.cursor() as admin:
                admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{name}"')
            connection.close()
    connection.settings_dict["NAME"] = target
    return database_url.rsplit("/", 1)[0] + "/" + target


def make_10x() -> None:
    """An edition with ten copies of every chtf2020 exhibitor and exhibit (new organisations)."""
    from django.db import transaction

    from showfloor.core.models import Edition, Organization
    from showfloor.exhibitors import search
    from showfloor.exhibitors.models import Exhibit, Exhibitor

    if Edition.objects.filter(slug="chtf2020x10").exists():
        return
    print("building the synthetic 10x edition...", flush=True)
    source = Edition.objects.get(slug="chtf2020")
    with transaction.atomic():
        edition = Edition.objects.get(pk=source.pk)
        edition.pk = None
        edition.slug, edition.number = "chtf2020x10", 9022
        edition.save()
        exhibitors = list(Exhibitor.objects.filter(edition=source).select_related("organization"))
        exhibits = list(Exhibit.objects.filter(edition=source))
        by_exhibitor: dict[int, list[Exhibit]] = {}
        for exhibit in exhibits:
            by_exhibitor.setdefault(exhibit.exhibitor_id, []).append(exhibit)
        for copy in range(10):
            organizations = Organization.objects.bulk_create(
                [
                    Organization(
                        name={k: f"{v} {copy}" for k, v in item.organization.name.items()},
                        type=item.organization.type,
                        country=item.organization.country,
                        city=item.organization.city,
                        region=item.organization.region,
                    )
                    for item in exhibitors
                ],
                batch_size=1000,
            )
            copies = Exhibitor.objects.bulk_create(
                [
                    Exhibitor(
                        edition=edition,
                        organization=organization,
                        status=item.status,
                        attendance_mode=item.attendance_mode,
                        profile=item.profile,
                        hall=item.hall,
                        booth=item.booth,
                        pavilion_code=item.pavilion_code,
                        pavilion_name=item.pavilion_name,
                    )
                    for item, organization in zip(exhibitors, organizations, strict=True)
                ],
                batch_size=1000,
            )
            Exhibit.objects.bulk_create(
                [
                    Exhibit(
                        edition=edition,
                        exhibitor=new,
                        title=exhibit.title,
                        description=exhibit.description,
                        stage=exhibit.stage,
                        seeks_investment=exhibit.seeks_investment,
                        seeks_partners=exhibit.seeks_partners,
                        seeks_buyers=exhibit.seeks_buyers,
                        seeks_technology_transfer=exhibit.seeks_technology_transfer,
                    )
                    for old, new in zip(exhibitors, copies, strict=True)
                    for exhibit in by_exhibitor.get(old.pk, [])
                ],
                batch_size=2000,
            )
            through = Exhibitor.sectors.through
            pairs = list(
                through.objects.filter(exhibitor__edition=source).values_list(
                    "exhibitor_id", "sector_id"
                )
            )
            new_id = {old.pk: new.pk for old, new in zip(exhibitors, copies, strict=True)}
            through.objects.bulk_create(
                [through(exhibitor_id=new_id[e], sector_id=s) for e, s in pairs], batch_size=5000
            )
        search.rebuild_edition_index(edition)


def start_server(database_url: str, port: int) -> subprocess.Popen:
    env = {
        **os.environ,
        "SHOWFLOOR_DATABASE_URL": database_url,
        "SHOWFLOOR_DEBUG": "1",
        "SHOWFLOOR_LOG_LEVEL": "ERROR",
    }
    process = subprocess.Popen(
        [
            str(ROOT / ".venv" / "bin" / "gunicorn"),
            "showfloor.wsgi",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=str(ROOT),
        start_new_session=True,
    )
    return process


def wait_ready(client, url: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if client.get(url).status_code == 200:
                return
        except Exception:  # the server is still starting
            time.sleep(0.3)
    raise RuntimeError("the server did not start")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def http_latencies(client, base: str, slug: str, queries: list[dict[str, str]]) -> list[float]:
    url = f"{base}/api/v1/editions/{slug}/exhibitors"
    for params in queries[:20]:  # warm both workers' connections and caches
        client.get(url, params=params)
    times = []
    for params in queries:
        started = time.perf_counter()
        response = client.get(url, params=params)
        times.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} for {params}")
    return times


def baseline_latencies(slug: str, queries: list[dict[str, str]]) -> list[float]:
    """The same filters with the text matched by LIKE on the JSON columns, in-process."""
    from django.db.models import Q

    from showfloor.core.models import Edition
    from showfloor.exhibitors import queries as catalogue
    from showfloor.exhibitors.search import terms

    edition = Edition.objects.get(slug=slug)
    times = []
    for params in queries:
        started = time.perf_counter()
        filters = catalogue.CatalogueFilters(**{**params, "q": ""})
        result = catalogue.filter_exhibitors(edition, filters)
        for term in terms(params.get("q", "")):
            result = result.filter(
                Q(organization__name__icontains=term)
                | Q(profile__icontains=term)
                | Q(exhibits__title__icontains=term)
            ).distinct()
        count = result.count()
        list(result.order_by("id")[:50].values_list("id", flat=True))
        times.append((time.perf_counter() - started) * 1000)
        assert count >= 0
    return times


def indexed_latencies(slug: str, queries: list[dict[str, str]]) -> list[float]:
    from showfloor.core.models import Edition
    from showfloor.exhibitors import queries as catalogue

    edition = Edition.objects.get(slug=slug)
    times = []
    for params in queries:
        started = time.perf_counter()
        result = catalogue.filter_exhibitors(edition, catalogue.CatalogueFilters(**params))
        result.count()
        list(result.order_by("id")[:50].values_list("id", flat=True))
        times.append((time.perf_counter() - started) * 1000)
    return times


def summary(name: str, values: list[float]) -> str:
    return (
        f"{name:<38} p50 {statistics.median(values):7.1f} ms   p95 {percentile(values, 0.95):7.1f}"
        f" ms   max {max(values):7.1f} ms   (n={len(values)})"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--database-url",
        default=os.environ.get(
            "SHOWFLOOR_DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-catalogue.sqlite3'}"
        ),
    )
    parser.add_argument("--queries", type=int, default=500)
    parser.add_argument("--port", type=int, default=8731)
    parser.add_argument("--skip-10x", action="store_true")
    args = parser.parse_args()
    setup_django(args.database_url)
    from django.db import connection

    ensure_seed()
    queries = mixed_queries(args.queries, random.Random(2020))
    print(f"database: {connection.vendor}; {len(queries)} mixed queries (en, fr, zh, facets)")
    measure(args.database_url, args.port, "chtf2020", queries)
    if not args.skip_10x:
        url_10x = use_10x_database(args.database_url)
        make_10x()
        measure(url_10x, args.port + 1, "chtf2020x10", queries)


def measure(database_url: str, port: int, slug: str, queries: list[dict[str, str]]) -> None:
    import httpx

    server = start_server(database_url, port)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=60) as client:
            wait_ready(client, f"{base}/api/v1/sectors")
            http = http_latencies(client, base, slug, queries)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=20)
    indexed = indexed_latencies(slug, queries)
    baseline = baseline_latencies(slug, queries)
    print(f"== {slug}")
    print(summary("HTTP API, trigram index (gunicorn x2)", http))
    print(summary("in-process, trigram index", indexed))
    print(summary("in-process, LIKE scan (baseline)", baseline))
    print(
        f"ratio baseline/indexed (in-process p95): "
        f"{percentile(baseline, 0.95) / percentile(indexed, 0.95):.1f}x; "
        f"HTTP p95 target < 50 ms: {'met' if percentile(http, 0.95) < 50 else 'NOT met'}",
        flush=True,
    )


if __name__ == "__main__":
    main()
