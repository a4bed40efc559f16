"""Demo step for attendance: registration forms, gates, access rules, scanner devices, then
participants with badges, entrance scans over the show days with daily and hourly curves, and
booth scans (leads).

chtf2020: exactly 451,000 accepted entrance scans over the five days (the press release), and
booth scans of professional visitors sized so that the attendance index (professional visitors
per stand per day, computed by attendance.figures from the rows) comes out at 171 for however
many stands the exhibitors step made. small: a few hundred participants, scans up to today.

Adds to ctx.data: "participant_ids" {type: [id]}, "gates" [Gate].
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import itertools
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator

from django.db import connection
from django.utils import timezone

from showfloor.attendance import services
from showfloor.attendance.enums import PROFESSIONAL_TYPES, ParticipantType, ScanResult
from showfloor.attendance.figures import stand_count
from showfloor.attendance.models import Badge, EntryScan, Lead, Participant, RegistrationForm
from showfloor.demo import names
from showfloor.demo.generator import DemoContext
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus

VISITS = {"small": 600, "chtf2020": 451_000}
TARGET_INDEX = {"small": 6, "chtf2020": 171}
# Share of visitors by type (the rest are public visitors).
TYPE_SHARES = [
    (ParticipantType.PROFESSIONAL, 0.52),
    (ParticipantType.INVESTOR, 0.04),
    (ParticipantType.DELEGATION, 0.02),
    (ParticipantType.PRESS, 0.01),
    (ParticipantType.PUBLIC, 0.41),
]
# How many show days a visitor comes (1..5) and how busy each show day is.
DAYS_ATTENDED = [0.58, 0.24, 0.11, 0.04, 0.03]
DAY_WEIGHTS = [0.24, 0.25, 0.22, 0.17, 0.12]
# Arrivals per hour from 09:00 to 17:00: the morning rush, a lunch dip, an early-afternoon wave.
HOUR_WEIGHTS = [0.20, 0.22, 0.14, 0.08, 0.12, 0.11, 0.08, 0.05]
GATES = [
    ("north", "North", "北门"),
    ("south", "South", "南门"),
    ("east", "East", "东门"),
    ("west", "West", "西门"),
]
GATE_WEIGHTS = [0.35, 0.30, 0.20, 0.15]
REFUSED_SHARE = 0.012  # scans refused (already inside, unknown, revoked): recorded, not visits


def _insert(model: type, columns: list[str], rows: Iterable[tuple]) -> int:
    """Plain multi-row inserts (COPY on PostgreSQL), streamed in chunks: millions of rows
    without building model objects or holding them all in memory."""
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(column) for column in columns)
    marks = ", ".join(["%s"] * len(columns))
    count = 0
    with connection.cursor() as cursor:
        for chunk in _chunks(rows, 50000):
            count += len(chunk)
            if connection.vendor == "postgresql":  # COPY: several times faster than INSERTs
                with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                    for row in chunk:
                        copy.write_row(row)
            else:
                cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", chunk)
    return count


def _chunks(rows: Iterable[tuple], size: int) -> Iterator[list[tuple]]:
    iterator = iter(rows)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _secret(ctx: DemoContext) -> str:
    return base64.urlsafe_b64encode(ctx.rng.getrandbits(192).to_bytes(24, "big")).decode()


def _setup(ctx: DemoContext) -> tuple[list, list]:
    edition = ctx.edition
    consent = {
        "en": "I agree that the organiser processes my data to run the fair.",
        "fr": "J'accepte que l'organisateur traite mes données pour organiser le salon.",
        "zh-hans": "我同意主办方为举办展会处理我的个人信息。",
    }
    question = {
        "key": "interest",
        "label": {"en": "Main interest", "fr": "Intérêt principal", "zh-hans": "主要关注"},
        "kind": "choice",
        "required": True,
        "choices": ["AI", "5G", "IC", "Smart manufacturing", "Health"],
    }
    titles = {
        ParticipantType.PROFESSIONAL: (
            "Professional visitors",
            "Visiteurs professionnels",
            "专业观众",
        ),
        ParticipantType.PUBLIC: ("Public visitors", "Grand public", "普通观众"),
        ParticipantType.INVESTOR: ("Investors", "Investisseurs", "投资者"),
        ParticipantType.PRESS: ("Press", "Presse", "媒体"),
    }
    for participant_type, (en, fr, zh) in titles.items():
        services.save_registration_form(
            ctx.actor,
            edition,
            participant_type=participant_type,
            title={"en": en, "fr": fr, "zh-hans": zh},
            consent_text=consent,
            questions=[question] if participant_type != ParticipantType.PUBLIC else [],
            is_open=True,
        )
    gates = [
        services.save_gate(ctx.actor, edition, code, {"en": en, "fr": en, "zh-hans": zh})
        for code, en, zh in GATES[: ctx.pick({"small": 2, "chtf2020": 4})]
    ]
    for participant_type, _share in TYPE_SHARES:
        services.save_access_rule(
            ctx.actor,
            edition,
            participant_type,
            reentry_allowed=participant_type != ParticipantType.PUBLIC,
        )
    devices = [services.register_device(ctx.actor, edition, f"Gate {g.code}", g)[0] for g in gates]
    return gates, devices


PARTICIPANT_COLUMNS = [
    "edition_id",
    "type",
    "attendance_mode",
    "first_name",
    "last_name",
    "email",
    "organization_id",
    "organization_name",
    "job_title",
    "country",
    "language",
    "created_at",
    "status",
    "days",
    "answers",
    "consent_given_at",
    "manage_key",
]
BADGE_COLUMNS = [
    "edition_id",
    "participant_id",
    "secret",
    "secret_hash",
    "created_at",
    "revoked_reason",
]


def _make_participants(
    ctx: DemoContext, plan: list[tuple[str, list[dt.date]]]
) -> tuple[list[int], list[int]]:
    """Insert participants and their badges for (type, days attended) rows; returns their ids
    in plan order."""
    edition = ctx.edition
    rng = ctx.rng
    organizations = [
        o.pk
        for kind in ("company", "research_institute", "university")
        for o in ctx.data.get("organizations", {}).get(kind, [])
    ]
    now = connection.ops.adapt_datetimefield_value(timezone.now())
    empty_list = Participant._meta.get_field("days").get_db_prep_value([], connection)
    empty_map = Participant._meta.get_field("answers").get_db_prep_value({}, connection)
    keys = []

    def participants() -> Iterator[tuple]:
        for index, (participant_type, _days) in enumerate(plan):
            country = "CN" if rng.random() < 0.93 else rng.choice(["DE", "FR", "SG", "US", "RU"])
            first, last, _native = names.person(rng, country)
            organization = (
                rng.choice(organizations)
                if organizations and participant_type != ParticipantType.PUBLIC
                else None
            )
            key = _secret(ctx)
            keys.append(key)
            yield (
                edition.pk,
                participant_type,
                "onsite",
                first,
                last,
                f"visitor{index}@example.org",
                organization,
                "",
                "",
                country,
                "zh-hans" if country == "CN" else "en",
                now,
                "registered",
                empty_list,
                empty_map,
                now,
                key,
            )

    _insert(Participant, PARTICIPANT_COLUMNS, participants())
    by_key = dict(
        Participant.objects.filter(edition=edition, manage_key__in=set(keys)).values_list(
            "manage_key", "pk"
        )
        if len(keys) < 5000
        else Participant.objects.filter(edition=edition).values_list("manage_key", "pk")
    )
    participant_ids = [by_key[key] for key in keys]

    def badges() -> Iterator[tuple]:
        for participant_id in participant_ids:
            secret = _secret(ctx)
            yield (
                edition.pk,
                participant_id,
                secret,
                hashlib.sha256(secret.encode()).hexdigest(),
                now,
                "",
            )

    _insert(Badge, BADGE_COLUMNS, badges())
    by_participant = dict(
        Badge.objects.filter(edition=edition, participant_id__in=participant_ids).values_list(
            "participant_id", "pk"
        )
        if len(participant_ids) < 5000
        else Badge.objects.filter(edition=edition).values_list("participant_id", "pk")
    )
    return participant_ids, [by_participant[pk] for pk in participant_ids]


def _plan(ctx: DemoContext, visits: int, days: list[dt.date]) -> list[tuple[str, list[dt.date]]]:
    """(type, days attended) per visitor, summing to exactly `visits` visits."""
    types, shares = zip(*TYPE_SHARES, strict=True)
    day_weights = DAY_WEIGHTS[: len(days)]
    plan, total = [], 0
    while total < visits:
        count = min(ctx.rng.choices(range(1, 6), DAYS_ATTENDED)[0], len(days), visits - total)
        chosen: set[dt.date] = set()
        while len(chosen) < count:
            chosen.add(ctx.rng.choices(days, day_weights)[0])
        plan.append((ctx.rng.choices(types, shares)[0], sorted(chosen)))
        total += count
    return plan


def _moment(ctx: DemoContext, day: dt.date) -> dt.datetime:
    hour = 9 + ctx.rng.choices(range(len(HOUR_WEIGHTS)), HOUR_WEIGHTS)[0]
    local = dt.datetime.combine(day, dt.time(hour, ctx.rng.randrange(60), ctx.rng.randrange(60)))
    return local.replace(tzinfo=ctx.edition.tz).astimezone(dt.UTC)


class Moments:
    """Per day, a pool of instants drawn from the hourly curve, already in the database's
    format: millions of rows pick from it instead of building and converting a datetime each."""

    SIZE = 4000

    def __init__(self, ctx: DemoContext, days: list[dt.date]) -> None:
        ops = connection.ops
        self.rng = ctx.rng
        self.now = timezone.now()
        self.day = {day: ops.adapt_datefield_value(day) for day in days}
        self.pool: dict[dt.date, list[tuple[object, object, object]]] = {}
        for day in days:
            instants = sorted(_moment(ctx, day) for _ in range(self.SIZE))
            self.pool[day] = [
                (
                    ops.adapt_datetimefield_value(moment),
                    ops.adapt_datetimefield_value(min(moment, self.now)),
                    ops.adapt_datetimefield_value(moment + dt.timedelta(minutes=3)),
                )
                for moment in instants
            ]

    def pick(self, day: dt.date) -> tuple[object, object, object]:
        """(scanned at, received at, three minutes later)."""
        pool = self.pool[day]
        return pool[int(self.rng.random() * len(pool))]


SCAN_COLUMNS = [
    "edition_id",
    "device_id",
    "gate_id",
    "nonce",
    "badge_id",
    "participant_id",
    "participant_type",
    "result",
    "day",
    "scanned_at",
    "received_at",
    "offline",
    "conflict",
    "first_of_day",
]


def _scans(ctx, plan, participant_ids, badge_ids, gates, devices, moments) -> int:
    edition_id = ctx.edition.pk
    rows = []
    rng = ctx.rng
    cumulative = list(itertools.accumulate(GATE_WEIGHTS[: len(gates)]))
    total = cumulative[-1]
    gate_ids = [gate.pk for gate in gates]
    device_ids = [device.pk for device in devices]
    accepted, inside, unknown = (
        ScanResult.ACCEPTED.value,
        ScanResult.ALREADY_INSIDE.value,
        ScanResult.UNKNOWN.value,
    )
    for (participant_type, days), participant_id, badge_id in zip(
        plan, participant_ids, badge_ids, strict=True
    ):
        for day in days:
            index = bisect.bisect(cumulative, rng.random() * total)
            scanned_at, received_at, later = moments.pick(day)
            stored_day = moments.day[day]
            rows.append(
                (
                    edition_id,
                    device_ids[index],
                    gate_ids[index],
                    f"demo-{len(rows):08x}",
                    badge_id,
                    participant_id,
                    participant_type,
                    accepted,
                    stored_day,
                    scanned_at,
                    received_at,
                    False,
                    "",
                    True,  # one accepted entry per person and day
                )
            )
            if rng.random() < REFUSED_SHARE:  # the badge shown again, or a bad code
                again = participant_type == ParticipantType.PUBLIC
                rows.append(
                    (
                        edition_id,
                        device_ids[index],
                        gate_ids[index],
                        f"demo-{len(rows):08x}",
                        badge_id if again else None,
                        participant_id if again else None,
                        participant_type if again else "",
                        inside if again else unknown,
                        stored_day,
                        later,
                        received_at,
                        False,
                        "",
                        False,
                    )
                )
    _insert(EntryScan, SCAN_COLUMNS, rows)
    return len(rows)


LEAD_COLUMNS = [
    "edition_id",
    "exhibitor_id",
    "participant_id",
    "day",
    "scanned_at",
    "rating",
    "notes",
    "tags",
]


def _leads(ctx, plan, participant_ids, days_count: int, moments: Moments) -> int:
    """Booth scans of professional visitors: target = index × stands × show days, spread over
    the professional visitors in proportion to the days they came."""
    edition = ctx.edition
    exhibitors = list(
        edition.exhibitors.filter(
            status=ExhibitorStatus.APPROVED,
            attendance_mode__in=[ExhibitorMode.ONSITE, ExhibitorMode.BOTH],
        ).values_list("pk", flat=True)
    )
    stands = stand_count(edition)
    if not exhibitors or not stands:
        return 0
    target = ctx.pick(TARGET_INDEX) * stands * days_count
    visitors = [
        (participant_id, days)
        for (participant_type, days), participant_id in zip(plan, participant_ids, strict=True)
        if participant_type in PROFESSIONAL_TYPES
    ]
    attended = sum(len(days) for _id, days in visitors)
    if not attended:
        return 0
    per_day, spare = divmod(target, attended)
    ratings = [None, None, 3, 4, 5]
    tags = Lead._meta.get_field("tags").get_db_prep_value([], connection)
    rng = ctx.rng

    def rows() -> Iterator[tuple]:
        remaining, spare_left = target, spare
        for participant_id, days in visitors:
            wanted = per_day * len(days) + min(spare_left, len(days))
            spare_left -= min(spare_left, len(days))
            count = min(wanted, len(exhibitors), remaining)
            remaining -= count
            for exhibitor_id in rng.sample(exhibitors, count):
                day = days[int(rng.random() * len(days))]
                yield (
                    edition.pk,
                    exhibitor_id,
                    participant_id,
                    moments.day[day],
                    moments.pick(day)[0],
                    ratings[int(rng.random() * 5)],
                    "",
                    tags,
                )

    return _insert(Lead, LEAD_COLUMNS, rows())


def generate(ctx: DemoContext) -> None:
    edition = ctx.edition
    gates, devices = _setup(ctx)
    days = edition.days if ctx.is_large else [d for d in edition.days if d <= ctx.today]
    days = days or edition.days[:1]
    clock = [time.monotonic()]

    def lap() -> float:
        clock.append(time.monotonic())
        return clock[-1] - clock[-2]

    plan = _plan(ctx, ctx.pick(VISITS), days)
    participant_ids, badge_ids = _make_participants(ctx, plan)
    made = lap()
    moments = Moments(ctx, edition.days)
    scans = _scans(ctx, plan, participant_ids, badge_ids, gates, devices, moments)
    scanned = lap()
    leads = _leads(ctx, plan, participant_ids, len(edition.days), moments)
    booths = lap()
    by_type: dict[str, list[int]] = defaultdict(list)
    for (participant_type, _days), participant_id in zip(plan, participant_ids, strict=True):
        by_type[participant_type].append(participant_id)
    ctx.data["participant_ids"] = dict(by_type)
    ctx.data["gates"] = gates
    forms = RegistrationForm.objects.filter(edition=edition).count()
    ctx.log(
        f"  {len(participant_ids)} participants, {scans} entrance scans, {leads} booth scans, "
        f"{forms} registration forms ({made:.0f} s, {scanned:.0f} s, {booths:.0f} s)"
    )
