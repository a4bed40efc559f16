"""Imports of profiles and requests from CSV, XLSX or JSON: all rows or none, and every bad row
reported with its number and field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zoneinfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from showfloor.attendance.models import Participant
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor
from showfloor.matchmaking.enums import Intent, MeetingStatus, RequestStatus
from showfloor.matchmaking.models import Meeting, MeetingRequest, Slot, Table
from showfloor.matchmaking.services import book_meeting, save_profile, send_request, set_locked
from showfloor.matchmaking.services.common import create_meeting_for, require_staff

REQUIRED = {
    "participants": ["email"],
    "requests": ["requester_email", "recipient_email"],
    "schedule": ["email_a", "email_b", "starts_at"],
}


def read_rows(name: str, content: bytes) -> list[dict[str, str]]:
    lower = name.lower()
    try:
        if lower.endswith(".json"):
            data = json.loads(content.decode("utf-8"))
            if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
                raise ValidationError(_("The JSON file must hold a list of objects."))
            return [{k: "" if v is None else str(v) for k, v in r.items()} for r in data]
        if lower.endswith(".xlsx"):
            sheet = load_workbook(io.BytesIO(content), read_only=True).active
            values = list(sheet.iter_rows(values_only=True))
            if not values:
                return []
            header = [str(h or "").strip() for h in values[0]]
            return [
                {h: "" if v is None else str(v) for h, v in zip(header, row, strict=False)}
                for row in values[1:]
                if any(v is not None for v in row)
            ]
        if lower.endswith(".csv"):
            return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
    except (UnicodeDecodeError, json.JSONDecodeError, ValueError, OSError) as exc:
        raise ValidationError(_("The file cannot be read: %(error)s") % {"error": exc}) from exc
    raise ValidationError(_("Use a .csv, .xlsx or .json file."))


def _person(edition: Edition, email: str) -> Participant:
    found = Participant.objects.filter(edition=edition, email__iexact=email.strip()).first()
    if found is None:
        raise ValidationError(_("no participant with this e-mail"))
    return found


def _intents(value: str) -> list[str]:
    items = [v for v in value.replace(",", " ").split() if v]
    bad = [v for v in items if v not in Intent.values]
    if bad:
        raise ValidationError(_("unknown intent %(value)s") % {"value": ", ".join(bad)})
    return items


def _import_meeting(actor: Actor, edition: Edition, row: dict[str, str]) -> None:
    """A meeting decided outside (by a broker): booked at that time and table, and locked."""
    a, b = _person(edition, row["email_a"]), _person(edition, row["email_b"])
    try:
        starts = dt.datetime.fromisoformat(row["starts_at"].strip())
    except ValueError as exc:
        raise ValidationError({"starts_at": [_("not a date and time")]}) from exc
    if starts.tzinfo is None:
        starts = starts.replace(tzinfo=zoneinfo.ZoneInfo(edition.timezone))
    slot = Slot.objects.filter(edition=edition, starts_at=starts).first()
    if slot is None:
        raise ValidationError({"starts_at": [_("no slot starts at this time")]})
    table = None
    if (row.get("table") or "").strip():
        table = Table.objects.filter(edition=edition, number=row["table"].strip()).first()
        if table is None:
            raise ValidationError({"table": [_("no such table")]})
    meeting = (
        Meeting.objects.filter(edition=edition)
        .exclude(status=MeetingStatus.CANCELLED)
        .filter(Q(participant_a=a, participant_b=b) | Q(participant_a=b, participant_b=a))
        .first()
    )
    if meeting is None:
        request = MeetingRequest.objects.create(
            edition=edition, requester=a, recipient=b, status=RequestStatus.ACCEPTED
        )
        meeting = create_meeting_for(request)
    meeting = book_meeting(actor, meeting, slot, table=table)
    set_locked(actor, meeting, True)


def _import_row(actor: Actor, edition: Edition, kind: str, row: dict[str, str]) -> None:
    if kind == "participants":
        person = _person(edition, row["email"])
        values: dict[str, object] = {
            "offers": _intents(row.get("offers", "")),
            "seeks": _intents(row.get("seeks", "")),
        }
        language = person.language or "en"
        for key in ("offer_text", "seek_text"):
            if row.get(key):
                values[key] = {language: row[key]}
        if row.get("capacity"):
            try:
                values["capacity"] = int(row["capacity"])
            except ValueError as exc:
                raise ValidationError({"capacity": [_("not a whole number")]}) from exc
        save_profile(actor, person, values)
    elif kind == "schedule":
        _import_meeting(actor, edition, row)
    else:
        requester = _person(edition, row["requester_email"])
        recipient = _person(edition, row["recipient_email"])
        send_request(actor, requester, recipient, message=row.get("message", ""))


def import_file(actor: Actor, edition: Edition, kind: str, name: str, content: bytes) -> int:
    require_staff(actor, edition)
    if kind not in REQUIRED:
        raise ValidationError(_("Unknown import."))
    data = read_rows(name, content)
    errors: list[str] = []
    with transaction.atomic():
        for number, row in enumerate(data, start=2):
            missing = [c for c in REQUIRED[kind] if not (row.get(c) or "").strip()]
            if missing:
                errors.append(
                    _("Row %(row)d: %(field)s is required.")
                    % {"row": number, "field": ", ".join(missing)}
                )
                continue
            try:
                with transaction.atomic():
                    _import_row(actor, edition, kind, row)
            except (ValidationError, PermissionDenied) as exc:
                detail = (
                    "; ".join(
                        f"{field}: {' '.join(msgs)}" for field, msgs in exc.message_dict.items()
                    )
                    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict")
                    else (" ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc))
                )
                errors.append(_("Row %(row)d: %(error)s") % {"row": number, "error": detail})
        if errors:
            transaction.set_rollback(True)
    if errors:
        raise ValidationError(errors)
    return len(data)
