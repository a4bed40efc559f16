"""Demo step for core: the organizer, the expo and its history, the edition, sectors, staff
accounts and the pool of organisations (companies, investors, institutes...) later steps use."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib.auth import get_user_model

from showfloor.core import audit, services
from showfloor.core.enums import EditionMode, EditionStatus, OrganizationType, StaffRoleName
from showfloor.core.models import Edition, Expo, Organization, Organizer
from showfloor.demo import names
from showfloor.demo.generator import DEMO_PASSWORD, DemoContext

EDITION_SLUGS = {"small": "chtf2026", "chtf2020": "chtf2020"}

# How many organisations of each kind; chtf2020 follows the CHTF2020 press release.
ORGANIZATION_COUNTS: dict[str, dict[str, int]] = {
    "small": {
        "company": 60,
        "investor": 12,
        "research_institute": 8,
        "university": 4,
        "government": 4,
        "international": 3,
        "media": 4,
    },
    "chtf2020": {
        "company": 3349,
        "investor": 760,
        "research_institute": 252,
        "university": 146,
        "government": 24,
        "international": 29,
        "media": 80,
    },
}
# Share of foreign companies, and from where (the seeds: Europe, Singapore, the US, SCO members).
FOREIGN_COUNTRIES = ["DE", "FR", "GB", "SG", "US", "IT", "NL", "RU", "KZ", "IN", "PK"]
FOREIGN_SHARE = 0.12


def _edition_values(ctx: DemoContext) -> dict[str, Any]:
    if ctx.is_large:
        return {
            "number": 22,
            "slug": "chtf2020",
            "name": {
                "en": "China Hi-Tech Fair 2020",
                "fr": "China Hi-Tech Fair 2020",
                "zh-hans": "第二十二届中国国际高新技术成果交易会",
            },
            "start_date": dt.date(2020, 11, 11),
            "end_date": dt.date(2020, 11, 15),
            "status": EditionStatus.CLOSED,
        }
    start = ctx.today - dt.timedelta(days=2)
    return {
        "number": 28,
        "slug": "chtf2026",
        "name": {
            "en": f"China Hi-Tech Fair {start.year}",
            "fr": f"China Hi-Tech Fair {start.year}",
            "zh-hans": "第二十八届中国国际高新技术成果交易会",
        },
        "start_date": start,
        "end_date": start + dt.timedelta(days=4),
        "status": EditionStatus.RUNNING,
    }


def _organizer_and_expo(ctx: DemoContext) -> tuple[Organizer, Expo]:
    organizer, _created = Organizer.objects.get_or_create(
        slug="chtf-committee",
        defaults={"name": "CHTF Organising Committee", "website": "https://chtf.example.org"},
    )
    expo, _created = Expo.objects.get_or_create(
        slug="chtf",
        defaults={
            "organizer": organizer,
            "name": {
                "en": "China Hi-Tech Fair",
                "fr": "Salon China Hi-Tech Fair",
                "zh-hans": "中国国际高新技术成果交易会",
            },
            "description": {
                "en": "China's largest fair for high-tech achievements, held in Shenzhen every "
                "November since 1999.",
                "fr": "Le plus grand salon chinois des réalisations de haute technologie, à "
                "Shenzhen chaque mois de novembre depuis 1999.",
                "zh-hans": "自1999年起每年十一月在深圳举办的中国规模最大的高新技术成果交易会。",
            },
        },
    )
    return organizer, expo


def _history(ctx: DemoContext, expo: Expo, current_number: int) -> None:
    """Two earlier editions, closed, so the expo has a history."""
    for number in (current_number - 2, current_number - 1):
        year = 1999 + number - 1
        if Edition.objects.filter(expo=expo, number=number).exists():
            continue
        services.create_edition(
            ctx.actor,
            expo,
            number=number,
            slug=f"chtf{year}",
            name={
                "en": f"China Hi-Tech Fair {year}",
                "fr": f"China Hi-Tech Fair {year}",
                "zh-hans": f"{year}年中国国际高新技术成果交易会",
            },
            start_date=dt.date(year, 11, 13),
            end_date=dt.date(year, 11, 17),
            venue={
                "en": "Shenzhen Convention & Exhibition Center",
                "fr": "Centre des congrès et des expositions de Shenzhen",
                "zh-hans": "深圳会展中心",
            },
            city="Shenzhen",
            country="CN",
            status=EditionStatus.CLOSED,
        )


def _users(ctx: DemoContext, organizer: Organizer, edition: Edition) -> None:
    user_model = get_user_model()
    admin = user_model.objects.filter(username="admin").first()
    if admin is None:
        admin = user_model.objects.create_superuser("admin", "admin@example.org", DEMO_PASSWORD)
    ctx.users["admin"] = admin
    services.grant_staff_role(ctx.actor, admin, organizer, StaffRoleName.ADMIN)
    for role in StaffRoleName:
        if role == StaffRoleName.ADMIN:
            continue
        user = user_model.objects.filter(username=role.value).first()
        if user is None:
            user = user_model.objects.create_user(
                role.value,
                f"{role.value}@example.org",
                DEMO_PASSWORD,
                is_staff=True,
                first_name=str(role.label),
            )
        services.grant_staff_role(ctx.actor, user, organizer, role.value, edition=edition)
        ctx.users[role.value] = user


def _organizations(ctx: DemoContext) -> dict[str, list[Organization]]:
    counts = ctx.pick(ORGANIZATION_COUNTS)
    sector_codes = [sector.code for sector in ctx.sectors]
    made: list[tuple[Organization, list[int]]] = []
    for kind, count in counts.items():
        for _index in range(count):
            sector = ctx.rng.choice(sector_codes)
            if kind == "company":
                if ctx.rng.random() < FOREIGN_SHARE:
                    name = names.foreign_company(ctx.rng, ctx.rng.choice(FOREIGN_COUNTRIES), sector)
                else:
                    name = names.chinese_company(ctx.rng, sector)
            elif kind == "investor":
                name = names.investor(ctx.rng)
            elif kind in ("research_institute", "government"):
                name = names.institute(ctx.rng, sector)
            elif kind == "university":
                name = names.university(ctx.rng)
            elif kind == "international":
                name = names.foreign_company(ctx.rng, ctx.rng.choice(FOREIGN_COUNTRIES), None)
            else:
                name = names.chinese_company(ctx.rng, "8k-uhd")
            organization = Organization(
                name=name.names,
                type=kind,
                country=name.country,
                region=name.region,
                city=name.city,
            )
            chosen = {sector} | (
                {ctx.rng.choice(sector_codes)} if ctx.rng.random() < 0.4 else set()
            )
            made.append((organization, [ctx.data["sector_ids"][code] for code in chosen]))
    created = Organization.objects.bulk_create(
        [organization for organization, _ids in made], batch_size=1000
    )
    through = Organization.sectors.through
    through.objects.bulk_create(
        [
            through(organization_id=organization.pk, sector_id=sector_id)
            for organization, (_unused, ids) in zip(created, made, strict=True)
            for sector_id in ids
        ],
        batch_size=2000,
    )
    by_type: dict[str, list[Organization]] = {kind: [] for kind in OrganizationType.values}
    for organization in created:
        by_type[organization.type].append(organization)
    return by_type


def generate(ctx: DemoContext) -> None:
    ctx.sectors = services.seed_sectors()
    ctx.data["sector_ids"] = {sector.code: sector.pk for sector in ctx.sectors}
    organizer, expo = _organizer_and_expo(ctx)
    values = _edition_values(ctx)
    _history(ctx, expo, values["number"])
    ctx.edition = services.create_edition(
        ctx.actor,
        expo,
        venue={
            "en": "Shenzhen World Exhibition & Convention Center",
            "fr": "Centre mondial des expositions et des congrès de Shenzhen",
            "zh-hans": "深圳国际会展中心",
        },
        city="Shenzhen",
        country="CN",
        timezone="Asia/Shanghai",
        currency="CNY",
        languages=["en", "fr", "zh-hans"],
        default_language="zh-hans",
        mode=EditionMode.HYBRID,
        theme={
            "en": "Technology for a post-pandemic recovery",
            "fr": "La technologie au service de la reprise post-pandémie",
            "zh-hans": "科技助力疫后经济复苏",
        },
        **values,
    )
    _users(ctx, organizer, ctx.edition)
    ctx.data["organizations"] = _organizations(ctx)
    audit.record(
        ctx.actor,
        "demo.generate",
        ctx.edition,
        edition=ctx.edition,
        changes={"organizations": [None, sum(map(len, ctx.data["organizations"].values()))]},
    )
    ctx.log(
        f"  edition /{ctx.edition.slug}/, "
        f"{sum(map(len, ctx.data['organizations'].values()))} organisations"
    )
