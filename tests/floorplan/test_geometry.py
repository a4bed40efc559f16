from decimal import Decimal

import pytest

from showfloor.floorplan import geometry


def r(x, y, w, d):
    return geometry.rectangle(*(Decimal(str(v)) for v in (x, y, w, d)))


L_HALL = geometry.parse_polygon([[0, 0], [10, 0], [10, 4], [4, 4], [4, 10], [0, 10]])


def test_area_of_rectangle_is_width_times_depth():
    assert geometry.area(r(0, 0, 3, "4.5")) == Decimal("13.5")


def test_area_of_l_shape_by_shoelace():
    assert geometry.area(L_HALL) == Decimal(64)


def test_area_is_exact_with_millimetres():
    assert geometry.area(r("0.001", 0, "0.003", "0.007")) == Decimal("0.000021")


def test_area_ignores_vertex_order():
    assert geometry.area(list(reversed(r(0, 0, 3, 3)))) == Decimal(9)


def test_booths_sharing_a_wall_do_not_overlap():
    assert geometry.overlap(r(0, 0, 3, 3), r(3, 0, 3, 3)) is False


def test_booths_touching_at_a_corner_do_not_overlap():
    assert geometry.overlap(r(0, 0, 3, 3), r(3, 3, 3, 3)) is False


def test_booths_overlapping_by_a_millimetre_overlap():
    assert geometry.overlap(r(0, 0, 3, 3), r("2.999", 0, 3, 3)) is True


def test_identical_booths_overlap():
    assert geometry.overlap(r(0, 0, 3, 3), r(0, 0, 3, 3)) is True


def test_booth_inside_another_overlaps():
    assert geometry.overlap(r(0, 0, 9, 9), r(3, 3, 3, 3)) is True


def test_crossing_booths_overlap():
    assert geometry.overlap(r(0, 1, 9, 1), r(4, 0, 1, 9)) is True


def test_triangles_on_either_side_of_a_diagonal_do_not_overlap():
    first = geometry.parse_polygon([[0, 0], [3, 0], [0, 3]])
    second = geometry.parse_polygon([[3, 0], [3, 3], [0, 3]])
    assert geometry.overlap(first, second) is False


def test_contains_booth_along_the_hall_wall():
    assert geometry.contains(L_HALL, r(0, 0, 3, 3)) is True


def test_contains_refuses_booth_across_the_wall():
    assert geometry.contains(r(0, 0, 10, 10), r(8, 0, 3, 3)) is False


def test_contains_refuses_booth_in_the_notch_of_an_l_shaped_hall():
    assert geometry.contains(L_HALL, r(5, 5, 3, 3)) is False


def test_contains_refuses_booth_bridging_the_notch():
    # All four corners are inside the L, but the booth spans the missing corner.
    assert geometry.contains(L_HALL, r(3, 3, 2, 2)) is False


def test_contains_accepts_booth_filling_the_l_arm():
    assert geometry.contains(L_HALL, r(0, 4, 4, 6)) is True


def test_parse_polygon_refuses_self_crossing_shape():
    with pytest.raises(geometry.GeometryError, match="crosses itself"):
        geometry.parse_polygon([[0, 0], [4, 0], [4, 4], [2, -1], [0, 4]])


def test_parse_polygon_refuses_floats():
    with pytest.raises(geometry.GeometryError, match="not a float"):
        geometry.parse_polygon([[0.5, 0], [3, 0], [3, 3]])


def test_parse_polygon_refuses_sub_millimetre_precision():
    with pytest.raises(geometry.GeometryError, match="more than 3 decimals"):
        geometry.parse_polygon([["0.0001", "0"], ["3", "0"], ["3", "3"]])


def test_parse_polygon_refuses_flat_shape():
    with pytest.raises(geometry.GeometryError, match="no area"):
        geometry.parse_polygon([[0, 0], [3, 0], [6, 0]])


def test_parse_polygon_drops_closing_point():
    assert geometry.parse_polygon([[0, 0], [3, 0], [3, 3], [0, 0]]) == [
        (Decimal(0), Decimal(0)),
        (Decimal(3), Decimal(0)),
        (Decimal(3), Decimal(3)),
    ]


def test_find_overlaps_names_the_pairs():
    shapes = [("A1", r(0, 0, 3, 3)), ("A2", r(3, 0, 3, 3)), ("A3", r(5, 2, 3, 3))]
    assert geometry.find_overlaps(shapes) == [("A2", "A3")]


def test_centroid_of_l_shape():
    assert geometry.centroid(L_HALL) == (Decimal("3.875"), Decimal("3.875"))


def test_describe_reads_as_points():
    assert geometry.describe(r(0, 0, "2.5", 3)) == "(0, 0) (2.5, 0) (2.5, 3) (0, 3)"


TRIANGLE = geometry.parse_polygon([[0, 0], [10, 0], [0, 10]])


def test_contains_in_a_convex_hall_refuses_a_corner_outside():
    assert geometry.contains(TRIANGLE, r(4, 4, 3, 3)) is False


def test_contains_in_a_convex_hall_accepts_a_booth_on_the_slanted_wall():
    assert geometry.contains(TRIANGLE, r(2, 2, 3, 3)) is True
