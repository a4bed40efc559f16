import json

import pytest
from django.core.exceptions import ValidationError

from showfloor.floorplan import importers
from showfloor.floorplan.models import Booth
from tests.floorplan.factories import BoothFactory, PavilionFactory

pytestmark = pytest.mark.django_db

HEADER = "code,x,y,width,depth,type,open_sides,pavilion\n"


def csv_file(*rows):
    return (HEADER + "".join(row + "\n" for row in rows)).encode()


def feature(code, ring, **properties):
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": [ring]},
        "properties": {"code": code, **properties},
    }


def geojson(*features):
    return json.dumps({"type": "FeatureCollection", "features": list(features)}).encode()


def errors_of(call):
    with pytest.raises(ValidationError) as caught:
        call()
    return caught.value.messages


def test_csv_import_creates_every_booth(hall, system_actor):
    PavilionFactory(edition=hall.edition, code="germany")
    content = csv_file("A01,0,0,3,3,corner,2,germany", "A02,3,0,6,3,shell_scheme,1,")
    importers.import_layout(system_actor, hall, "layout.csv", content)
    booths = Booth.objects.order_by("code").values_list("code", "type", "area", "pavilion__code")
    assert [(c, t, str(a), p) for c, t, a, p in booths] == [
        ("A01", "corner", "9.000000", "germany"),
        ("A02", "shell_scheme", "18.000000", None),
    ]


def test_csv_import_reports_each_bad_row_and_field(hall, system_actor):
    content = csv_file("A01,0,0,3,3,corner,2,", "A02,x,0,3,3,kiosk,9,mars")
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "l.csv", content))
    assert messages == [
        "row 3, x: “x” is not a number.",
        "row 3, type: “kiosk” is not one of raw_space, shell_scheme, corner, island, "
        "pavilion_stand.",
        "row 3, open_sides: “9” is not a whole number from 0 to 4.",
        "row 3, pavilion: no pavilion with the code “mars”.",
    ]


def test_csv_import_with_an_overlap_imports_nothing(hall, system_actor):
    content = csv_file("A01,0,0,3,3,,,", "A02,2,0,3,3,,,", "A03,9,0,3,3,,,")
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "l.csv", content))
    assert messages == [
        "row 3: booth A02 at (2, 0) (5, 0) (5, 3) (2, 3) overlaps booth A01 at "
        "(0, 0) (3, 0) (3, 3) (0, 3)."
    ]
    assert Booth.objects.count() == 0


def test_csv_import_overlapping_an_existing_booth_is_refused(hall, system_actor):
    BoothFactory(hall=hall, code="Z01", at=(30, 30))
    content = csv_file("A01,31,31,3,3,,,")
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "l.csv", content))
    assert messages == [
        "row 2: booth A01 at (31, 31) (34, 31) (34, 34) (31, 34) overlaps booth Z01 at "
        "(30, 30) (33, 30) (33, 33) (30, 33)."
    ]


def test_csv_import_outside_the_hall_is_refused(hall, system_actor):
    content = csv_file("A01,58,39,3,3,,,")
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "l.csv", content))
    assert messages == [
        "row 2: booth A01 at (58, 39) (61, 39) (61, 42) (58, 42) lies outside hall hall-1 "
        "((0, 0) (60, 0) (60, 40) (0, 40))."
    ]


def test_csv_import_without_required_columns_is_refused(hall, system_actor):
    messages = errors_of(
        lambda: importers.import_layout(system_actor, hall, "l.csv", b"code,x,y\nA01,0,0\n")
    )
    assert messages == [
        "Missing column(s): width, depth. Expected: code, x, y, width, depth, type, "
        "open_sides, pavilion."
    ]


def test_geojson_import_creates_polygon_booths(hall, system_actor):
    content = geojson(
        feature("P1", [[0, 0], [6, 0], [6, 3], [3, 6], [0, 6], [0, 0]], type="island", open_sides=4)
    )
    importers.import_layout(system_actor, hall, "hall.geojson", content)
    booth = Booth.objects.get()
    assert (booth.code, booth.type, booth.open_sides, str(booth.area)) == (
        "P1",
        "island",
        4,
        "31.500000",
    )


def test_geojson_import_reports_bad_features(hall, system_actor):
    content = geojson(
        feature("P1", [[0, 0], [3, 0], [3, 3], [0, 3]]),
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 1]}, "properties": {}},
        feature("P3", [[10, 10], [14, 10], [14, 14], [12, 9], [10, 14]]),
    )
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "h.geojson", content))
    assert messages == [
        "feature 2, geometry: expected a Polygon.",
        "feature 3, geometry: the polygon crosses itself.",
    ]
    assert Booth.objects.count() == 0


def test_geojson_import_refuses_sub_millimetre_floats(hall, system_actor):
    content = geojson(feature("P1", [[0, 0], [3.00001, 0], [3, 3], [0, 3]]))
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "h.geojson", content))
    assert messages == ["feature 1, geometry: “3.00001” has more than 3 decimals (millimetres)."]


def test_import_refuses_an_unknown_file_type(hall, system_actor):
    messages = errors_of(lambda: importers.import_layout(system_actor, hall, "l.xlsx", b"PK"))
    assert messages == ["Upload a .csv or a .geojson file."]
