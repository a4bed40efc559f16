"""Read-side helpers shared by the floor plan pages, the API, the figures and the report."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from showfloor.core.i18n import localized, plain_text
from showfloor.core.models import Edition, Sector
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan.enums import RENTED_STATUSES, BoothStatus, OfferStatus
from showfloor.floorplan.models import Booth, BoothOffer, Hall, Pavilion, PriceRate, TourHotspot

BOOTH_FIELDS = (
    "edition_id",
    "hall_id",
    "pavilion_id",
    "exhibitor_id",
    "code",
    "type",
    "open_sides",
    "status",
    "polygon",
    "area",
    "min_x",
    "min_y",
    "max_x",
    "max_y",
)
# Booths whose holder visitors may see (an option is private between staff and the exhibitor).
PUBLIC_HOLDER_STATUSES = RENTED_STATUSES


def halls(edition: Edition) -> QuerySet[Hall]:
    return (
        Hall.objects.filter(edition=edition)
        .select_related("venue", "edition")
        .order_by("position", "code")
    )


def hall_by_code(edition: Edition, code: str) -> Hall | None:
    return halls(edition).filter(code=code).first()


def hall_booths(hall: Hall) -> QuerySet[Booth]:
    """Booths of a hall with what the plan draws: holder, its sectors, pavilion."""
    return (
        Booth.objects.filter(hall=hall)
        .select_related("exhibitor__organization", "exhibitor__edition", "pavilion")
        # Only what the plan, the booth table and the API show: a hall holds up to a few
        # thousand booths, and organisations and editions carry long multilingual texts.
        .only(
            *BOOTH_FIELDS,
            "exhibitor__status",
            "exhibitor__edition__slug",
            "exhibitor__organization__name",
            "exhibitor__organization__country",
            "exhibitor__host_id",
            "pavilion__code",
            "pavilion__name",
        )
        .prefetch_related(Prefetch("exhibitor__sectors", queryset=Sector.objects.order_by("code")))
        .order_by("code")
    )


def rates(edition: Edition) -> dict[str, Decimal]:
    return dict(PriceRate.objects.filter(edition=edition).values_list("booth_type", "price_per_m2"))


def status_counts(hall: Hall) -> dict[str, int]:
    counts = dict(Booth.objects.filter(hall=hall).values_list("status").annotate(n=Count("id")))
    return {status: counts.get(status, 0) for status in BoothStatus.values}


def hall_summaries(edition: Edition) -> list[dict[str, object]]:
    """Per hall: gross area, booths, net area, rented area, booths by status (2 queries)."""
    rows = (
        Booth.objects.filter(edition=edition)
        .values("hall_id", "status")
        .annotate(n=Count("id"), area=Sum("area"))
    )
    per_hall: dict[int, dict[str, object]] = defaultdict(
        lambda: {"booths": 0, "net": Decimal(0), "rented": Decimal(0), "by_status": {}}
    )
    for row in rows:
        summary = per_hall[row["hall_id"]]
        summary["booths"] += row["n"]  # type: ignore[operator]
        summary["net"] += row["area"]  # type: ignore[operator]
        if row["status"] in RENTED_STATUSES:
            summary["rented"] += row["area"]  # type: ignore[operator]
        summary["by_status"][row["status"]] = row["n"]  # type: ignore[index]
    return [{"hall": hall, **per_hall[hall.pk]} for hall in halls(edition)]


def visible_holder(booth: Booth) -> Exhibitor | None:
    return booth.exhibitor if booth.status in PUBLIC_HOLDER_STATUSES else None


@dataclass(frozen=True)
class BoothMatch:
    booth: Booth
    exhibitor: Exhibitor


def _matches(exhibitor: Exhibitor, needle: str) -> bool:
    return needle in plain_text(exhibitor.organization.name).casefold()


def search_booths(edition: Edition, query: str, limit: int = 50) -> list[BoothMatch]:
    """Rented booths whose exhibitor's name (any language) or booth number matches, and the
    booths of co-exhibitors' hosts. Names are language maps, matched in Python after one query
    (a few thousand booths at most), so Chinese matches without a word tokenizer."""
    needle = query.strip().casefold()
    if not needle:
        return []
    booths = list(
        Booth.objects.filter(edition=edition, status__in=RENTED_STATUSES)
        .select_related("hall__edition", "exhibitor__organization", "exhibitor__edition")
        .prefetch_related(
            Prefetch(
                "exhibitor__co_exhibitors",
                queryset=Exhibitor.objects.select_related("organization", "edition"),
            )
        )
        .order_by("hall__position", "code")
    )
    found: list[BoothMatch] = []
    for booth in booths:
        holder = booth.exhibitor
        if holder is None:
            continue
        if booth.code.casefold() == needle or _matches(holder, needle):
            found.append(BoothMatch(booth, holder))
        found += [
            BoothMatch(booth, guest)
            for guest in holder.co_exhibitors.all()
            if _matches(guest, needle)
        ]
        if len(found) >= limit:
            break
    return found[:limit]


def open_offers_for(exhibitors: QuerySet[Exhibitor]) -> QuerySet[BoothOffer]:
    return (
        BoothOffer.objects.filter(exhibitor__in=exhibitors, status=OfferStatus.OPEN)
        .select_related("booth__hall", "exhibitor__organization", "edition")
        .order_by("expires_at")
    )


def hotspots(hall: Hall) -> QuerySet[TourHotspot]:
    return (
        TourHotspot.objects.filter(hall=hall)
        .select_related("booth__exhibitor__organization", "booth__exhibitor__edition")
        .order_by("booth__code")
    )


def exhibitor_name(exhibitor: Exhibitor | None) -> str:
    return localized(exhibitor.organization.name) if exhibitor is not None else ""


def pavilion_summaries(edition: Edition) -> QuerySet[Pavilion]:
    """Pavilions with their rented net area, exhibitors and countries on rented booths."""
    rented = Q(booths__status__in=RENTED_STATUSES)
    return (
        Pavilion.objects.filter(edition=edition)
        .select_related("hall__edition")
        .annotate(
            rented_area=Sum("booths__area", filter=rented),
            exhibitor_count=Count("booths__exhibitor", filter=rented, distinct=True),
            country_count=Count(
                "booths__exhibitor__organization__country", filter=rented, distinct=True
            ),
        )
        .order_by("code")
    )
