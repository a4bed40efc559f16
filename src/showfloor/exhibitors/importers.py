"""Import exhibitors and exhibits from CSV or XLSX (the columns exporters.py writes).

Each row goes through the same services as the pages, inside one transaction with a savepoint per
row; every failure is reported with its row number (as a spreadsheet numbers it: the header is
row 1) and its column. Nothing is kept unless every row is valid, or the staff member asked for
the valid rows only.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_countries import countries
from openpyxl import load_workbook

from showfloor.core import services as core_services
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.exhibitors import services
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus, ExhibitStage, Seeking
from showfloor.exhibitors.models import Exhibitor

MAX_ROWS = 20_000
LANGS = (("en", "en"), ("fr", "fr"), ("zh", "zh-hans"))
EXHIBITOR_COLUMNS = [
    "organization_id",
    "name_en",
    "name_fr",
    "name_zh",
    "country",
    "city",
    "website",
    "attendance_mode",
    "status",
    "sectors",
    "requested_space_m2",
    "contact_email",
    "contact_phone",
    "profile_en",
    "profile_fr",
    "profile_zh",
    "host_organization_id",
]
EXHIBIT_COLUMNS = [
    "exhibit_id",
    "organization_id",
    "exhibitor_name_en",
    "title_en",
    "title_fr",
    "title_zh",
    "description_en",
    "description_fr",
    "description_zh",
    "stage",
    "sectors",
    "seeking",
    "is_published",
]
# Errors of multilingual fields are reported against their English column.
COLUMN_OF = {
    "title": "title_en",
    "description": "description_en",
    "profile": "profile_en",
    "name": "name_en",
}
KINDS = {"exhibitors": EXHIBITOR_COLUMNS, "exhibits": EXHIBIT_COLUMNS}


@dataclass
class RowError:
    row: int
    field: str
    message: str


@dataclass
class ImportResult:
    kind: str
    rows: int = 0
    imported: int = 0
    errors: list[RowError] = field(default_factory=list)
    committed: bool = False


class RowInvalidError(Exception):
    def __init__(self, errors: list[tuple[str, str]]) -> None:
        super().__init__(errors)
        self.errors = errors


def read_rows(upload: IO[bytes], filename: str) -> list[dict[str, str]]:
    """Rows as {column: text}; refuses what is neither CSV nor XLSX, saying so."""
    data = upload.read()
    if data[:4] == b"PK\x03\x04":
        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise ValidationError(
                {"file": [_("The XLSX file could not be read: %(error)s") % {"error": exc}]}
            ) from exc
        sheet = workbook.worksheets[0]
        values = [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        workbook.close()
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                {"file": [_("The file is neither an XLSX workbook nor UTF-8 CSV text.")]}
            ) from exc
        values = [[cell.strip() for cell in row] for row in csv.reader(io.StringIO(text))]
    if not values:
        raise ValidationError({"file": [_("The file is empty.")]})
    header = [name.strip().lower() for name in values[0]]
    rows = [
        dict(zip(header, row + [""] * (len(header) - len(row)), strict=False))
        for row in values[1:]
        if any(cell for cell in row)
    ]
    if len(rows) > MAX_ROWS:
        raise ValidationError(
            {"file": [_("At most %(max)s rows can be imported at once.") % {"max": MAX_ROWS}]}
        )
    return rows


def check_header(kind: str, rows: list[dict[str, str]]) -> None:
    if not rows:
        raise ValidationError({"file": [_("The file has a header but no rows.")]})
    missing = [name for name in KINDS[kind] if name not in rows[0]]
    if missing:
        raise ValidationError(
            {"file": [_("Missing column(s): %(names)s.") % {"names": ", ".join(missing)}]}
        )


def _i18n(row: dict[str, str], prefix: str) -> dict[str, str]:
    return {code: row[f"{prefix}_{short}"] for short, code in LANGS if row.get(f"{prefix}_{short}")}


def _sectors(row: dict[str, str], known: dict[str, Sector]) -> list[Sector]:
    codes = [code.strip() for code in row.get("sectors", "").replace(",", ";").split(";")]
    codes = [code for code in codes if code]
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise RowInvalidError(
            [("sectors", _("Unknown sector(s): %(c)s.") % {"c": ", ".join(unknown)})]
        )
    return [known[code] for code in codes]


def _choice(row: dict[str, str], name: str, choices: list[str], default: str) -> str:
    value = row.get(name, "").strip() or default
    if value not in choices:
        raise RowInvalidError([(name, _("Choose one of: %(c)s.") % {"c": ", ".join(choices)})])
    return value


def _int(row: dict[str, str], name: str) -> int | None:
    value = row.get(name, "").strip()
    if not value:
        return None
    try:
        number = int(float(value)) if value.replace(".", "", 1).isdigit() else int(value)
    except ValueError as exc:
        raise RowInvalidError([(name, _("Expected a whole number."))]) from exc
    if number < 0:
        raise RowInvalidError([(name, _("Expected a whole number."))])
    return number


def _bool(row: dict[str, str], name: str, default: bool = True) -> bool:
    value = row.get(name, "").strip().lower()
    if not value:
        return default
    if value in ("1", "true", "yes", "y", "oui", "是"):
        return True
    if value in ("0", "false", "no", "n", "non", "否"):
        return False
    raise RowInvalidError([(name, _("Expected yes or no."))])


def _organization(actor: Actor, row: dict[str, str]) -> Organization:
    org_id = _int(row, "organization_id")
    if org_id is not None:
        organization = Organization.objects.filter(pk=org_id).first()
        if organization is None:
            raise RowInvalidError([("organization_id", _("No organisation has this id."))])
        return organization
    names = _i18n(row, "name")
    if not names:
        raise RowInvalidError([("name_en", _("Give the organisation's id or its name."))])
    existing = (
        Organization.objects.filter(name__en=names.get("en", "")).first()
        if names.get("en")
        else None
    )
    if existing is not None:
        return existing
    country = row.get("country", "").strip().upper()
    if country not in dict(countries):
        raise RowInvalidError(
            [("country", _("Give a two-letter ISO country code, such as CN or FR."))]
        )
    return core_services.create_organization(
        actor, name=names, country=country, city=row.get("city", ""), website=row.get("website", "")
    )


def _collect(*checks: Any) -> list[Any]:
    """Run every check of a row and report all their errors at once, not only the first."""
    errors: list[tuple[str, str]] = []
    results: list[Any] = []
    for check in checks:
        try:
            results.append(check())
        except RowInvalidError as exc:
            errors += exc.errors
            results.append(None)
    if errors:
        raise RowInvalidError(errors)
    return results


def _host(edition: Edition, row: dict[str, str]) -> Exhibitor | None:
    host_id = _int(row, "host_organization_id")
    if host_id is None:
        return None
    host = Exhibitor.objects.filter(edition=edition, organization_id=host_id).first()
    if host is None:
        raise RowInvalidError(
            [("host_organization_id", _("This organisation does not exhibit here."))]
        )
    return host


def _import_exhibitor(actor: Actor, edition: Edition, row: dict[str, str], ctx: dict) -> None:
    statuses = [ExhibitorStatus.APPLIED, ExhibitorStatus.APPROVED]
    organization, sectors, host, status, mode, space = _collect(
        lambda: _organization(actor, row),
        lambda: _sectors(row, ctx["sectors"]),
        lambda: _host(edition, row),
        lambda: _choice(row, "status", statuses, ExhibitorStatus.APPROVED),
        lambda: _choice(row, "attendance_mode", list(ExhibitorMode.values), ExhibitorMode.ONSITE),
        lambda: _int(row, "requested_space_m2"),
    )
    exhibitor = services.apply_exhibitor(
        actor,
        edition,
        organization,
        sectors=sectors,
        host=host,
        attendance_mode=mode,
        profile=_i18n(row, "profile"),
        requested_space_m2=space,
        contact_email=row.get("contact_email", ""),
        contact_phone=row.get("contact_phone", ""),
    )
    if status == ExhibitorStatus.APPROVED:
        services.review_exhibitor(actor, exhibitor, "approve")


def _import_exhibit(actor: Actor, edition: Edition, row: dict[str, str], ctx: dict) -> None:
    org_id = _int(row, "organization_id")
    exhibitors = Exhibitor.objects.filter(edition=edition)
    if org_id is not None:
        exhibitor = exhibitors.filter(organization_id=org_id).first()
    else:
        name = row.get("exhibitor_name_en", "")
        exhibitor = exhibitors.filter(organization__name__en=name).first() if name else None
    if exhibitor is None:
        raise RowInvalidError([("organization_id", _("No exhibitor of this edition matches."))])
    values: dict[str, Any] = {
        "title": _i18n(row, "title"),
        "description": _i18n(row, "description"),
        "stage": _choice(row, "stage", list(ExhibitStage.values), ExhibitStage.PRODUCT),
        "is_published": _bool(row, "is_published"),
    }
    wanted = [item.strip() for item in row.get("seeking", "").replace(",", ";").split(";")]
    wanted = [item for item in wanted if item]
    unknown = [item for item in wanted if item not in Seeking.values]
    if unknown:
        raise RowInvalidError(
            [("seeking", _("Choose among: %(c)s.") % {"c": ", ".join(Seeking.values)})]
        )
    for value in Seeking.values:
        values[f"seeks_{value}"] = value in wanted
    sectors = _sectors(row, ctx["sectors"])
    exhibit_id = _int(row, "exhibit_id")
    if exhibit_id is not None:
        exhibit = exhibitor.exhibits.filter(pk=exhibit_id).first()
        if exhibit is None:
            raise RowInvalidError(
                [("exhibit_id", _("This exhibitor has no exhibit with this id."))]
            )
        services.update_exhibit(actor, exhibit, values, sectors=sectors)
    else:
        services.create_exhibit(actor, exhibitor, values, sectors=sectors)


IMPORTERS = {"exhibitors": _import_exhibitor, "exhibits": _import_exhibit}


def _errors_of(exc: Exception) -> list[tuple[str, str]]:
    if isinstance(exc, RowInvalidError):
        return exc.errors
    if isinstance(exc, ValidationError) and hasattr(exc, "error_dict"):
        return [
            (COLUMN_OF.get(name, name) if name != "__all__" else "", str(message))
            for name, messages in exc.message_dict.items()
            for message in messages
        ]
    if isinstance(exc, ValidationError):
        return [("", str(message)) for message in exc.messages]
    return [("", str(exc))]


def import_rows(
    actor: Actor,
    edition: Edition,
    kind: str,
    rows: list[dict[str, str]],
    *,
    valid_rows_only: bool = False,
) -> ImportResult:
    """Import `rows` of `kind` ("exhibitors" or "exhibits"): all or nothing unless
    `valid_rows_only`. Requires can_manage_exhibitors."""
    require(actor, Perm.MANAGE_EXHIBITORS, edition)
    if kind not in KINDS:
        raise ValidationError({"kind": [_("Choose exhibitors or exhibits.")]})
    check_header(kind, rows)
    result = ImportResult(kind=kind, rows=len(rows))
    ctx = {"sectors": {sector.code: sector for sector in Sector.objects.all()}}
    with transaction.atomic():
        for number, row in enumerate(rows, start=2):
            try:
                with transaction.atomic():
                    IMPORTERS[kind](actor, edition, row, ctx)
            except (ValidationError, RowInvalidError, PermissionDenied) as exc:
                for field_name, message in _errors_of(exc):
                    result.errors.append(RowError(number, field_name, message))
            else:
                result.imported += 1
        if result.errors and not valid_rows_only:
            transaction.set_rollback(True)
            result.imported = 0
            return result
    result.committed = True
    return result
