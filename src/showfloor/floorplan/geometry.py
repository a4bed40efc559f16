"""Exact plane geometry for booths and halls, in metres.

Coordinates are Decimals (parsed from strings, never floats) and every predicate is computed with
Fractions, so "touching" and "overlapping" are decided exactly: two booths that share a wall
touch, they do not overlap. Polygons are simple (no self-crossing), given as a list of vertices
without repeating the first one; the plan's y axis points down, as on paper.

Shapely is not used: it works in floating point, and it is not installed here.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction

from django.utils.translation import gettext as _

Point = tuple[Decimal, Decimal]
Polygon = list[Point]
_FPoint = tuple[Fraction, Fraction]

MAX_DECIMALS = 3  # millimetres


class GeometryError(ValueError):
    """A polygon that cannot be a booth or a hall outline; the message says why."""


def parse_coordinate(value: object) -> Decimal:
    if isinstance(value, (bool, float)):
        raise GeometryError(
            _("coordinate %(value)s must be a string or a Decimal, not a float") % {"value": value}
        )
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise GeometryError(_("“%(value)s” is not a number") % {"value": value}) from exc
    if not number.is_finite():
        raise GeometryError(_("“%(value)s” is not a finite number") % {"value": value})
    exponent = number.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_DECIMALS:
        raise GeometryError(
            _("“%(value)s” has more than 3 decimals (millimetres)") % {"value": value}
        )
    return number


def parse_polygon(raw: object) -> Polygon:
    """A polygon from [[x, y], ...] (strings, ints or Decimals); a closing repeat is dropped."""
    if not isinstance(raw, (list, tuple)):
        raise GeometryError(_("a polygon is a list of [x, y] points"))
    points: Polygon = []
    for item in raw:
        if not isinstance(item, (list, tuple)) or len(item) != 2:
            raise GeometryError(_("%(item)s is not an [x, y] point") % {"item": item})
        points.append((parse_coordinate(item[0]), parse_coordinate(item[1])))
    if len(points) > 1 and points[0] == points[-1]:
        points.pop()
    validate_polygon(points)
    return points


def rectangle(x: Decimal, y: Decimal, width: Decimal, depth: Decimal) -> Polygon:
    return [(x, y), (x + width, y), (x + width, y + depth), (x, y + depth)]


def to_json(points: Sequence[Point]) -> list[list[str]]:
    return [[_fmt(x), _fmt(y)] for x, y in points]


def from_json(raw: Iterable[Sequence[str]]) -> Polygon:
    return [(Decimal(x), Decimal(y)) for x, y in raw]


def _fmt(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "") else text


def describe(points: Sequence[Point]) -> str:
    """The polygon as people read it in an error message: (0, 0) (3, 0) (3, 3) (0, 3)."""
    return " ".join(f"({_fmt(x)}, {_fmt(y)})" for x, y in points)


# Exact arithmetic --------------------------------------------------------------------------------


def _f(points: Sequence[Point]) -> list[_FPoint]:
    return [(Fraction(x), Fraction(y)) for x, y in points]


def _cross(o: _FPoint, a: _FPoint, b: _FPoint) -> Fraction:
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _edges(points: Sequence[_FPoint]) -> list[tuple[_FPoint, _FPoint]]:
    return [(points[i], points[(i + 1) % len(points)]) for i in range(len(points))]


def _on_segment(p: _FPoint, a: _FPoint, b: _FPoint) -> bool:
    return (
        _cross(a, b, p) == 0
        and min(a[0], b[0]) <= p[0] <= max(a[0], b[0])
        and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])
    )


def _segments_intersect(a: _FPoint, b: _FPoint, c: _FPoint, d: _FPoint) -> bool:
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    if ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4)):
        return True
    return any(
        (
            d1 == 0 and _on_segment(a, c, d),
            d2 == 0 and _on_segment(b, c, d),
            d3 == 0 and _on_segment(c, a, b),
            d4 == 0 and _on_segment(d, a, b),
        )
    )


def _proper_crossing(a: _FPoint, b: _FPoint, c: _FPoint, d: _FPoint) -> bool:
    """The segments cross at one point inside both (not at an end, not collinear)."""
    d1, d2 = _cross(c, d, a), _cross(c, d, b)
    d3, d4 = _cross(a, b, c), _cross(a, b, d)
    return ((d1 > 0 > d2) or (d1 < 0 < d2)) and ((d3 > 0 > d4) or (d3 < 0 < d4))


def signed_area(points: Sequence[Point]) -> Fraction:
    """The shoelace formula: positive when the vertices run clockwise on a y-down plan."""
    fp = _f(points)
    total = sum(
        (a[0] * b[1] - b[0] * a[1] for a, b in _edges(fp)),
        start=Fraction(0),
    )
    return total / 2


def area(points: Sequence[Point]) -> Decimal:
    """Net area in m², exact (vertices have at most 3 decimals, so 6 places hold it all)."""
    value = abs(signed_area(points))
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(Decimal("0.000001"))


def bounds(points: Sequence[Point]) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    xs = [x for x, _y in points]
    ys = [y for _x, y in points]
    return min(xs), min(ys), max(xs), max(ys)


def validate_polygon(points: Sequence[Point]) -> None:
    if len(points) < 3:
        raise GeometryError(_("a polygon needs at least 3 points"))
    if len(set(points)) != len(points):
        raise GeometryError(_("a polygon may not pass twice through the same point"))
    if signed_area(points) == 0:
        raise GeometryError(_("the polygon has no area"))
    fp = _f(points)
    count = len(fp)
    for i in range(count):
        # Two consecutive edges may not fold back onto each other.
        before, vertex, after = fp[i - 1], fp[i], fp[(i + 1) % count]
        same_line = _cross(vertex, before, after) == 0
        if same_line and _dot(vertex, before, after) > 0:
            raise GeometryError(_("the polygon folds back on itself"))
    edges = _edges(fp)
    for i in range(count):
        for j in range(i + 2, count):
            if i == 0 and j == count - 1:
                continue  # neighbours through the first vertex
            if _segments_intersect(*edges[i], *edges[j]):
                raise GeometryError(_("the polygon crosses itself"))


def _dot(o: _FPoint, a: _FPoint, b: _FPoint) -> Fraction:
    return (a[0] - o[0]) * (b[0] - o[0]) + (a[1] - o[1]) * (b[1] - o[1])


def _locate(p: _FPoint, polygon: Sequence[_FPoint]) -> int:
    """1 strictly inside, 0 on the boundary, -1 outside (exact ray casting)."""
    inside = False
    for a, b in _edges(polygon):
        if _on_segment(p, a, b):
            return 0
        if (a[1] > p[1]) != (b[1] > p[1]):
            x_cross = a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
            if p[0] < x_cross:
                inside = not inside
    return 1 if inside else -1


def _split_points(a: _FPoint, b: _FPoint, other: Sequence[_FPoint]) -> list[_FPoint]:
    """Points of segment ab where it meets the other polygon's boundary, sorted along ab."""
    params = {Fraction(0), Fraction(1)}
    dx, dy = b[0] - a[0], b[1] - a[1]
    length2 = dx * dx + dy * dy
    for c, d in _edges(other):
        for p in (c, d):
            if _on_segment(p, a, b):
                params.add(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / length2)
        denominator = dx * (d[1] - c[1]) - dy * (d[0] - c[0])
        if denominator != 0:
            t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator
            u = ((c[0] - a[0]) * dy - (c[1] - a[1]) * dx) / denominator
            if 0 <= t <= 1 and 0 <= u <= 1:
                params.add(t)
    return [(a[0] + t * dx, a[1] + t * dy) for t in sorted(params)]


def _boundary_samples(polygon: Sequence[_FPoint], other: Sequence[_FPoint]) -> list[_FPoint]:
    """Midpoints of the pieces of the polygon's boundary cut by the other's boundary."""
    samples = []
    for a, b in _edges(polygon):
        cuts = _split_points(a, b, other)
        samples += [((p[0] + q[0]) / 2, (p[1] + q[1]) / 2) for p, q in itertools.pairwise(cuts)]
    return samples


def _interior_point(polygon: Sequence[_FPoint]) -> _FPoint:
    """A point strictly inside a simple polygon: the middle of the first span of a scan line."""
    ys = sorted({y for _x, y in polygon})
    y = (ys[0] + ys[1]) / 2
    crossings = sorted(
        a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
        for a, b in _edges(polygon)
        if (a[1] > y) != (b[1] > y)
    )
    return ((crossings[0] + crossings[1]) / 2, y)


def is_convex(points: Sequence[Point]) -> bool:
    fp = _f(points)
    turns = {
        _cross(fp[i - 1], fp[i], fp[(i + 1) % len(fp)]) > 0
        for i in range(len(fp))
        if _cross(fp[i - 1], fp[i], fp[(i + 1) % len(fp)]) != 0
    }
    return len(turns) == 1


def _in_convex(p: Point, outer: Sequence[Point], sign: int) -> bool:
    """Inside or on a convex polygon: never on the outer side of an edge. Decimal products of
    millimetre coordinates are exact within the 60-digit context used here."""
    with localcontext() as context:
        context.prec = 60
        for i, a in enumerate(outer):
            b = outer[(i + 1) % len(outer)]
            turn = (b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0])
            if turn * sign < 0:
                return False
    return True


def contains(
    outer: Sequence[Point], inner: Sequence[Point], outer_convex: bool | None = None
) -> bool:
    """True when `inner` lies inside `outer`, its boundary allowed to run along outer's.
    Pass `outer_convex` when checking many polygons against one outline."""
    x0, y0, x1, y1 = bounds(outer)
    ix0, iy0, ix1, iy1 = bounds(inner)
    if ix0 < x0 or iy0 < y0 or ix1 > x1 or iy1 > y1:
        return False
    if outer_convex if outer_convex is not None else is_convex(outer):
        # A convex region holds every polygon whose vertices it holds.
        sign = 1 if signed_area(outer) > 0 else -1
        return all(_in_convex(p, outer, sign) for p in inner)
    fo, fi = _f(outer), _f(inner)
    if any(_locate(p, fo) < 0 for p in fi):
        return False
    if any(_proper_crossing(a, b, c, d) for a, b in _edges(fi) for c, d in _edges(fo)):
        return False
    return all(_locate(p, fo) >= 0 for p in _boundary_samples(fi, fo))


def overlap(first: Sequence[Point], second: Sequence[Point]) -> bool:
    """True when the interiors meet; polygons sharing only edges or corners do not overlap."""
    fa, fb = _f(first), _f(second)
    ax0, ay0, ax1, ay1 = bounds(first)
    bx0, by0, bx1, by1 = bounds(second)
    if ax1 <= bx0 or bx1 <= ax0 or ay1 <= by0 or by1 <= ay0:
        return False
    if any(_proper_crossing(a, b, c, d) for a, b in _edges(fa) for c, d in _edges(fb)):
        return True
    if any(_locate(p, fb) > 0 for p in _boundary_samples(fa, fb)):
        return True
    if any(_locate(p, fa) > 0 for p in _boundary_samples(fb, fa)):
        return True
    # No boundary enters the other: either apart, or one region equals the other.
    return _locate(_interior_point(fa), fb) > 0 or _locate(_interior_point(fb), fa) > 0


def find_overlaps(polygons: Sequence[tuple[str, Sequence[Point]]]) -> list[tuple[str, str]]:
    """Pairs of names whose polygons overlap; a sweep over x keeps it near-linear for plans."""
    boxes = sorted(
        ((bounds(points), name, points) for name, points in polygons), key=lambda item: item[0][0]
    )
    found: list[tuple[str, str]] = []
    active: list[tuple[tuple[Decimal, Decimal, Decimal, Decimal], str, Sequence[Point]]] = []
    for box, name, points in boxes:
        active = [item for item in active if item[0][2] > box[0]]
        for other_box, other_name, other_points in active:
            if other_box[1] < box[3] and box[1] < other_box[3] and overlap(other_points, points):
                found.append((other_name, name))
        active.append((box, name, points))
    return found


def centroid(points: Sequence[Point]) -> tuple[Decimal, Decimal]:
    """The area centroid, rounded to the millimetre (labels and hotspots). Sums of products of
    millimetre coordinates are exact in a 60-digit context; only the last division rounds."""
    mm = Decimal("0.001")
    with localcontext() as context:
        context.prec = 60
        twice_area = cx = cy = Decimal(0)
        for index, (x0, y0) in enumerate(points):
            x1, y1 = points[(index + 1) % len(points)]
            cross = x0 * y1 - x1 * y0
            twice_area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        return (cx / (3 * twice_area)).quantize(mm), (cy / (3 * twice_area)).quantize(mm)
