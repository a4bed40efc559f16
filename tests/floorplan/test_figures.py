from decimal import Decimal

import pytest

from showfloor.core.permissions import Actor
from showfloor.floorplan import services
from showfloor.floorplan.figures import key_figures
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, PavilionFactory, rect

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")


@pytest.fixture
def floor(hall):
    edition = hall.edition
    edition.country = "CN"
    edition.save()
    german = PavilionFactory(edition=edition, code="germany", name={"en": "German Pavilion"})
    chinese = ExhibitorFactory(edition=edition, organization__country="CN")
    german_company = ExhibitorFactory(edition=edition, organization__country="DE")
    university = ExhibitorFactory(
        edition=edition, organization__country="CN", organization__type="university"
    )
    booths = [
        BoothFactory(hall=hall, polygon=rect(0, 0, 6, 3)),  # 18 m², Chinese company
        BoothFactory(hall=hall, polygon=rect(6, 0, 9, 3), pavilion=german),  # 27 m², German
        BoothFactory(hall=hall, polygon=rect(15, 0, 3, 3)),  # 9 m², university (reserved)
        BoothFactory(hall=hall, polygon=rect(18, 0, 3, 3)),  # 9 m², option: not rented
    ]
    services.place_exhibitors(SYSTEM, edition, [(booths[0], chinese), (booths[1], german_company)])
    services.place_exhibitors(SYSTEM, edition, [(booths[2], university)], "reserved")
    return edition


def figures(edition):
    return {figure.key: figure for figure in key_figures(edition)}


def test_net_space_rented_counts_reserved_and_sold(floor):
    assert figures(floor)["floorplan.net_space_rented"].value == Decimal(54)


def test_space_by_pavilion_breakdown(floor):
    figure = figures(floor)["floorplan.space_by_pavilion"]
    assert (figure.value, figure.inputs) == (
        Decimal(27),
        {"German Pavilion": "27", "Outside pavilions": "27"},
    )


def test_space_by_country_breakdown(floor):
    figure = figures(floor)["floorplan.space_by_country"]
    assert (figure.value, figure.inputs) == (2, {"China": "27", "Germany": "27"})


def test_space_by_exhibitor_type_breakdown(floor):
    figure = figures(floor)["floorplan.space_by_exhibitor_type"]
    assert (figure.value, figure.inputs) == (2, {"Company": "45", "University": "9"})


def test_international_share_is_foreign_space_over_rented_space(floor):
    figure = figures(floor)["floorplan.international_space_share"]
    assert (figure.value, figure.unit) == (Decimal("50.0"), "%")


def test_gross_hall_area_sums_outlines(floor):
    assert figures(floor)["floorplan.gross_hall_area"].value == Decimal(2400)


def test_every_figure_has_a_definition_and_area(floor):
    assert all(str(f.definition) and f.area == "floorplan" for f in key_figures(floor))
