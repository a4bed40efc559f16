"""Demo step for deals: agreements of the demo edition (some signed at a signing ceremony, some
born in a matchmaking meeting), its reporting settings (host region Guangdong, a “high-tech
sectors” group), and a CHITEC 2020 edition holding the 42 agreements of the seed, imported from
the same file the tests use. Adds `ctx.data["agreements"]` (the demo edition's agreements)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from showfloor.core import services as core_services
from showfloor.core.enums import EditionStatus
from showfloor.core.models import Edition, Expo, Organizer, Sector
from showfloor.deals import services
from showfloor.deals.data import build_chitec2020
from showfloor.deals.enums import AgreementStatus, AgreementType, PartyRole
from showfloor.deals.importers import import_file
from showfloor.deals.services import AgreementDraft
from showfloor.demo.generator import DemoContext
from showfloor.matchmaking.models import Meeting
from showfloor.programme.enums import SessionKind
from showfloor.programme.models import Session

COUNTS = {"small": 24, "chtf2020": 260}
HIGH_TECH_NAME = {
    "en": "high-tech sectors",
    "fr": "secteurs de haute technologie",
    "zh-hans": "高新技术产业",
}
PROVINCES = ["Guangdong"] * 5 + ["Beijing", "Shanghai", "Zhejiang", "Sichuan", "Hainan", "Jiangsu"]
FOREIGN = [("DE", "EUR", "7.8513"), ("SG", "SGD", "5.0562"), ("US", "USD", "6.5782")]
TYPE_WEIGHTS = [
    (AgreementType.TECHNOLOGY_TRANSFER, 4),
    (AgreementType.INDUSTRIAL_COOPERATION, 4),
    (AgreementType.INVESTMENT, 3),
    (AgreementType.PROCUREMENT, 2),
    (AgreementType.INTENT, 1),
]
TITLE_WORDS = {
    "en": "cooperation project",
    "fr": "projet de coopération",
    "zh-hans": "合作项目",
}


def _sectors(codes: tuple[str, ...]) -> list[Sector]:
    return list(Sector.objects.filter(code__in=codes))


def _value(ctx: DemoContext) -> Decimal:
    # Ten-thousand-yuan units, skewed: a few large projects, many small ones.
    units = int(ctx.rng.paretovariate(1.2) * 800)
    return Decimal(min(units, 2_000_000)) * 10_000


def _demo_agreements(ctx: DemoContext) -> list:
    edition = ctx.edition
    services.configure_reporting(ctx.actor, edition, host_country="CN", host_region="Guangdong")
    services.define_sector_group(
        ctx.actor,
        edition,
        "high-tech",
        HIGH_TECH_NAME,
        _sectors(build_chitec2020.HIGH_TECH_SECTORS),
    )
    organizations = ctx.data["organizations"]
    companies = organizations["company"]
    investors = organizations["investor"]
    governments = organizations["government"] or companies
    sectors = list(Sector.objects.all())
    ceremonies = list(Session.objects.filter(edition=edition, kind=SessionKind.SIGNING_CEREMONY))
    meetings = list(Meeting.objects.filter(edition=edition)[:200])
    types = [kind for kind, weight in TYPE_WEIGHTS for _n in range(weight)]
    created = []
    for index in range(1, ctx.pick(COUNTS) + 1):
        kind = ctx.rng.choice(types)
        sector = ctx.rng.choice(sectors)
        if ctx.rng.random() < 0.1:
            country, currency, rate = ctx.rng.choice(FOREIGN)
            region, amount = "", (_value(ctx) / Decimal(rate)).quantize(Decimal(1))
        else:
            country, currency, rate = "CN", edition.currency, None
            region, amount = ctx.rng.choice(PROVINCES), _value(ctx)
        lead = ctx.rng.choice(companies)
        partner = ctx.rng.choice(investors if kind == AgreementType.INVESTMENT else companies)
        parties = [(lead, PartyRole.LEAD)]
        if partner.pk != lead.pk:
            parties.append((partner, PartyRole.PARTNER))
        if ctx.rng.random() < 0.3:
            parties.append((ctx.rng.choice(governments), PartyRole.HOST_GOVERNMENT))
        extra = {}
        if ceremonies and ctx.rng.random() < 0.6:
            extra["ceremony"] = ctx.rng.choice(ceremonies)
        if meetings and ctx.rng.random() < 0.25:
            extra["meeting"] = ctx.rng.choice(meetings)
        draft = AgreementDraft(
            reference=f"{edition.slug.upper()}-{index:04d}",
            title={
                lang: f"{sector.name.get(lang, sector.name.get('en', ''))} {word}"
                for lang, word in TITLE_WORDS.items()
            },
            type=kind,
            status=AgreementStatus.INTENT
            if kind == AgreementType.INTENT
            else ctx.rng.choice([AgreementStatus.SIGNED] * 5 + [AgreementStatus.EXECUTED]),
            country=country,
            region=region,
            value_amount=amount,
            value_currency=currency,
            exchange_rate=Decimal(rate) if rate else None,
            signed_on=edition.start_date + dt.timedelta(days=ctx.rng.randrange(len(edition.days))),
            sectors=[sector],
            parties=parties,
            extra=extra,
        )
        created.append(services.create_agreement(ctx.actor, edition, draft))
    return created


def _chitec(ctx: DemoContext) -> Edition:
    """CHITEC 2020 (Beijing): the seed's 42 agreements, imported from the shipped file."""
    existing = Edition.objects.filter(slug="chitec2020").first()
    if existing is not None:
        return existing
    organizer, _created = Organizer.objects.get_or_create(
        slug="ccpit-beijing", defaults={"name": "CCPIT Beijing"}
    )
    expo, _created = Expo.objects.get_or_create(
        slug="chitec",
        defaults={
            "organizer": organizer,
            "name": {
                "en": "China Beijing International High-Tech Expo",
                "fr": "Salon international de haute technologie de Pékin",
                "zh-hans": "中国北京国际科技产业博览会",
            },
        },
    )
    edition = core_services.create_edition(
        ctx.actor,
        expo,
        number=23,
        slug="chitec2020",
        name={"en": "CHITEC 2020", "fr": "CHITEC 2020", "zh-hans": "第二十三届科博会"},
        start_date=dt.date(2020, 9, 17),
        end_date=dt.date(2020, 9, 20),
        city="Beijing",
        country="CN",
        currency="CNY",
        status=EditionStatus.CLOSED,
    )
    services.configure_reporting(ctx.actor, edition, host_country="CN", host_region="Beijing")
    services.define_sector_group(
        ctx.actor,
        edition,
        "high-tech",
        HIGH_TECH_NAME,
        _sectors(build_chitec2020.HIGH_TECH_SECTORS),
    )
    with build_chitec2020.CSV_PATH.open("rb") as handle:
        result = import_file(ctx.actor, edition, handle, build_chitec2020.CSV_PATH.name)
    if not result.ok:
        raise RuntimeError(f"CHITEC fixture did not import: {result.errors[:3]}")
    return edition


def generate(ctx: DemoContext) -> None:
    ctx.data["agreements"] = _demo_agreements(ctx)
    chitec = _chitec(ctx)
    ctx.log(
        f"  {len(ctx.data['agreements'])} agreements; /{chitec.slug}/ with "
        f"{chitec.agreements.count()} CHITEC agreements"
    )
