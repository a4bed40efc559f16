"""Read-side helpers the views, the API, the exports and the figures share."""

from __future__ import annotations

from django.db.models import QuerySet

from showfloor.attendance.models import Gate, Lead, Participant, ScannerDevice
from showfloor.core.models import ApiToken, Edition
from showfloor.core.sqlrows import Columns, Statement, table
from showfloor.exhibitors.models import Exhibitor

# A scanner authenticates every scan: its device, token, edition and gate in one hand-written
# statement (the ORM spends 1.5 ms building this one; see core/sqlrows.py). Prepared: these
# tables grow slowly, so a plan made on their current size stays right (autoanalyze replans).
_DEVICE = Columns(ScannerDevice, "d")
_TOKEN = Columns(ApiToken, "t")
_EDITION = Columns(Edition, "e")
_GATE = Columns(Gate, "g")
_DEVICE_FOR_TOKEN = Statement(
    lambda: (
        f"SELECT {_DEVICE.sql()}, {_TOKEN.sql()}, {_EDITION.sql()}, {_GATE.sql()} "
        f"FROM {table(ScannerDevice)} d "
        f"JOIN {table(ApiToken)} t ON {_TOKEN.column('id')} = {_DEVICE.column('token')} "
        f"JOIN {table(Edition)} e ON {_EDITION.column('id')} = {_DEVICE.column('edition')} "
        f"LEFT JOIN {table(Gate)} g ON {_GATE.column('id')} = {_DEVICE.column('gate')} "
        f"WHERE {_TOKEN.column('key_hash')} = %s AND {_TOKEN.column('revoked_at')} IS NULL "
        f"AND {_DEVICE.column('revoked_at')} IS NULL"
    )
)


def active_device_for_token(key_hash: str) -> ScannerDevice | None:
    """The scanner device of a token, if neither is revoked, with its edition, gate and token."""
    rows = _DEVICE_FOR_TOKEN.rows([key_hash])
    if not rows:
        return None
    row = rows[0]
    device = _DEVICE.build(row)
    assert device is not None
    offset = _DEVICE.width
    device.token = _TOKEN.build(row, offset)
    offset += _TOKEN.width
    device.edition = _EDITION.build(row, offset)  # type: ignore[assignment]
    device.gate = _GATE.build(row, offset + _EDITION.width)
    return device


def leads_of(exhibitor: Exhibitor) -> QuerySet[Lead]:
    return (
        Lead.objects.filter(exhibitor=exhibitor)
        .select_related("participant__organization")
        .order_by("-scanned_at", "id")
    )


def scanned_by(participant: Participant) -> QuerySet[Lead]:
    """Leads taken of this participant: which exhibitors scanned them, and when."""
    return (
        Lead.objects.filter(participant=participant)
        .select_related("exhibitor__organization")
        .order_by("scanned_at")
    )


def participants_of(edition_id: int) -> QuerySet[Participant]:
    return Participant.objects.filter(edition_id=edition_id).select_related("organization")
