"""Export exhibitors and exhibits as CSV or XLSX, with the columns the importer reads."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

from openpyxl import Workbook

from showfloor.core.models import Edition
from showfloor.exhibitors.enums import Seeking
from showfloor.exhibitors.importers import EXHIBIT_COLUMNS, EXHIBITOR_COLUMNS, LANGS
from showfloor.exhibitors.models import Exhibit, Exhibitor


def _langs(prefix: str, value: dict[str, str] | None) -> dict[str, str]:
    value = value or {}
    return {f"{prefix}_{short}": value.get(code, "") for short, code in LANGS}


def exhibitor_rows(edition: Edition) -> Iterator[dict[str, Any]]:
    exhibitors = (
        Exhibitor.objects.filter(edition=edition)
        .select_related("organization", "host")
        .prefetch_related("sectors")
        .order_by("id")
    )
    for exhibitor in exhibitors.iterator(chunk_size=1000):
        organization = exhibitor.organization
        yield {
            "organization_id": organization.pk,
            **_langs("name", organization.name),
            "country": str(organization.country),
            "city": organization.city,
            "website": organization.website,
            "attendance_mode": exhibitor.attendance_mode,
            "status": exhibitor.status,
            "sectors": ";".join(sorted(sector.code for sector in exhibitor.sectors.all())),
            "requested_space_m2": exhibitor.requested_space_m2 or "",
            "contact_email": exhibitor.contact_email,
            "contact_phone": exhibitor.contact_phone,
            **_langs("profile", exhibitor.profile),
            "host_organization_id": exhibitor.host.organization_id if exhibitor.host else "",
        }


def exhibit_rows(edition: Edition) -> Iterator[dict[str, Any]]:
    exhibits = (
        Exhibit.objects.filter(edition=edition)
        .select_related("exhibitor__organization")
        .prefetch_related("sectors")
        .order_by("id")
    )
    for exhibit in exhibits.iterator(chunk_size=1000):
        yield {
            "exhibit_id": exhibit.pk,
            "organization_id": exhibit.exhibitor.organization_id,
            "exhibitor_name_en": exhibit.exhibitor.organization.name.get("en", ""),
            **_langs("title", exhibit.title),
            **_langs("description", exhibit.description),
            "stage": exhibit.stage,
            "sectors": ";".join(sorted(sector.code for sector in exhibit.sectors.all())),
            "seeking": ";".join(value for value in Seeking.values if value in exhibit.seeking),
            "is_published": "yes" if exhibit.is_published else "no",
        }


def rows_for(kind: str, edition: Edition) -> tuple[list[str], Iterable[dict[str, Any]]]:
    if kind == "exhibits":
        return EXHIBIT_COLUMNS, exhibit_rows(edition)
    return EXHIBITOR_COLUMNS, exhibitor_rows(edition)


def to_csv(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns)
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" + out.getvalue()).encode()  # the BOM makes Excel read UTF-8 (Chinese)


def to_xlsx(columns: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(name, "") for name in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
