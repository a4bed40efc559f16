"""Agreements from a CSV or XLSX file: every row is checked, errors name the row and the column,
and nothing is written unless every row is right.

Columns (first row; order free; * required):
  reference*, title_en / title_fr / title_zh (one at least), type*, status, sectors (codes
  separated by “;”), country* (ISO 3166 alpha-2), region, city, value* (a decimal number, no
  float), currency* (ISO 4217), exchange_rate (to the edition's currency; required when the
  currency differs), signed_on (YYYY-MM-DD), parties* (“role:Organisation name@CC”, separated by
  “;”; the country code is optional and defaults to the project's country).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl import load_workbook

from showfloor.core.enums import OrganizationType
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.money import to_decimal
from showfloor.core.permissions import Actor
from showfloor.deals import services
from showfloor.deals.enums import AgreementStatus, AgreementType, PartyRole
from showfloor.deals.models import Agreement
from showfloor.deals.services import AgreementDraft

REQUIRED = ("reference", "type", "country", "value", "currency", "parties")
TITLE_COLUMNS = {"title_en": "en", "title_fr": "fr", "title_zh": "zh-hans"}
COLUMNS = (
    "reference",
    "title_en",
    "title_fr",
    "title_zh",
    "type",
    "status",
    "sectors",
    "country",
    "region",
    "city",
    "value",
    "currency",
    "exchange_rate",
    "signed_on",
    "parties",
)


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    column: str
    message: str

    def __str__(self) -> str:
        return f"row {self.row}, {self.column}: {self.message}"


@dataclass
class ImportResult:
    created: list[Agreement] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    rows: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


class ImportFileError(ValueError):
    """The file as a whole cannot be read (format, header)."""


def _cell_text(value: Any) -> str:
    """A cell as text. XLSX numbers come from openpyxl as int or float; the float is turned
    back into the shortest text that round-trips, which is the decimal text stored in the sheet
    (for up to 15 significant digits), so no float goes further than this line."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return repr(value).removesuffix(".0")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def read_rows(upload: IO[bytes], filename: str) -> Iterator[dict[str, str]]:
    name = filename.lower()
    if name.endswith(".xlsx"):
        try:
            workbook = load_workbook(upload, read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many types for a damaged file
            raise ImportFileError(_("The file is not a readable XLSX workbook.")) from exc
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header = [_cell_text(cell).lower() for cell in next(rows, ())]
        _check_header(header)
        for values in rows:
            yield dict(zip(header, map(_cell_text, values), strict=False))
        workbook.close()
    elif name.endswith(".csv"):
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ImportFileError(_("The CSV file must be encoded in UTF-8.")) from exc
        reader = csv.DictReader(io.StringIO(text))
        _check_header([(name or "").strip().lower() for name in reader.fieldnames or []])
        for raw in reader:
            yield {(key or "").strip().lower(): (value or "").strip() for key, value in raw.items()}
    else:
        raise ImportFileError(_("Upload a .csv or .xlsx file."))


def _check_header(header: list[str]) -> None:
    missing = [column for column in REQUIRED if column not in header]
    if missing:
        raise ImportFileError(
            _("The first row must name the columns; missing: %(columns)s.")
            % {"columns": ", ".join(missing)}
        )
    if not any(column in header for column in TITLE_COLUMNS):
        raise ImportFileError(_("Add a title column: title_en, title_fr or title_zh."))


class _Organizations:
    """Finds parties by name in any language; names not found become new organisations."""

    def __init__(self) -> None:
        self.by_name: dict[str, Organization] = {}
        for organization in Organization.objects.only("id", "name", "country"):
            for text in (organization.name or {}).values():
                self.by_name.setdefault(text.strip().casefold(), organization)

    def get(self, name: str, country: str) -> Organization:
        key = name.strip().casefold()
        if key not in self.by_name:
            self.by_name[key] = Organization(
                name={"en": name.strip()}, type=OrganizationType.COMPANY, country=country
            )
        return self.by_name[key]


class _RowParser:
    def __init__(self, edition: Edition) -> None:
        self.edition = edition
        self.sectors = {sector.code: sector for sector in Sector.objects.all()}
        self.organizations = _Organizations()
        self.existing = set(
            Agreement.objects.filter(edition=edition).values_list("reference", flat=True)
        )
        self.seen: set[str] = set()

    def parse(
        self, number: int, row: dict[str, str]
    ) -> tuple[AgreementDraft | None, list[RowError]]:
        errors: list[RowError] = []

        def fail(column: str, message: str) -> None:
            errors.append(RowError(number, column, str(message)))

        reference = row.get("reference", "")
        if not reference:
            fail("reference", _("Give a reference."))
        elif reference in self.existing:
            fail("reference", _("An agreement with this reference is already recorded."))
        elif reference in self.seen:
            fail("reference", _("This reference appears twice in the file."))
        self.seen.add(reference)
        title = {lang: row[col] for col, lang in TITLE_COLUMNS.items() if row.get(col)}
        if not title:
            fail("title_en", _("Give a title in at least one language."))
        kind = row.get("type", "")
        if kind not in AgreementType.values:
            fail(
                "type",
                _("Unknown type; use one of %(v)s.") % {"v": ", ".join(AgreementType.values)},
            )
        status = row.get("status") or AgreementStatus.SIGNED
        if status not in AgreementStatus.values:
            fail(
                "status",
                _("Unknown status; use one of %(v)s.") % {"v": ", ".join(AgreementStatus.values)},
            )
        sectors = []
        for code in filter(None, (part.strip() for part in row.get("sectors", "").split(";"))):
            if code in self.sectors:
                sectors.append(self.sectors[code])
            else:
                fail("sectors", _("Unknown sector code “%(code)s”.") % {"code": code})
        country = row.get("country", "").upper()
        value = self._decimal(row.get("value", ""), "value", fail)
        rate = self._decimal(row.get("exchange_rate", ""), "exchange_rate", fail, optional=True)
        signed_on = None
        if row.get("signed_on"):
            try:
                signed_on = dt.date.fromisoformat(row["signed_on"])
            except ValueError:
                fail("signed_on", _("Write the date as YYYY-MM-DD."))
        parties = self._parties(row.get("parties", ""), country, fail)
        if errors:
            return None, errors
        draft = AgreementDraft(
            reference=reference,
            title=title,
            type=kind,
            status=status,
            country=country,
            region=row.get("region", ""),
            city=row.get("city", ""),
            value_amount=value or Decimal(0),
            value_currency=row.get("currency", "").upper(),
            exchange_rate=rate,
            signed_on=signed_on,
            sectors=sectors,
            parties=parties,
        )
        try:
            services.validate_draft(self.edition, draft)
        except ValidationError as exc:
            column_of = {"value_amount": "value", "value_currency": "currency", "title": "title_en"}
            for name, messages in exc.message_dict.items():
                for message in messages:
                    fail(column_of.get(name, name), message)
            return None, errors
        return draft, errors

    @staticmethod
    def _decimal(text: str, column: str, fail: Any, optional: bool = False) -> Decimal | None:
        if not text:
            if not optional:
                fail(column, _("Give a number."))
            return None
        try:
            return to_decimal(text.replace(",", ""), column)
        except ValidationError:
            fail(column, _("“%(text)s” is not a number.") % {"text": text})
            return None

    def _parties(self, text: str, country: str, fail: Any) -> list[tuple[Organization, str]]:
        parties = []
        for spec in filter(None, (part.strip() for part in text.split(";"))):
            role, sep, rest = spec.partition(":")
            role = role.strip()
            if not sep or role not in PartyRole.values:
                fail(
                    "parties",
                    _("“%(spec)s”: write role:name, with a role among %(roles)s.")
                    % {"spec": spec, "roles": ", ".join(PartyRole.values)},
                )
                continue
            name, _at, code = rest.rpartition("@") if "@" in rest else (rest, "", "")
            if not name.strip():
                fail(
                    "parties", _("“%(spec)s”: the organisation's name is missing.") % {"spec": spec}
                )
                continue
            organization = self.organizations.get(name, (code.strip() or country).upper())
            if organization.pk is None:
                try:
                    organization.full_clean()
                except ValidationError as exc:
                    for message in exc.messages:
                        fail("parties", f"{name.strip()}: {message}")
                    continue
            parties.append((organization, role))
        if not parties and text.strip() == "":
            fail("parties", _("Name at least one party."))
        return parties


def import_file(actor: Actor, edition: Edition, upload: IO[bytes], filename: str) -> ImportResult:
    """Read, check every row, and import all of them or none."""
    result = ImportResult()
    parser = _RowParser(edition)
    drafts = []
    for index, row in enumerate(read_rows(upload, filename), start=2):
        if not any(row.values()):
            continue
        result.rows += 1
        draft, errors = parser.parse(index, row)
        result.errors += errors
        if draft is not None:
            drafts.append(draft)
    if result.rows == 0:
        result.errors.append(RowError(2, "reference", _("The file has no agreement rows.")))
    if result.ok:
        try:
            result.created = services.import_agreements(actor, edition, drafts)
        except ValidationError as exc:  # e.g. the same file imported twice at the same moment
            result.errors.append(RowError(0, "reference", " ".join(exc.messages)))
    return result
