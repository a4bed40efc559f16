"""Import and export of exhibitors and exhibits as CSV and XLSX: row and column errors, all or
nothing unless the valid rows only are asked for, and a round trip."""

from __future__ import annotations

import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from showfloor.core.models import Organization
from showfloor.core.permissions import Actor
from showfloor.exhibitors import exporters, importers
from showfloor.exhibitors.importers import EXHIBIT_COLUMNS, EXHIBITOR_COLUMNS
from showfloor.exhibitors.models import Exhibit, Exhibitor
from tests.exhibitors.factories import ExhibitFactory, ExhibitorFactory
from tests.factories import SectorFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales(edition, staff_user):
    return staff_user(edition, "sales")


def exhibitor_row(**values):
    row = dict.fromkeys(EXHIBITOR_COLUMNS, "")
    row.update({"name_en": "Acme Robotics", "country": "FR", "attendance_mode": "onsite"})
    row.update(values)
    return row


def xlsx(columns, rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(columns)
    for row in rows:
        sheet.append([row.get(name, "") for name in columns])
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def test_import_csv_creates_approved_exhibitors(edition, sales):
    SectorFactory(code="ai")
    rows = [
        exhibitor_row(sectors="ai", name_zh="艾克米机器人"),
        exhibitor_row(name_en="Beta", status="applied"),
    ]
    result = importers.import_rows(Actor.for_user(sales), edition, "exhibitors", rows)
    assert (result.committed, result.imported, result.errors) == (True, 2, [])
    assert sorted(Exhibitor.objects.values_list("status", flat=True)) == ["applied", "approved"]
    acme = Organization.objects.get(name__en="Acme Robotics")
    assert acme.name == {"en": "Acme Robotics", "zh-hans": "艾克米机器人"}


def test_import_xlsx_with_a_broken_row_imports_nothing(client, edition, sales):
    rows = [
        exhibitor_row(name_en="Good One"),
        exhibitor_row(name_en="Bad One", attendance_mode="teleport", country="FR"),
        exhibitor_row(name_en="No Country", country="XX", requested_space_m2="-3"),
    ]
    client.force_login(sales)
    response = client.post(
        reverse(
            "exhibitors:staff_import", kwargs={"edition_slug": edition.slug, "kind": "exhibitors"}
        ),
        {"file": SimpleUploadedFile("list.xlsx", xlsx(EXHIBITOR_COLUMNS, rows))},
    )
    result = response.context["result"]
    assert response.status_code == 422
    assert (result.committed, Exhibitor.objects.count(), Organization.objects.count()) == (
        False,
        0,
        0,
    )
    assert [(error.row, error.field, error.message) for error in result.errors] == [
        (3, "attendance_mode", "Choose one of: onsite, remote, both."),
        (4, "country", "Give a two-letter ISO country code, such as CN or FR."),
        (4, "requested_space_m2", "Expected a whole number."),
    ]


def test_import_valid_rows_only_when_asked(edition, sales):
    rows = [exhibitor_row(name_en="Good One"), exhibitor_row(name_en="Bad", sectors="unknown")]
    result = importers.import_rows(
        Actor.for_user(sales), edition, "exhibitors", rows, valid_rows_only=True
    )
    assert (result.committed, result.imported) == (True, 1)
    assert [(e.row, e.field) for e in result.errors] == [(3, "sectors")]
    assert list(Organization.objects.values_list("name__en", flat=True)) == ["Good One"]


def test_import_error_from_model_validation_names_the_column(edition, sales):
    rows = [exhibitor_row(contact_email="not-an-email")]
    result = importers.import_rows(Actor.for_user(sales), edition, "exhibitors", rows)
    assert [(e.row, e.field, e.message) for e in result.errors] == [
        (2, "contact_email", "Enter a valid email address.")
    ]


def test_import_missing_column_is_refused(edition, sales):
    with pytest.raises(ValidationError) as excinfo:
        importers.import_rows(Actor.for_user(sales), edition, "exhibitors", [{"name_en": "x"}])
    assert excinfo.value.message_dict["file"][0].startswith("Missing column(s): organization_id")


def test_import_by_programme_staff_is_denied(edition, staff_user):
    with pytest.raises(PermissionDenied):
        importers.import_rows(
            Actor.for_user(staff_user(edition, "programme")),
            edition,
            "exhibitors",
            [exhibitor_row()],
        )


def test_import_exhibits_attaches_to_exhibitor(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition)
    row = dict.fromkeys(EXHIBIT_COLUMNS, "")
    row.update(
        organization_id=str(exhibitor.organization_id),
        title_zh="智能传感器",
        stage="prototype",
        seeking="investment;buyers",
    )
    result = importers.import_rows(Actor.for_user(sales), edition, "exhibits", [row])
    exhibit = Exhibit.objects.get()
    assert (result.imported, exhibit.exhibitor_id, exhibit.seeking) == (
        1,
        exhibitor.pk,
        ["investment", "buyers"],
    )


def test_read_rows_refuses_binary_that_is_not_xlsx():
    with pytest.raises(ValidationError) as excinfo:
        importers.read_rows(io.BytesIO(b"\xff\xfe\x00garbage"), "x.csv")
    assert excinfo.value.message_dict == {
        "file": ["The file is neither an XLSX workbook nor UTF-8 CSV text."]
    }


def test_export_csv_round_trips_through_import(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition, contact_phone="+86 755")
    ExhibitFactory(exhibitor=exhibitor, seeks_partners=True)
    columns, rows = exporters.rows_for("exhibits", edition)
    data = exporters.to_csv(columns, rows)
    parsed = importers.read_rows(io.BytesIO(data), "exhibits.csv")
    assert parsed[0]["seeking"] == "partners"
    result = importers.import_rows(Actor.for_user(sales), edition, "exhibits", parsed)
    assert (result.committed, Exhibit.objects.count()) == (True, 1)


def test_export_xlsx_view_gives_a_workbook(client, edition, sales):
    ExhibitorFactory(edition=edition)
    client.force_login(sales)
    response = client.get(
        reverse(
            "exhibitors:staff_export",
            kwargs={"edition_slug": edition.slug, "kind": "exhibitors", "fmt": "xlsx"},
        )
    )
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in next(sheet.iter_rows(max_row=1))]
    assert (header, sheet.max_row) == (EXHIBITOR_COLUMNS, 2)


def test_export_csv_has_bom_and_chinese(edition):
    ExhibitorFactory(edition=edition)
    columns, rows = exporters.rows_for("exhibitors", edition)
    data = exporters.to_csv(columns, rows)
    text = data.decode("utf-8")
    assert text.startswith("\ufeff")
    assert next(csv.DictReader(io.StringIO(text[1:])))["name_zh"].startswith("公司")
