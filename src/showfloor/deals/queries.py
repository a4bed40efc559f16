"""Read side of agreements: the lists and the aggregates the pages, the API and the figures share.

Values are summed in the edition's currency (`value_in_edition_currency`, converted once when the
agreement was recorded, with the rate kept on the agreement). Only concluded agreements (signed
or executed) are counted; intents and cancelled ones are not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Prefetch, QuerySet

from showfloor.core.models import Edition
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


@dataclass(frozen=True)
class Row:
    id: int
    type: str
    country: str
    region: str
    value: Decimal


# Sums are made here, in Decimal, not with SQL SUM: SQLite adds NUMERIC columns as
# floating-point numbers, and a total of billions with cents must stay exact.


def concluded_rows(edition: Edition) -> list[Row]:
    return [
        Row(pk, kind, str(country), region, value)
        for pk, kind, country, region, value in concluded(edition)
        .order_by("id")
        .values_list("id", "type", "country", "region", "value_in_edition_currency")
    ]


def _tally(key: str, rows: list[Row]) -> Tally:
    return Tally(key, len(rows), sum((row.value for row in rows), ZERO))


def _grouped(pairs: list[tuple[str, Row]]) -> list[Tally]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for key, row in pairs:
        groups[key].append(row)
    tallies = [_tally(key, rows) for key, rows in groups.items()]
    return sorted(tallies, key=lambda tally: (-tally.count, tally.key))


def totals(edition: Edition) -> Tally:
    return _tally("all", concluded_rows(edition))


def by_type(edition: Edition) -> list[Tally]:
    return _grouped([(row.type, row) for row in concluded_rows(edition)])


def by_region(edition: Edition) -> list[Tally]:
    """Per project location: the region for the host country, the country elsewhere."""
    host_country = host_location(edition)[0]
    return _grouped(
        [
            (row.region if row.country == host_country and row.region else row.country, row)
            for row in concluded_rows(edition)
        ]
    )


def _sector_codes(edition: Edition) -> dict[int, list[str]]:
    """{agreement id: [sector codes]} for the concluded agreements."""
    through = Agreement.sectors.through
    codes: dict[int, list[str]] = defaultdict(list)
    for agreement_id, code in through.objects.filter(
        agreement__edition=edition, agreement__status__in=CONCLUDED_STATUSES
    ).values_list("agreement_id", "sector__code"):
        codes[agreement_id].append(code)
    return codes


def by_sector(edition: Edition) -> list[Tally]:
    """Per sector; an agreement in several sectors counts once in each."""
    codes = _sector_codes(edition)
    return _grouped(
        [(code, row) for row in concluded_rows(edition) for code in codes.get(row.id, [])]
    )


def host_location(edition: Edition) -> tuple[str, str]:
    """(country, region) of the host region; by default the edition's country and city."""
    settings_row = DealSettings.objects.filter(edition=edition).first()
    if settings_row is not None:
        return str(settings_row.host_country), settings_row.host_region
    return str(edition.country or ""), edition.city


def host_region_split(edition: Edition) -> tuple[Tally, Tally]:
    """(inside, outside) the host region; a project abroad is outside."""
    country, region = host_location(edition)
    rows = concluded_rows(edition)
    inside = [r for r in rows if r.country == country and r.region.casefold() == region.casefold()]
    outside = [row for row in rows if row not in inside]
    return _tally("inside", inside), _tally("outside", outside)


def sector_group_tallies(edition: Edition) -> list[tuple[SectorGroup, Tally]]:
    """Per sector group: agreements with at least one sector of the group, each counted once."""
    codes = _sector_codes(edition)
    rows = concluded_rows(edition)
    result = []
    for group in SectorGroup.objects.filter(edition=edition).prefetch_related("sectors"):
        members = {sector.code for sector in group.sectors.all()}
        chosen = [row for row in rows if members & set(codes.get(row.id, []))]
        result.append((group, _tally(group.code, chosen)))
    return result
