"""Bulk registration from CSV or XLSX: every row is checked, and either all rows are registered
or none is (with each row's errors, by row number and column)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from showfloor.attendance.models import Participant
from showfloor.attendance.services import register_participant
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor

COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "type",
    "organization_name",
    "job_title",
    "country",
    "language",
    "attendance_mode",
    "days",
)
REQUIRED = ("first_name",)


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based, the header is row 1
    field: str
    message: str


def read_rows(name: str, content: bytes) -> list[dict[str, str]]:
    """The rows of a CSV (UTF-8, with or without BOM) or XLSX file, keyed by header."""
    if name.lower().endswith(".xlsx"):
        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except Exception as exc:  # openpyxl raises many kinds for a broken file
            raise ValidationError(_("This is not a readable XLSX file.")) from exc
        values = [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    else:
        try:
            text = content.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(_("The CSV file must be encoded in UTF-8.")) from exc
        values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    if not values:
        raise ValidationError(_("The file is empty."))
    header = [cell.lower() for cell in values[0]]
    unknown = sorted(set(header) - set(COLUMNS) - {""})
    if unknown:
        raise ValidationError(_("Unknown columns: %(c)s.") % {"c": ", ".join(unknown)})
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ValidationError(_("Missing columns: %(c)s.") % {"c": ", ".join(missing)})
    return [
        dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))
        for row in values[1:]
        if any(row)
    ]


def import_participants(
    actor: Actor,
    edition: Edition,
    name: str,
    content: bytes,
    defaults: dict[str, Any] | None = None,
) -> tuple[list[Participant], list[RowError]]:
    """Register every row, or none when any row has an error (all-or-nothing).

    `defaults` fixes fields for every row (an exhibitor importing its staff passes type and
    exhibitor; they override the file)."""
    rows = read_rows(name, content)
    created: list[Participant] = []
    errors: list[RowError] = []
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            fields: dict[str, Any] = {key: value for key, value in row.items() if value}
            if "days" in fields:
                fields["days"] = [day.strip() for day in fields["days"].split(";") if day.strip()]
            fields.update(defaults or {})
            try:
                with transaction.atomic():
                    created.append(register_participant(actor, edition, **fields))
            except ValidationError as exc:
                errors += _row_errors(number, exc)
            except PermissionDenied:
                errors.append(RowError(number, "type", _("You may not register this type.")))
        if errors:
            transaction.set_rollback(True)
            return [], errors
    return created, []


def _row_errors(number: int, exc: ValidationError) -> list[RowError]:
    if hasattr(exc, "error_dict"):
        return [
            RowError(number, field if field != "__all__" else "", message)
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return [RowError(number, "", message) for message in exc.messages]
