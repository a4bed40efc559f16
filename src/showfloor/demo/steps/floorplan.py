"""Demo step for floorplan: the venue, its halls and booths, prices per m², pavilions (a
China–SCO digital economy pavilion of 18 countries filling a 10,000 m² hall at the chtf2020
scale, and a German country pavilion), every approved on-site exhibitor placed on a booth (its
co-exhibitors share it), a few open options, and a 360° panorama with hotspots per hall.

Booths are laid out in back-to-back rows of 3 m deep slots along 27 m segments, with 3 m aisles;
an exhibitor takes 1 to 4 adjacent slots from the space it asked for (9 to 36 m²; more is
granted as 36 m², the demo's largest stand). Exhibitors are
sorted by sector, so the visitors' plan shows sector neighbourhoods.

Adds `ctx.data["halls"]` (the Hall objects) and `ctx.data["booth_of"]` ({exhibitor id: booth}).
"""

from __future__ import annotations

import datetime as dt
import math
import time
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.utils import timezone

from showfloor.core.models import Edition, Sector
from showfloor.demo.generator import DemoContext
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import geometry, panorama, services, svg
from showfloor.floorplan.enums import BoothStatus, BoothType, PavilionKind
from showfloor.floorplan.models import Booth, Hall, Pavilion, Venue

SLOT = Decimal(3)  # booth depth and width unit, m
SEGMENT_SLOTS = 9  # 27 m between cross aisles
AISLE = Decimal(3)
MARGIN = Decimal(3)
HALL_SIZE = {"small": (Decimal(66), Decimal(45)), "chtf2020": (Decimal(160), Decimal(110))}
SCO_HALL_SIZE = {"small": (Decimal(50), Decimal(40)), "chtf2020": (Decimal(125), Decimal(80))}
MIN_REGULAR_HALLS = 2
SPARE_SHARE = 0.08  # space left for late sales
RATES = {
    BoothType.RAW_SPACE: "1180.00",
    BoothType.SHELL_SCHEME: "1380.00",
    BoothType.CORNER: "1480.00",
    BoothType.ISLAND: "1580.00",
    BoothType.PAVILION_STAND: "1280.00",
}
# The SCO's members, observers and dialogue partners with China: 18 countries.
SCO_COUNTRIES = [
    "CN", "RU", "KZ", "KG", "TJ", "UZ", "IN", "PK", "IR", "BY",
    "MN", "AF", "AZ", "AM", "KH", "NP", "LK", "TR",
]  # fmt: skip
SCO_NAME = {
    "en": "China–SCO Digital Economy Pavilion",
    "fr": "Pavillon de l'économie numérique Chine–OCS",
    "zh-hans": "中国—上海合作组织数字经济馆",
}
GERMAN_NAME = {"en": "German Pavilion", "fr": "Pavillon allemand", "zh-hans": "德国馆"}


@dataclass
class Place:
    exhibitor: Exhibitor | None
    slots: int


@dataclass
class Layout:
    specs: list[services.BoothSpec] = field(default_factory=list)
    holders: dict[str, Exhibitor] = field(default_factory=dict)  # booth code -> exhibitor


Slots = list[tuple[Decimal, Decimal]]


def _edition(ctx: DemoContext) -> Edition:
    if ctx.edition is None:
        raise RuntimeError("the core step makes the edition first")
    return ctx.edition


def _blocks(width: Decimal, depth: Decimal) -> list[list[list[Slots]]]:
    """blocks → two back-to-back rows → segments; each segment's slot origins along x."""
    blocks = []
    y = MARGIN
    while y + 2 * SLOT <= depth - MARGIN:
        rows = []
        for half in (0, 1):
            segments = []
            x = MARGIN
            while x + SEGMENT_SLOTS * SLOT <= width - MARGIN:
                segments.append([(x + i * SLOT, y + half * SLOT) for i in range(SEGMENT_SLOTS)])
                x += SEGMENT_SLOTS * SLOT + AISLE
            rows.append(segments)
        blocks.append(rows)
        y += 2 * SLOT + AISLE
    return blocks


def _capacity(width: Decimal, depth: Decimal) -> int:
    blocks = _blocks(width, depth)
    return len(blocks) * 2 * len(blocks[0][0]) * SEGMENT_SLOTS if blocks else 0


def _slots_wanted(ctx: DemoContext, exhibitor: Exhibitor) -> int:
    asked = getattr(exhibitor, "requested_space_m2", None)
    if asked:
        return max(1, min(4, math.ceil(asked / 9)))
    return ctx.rng.choices([1, 2, 3, 4], weights=[55, 28, 11, 6])[0]


def _booth_kind(first: bool, last: bool, slots: int, pavilion: Pavilion | None) -> tuple[str, int]:
    ends = int(first) + int(last)
    if pavilion is not None:
        return BoothType.PAVILION_STAND, 1 + ends
    if ends:
        return (BoothType.CORNER if slots <= 2 else BoothType.RAW_SPACE), 1 + ends
    return (BoothType.SHELL_SCHEME if slots <= 2 else BoothType.RAW_SPACE), 1


def _fill(
    layout: Layout,
    segments: Sequence[tuple[str, int, list[tuple[Decimal, Decimal]]]],
    queue: deque[Place],
    pavilion: Pavilion | None = None,
) -> None:
    """Lay booths along segments (row label, first slot number, slot origins), taking places
    from the queue while they fit; the rest of a segment becomes single free booths."""
    for row, offset, slots in segments:
        index = 0
        while index < len(slots):
            fits = bool(queue) and queue[0].slots <= len(slots) - index
            place = queue.popleft() if fits else Place(None, 1)
            x, y = slots[index]
            kind, sides = _booth_kind(
                index == 0, index + place.slots == len(slots), place.slots, pavilion
            )
            code = f"{row}{offset + index + 1:02d}"
            layout.specs.append(
                services.BoothSpec(
                    code=code,
                    points=geometry.rectangle(x, y, SLOT * place.slots, SLOT),
                    type=kind,
                    open_sides=sides,
                    pavilion=pavilion,
                )
            )
            if place.exhibitor is not None:
                layout.holders[code] = place.exhibitor
            index += place.slots


def _row_segments(blocks: list[list[list[Slots]]], prefix: str) -> list[tuple[str, int, Slots]]:
    """Every segment in reading order, labelled by row letter (A, B... then AA, AB...)."""
    result = []
    row_number = 0
    for rows in blocks:
        for segments in rows:
            label = prefix + _letters(row_number)
            for number, slots in enumerate(segments):
                result.append((label, number * SEGMENT_SLOTS, slots))
            row_number += 1
    return result


def _letters(number: int) -> str:
    return chr(65 + number) if number < 26 else chr(64 + number // 26) + chr(65 + number % 26)


def _onsite_exhibitors(ctx: DemoContext) -> list[Exhibitor]:
    return list(
        Exhibitor.objects.filter(
            edition=ctx.edition,
            status=ExhibitorStatus.APPROVED,
            attendance_mode__in=[ExhibitorMode.ONSITE, ExhibitorMode.BOTH],
            host__isnull=True,
        )
        .select_related("organization")
        .prefetch_related("sectors")
        .order_by("id")
    )


def _sector_key(exhibitor: Exhibitor) -> tuple[str, int]:
    codes = sorted(sector.code for sector in exhibitor.sectors.all())
    return (codes[0] if codes else "~", exhibitor.pk)


def _make_hall(
    ctx: DemoContext, venue: Venue, code: str, names: dict[str, str], size: tuple, position: int
) -> Hall:
    width, depth = size
    return services.create_hall(
        ctx.actor,
        venue,
        code=code,
        name=names,
        outline=geometry.to_json(geometry.rectangle(Decimal(0), Decimal(0), width, depth)),
        position=position,
    )


def _sco_pavilion(
    ctx: DemoContext, venue: Venue, chinese: deque[Place], foreign: dict[str, list[Place]]
) -> tuple[Hall, Layout]:
    """The 18-country pavilion: each country a block of segments sized to its exhibitors; China,
    the host, takes what is left and is filled with Chinese digital-economy exhibitors."""
    size = ctx.pick(SCO_HALL_SIZE)
    hall = _make_hall(
        ctx,
        venue,
        "sco",
        {"en": "China–SCO Hall", "fr": "Hall Chine–OCS", "zh-hans": "中国—上合组织馆"},
        size,
        position=99,
    )
    pavilion = services.create_pavilion(
        ctx.actor,
        _edition(ctx),
        code="china-sco-digital",
        name=SCO_NAME,
        kind=PavilionKind.THEME,
        hall=hall,
        gross_area=hall.gross_area,
    )
    segments = _row_segments(_blocks(*size), "S")
    guests = SCO_COUNTRIES[1:]
    per_country = {
        country: max(1, math.ceil(sum(p.slots for p in foreign.get(country, [])) / SEGMENT_SLOTS))
        for country in guests
    }
    budget = len(segments) - max(len(segments) // 3, 1)  # China keeps at least a third
    while sum(per_country.values()) > budget:
        largest = max(per_country, key=lambda country: per_country[country])
        per_country[largest] -= 1
    layout = Layout()
    cursor = 0
    for country in guests:
        share = segments[cursor : cursor + per_country[country]]
        cursor += per_country[country]
        queue = deque(foreign.get(country, []))
        labelled = [(f"{row}{country}", offset, slots) for row, offset, slots in share]
        _fill(layout, labelled, queue, pavilion)
        chinese.extend(queue)  # those who did not fit go to the regular halls
    china = [(f"{row}CN", offset, slots) for row, offset, slots in segments[cursor:]]
    budget_slots = sum(len(slots) for _row, _offset, slots in china) * 0.9
    picked: deque[Place] = deque()
    others: deque[Place] = deque()
    used = 0
    for place in chinese:
        home_company = place.exhibitor.organization.country.code == "CN"  # type: ignore[union-attr]
        if home_company and used + place.slots <= budget_slots:
            picked.append(place)
            used += place.slots
        else:
            others.append(place)
    _fill(layout, china, picked, pavilion)
    chinese.clear()
    chinese.extend([*picked, *others])
    return hall, layout


def _regular_halls(
    ctx: DemoContext, venue: Venue, queue: deque[Place], german: list[Place]
) -> list[tuple[Hall, Layout]]:
    size = ctx.pick(HALL_SIZE)
    capacity = _capacity(*size)
    wanted = sum(place.slots for place in queue) + sum(place.slots for place in german)
    count = max(MIN_REGULAR_HALLS, math.ceil(wanted * (1 + SPARE_SHARE) / (capacity * 0.9)))
    german_pavilion = services.create_pavilion(
        ctx.actor, _edition(ctx), code="germany", name=GERMAN_NAME, kind=PavilionKind.COUNTRY,
        country="DE",
    )  # fmt: skip
    per_hall = math.ceil(wanted / count)  # slots
    result = []
    number = 0
    while queue or number < count:
        number += 1
        hall = _make_hall(
            ctx,
            venue,
            f"hall-{number}",
            {"en": f"Hall {number}", "fr": f"Hall {number}", "zh-hans": f"{number}号馆"},
            size,
            position=number,
        )
        segments = _row_segments(_blocks(*size), str(number))
        layout = Layout()
        if number == 1 and german:
            needed = math.ceil(sum(place.slots for place in german) / SEGMENT_SLOTS) + 1
            Pavilion.objects.filter(pk=german_pavilion.pk).update(hall=hall)
            germans = deque(german)
            _fill(layout, segments[:needed], germans, german_pavilion)
            queue.extendleft(reversed(germans))  # any who did not fit join the hall's others
            segments = segments[needed:]
        mine: deque[Place] = deque()
        budget = per_hall if number < count else capacity  # the last planned hall takes all
        while queue and (not mine or sum(p.slots for p in mine) + queue[0].slots <= budget):
            mine.append(queue.popleft())
        _fill(layout, segments, mine, None)
        queue.extendleft(reversed(mine))  # anything that did not fit tries the next hall
        result.append((hall, layout))
    return result


def _build(ctx: DemoContext, hall: Hall, layout: Layout) -> dict[int, Booth]:
    booths = services.create_booths(ctx.actor, hall, layout.specs, source="demo")
    by_code = {booth.code: booth for booth in booths}
    pairs = [(by_code[code], exhibitor) for code, exhibitor in layout.holders.items()]
    draws = [ctx.rng.random() < 0.88 for _pair in pairs]
    sold = [pair for pair, is_sold in zip(pairs, draws, strict=True) if is_sold]
    reserved = [pair for pair, is_sold in zip(pairs, draws, strict=True) if not is_sold]
    services.place_exhibitors(ctx.actor, _edition(ctx), sold, BoothStatus.SOLD)
    services.place_exhibitors(ctx.actor, _edition(ctx), reserved, BoothStatus.RESERVED)
    spare = [booth for booth in booths if booth.code not in layout.holders]
    for booth in spare[:: max(len(spare) // 4, 1)][:3]:
        services.set_booth_status(ctx.actor, booth, BoothStatus.BLOCKED)  # service areas
    return {exhibitor.pk: by_code[code] for code, exhibitor in layout.holders.items()}


def _publish_locations(ctx: DemoContext, booth_of: dict[int, Booth]) -> int:
    """Tell the catalogue where each placed exhibitor (and its co-exhibitors) stands.

    Through exhibitors.services.set_exhibitor_location (validated, audited, re-indexed) when the
    pavilion changes, since the catalogue's search text holds the pavilion name. When only the
    hall and booth labels change, the index is unaffected and the demo writes the labels in bulk:
    3,000 service calls would take a couple of minutes. Returns the number of service calls."""
    placed = (
        Exhibitor.objects.filter(pk__in=list(booth_of))
        .select_related("edition")
        .prefetch_related("co_exhibitors")
    )
    bulk: list[Exhibitor] = []
    calls = 0
    for exhibitor in placed:
        booth = booth_of[exhibitor.pk]
        pavilion = booth.pavilion
        code = pavilion.code if pavilion else ""
        if getattr(exhibitor, "pavilion_code", None) != code:
            services.publish_exhibitor_location(ctx.actor, exhibitor)
            calls += 1
            continue
        for each in [exhibitor, *exhibitor.co_exhibitors.all()]:
            each.hall, each.booth = str(booth.hall)[:40], booth.code
            bulk.append(each)
    if bulk and hasattr(Exhibitor, "hall"):
        Exhibitor.objects.bulk_update(bulk, ["hall", "booth"], batch_size=500)
    return calls


def _options(ctx: DemoContext, halls: list[Hall]) -> int:
    """Open options for applicants still under review, on free booths of the first hall."""
    applicants = list(
        Exhibitor.objects.filter(
            edition=ctx.edition,
            status=ExhibitorStatus.APPLIED,
            host__isnull=True,
            attendance_mode__in=[ExhibitorMode.ONSITE, ExhibitorMode.BOTH],
        ).order_by("id")[: ctx.pick({"small": 3, "chtf2020": 40})]
    )
    free = list(Booth.objects.filter(hall=halls[0], status=BoothStatus.AVAILABLE).order_by("code"))
    now = timezone.now()
    for index, (exhibitor, booth) in enumerate(zip(applicants, free, strict=False)):
        deadline = now + dt.timedelta(days=3 + index % 10, hours=index)
        services.offer_booth(ctx.actor, booth, exhibitor, deadline)
    return min(len(applicants), len(free))


def _camera(hall: Hall) -> tuple[Decimal, Decimal]:
    """The aisle crossing nearest the middle of the hall."""
    _x0, _y0, width, depth = geometry.bounds(hall.points)
    aisles_y = [MARGIN + 2 * SLOT + AISLE / 2 + k * (2 * SLOT + AISLE) for k in range(40)]
    aisles_x = [
        MARGIN + SEGMENT_SLOTS * SLOT + AISLE / 2 + k * (SEGMENT_SLOTS * SLOT + AISLE)
        for k in range(10)
    ]
    y = min((value for value in aisles_y if value < depth), key=lambda v: abs(v - depth / 2))
    x = min((value for value in aisles_x if value < width), key=lambda v: abs(v - width / 2))
    return x, y


def _tour(ctx: DemoContext, hall: Hall, sectors: list[Sector]) -> None:
    camera = _camera(hall)
    colours = svg.sector_colours(sectors)
    booths = []
    for booth in hall.booths.select_related("exhibitor").prefetch_related("exhibitor__sectors"):
        sector = None
        if booth.exhibitor is not None:
            sector = min(booth.exhibitor.sectors.all(), key=lambda s: s.code, default=None)
        fill = colours.get(sector.pk, svg.NO_SECTOR_COLOUR) if sector else svg.EMPTY_COLOUR
        booths.append((booth, fill))
    image = panorama.draw(hall.points, booths, camera, width=2048)
    services.set_hall_panorama(ctx.actor, hall, image)
    services.place_tour_hotspots(ctx.actor, hall, camera, radius=Decimal(30))


def generate(ctx: DemoContext) -> None:
    edition = _edition(ctx)
    for kind, price in RATES.items():
        services.set_price_rate(ctx.actor, edition, kind, price)
    venue = services.create_venue(ctx.actor, edition, edition.venue or {"en": "Exhibition centre"})
    exhibitors = sorted(_onsite_exhibitors(ctx), key=_sector_key)
    places = [Place(exhibitor, _slots_wanted(ctx, exhibitor)) for exhibitor in exhibitors]
    foreign: dict[str, list[Place]] = {}
    german: list[Place] = []
    home: deque[Place] = deque()
    for place in places:
        country = place.exhibitor.organization.country.code  # type: ignore[union-attr]
        if country == "DE":
            german.append(place)
        elif country in SCO_COUNTRIES[1:]:
            foreign.setdefault(country, []).append(place)
        else:
            home.append(place)
    sco_hall, sco_layout = _sco_pavilion(ctx, venue, home, foreign)
    layouts = [*_regular_halls(ctx, venue, home, german), (sco_hall, sco_layout)]
    booth_of: dict[int, Booth] = {}
    started = time.monotonic()
    for hall, layout in layouts:
        booth_of.update(_build(ctx, hall, layout))
    ctx.log(f"    booths laid out and sold in {time.monotonic() - started:.1f} s")
    started = time.monotonic()
    calls = _publish_locations(ctx, booth_of)
    ctx.log(
        f"    locations told to the catalogue in {time.monotonic() - started:.1f} s "
        f"({calls} pavilion changes through the service)"
    )
    halls = [hall for hall, _layout in layouts]
    options = _options(ctx, halls)
    sectors = list(Sector.objects.all())
    started = time.monotonic()
    for hall in halls:
        _tour(ctx, hall, sectors)
    ctx.log(f"    panoramas and hotspots in {time.monotonic() - started:.1f} s")
    ctx.data["halls"] = halls
    ctx.data["booth_of"] = booth_of
    booths = sum(len(layout.specs) for _hall, layout in layouts)
    ctx.log(
        f"  {len(halls)} halls, {booths} booths, {len(booth_of)} of {len(exhibitors)} on-site "
        f"exhibitors placed, {options} open options"
    )
