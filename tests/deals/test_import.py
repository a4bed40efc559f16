from __future__ import annotations

import io
from decimal import Decimal

import pytest
from openpyxl import Workbook

from showfloor.deals import queries
from showfloor.deals.exporters import agreements_csv
from showfloor.deals.importers import ImportFileError, RowError, import_file
from tests.factories import EditionFactory

HEADER = "reference,title_en,type,sectors,country,region,value,currency,exchange_rate,parties\n"


def _csv(text: str) -> io.BytesIO:
    return io.BytesIO((HEADER + text).encode())


@pytest.mark.django_db
def test_import_with_one_bad_row_writes_nothing(edition, sectors, system_actor):
    upload = _csv(
        "R1,Chip fab,investment,integrated-circuits,CN,Hainan,100,CNY,,lead:Acme@CN\n"
        "R2,Lab,nonsense,iot,CN,Hainan,12.5x,CNY,,lead:Acme@CN\n"
    )

    result = import_file(system_actor, edition, upload, "a.csv")

    assert result.errors == [
        RowError(
            3,
            "type",
            "Unknown type; use one of technology_transfer, "
            "industrial_cooperation, investment, procurement, intent.",
        ),
        RowError(3, "value", "“12.5x” is not a number."),
    ]
    assert edition.agreements.count() == 0


@pytest.mark.django_db
def test_import_names_unknown_sector_and_bad_party(edition, sectors, system_actor):
    upload = _csv("R1,Chip fab,investment,quantum-foam,CN,Hainan,100,CNY,,boss:Acme\n")

    result = import_file(system_actor, edition, upload, "a.csv")

    assert [(error.row, error.column) for error in result.errors] == [
        (2, "sectors"),
        (2, "parties"),
    ]


@pytest.mark.django_db
def test_import_duplicate_reference_in_file(edition, sectors, system_actor):
    row = "R1,Chip fab,investment,,CN,Hainan,100,CNY,,lead:Acme\n"

    result = import_file(system_actor, edition, _csv(row + row), "a.csv")

    assert result.errors == [RowError(3, "reference", "This reference appears twice in the file.")]


@pytest.mark.django_db
def test_import_creates_unknown_party_once(edition, sectors, system_actor):
    upload = _csv(
        "R1,A,investment,,CN,Hainan,100,CNY,,lead:Acme Chips@CN\n"
        "R2,B,investment,,CN,Hainan,100,CNY,,lead:acme chips\n"
    )

    result = import_file(system_actor, edition, upload, "a.csv")

    orgs = {party.organization_id for a in result.created for party in a.parties.all()}
    assert len(orgs) == 1


def test_import_refuses_other_file_types(edition, system_actor):
    with pytest.raises(ImportFileError, match=r"Upload a \.csv or \.xlsx file\."):
        import_file(system_actor, edition, io.BytesIO(b"x"), "a.pdf")


def test_import_names_missing_columns(edition, system_actor):
    with pytest.raises(ImportFileError, match="missing: currency, parties"):
        import_file(
            system_actor, edition, io.BytesIO(b"reference,title_en,type,country,value\n"), "a.csv"
        )


@pytest.mark.django_db
def test_import_xlsx_decimal_cell_is_exact(edition, sectors, system_actor):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["reference", "title_en", "type", "country", "value", "currency", "parties"])
    sheet.append(["X1", "Sensor", "procurement", "CN", 1234567.89, "CNY", "buyer:Acme"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)

    result = import_file(system_actor, edition, buffer, "sheet.xlsx")

    assert result.created[0].value_amount == Decimal("1234567.89")


@pytest.mark.django_db
def test_export_imports_back_into_another_edition(
    chitec_edition, chitec_csv, system_actor, sectors
):
    with chitec_csv.open("rb") as handle:
        import_file(system_actor, chitec_edition, handle, "chitec.csv")
    exported = agreements_csv(queries.agreements_for_list(chitec_edition))
    other = EditionFactory(currency="CNY")

    result = import_file(system_actor, other, io.BytesIO(exported.encode()), "again.csv")

    assert (result.errors, queries.totals(other)) == ([], queries.totals(chitec_edition))
