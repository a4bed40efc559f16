"""Demo step for guests: official delegations (109 at chtf2020 scale, as CHTF2020 reported),
their members, organisations and visit programmes; distinguished-guest invitations, most
answered (accepting ones registered as VIPs with a badge, through the services); and open-house
site visits (10 labs, museums and parks, as CHITEC 2020 opened) with time slots, bookings and
waiting lists. Adds `ctx.data["invitations"]` (the Invitation objects)."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from showfloor.attendance.enums import ParticipantType
from showfloor.demo import names
from showfloor.demo.generator import DemoContext
from showfloor.guests import services
from showfloor.guests.enums import (
    BookingStatus,
    DelegationLevel,
    InvitationCategory,
    SiteKind,
)
from showfloor.guests.models import (
    Delegation,
    DelegationMember,
    DelegationVisit,
    Invitation,
    SiteVisit,
    VisitBooking,
    VisitSlot,
)

COUNTS = {
    "small": {"delegations": 8, "invitations": 14, "sites": 4, "bookings": 60},
    "chtf2020": {"delegations": 109, "invitations": 133, "sites": 10, "bookings": 1800},
}
FOREIGN = ["SG", "DE", "FR", "GB", "RU", "KZ", "PK", "IN", "IT", "NL", "US"]
PROVINCES = [
    ("Guangdong", "Guangzhou"),
    ("Sichuan", "Chengdu"),
    ("Hainan", "Haikou"),
    ("Zhejiang", "Hangzhou"),
    ("Jiangsu", "Nanjing"),
    ("Hubei", "Wuhan"),
    ("Shaanxi", "Xi'an"),
    ("Guangxi", "Nanning"),
]
SITES = [
    (
        SiteKind.LAB,
        {"en": "Pengcheng Laboratory", "fr": "Laboratoire Pengcheng", "zh-hans": "鹏城实验室"},
    ),
    (
        SiteKind.MUSEUM,
        {
            "en": "Shenzhen Science Museum",
            "fr": "Musée des sciences de Shenzhen",
            "zh-hans": "深圳科学技术馆",
        },
    ),
    (
        SiteKind.PARK,
        {
            "en": "Nanshan Science Park",
            "fr": "Parc scientifique de Nanshan",
            "zh-hans": "南山科技园",
        },
    ),
    (
        SiteKind.COMPANY,
        {
            "en": "Smart factory open day",
            "fr": "Journée portes ouvertes d'une usine intelligente",
            "zh-hans": "智能工厂开放日",
        },
    ),
    (
        SiteKind.LAB,
        {"en": "National Genebank", "fr": "Banque nationale de gènes", "zh-hans": "国家基因库"},
    ),
    (
        SiteKind.MUSEUM,
        {
            "en": "Museum of Communications",
            "fr": "Musée des communications",
            "zh-hans": "通信博物馆",
        },
    ),
    (
        SiteKind.PARK,
        {
            "en": "Qianhai Innovation Park",
            "fr": "Parc d'innovation de Qianhai",
            "zh-hans": "前海创新园",
        },
    ),
    (
        SiteKind.LAB,
        {
            "en": "Materials Genome Laboratory",
            "fr": "Laboratoire du génome des matériaux",
            "zh-hans": "材料基因组实验室",
        },
    ),
    (
        SiteKind.COMPANY,
        {
            "en": "Drone maker's test field",
            "fr": "Terrain d'essai de drones",
            "zh-hans": "无人机试飞场",
        },
    ),
    (
        SiteKind.PARK,
        {
            "en": "Guangming Science City",
            "fr": "Cité scientifique de Guangming",
            "zh-hans": "光明科学城",
        },
    ),
]


def _delegations(ctx: DemoContext) -> list[Delegation]:
    edition = ctx.edition
    organizations = [
        org
        for kind in ("company", "government", "international")
        for org in ctx.data["organizations"][kind]
    ]
    delegation_ids = list(ctx.data.get("participant_ids", {}).get(ParticipantType.DELEGATION, []))
    rows = []
    for index in range(ctx.pick(COUNTS)["delegations"]):
        if index % 3 == 0:
            country = ctx.rng.choice(FOREIGN)
            level, region, city = DelegationLevel.INTERNATIONAL, "", ""
            label = {
                "en": f"Delegation of {country}",
                "fr": f"Délégation ({country})",
                "zh-hans": f"{country}代表团",
            }
        else:
            country, (region, city) = "CN", ctx.rng.choice(PROVINCES)
            level = ctx.rng.choice(
                [DelegationLevel.PROVINCIAL, DelegationLevel.MUNICIPAL, DelegationLevel.DISTRICT]
            )
            label = {
                "en": f"{city} delegation",
                "fr": f"Délégation de {city}",
                "zh-hans": f"{city}代表团",
            }
        first, last, _zh = names.person(ctx.rng, country)
        rows.append(
            Delegation(
                edition=edition,
                name=label,
                level=level,
                country=country,
                region=region,
                city=city,
                head_name=f"{first} {last}",
                head_title="Head of delegation",
                arrives_on=edition.start_date,
                leaves_on=edition.end_date,
            )
        )
    delegations = Delegation.objects.bulk_create(rows)
    members, links, visits = [], [], []
    through = Delegation.organizations.through
    exhibitors = list(ctx.data.get("exhibitors", []))
    day_start = dt.datetime.combine(edition.start_date, dt.time(10), tzinfo=edition.tz)
    for delegation in delegations:
        for _n in range(ctx.rng.randint(3, 12)):
            first, last, _zh = names.person(ctx.rng, str(delegation.country))
            participant_id = delegation_ids.pop() if delegation_ids else None
            members.append(
                DelegationMember(
                    delegation=delegation,
                    full_name=f"{first} {last}",
                    participant_id=participant_id,
                )
            )
        for organization in ctx.rng.sample(organizations, ctx.rng.randint(1, 3)):
            links.append(through(delegation_id=delegation.pk, organization_id=organization.pk))
        for slot in range(min(3, len(exhibitors))):
            exhibitor = ctx.rng.choice(exhibitors)
            start = day_start + dt.timedelta(
                days=ctx.rng.randrange(len(edition.days)), hours=slot * 2
            )
            visits.append(
                DelegationVisit(
                    delegation=delegation,
                    exhibitor=exhibitor,
                    starts_at=start,
                    ends_at=start + dt.timedelta(hours=1),
                    title={"en": f"Visit to {exhibitor}"},
                )
            )
    DelegationMember.objects.bulk_create(members, batch_size=2000)
    through.objects.bulk_create(links, batch_size=2000)
    DelegationVisit.objects.bulk_create(visits, batch_size=2000)
    return delegations


def _invitations(ctx: DemoContext, delegations: list[Delegation]) -> list[Invitation]:
    rows = []
    categories = InvitationCategory.values
    hosts = [
        org
        for kind in ("company", "university", "research_institute", "international")
        for org in ctx.data["organizations"][kind]
    ]
    for index in range(ctx.pick(COUNTS)["invitations"]):
        country = ctx.rng.choice(FOREIGN) if ctx.rng.random() < 0.4 else "CN"
        first, last, _zh = names.person(ctx.rng, country)
        rows.append(
            Invitation(
                edition=ctx.edition,
                category=ctx.rng.choice(categories),
                honorific=ctx.rng.choice(["", "Dr", "Prof.", "H.E."]),
                first_name=first,
                last_name=last,
                organization=ctx.rng.choice(hosts),
                sent_at=timezone.now(),
                email=f"vip{index}@guests.example.org",
                country=country,
                language="zh-hans" if country == "CN" else "en",
                delegation=ctx.rng.choice(delegations) if ctx.rng.random() < 0.2 else None,
                protocol_notes=ctx.rng.choice(
                    [
                        "",
                        "",
                        "Front row, opening ceremony",
                        "Interpreter needed",
                        "Escort from the VIP entrance",
                    ]
                ),
            )
        )
    invitations = Invitation.objects.bulk_create(rows)
    for invitation in invitations:
        roll = ctx.rng.random()
        if roll < 0.6:
            services.respond_to_invitation(
                invitation.token,
                accept=True,
                dietary_notes=ctx.rng.choice(["", "", "Vegetarian", "Halal", "No nuts"]),
            )
        elif roll < 0.75:
            services.respond_to_invitation(invitation.token, accept=False)
    return invitations


def _sites(ctx: DemoContext) -> list[SiteVisit]:
    edition = ctx.edition
    sites = []
    for kind, name in SITES[: ctx.pick(COUNTS)["sites"]]:
        sites.append(
            services.create_site_visit(
                ctx.actor,
                edition,
                kind=kind,
                name=name,
                address=f"{name['en']}, Shenzhen",
                city="Shenzhen",
            )
        )
    slots = []
    for site in sites:
        for day in edition.days:
            for hour in (10, 14):
                start = dt.datetime.combine(day, dt.time(hour), tzinfo=edition.tz)
                slots.append(
                    VisitSlot(
                        site=site,
                        starts_at=start,
                        ends_at=start + dt.timedelta(hours=2),
                        capacity=ctx.rng.choice([15, 20, 30]),
                    )
                )
    slots = VisitSlot.objects.bulk_create(slots)
    # The booking rule (confirm while places remain, then wait), applied in memory for volume.
    free = {slot.pk: slot.capacity for slot in slots}
    bookings = []
    for index in range(ctx.pick(COUNTS)["bookings"]):
        slot = ctx.rng.choice(slots)
        size = ctx.rng.choice([1, 1, 1, 2, 2, 3])
        confirmed = free[slot.pk] >= size
        if confirmed:
            free[slot.pk] -= size
        first, last, _zh = names.person(ctx.rng)
        bookings.append(
            VisitBooking(
                slot=slot,
                full_name=f"{first} {last}",
                email=f"visitor{index}@example.org",
                party_size=size,
                status=BookingStatus.CONFIRMED if confirmed else BookingStatus.WAITLISTED,
            )
        )
    VisitBooking.objects.bulk_create(bookings, batch_size=2000)
    return sites


def generate(ctx: DemoContext) -> None:
    delegations = _delegations(ctx)
    invitations = _invitations(ctx, delegations)
    sites = _sites(ctx)
    ctx.data["invitations"] = invitations
    ctx.log(
        f"  {len(delegations)} delegations, {len(invitations)} invitations, {len(sites)} open sites"
    )
