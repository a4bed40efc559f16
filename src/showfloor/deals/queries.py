"""Read side of agreements: the lists and the aggregates the pages, the API and the figures share.

Values are summed in the edition's currency (`value_in_edition_currency`, converted once when the
agreement was recorded, with the rate kept on the agreement). Only concluded agreements (signed
or executed) are counted; intents and cancelled ones are not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet, Sum

from showfloor.core.models import Edition, Sector
from showfloor.deals.enums import CONCLUDED_STATUSES
from showfloor.deals.models import Agreement, AgreementParty, DealSettings, SectorGroup

ZERO = Decimal(0)


def agreements_for_list(edition: Edition) -> QuerySet[Agreement]:
    return (
        Agreement.objects.filter(edition=edition)
        .select_related("edition")
        .prefetch_related(
            "sectors",
            Prefetch("parties", queryset=AgreementParty.objects.select_related("organization")),
        )
        .order_by("reference", "id")
    )


def concluded(edition: Edition) -> QuerySet[Agreement]:
    return Agreement.objects.filter(edition=edition, status__in=CONCLUDED_STATUSES)


@dataclass(frozen=True)
class Tally:
    key: str
    count: int
    value: Decimal


def totals(edition: Edition) -> Tally:
    row = concluded(edition).aggregate(count=Count("id"), value=Sum("value_in_edition_currency"))
    return Tally("all", row["count"], row["value"] or ZERO)


def by_type(edition: Edition) -> list[Tally]:
    rows = (
        concluded(edition)
        .values("type")
        .annotate(count=Count("id"), value=Sum("value_in_edition_currency"))
        .order_by("-count", "type")
    )
    return [Tally(row["type"], row["count"], row["value"] or ZERO) for row in rows]


def by_region(edition: Edition) -> list[Tally]:
    """Per project location: the region for the host country, the country elsewhere."""
    rows = (
        concluded(edition)
        .values("country", "region")
        .annotate(count=Count("id"), value=Sum("value_in_edition_currency"))
    )
    host = host_location(edition)
    merged: dict[str, list[Decimal | int]] = defaultdict(lambda: [0, ZERO])
    for row in rows:
        key = row["region"] if row["country"] == host[0] and row["region"] else row["country"]
        merged[key][0] += row["count"]
        merged[key][1] += row["value"] or ZERO
    tallies = [Tally(key, int(count), Decimal(value)) for key, (count, value) in merged.items()]
    return sorted(tallies, key=lambda tally: (-tally.count, tally.key))


def by_sector(edition: Edition) -> list[Tally]:
    """Per sector; an agreement in several sectors counts once in each."""
    rows = (
        Sector.objects.filter(
            agreements__edition=edition, agreements__status__in=CONCLUDED_STATUSES
        )
        .values("code")
        .annotate(count=Count("agreements"), value=Sum("agreements__value_in_edition_currency"))
        .order_by("-count", "code")
    )
    return [Tally(row["code"], row["count"], row["value"] or ZERO) for row in rows]


def host_location(edition: Edition) -> tuple[str, str]:
    """(country, region) of the host region; by default the edition's country and city."""
    settings_row = DealSettings.objects.filter(edition=edition).first()
    if settings_row is not None:
        return str(settings_row.host_country), settings_row.host_region
    return str(edition.country or ""), edition.city


def _in_host(edition: Edition) -> Q:
    country, region = host_location(edition)
    return Q(country=country, region__iexact=region)


def host_region_split(edition: Edition) -> tuple[Tally, Tally]:
    """(inside, outside) the host region; a project abroad is outside."""
    inside = concluded(edition).filter(_in_host(edition))
    outside = concluded(edition).exclude(_in_host(edition))
    return (
        Tally("inside", *_count_value(inside)),
        Tally("outside", *_count_value(outside)),
    )


def _count_value(queryset: QuerySet[Agreement]) -> tuple[int, Decimal]:
    row = queryset.aggregate(count=Count("id"), value=Sum("value_in_edition_currency"))
    return row["count"], row["value"] or ZERO


def sector_group_tallies(edition: Edition) -> list[tuple[SectorGroup, Tally]]:
    """Per sector group: agreements with at least one sector of the group, each counted once."""
    result = []
    for group in SectorGroup.objects.filter(edition=edition).prefetch_related("sectors"):
        ids = concluded(edition).filter(sectors__in=group.sectors.all()).values("id").distinct()
        count, value = _count_value(Agreement.objects.filter(id__in=ids))
        result.append((group, Tally(group.code, count, value)))
    return result
