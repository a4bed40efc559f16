"""Lead exports: CSV, XLSX and vCard, for the exhibitor that took the leads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from django.utils.translation import gettext as _
from openpyxl import Workbook

from showfloor.attendance.models import Lead

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "vcf": "text/vcard; charset=utf-8",
}


def _rows(leads: Iterable[Lead]) -> list[list[object]]:
    rows: list[list[object]] = []
    for lead in leads:
        person = lead.participant
        rows.append(
            [
                person.first_name,
                person.last_name,
                person.email,
                person.organization_label,
                person.job_title,
                str(person.country),
                person.get_type_display(),
                lead.scanned_at.isoformat(),
                lead.rating or "",
                lead.notes,
                ", ".join(lead.tags),
            ]
        )
    return rows


def _header() -> list[str]:
    return [
        _("First name"),
        _("Last name"),
        _("E-mail"),
        _("Organisation"),
        _("Job title"),
        _("Country"),
        _("Participant type"),
        _("Scanned at"),
        _("Rating"),
        _("Notes"),
        _("Tags"),
    ]


def leads_csv(leads: Iterable[Lead]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(_header())
    writer.writerows(_rows(leads))
    return ("\ufeff" + buffer.getvalue()).encode()  # BOM: Excel opens UTF-8 (Chinese names)


def leads_xlsx(leads: Iterable[Lead]) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = _("Leads")[:31]
    sheet.append(_header())
    for row in _rows(leads):
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _vcard_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;").replace("\n", "\\n")


def leads_vcard(leads: Iterable[Lead]) -> bytes:
    cards = []
    for lead in leads:
        person = lead.participant
        lines = [
            "BEGIN:VCARD",
            "VERSION:3.0",
            f"N:{_vcard_escape(person.last_name)};{_vcard_escape(person.first_name)};;;",
            f"FN:{_vcard_escape(person.full_name)}",
        ]
        if person.organization_label:
            lines.append(f"ORG:{_vcard_escape(person.organization_label)}")
        if person.job_title:
            lines.append(f"TITLE:{_vcard_escape(person.job_title)}")
        if person.email:
            lines.append(f"EMAIL;TYPE=INTERNET:{person.email}")
        if lead.notes:
            lines.append(f"NOTE:{_vcard_escape(lead.notes)}")
        lines.append("END:VCARD")
        cards.append("\r\n".join(lines))
    return ("\r\n".join(cards) + "\r\n").encode()


EXPORTERS = {"csv": leads_csv, "xlsx": leads_xlsx, "vcf": leads_vcard}
