"""Entrance scanning: exactly once per (device, nonce), a person's first entry of a day at most
once, online or merged from an offline queue. One function decides every scan, so the live path
and the offline merge apply the same rules."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DEFAULT_DB_ALIAS, IntegrityError, connection, connections, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.enums import RegistrationStatus, ScanResult
from showfloor.attendance.models import (
    AccessRule,
    Badge,
    EntryScan,
    Gate,
    Participant,
    ScannerDevice,
)
from showfloor.core import audit
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import issue_api_token, revoke_api_token, save_validated
from showfloor.core.sqlrows import (
    Columns,
    Statement,
    any_of,
    column_of,
    lock_suffix,
    quote,
    rows_of_each,
    table,
    values,
)

# Offline scans dated further ahead than this are refused (a device clock gone wrong).
MAX_CLOCK_SKEW = dt.timedelta(minutes=10)
RULES_TTL = 2.0  # seconds an access-rule table is reused by one process
ATTEMPTS = 5  # a scan refused by a unique constraint is decided again, at most this often


@dataclass(frozen=True)
class RuleSet:
    days: frozenset[dt.date] | None  # None: every day
    gate_ids: frozenset[int] | None  # None: every gate
    reentry_allowed: bool


DEFAULT_RULE = RuleSet(days=None, gate_ids=None, reentry_allowed=True)


@dataclass
class ScanRequest:
    nonce: str
    secret: str
    scanned_at: dt.datetime | None = None
    gate_code: str = ""
    local_result: str = ""  # what an offline device decided on its own


@dataclass
class ScanOutcome:
    scan: EntryScan
    replayed: bool = False  # True when the nonce had already been recorded
    participant_name: str = ""
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def accepted(self) -> bool:
        return self.scan.result == ScanResult.ACCEPTED


_rules_cache: dict[int, tuple[float, dict[str, RuleSet]]] = {}


def access_rules(edition: Edition) -> dict[str, RuleSet]:
    """Access rules per participant type, reused for RULES_TTL seconds within a process."""
    cached = _rules_cache.get(edition.pk)
    if cached is not None and time.monotonic() - cached[0] < RULES_TTL:
        return cached[1]
    rules = {}
    for rule in AccessRule.objects.filter(edition=edition).prefetch_related("gates"):
        gate_ids = frozenset(gate.pk for gate in rule.gates.all())
        days = frozenset(dt.date.fromisoformat(day) for day in rule.days)
        rules[rule.participant_type] = RuleSet(
            days=days or None, gate_ids=gate_ids or None, reentry_allowed=rule.reentry_allowed
        )
    _rules_cache[edition.pk] = (time.monotonic(), rules)
    return rules


def forget_rules(edition: Edition) -> None:
    _rules_cache.pop(edition.pk, None)


def decide(
    edition: Edition,
    badge: Badge | None,
    rule: RuleSet,
    day: dt.date,
    gate_id: int | None,
    entered_today: bool,
) -> str:
    """The verdict of one scan; pure, so the merge and the live path cannot disagree."""
    if badge is None:
        return ScanResult.UNKNOWN
    participant = badge.participant
    if badge.revoked_at is not None or participant.status != RegistrationStatus.REGISTERED:
        return ScanResult.REVOKED
    if day < edition.start_date or day > edition.end_date:
        return ScanResult.WRONG_DAY
    if rule.days is not None and day not in rule.days:
        return ScanResult.WRONG_DAY
    if participant.days and day.isoformat() not in participant.days:
        return ScanResult.WRONG_DAY
    if rule.gate_ids is not None and gate_id not in rule.gate_ids:
        return ScanResult.WRONG_GATE
    if entered_today and not rule.reentry_allowed:
        return ScanResult.ALREADY_INSIDE
    return ScanResult.ACCEPTED


def _gates_by_code(edition: Edition, requests: Sequence[ScanRequest]) -> dict[str, Gate]:
    codes = {request.gate_code for request in requests if request.gate_code}
    if not codes:
        return {}
    gates = {gate.code: gate for gate in Gate.objects.filter(edition=edition, code__in=codes)}
    missing = sorted(codes - set(gates))
    if missing:
        raise ValidationError({"gate": _("Unknown gate: %(g)s.") % {"g": ", ".join(missing)}})
    return gates


def _when(request: ScanRequest, offline: bool, now: dt.datetime) -> dt.datetime:
    if not offline or request.scanned_at is None:
        return now
    scanned_at = request.scanned_at
    if timezone.is_naive(scanned_at):
        raise ValidationError({"scanned_at": _("Give the time with its UTC offset.")})
    if scanned_at > now + MAX_CLOCK_SKEW:
        raise ValidationError({"scanned_at": _("This scan is dated in the future.")})
    return scanned_at


# The statements of a scan are written by hand (core/sqlrows.py): building them with the ORM
# took three times as long as running them, and a gate scans hundreds of badges a second.
_BADGE = Columns(Badge, "b", ["id", "edition", "participant", "secret", "revoked_at"])
_PARTICIPANT = Columns(Participant, "p", ["id", "edition", "type", "first_name", "status", "days"])
_SCAN = Columns(EntryScan, "s")
_SCAN_FIELDS = [field for field in EntryScan._meta.concrete_fields if not field.primary_key]
INSERT_CHUNK = 500  # rows per INSERT statement


def _badges_sql(lock: bool) -> str:
    return (
        f"SELECT {_BADGE.sql()}, {_PARTICIPANT.sql()} FROM {table(Badge)} b "
        f"JOIN {table(Participant)} p "
        f"ON {_PARTICIPANT.column('id')} = {_BADGE.column('participant')} "
        # By secret alone (unique in the whole table), so the planner has one index to use; a
        # badge of another edition is dropped afterwards (_read).
        f"WHERE {any_of(_BADGE.column('secret'))} "
        f"ORDER BY {_BADGE.column('id')}{lock_suffix('b') if lock else ''}"
    )


# The lookups are planned at each execution (not prepared): a generic plan made while a table is
# nearly empty (a new edition, the first scans at the doors) would read all of it once grown.
_BADGES = Statement(partial(_badges_sql, False), prepared=False)
# Ordered by id, so that two batches lock their badges in the same order and cannot deadlock.
_LOCK_BADGES = Statement(partial(_badges_sql, True), prepared=False)


# The scans this device already recorded under these nonces, and the first entries of the
# people holding these badges (found by secret, so it can travel with the badges' statement).
_RECORDED = Statement(
    lambda: (
        f"SELECT {_SCAN.sql()} FROM {table(EntryScan)} s "
        f"WHERE {_SCAN.column('device')} = %s AND {any_of(_SCAN.column('nonce'))} "
        f"UNION ALL SELECT {_SCAN.sql()} FROM {table(EntryScan)} s "
        f"WHERE {_SCAN.column('first_of_day')} AND {_SCAN.column('participant')} IN "
        f"(SELECT {_BADGE.column('participant')} FROM {table(Badge)} b "
        f"WHERE {any_of(_BADGE.column('secret'))})"
    ),
    prepared=False,
)
_INSERT_ONE_SCAN = Statement(lambda: _insert_sql(1))


def _insert_sql(rows: int) -> str:
    columns = ", ".join(quote(column_of(field)) for field in _SCAN_FIELDS)
    row = "(" + ", ".join(["%s"] * len(_SCAN_FIELDS)) + ")"
    return (
        f"INSERT INTO {table(EntryScan)} ({columns}) VALUES {', '.join([row] * rows)} "
        f"RETURNING {quote('id')}"
    )


@dataclass
class _Known:
    """What the database holds for a set of scan requests."""

    badges: dict[str, Badge]  # by secret, with their participant
    scans: dict[str, EntryScan]  # this device's scans by nonce
    entered: set[tuple[int, dt.date]]  # (participant, day) of each first entry


def _read(device: ScannerDevice, requests: Sequence[ScanRequest], *, lock: bool) -> _Known:
    """Badges and scans, in one round trip on PostgreSQL. With `lock` (a batch), the badges stay
    locked until the end of the transaction, so two batches with the same badges run one after
    the other instead of refusing each other's first entries; the scans are read after that."""
    secrets = values(sorted({request.secret for request in requests}))
    nonces = {request.nonce for request in requests}
    badge_rows, scan_rows = rows_of_each(
        (_LOCK_BADGES if lock else _BADGES, [secrets]),
        (_RECORDED, [device.pk, values(sorted(nonces)), secrets]),
    )
    known = _Known(badges={}, scans={}, entered=set())
    for row in badge_rows:
        badge = _BADGE.build(row)
        assert badge is not None
        if badge.edition_id == device.edition_id:  # another edition's badge is unknown here
            badge.participant = _PARTICIPANT.build(row, _BADGE.width)  # type: ignore[assignment]
            known.badges[badge.secret] = badge
    for scan in map(_SCAN.build, scan_rows):
        assert scan is not None
        if scan.device_id == device.pk and scan.nonce in nonces:
            known.scans[scan.nonce] = scan
        if scan.first_of_day and scan.participant_id is not None:
            known.entered.add((scan.participant_id, scan.day))
    return known


def _insert_scans(scans: list[EntryScan]) -> None:
    wrapper = connections[DEFAULT_DB_ALIAS]  # not the proxy: a thread-local lookup per use
    for start in range(0, len(scans), INSERT_CHUNK):
        chunk = scans[start : start + INSERT_CHUNK]
        params = [
            field.get_db_prep_save(getattr(scan, field.attname), wrapper)
            for scan in chunk
            for field in _SCAN_FIELDS
        ]
        if len(chunk) == 1:
            ids = _INSERT_ONE_SCAN.rows(params)
        else:
            # A statement per batch size: not worth a prepared statement each.
            ids = Statement(partial(_insert_sql, len(chunk)), prepared=False).rows(params)
        for scan, (pk,) in zip(chunk, ids, strict=True):
            scan.pk = pk
            scan._state.adding = False
            scan._state.db = DEFAULT_DB_ALIAS


@contextmanager
def _unit(offline: bool) -> Iterator[None]:
    """A live scan needs no transaction: its reads may be a moment old, and its one INSERT
    commits on its own, refused by the unique constraints if a retry of the same nonce or
    another first entry of the same person got in first (record_scans then runs it again). A
    batch is all or nothing; so is a scan inside a caller's transaction (a savepoint, so a
    refused INSERT does not abort the caller's work)."""
    if offline or connection.in_atomic_block:
        with transaction.atomic():
            yield
    else:
        yield


def _record(
    device: ScannerDevice, requests: Sequence[ScanRequest], offline: bool
) -> list[ScanOutcome]:
    edition = device.edition
    gates = _gates_by_code(edition, requests)
    with _unit(offline):
        known = _read(device, requests, lock=offline)
        outcomes = _decide_all(device, requests, offline, gates, known)
        _insert_scans([outcome.scan for outcome in outcomes if not outcome.replayed])
    return outcomes


def _decide_all(
    device: ScannerDevice,
    requests: Sequence[ScanRequest],
    offline: bool,
    gates: dict[str, Gate],
    known: _Known,
) -> list[ScanOutcome]:
    """Each request's outcome, decided in the order the scans were made (a device's clock for
    an offline queue); `known` grows as the requests are decided."""
    badges, entered = known.badges, known.entered
    edition = device.edition
    rules = access_rules(edition)
    now = timezone.now()
    outcomes: dict[int, ScanOutcome] = {}
    timed = [(_when(request, offline, now), index) for index, request in enumerate(requests)]
    for scanned_at, index in sorted(timed):
        request = requests[index]
        if request.nonce in known.scans:
            outcomes[index] = ScanOutcome(known.scans[request.nonce], replayed=True)
            continue
        badge = badges.get(request.secret)
        gate = gates.get(request.gate_code) if request.gate_code else device.gate
        day = scanned_at.astimezone(edition.tz).date()
        participant_type = badge.participant.type if badge is not None else ""
        rule = rules.get(participant_type, DEFAULT_RULE)
        person = badge.participant_id if badge is not None else None
        entered_today = (person, day) in entered
        result = decide(edition, badge, rule, day, gate.pk if gate else None, entered_today)
        first_of_day = result == ScanResult.ACCEPTED and not entered_today
        if first_of_day:
            entered.add((person, day))  # type: ignore[arg-type]
        conflict = ""
        if offline and request.local_result and request.local_result != result:
            conflict = request.local_result
        scan = EntryScan(
            edition=edition,
            device=device,
            nonce=request.nonce,
            gate=gate,
            badge=badge,
            participant_id=person,
            participant_type=participant_type,
            result=result,
            day=day,
            scanned_at=scanned_at,
            received_at=now,
            offline=offline,
            conflict=conflict,
            first_of_day=first_of_day,
        )
        known.scans[request.nonce] = scan
        name = badge.participant.first_name if badge is not None else ""
        outcomes[index] = ScanOutcome(scan, participant_name=name)
    return [outcomes[index] for index in range(len(requests))]


def record_scans(
    device: ScannerDevice, requests: Sequence[ScanRequest], *, offline: bool = False
) -> list[ScanOutcome]:
    """Record scans from one device, each exactly once.

    A nonce already recorded for the device returns the first answer (replayed=True) and changes
    nothing. A person is admitted at most once a day where re-entry is forbidden: the first
    entry of a day is unique in the database, so when two devices scan the same badge at once,
    one INSERT is refused and that scan is decided again, now seeing the other's entry. Offline
    scans keep the device's time and are decided in time order; where the device's own verdict
    differs from the server's, the scan carries it in `conflict`.
    """
    if not device.is_active:
        raise PermissionDenied("this scanner device is revoked")
    for attempt in range(ATTEMPTS):
        try:
            return _record(device, requests, offline)
        except IntegrityError:
            # Someone else recorded one of our nonces or one of our first entries since we read:
            # decide again, with their scan in view.
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")


def scan_badge(
    device: ScannerDevice, *, nonce: str, secret: str, gate_code: str = ""
) -> ScanOutcome:
    """One live entrance scan (see record_scans)."""
    return record_scans(device, [ScanRequest(nonce=nonce, secret=secret, gate_code=gate_code)])[0]


def offline_list(device: ScannerDevice) -> dict[str, object]:
    """What a device needs to keep scanning without the network: the hashes of valid badge
    secrets (never the secrets), their type and days, today's entries, the rules."""
    if not device.is_active:
        raise PermissionDenied("this scanner device is revoked")
    edition = device.edition
    rules = access_rules(edition)
    gate_codes = dict(Gate.objects.filter(edition=edition).values_list("pk", "code"))
    badges = Badge.objects.filter(
        edition=edition,
        revoked_at__isnull=True,
        participant__status=RegistrationStatus.REGISTERED,
    ).values_list("participant_id", "secret_hash", "participant__type", "participant__days")
    hashes = {}  # a participant's valid badge, by participant
    rows = []
    for participant_id, secret_hash, participant_type, days in badges.iterator(chunk_size=5000):
        hashes[participant_id] = secret_hash
        rows.append([secret_hash, participant_type, days or []])
    # Entries are a person's, so a reprinted badge is inside when the old one entered.
    entered = [
        [hashes[participant_id], day.isoformat()]
        for participant_id, day in EntryScan.objects.filter(
            edition=edition, first_of_day=True
        ).values_list("participant_id", "day")
        if participant_id in hashes
    ]
    return {
        "edition": edition.slug,
        "device": device.pk,
        "gate": device.gate.code if device.gate else "",
        "generated_at": timezone.now().isoformat(),
        "timezone": edition.timezone,
        "days": [day.isoformat() for day in edition.days],
        "rules": {
            participant_type: {
                "days": sorted(day.isoformat() for day in rule.days or ()),
                "gates": sorted(gate_codes[pk] for pk in rule.gate_ids or ()),
                "reentry_allowed": rule.reentry_allowed,
            }
            for participant_type, rule in rules.items()
        },
        "badges": rows,
        "entered": entered,
    }


@transaction.atomic
def register_device(
    actor: Actor, edition: Edition, name: str, gate: Gate | None = None
) -> tuple[ScannerDevice, str]:
    """A handheld scanner with its own token (only can_scan_badges); the key is shown once."""
    require(actor, Perm.MANAGE_REGISTRATION, edition)
    token, key = issue_api_token(actor, edition, f"scanner: {name}", permissions=[Perm.SCAN_BADGES])
    device = ScannerDevice(edition=edition, name=name, gate=gate, token=token)
    save_validated(device)
    audit.record(actor, "attendance.scannerdevice.create", device, edition=edition)
    return device, key


@transaction.atomic
def revoke_device(actor: Actor, device: ScannerDevice) -> None:
    require(actor, Perm.MANAGE_REGISTRATION, device.edition)
    if device.revoked_at is None:
        device.revoked_at = timezone.now()
        device.save(update_fields=["revoked_at"])
        if device.token is not None:
            revoke_api_token(actor, device.token)
        audit.record(actor, "attendance.scannerdevice.revoke", device, edition=device.edition)


@transaction.atomic
def web_scanner_device(actor: Actor, edition: Edition) -> ScannerDevice:
    """The device record of a staff user's web scanner page (created on first use)."""
    require(actor, Perm.SCAN_BADGES, edition)
    if actor.user is None:
        raise PermissionDenied("the web scanner needs a signed-in user")
    device = ScannerDevice.objects.filter(
        edition=edition, user=actor.user, token__isnull=True
    ).first()
    if device is None:
        device = ScannerDevice(
            edition=edition, user=actor.user, name=f"web: {actor.user.get_username()}"
        )
        save_validated(device)
        audit.record(actor, "attendance.scannerdevice.create", device, edition=edition)
    return device


@transaction.atomic
def save_gate(actor: Actor, edition: Edition, code: str, name: dict[str, str]) -> Gate:
    require(actor, Perm.MANAGE_REGISTRATION, edition)
    gate = Gate(edition=edition, code=code, name=name)
    save_validated(gate)
    audit.record(actor, "attendance.gate.create", gate, edition=edition)
    return gate


@transaction.atomic
def save_access_rule(
    actor: Actor,
    edition: Edition,
    participant_type: str,
    *,
    days: Iterable[dt.date] = (),
    gates: Iterable[Gate] = (),
    reentry_allowed: bool = False,
) -> AccessRule:
    require(actor, Perm.MANAGE_REGISTRATION, edition)
    rule = AccessRule.objects.filter(edition=edition, participant_type=participant_type).first()
    rule = rule or AccessRule(edition=edition, participant_type=participant_type)
    rule.days = sorted(day.isoformat() for day in days)
    rule.reentry_allowed = reentry_allowed
    save_validated(rule)
    rule.gates.set(list(gates))
    audit.record(
        actor,
        "attendance.accessrule.save",
        rule,
        edition=edition,
        changes={"days": [None, rule.days], "reentry_allowed": [None, reentry_allowed]},
    )
    transaction.on_commit(lambda: forget_rules(edition))
    forget_rules(edition)
    return rule
