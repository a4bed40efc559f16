"""Booth layouts from a file: a CSV of rectangles or a GeoJSON FeatureCollection of polygons.

Parsing reports every bad row or feature with its number and field; the layout is then created
by `services.create_booths`, which refuses the whole file if any booth falls outside the hall or
overlaps another. Nothing is written unless every booth is valid.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from showfloor.core.permissions import Actor
from showfloor.floorplan import geometry, services
from showfloor.floorplan.enums import BoothType
from showfloor.floorplan.models import Booth, Hall, Pavilion

CSV_COLUMNS = ("code", "x", "y", "width", "depth", "type", "open_sides", "pavilion")
REQUIRED_COLUMNS = ("code", "x", "y", "width", "depth")
MAX_BYTES = 5 * 1024 * 1024


def _text(content: bytes) -> str:
    if len(content) > MAX_BYTES:
        raise ValidationError({"file": [_("The file is larger than 5 MB.")]})
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError({"file": [_("The file is not UTF-8 text.")]}) from exc


def _pavilions(hall: Hall) -> dict[str, Pavilion]:
    return {pavilion.code: pavilion for pavilion in Pavilion.objects.filter(edition=hall.edition)}


def _common(
    ref: str, values: dict[str, Any], pavilions: dict[str, Pavilion], errors: list[str]
) -> dict[str, Any]:
    """type, open_sides and pavilion, shared by both formats."""
    result: dict[str, Any] = {}
    kind = str(values.get("type") or BoothType.SHELL_SCHEME).strip()
    if kind not in BoothType.values:
        errors.append(
            _("%(ref)s, type: “%(value)s” is not one of %(allowed)s.")
            % {"ref": ref, "value": kind, "allowed": ", ".join(BoothType.values)}
        )
    result["type"] = kind
    raw_sides = values.get("open_sides")
    sides = "1" if raw_sides is None or str(raw_sides).strip() == "" else str(raw_sides).strip()
    if not sides.isdigit() or int(sides) > 4:
        errors.append(
            _("%(ref)s, open_sides: “%(value)s” is not a whole number from 0 to 4.")
            % {"ref": ref, "value": sides}
        )
    result["open_sides"] = int(sides) if sides.isdigit() else 1
    code = str(values.get("pavilion") or "").strip()
    if code and code not in pavilions:
        errors.append(
            _("%(ref)s, pavilion: no pavilion with the code “%(value)s”.")
            % {"ref": ref, "value": code}
        )
    result["pavilion"] = pavilions.get(code)
    return result


def parse_csv(hall: Hall, content: bytes) -> list[services.BoothSpec]:
    reader = csv.DictReader(io.StringIO(_text(content)))
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(
            {
                "file": [
                    _("Missing column(s): %(columns)s. Expected: %(expected)s.")
                    % {"columns": ", ".join(missing), "expected": ", ".join(CSV_COLUMNS)}
                ]
            }
        )
    pavilions = _pavilions(hall)
    specs, errors = [], []
    for number, row in enumerate(reader, start=2):  # the header is row 1
        ref = _("row %(number)s") % {"number": number}
        numbers: dict[str, Decimal] = {}
        for field in ("x", "y", "width", "depth"):
            try:
                numbers[field] = geometry.parse_coordinate(row.get(field) or "")
            except geometry.GeometryError as exc:
                errors.append(f"{ref}, {field}: {exc}.")
        for field in ("width", "depth"):
            if field in numbers and numbers[field] <= 0:
                errors.append(
                    _("%(ref)s, %(field)s: must be more than 0.") % {"ref": ref, "field": field}
                )
        extra = _common(ref, row, pavilions, errors)
        if len(numbers) == 4 and numbers["width"] > 0 and numbers["depth"] > 0:
            points = geometry.rectangle(
                numbers["x"], numbers["y"], numbers["width"], numbers["depth"]
            )
            specs.append(
                services.BoothSpec(
                    code=(row.get("code") or "").strip(), points=points, ref=ref, **extra
                )
            )
    if errors:
        raise ValidationError({"file": errors})
    if not specs:
        raise ValidationError({"file": [_("The file has no booths.")]})
    return specs


def parse_geojson(hall: Hall, content: bytes) -> list[services.BoothSpec]:
    try:
        document = json.loads(_text(content), parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise ValidationError({"file": [_("Not valid JSON: %(why)s.") % {"why": exc.msg}]}) from exc
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection":
        raise ValidationError({"file": [_("Expected a GeoJSON FeatureCollection.")]})
    pavilions = _pavilions(hall)
    specs, errors = [], []
    for number, feature in enumerate(document.get("features") or [], start=1):
        ref = _("feature %(number)s") % {"number": number}
        shape = feature.get("geometry") if isinstance(feature, dict) else None
        properties = (feature.get("properties") if isinstance(feature, dict) else None) or {}
        if not isinstance(shape, dict) or shape.get("type") != "Polygon":
            errors.append(_("%(ref)s, geometry: expected a Polygon.") % {"ref": ref})
            continue
        rings = shape.get("coordinates") or []
        if len(rings) != 1:
            errors.append(_("%(ref)s, geometry: a booth is one ring without holes.") % {"ref": ref})
            continue
        extra = _common(ref, properties, pavilions, errors)
        try:
            points = geometry.parse_polygon(rings[0])
        except geometry.GeometryError as exc:
            errors.append(f"{ref}, geometry: {exc}.")
            continue
        specs.append(
            services.BoothSpec(
                code=str(properties.get("code") or "").strip(), points=points, ref=ref, **extra
            )
        )
    if errors:
        raise ValidationError({"file": errors})
    if not specs:
        raise ValidationError({"file": [_("The file has no booths.")]})
    return specs


def import_layout(actor: Actor, hall: Hall, filename: str, content: bytes) -> list[Booth]:
    """Import a layout file into a hall, all or nothing."""
    if filename.lower().endswith((".geojson", ".json")):
        specs = parse_geojson(hall, content)
    elif filename.lower().endswith(".csv"):
        specs = parse_csv(hall, content)
    else:
        raise ValidationError({"file": [_("Upload a .csv or a .geojson file.")]})
    return services.create_booths(actor, hall, specs, source=filename)
