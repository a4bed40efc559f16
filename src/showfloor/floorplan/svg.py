"""Server-rendered SVG of a hall: one polygon per booth, in metres, coloured by status (staff) or
by the holder's first sector (visitors). The same document is inlined in the page (zoom and pan
in the browser), downloaded as .svg and printed into the PDF."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from xml.sax.saxutils import escape, quoteattr

from django.utils.translation import gettext as _

from showfloor.core.i18n import localized
from showfloor.core.models import Sector
from showfloor.floorplan import geometry, links
from showfloor.floorplan.enums import BoothStatus
from showfloor.floorplan.models import Booth, Hall
from showfloor.floorplan.queries import visible_holder

STATUS_COLOURS = {
    BoothStatus.AVAILABLE: "#d8f0df",
    BoothStatus.OPTION: "#ffe08a",
    BoothStatus.RESERVED: "#9cc5f5",
    BoothStatus.SOLD: "#1f6fd1",
    BoothStatus.BLOCKED: "#b8bec6",
}
# Okabe–Ito first (colour-blind friendly), then Tableau 20 hues: one colour per seed sector.
SECTOR_PALETTE = [
    "#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
    "#8c564b", "#17becf", "#bcbd22", "#7f7f7f", "#9467bd", "#aec7e8", "#ffbb78",
    "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#dbdb8d", "#9edae5",
    "#393b79", "#637939", "#8c6d31",
]  # fmt: skip
EMPTY_COLOUR = "#eef0f3"
NO_SECTOR_COLOUR = "#c9d3df"
DARK_FILLS = {
    "#1f6fd1", "#0072b2", "#009e73", "#d55e00", "#8c564b", "#9467bd", "#7f7f7f",
    "#393b79", "#637939", "#8c6d31",
}  # fmt: skip
MARGIN = Decimal(2)


@dataclass(frozen=True)
class LegendEntry:
    label: str
    colour: str


def _num(value: Decimal) -> str:
    text = format(value.normalize(), "f")
    return "0" if text == "-0" else text


def _points(points: Sequence[geometry.Point]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def sector_colours(sectors: Iterable[Sector]) -> dict[int, str]:
    return {
        sector.pk: SECTOR_PALETTE[index % len(SECTOR_PALETTE)]
        for index, sector in enumerate(sorted(sectors, key=lambda s: s.code))
    }


def status_legend() -> list[LegendEntry]:
    return [LegendEntry(str(status.label), STATUS_COLOURS[status]) for status in BoothStatus]


def sector_legend(sectors: Iterable[Sector], used: set[int]) -> list[LegendEntry]:
    colours = sector_colours(sectors)
    entries = [
        LegendEntry(localized(sector.name), colours[sector.pk])
        for sector in sorted(sectors, key=lambda s: s.code)
        if sector.pk in used
    ]
    return [*entries, LegendEntry(_("Free or not yet allocated"), EMPTY_COLOUR)]


def _first_sector(booth: Booth) -> Sector | None:
    holder = visible_holder(booth)
    if holder is None:
        return None
    sectors = list(holder.sectors.all())
    return sectors[0] if sectors else None


def render_hall(
    hall: Hall,
    booths: Iterable[Booth],
    *,
    mode: str = "sector",
    sectors: Iterable[Sector] = (),
    highlight: Iterable[int] = (),
    link_booths: bool = True,
) -> str:
    """The hall as an SVG document; `mode` is "status" (staff) or "sector" (visitors)."""
    outline = hall.points
    min_x, min_y, max_x, max_y = geometry.bounds(outline)
    view = (min_x - MARGIN, min_y - MARGIN, max_x - min_x + 2 * MARGIN, max_y - min_y + 2 * MARGIN)
    colours = sector_colours(sectors)
    marked = set(highlight)
    title = escape(localized(hall.name) or hall.code)
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" class="hall-plan" '
        f'viewBox="{" ".join(_num(v) for v in view)}" '
        f'data-hall="{escape(hall.code)}" data-mode="{mode}" role="img" '
        # Presentation attributes as well as the style sheet: PDF renderers read these.
        'font-family="sans-serif" font-size=".9" font-weight="600" text-anchor="middle" '
        f"aria-label={quoteattr(title)}>",
        f"<title>{title}</title>",
        "<style>.booth polygon{stroke:#40505f;stroke-width:.08}"
        ".booth text{pointer-events:none}"
        ".booth.is-highlighted polygon{stroke:#d7263d;stroke-width:.45}"
        "a.booth:hover polygon{stroke:#d7263d;stroke-width:.25}</style>",
        f'<polygon class="hall-outline" points="{_points(outline)}" '
        'fill="#fbfcfd" stroke="#1f2a36" stroke-width=".3"/>',
    ]
    for booth in booths:
        parts.append(_booth(booth, mode, colours, booth.pk in marked, link_booths))
    parts.append("</svg>")
    return "".join(parts)


def highlight(document: str, booth_ids: Iterable[int]) -> str:
    """Mark booths in an already rendered plan (a cached one), as render_hall(highlight=) does."""
    for pk in booth_ids:
        document = document.replace(
            f'class="booth" id="booth-{pk}"', f'class="booth is-highlighted" id="booth-{pk}"', 1
        )
    return document


def _booth(
    booth: Booth, mode: str, colours: dict[int, str], highlighted: bool, link_booths: bool
) -> str:
    points = booth.points
    holder = booth.exhibitor if mode == "status" else visible_holder(booth)
    if mode == "status":
        fill = STATUS_COLOURS[BoothStatus(booth.status)]
    elif holder is None:
        fill = EMPTY_COLOUR
    else:
        sector = _first_sector(booth)
        fill = colours.get(sector.pk, NO_SECTOR_COLOUR) if sector else NO_SECTOR_COLOUR
    name = localized(holder.organization.name) if holder is not None else ""
    cx, cy = geometry.centroid(points)
    label_colour = "#ffffff" if fill in DARK_FILLS else "#1f2a36"
    width = booth.max_x - booth.min_x
    tooltip = " · ".join(
        part
        for part in (booth.code, name, f"{_num(booth.area.quantize(Decimal('0.01')))} m²")
        if part
    )
    classes = "booth is-highlighted" if highlighted else "booth"
    attributes = (
        f'class="{classes}" id="booth-{booth.pk}" data-code={quoteattr(booth.code)} '
        f'data-status="{booth.status}" data-name={quoteattr(name)}'
    )
    # Long booth numbers shrink to fit narrow booths (a digit is about 0.6 em wide).
    size = min(Decimal("0.9"), width / (Decimal("0.62") * max(len(booth.code), 1)))
    font = "" if size >= Decimal("0.9") else f' font-size="{_num(size.quantize(Decimal("0.01")))}"'
    inner = [
        f"<title>{escape(tooltip)}</title>",
        f'<polygon points="{_points(points)}" fill="{fill}"/>',
        f'<text x="{_num(cx)}" y="{_num(cy - Decimal("0.05"))}" fill="{label_colour}"{font}>'
        f"{escape(booth.code)}</text>",
    ]
    if name and width >= 3:
        # Long names are cut to what fits the booth's width at this font size.
        room = int(width / Decimal("0.32"))
        short = name if len(name) <= room else name[: max(room - 1, 1)] + "…"
        inner.append(
            f'<text class="name" x="{_num(cx)}" y="{_num(cy + Decimal("0.8"))}" '
            f'font-size=".55" font-weight="400" fill="{label_colour}">{escape(short)}</text>'
        )
    url = links.virtual_booth_url(holder) if link_booths and holder is not None else None
    if url:
        return f"<a href={quoteattr(url)} {attributes}>{''.join(inner)}</a>"
    return f"<g {attributes}>{''.join(inner)}</g>"
