"""Acceptance: the 42 CHITEC 2020 agreements, imported as a file, give the seed's figures."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest

from showfloor.deals import queries
from showfloor.deals.data import build_chitec2020
from showfloor.deals.figures import key_figures
from showfloor.deals.importers import import_file


def _figures(edition):
    return {figure.key: figure.value for figure in key_figures(edition)}


def _import(path, edition, actor):
    with path.open("rb") as handle:
        return import_file(actor, edition, handle, path.name)


@pytest.mark.django_db
@pytest.mark.parametrize("fixture_name", ["chitec_csv", "chitec_xlsx"])
def test_chitec_file_import_yields_the_seed_figures(
    request, fixture_name, chitec_edition, system_actor
):
    result = _import(request.getfixturevalue(fixture_name), chitec_edition, system_actor)

    figures = _figures(chitec_edition)
    assert result.errors == []
    assert len(result.created) == 42
    assert figures["deals.count"] == 42
    assert figures["deals.value"] == Decimal("17848000000.000")
    assert figures["deals.value_bn"] == Decimal("17.848")
    assert figures["deals.group.high-tech.count"] == 35
    assert figures["deals.group.high-tech.value"] == Decimal("17518650000.000")
    assert figures["deals.group.high-tech.count_share"] == Decimal("83.3")
    assert figures["deals.group.high-tech.value_share"] == Decimal("98.2")
    assert figures["deals.host.inside"] == 12
    assert figures["deals.host.outside_share"] == Decimal("71.43")


@pytest.mark.django_db
def test_chitec_import_locations_by_region(chitec_csv, chitec_edition, system_actor):
    _import(chitec_csv, chitec_edition, system_actor)

    regions = {tally.key: tally.count for tally in queries.by_region(chitec_edition)}

    assert regions == {
        "Hainan": 17,
        "Beijing": 12,
        "Qinghai": 9,
        "Guangxi": 1,
        "Shandong": 1,
        "Xinjiang": 1,
        "US": 1,
    }


@pytest.mark.django_db
def test_chitec_import_converts_the_dollar_project(chitec_csv, chitec_edition, system_actor):
    _import(chitec_csv, chitec_edition, system_actor)

    agreement = chitec_edition.agreements.get(reference="CHITEC2020-001")

    assert (agreement.value_amount, agreement.value_currency) == (Decimal("25000000.000"), "USD")
    assert agreement.exchange_rate == Decimal("6.8")
    assert agreement.value_in_edition_currency == Decimal("170000000.000")


@pytest.mark.django_db
def test_chitec_import_twice_is_refused_whole(chitec_csv, chitec_edition, system_actor):
    _import(chitec_csv, chitec_edition, system_actor)

    again = _import(chitec_csv, chitec_edition, system_actor)

    assert (len(again.created), len(again.errors)) == (0, 42)
    assert again.errors[0].message == "An agreement with this reference is already recorded."
    assert chitec_edition.agreements.count() == 42


def test_chitec_fixture_is_what_the_builder_makes(chitec_csv):

    with chitec_csv.open(encoding="utf-8") as handle:
        shipped = list(csv.DictReader(handle))

    assert shipped == build_chitec2020._rows()


@pytest.mark.django_db
def test_chitec_breakdown_figures_by_region_and_sector(chitec_csv, chitec_edition, system_actor):
    _import(chitec_csv, chitec_edition, system_actor)

    figures = _figures(chitec_edition)

    assert (figures["deals.region.Hainan"], figures["deals.region.US"]) == (17, 1)
    other = ("smart-tourism", "e-commerce", "smart-logistics")
    assert sum(figures.get(f"deals.sector.{code}", 0) for code in other) == 7
