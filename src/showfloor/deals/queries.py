"""Read side of agreements: the lists and the aggregates the pages, the API and the figures share.

Values are summed in the edition's currency (`value_in_edition_currency`, converted once when the
agreement was recorded, with the rate kept on the agreement). Only concluded agreements (signed
or executed) are counted; intents and cancelled ones are not.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

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


def host_location(edition: Edition) -> tuple[str, str]:
    """(country, region) of the host region; by default the edition's country and city."""
    settings_row = DealSettings.objects.filter(edition=edition).first()
    if settings_row is not None:
        return str(settings_row.host_country), settings_row.host_region
    return str(edition.country or ""), edition.city


class AgreementStats:
    """The aggregates of one edition's concluded agreements, read from the database once."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition

    @cached_property
    def rows(self) -> list[Row]:
        return concluded_rows(self.edition)

    @cached_property
    def host(self) -> tuple[str, str]:
        return host_location(self.edition)

    @cached_property
    def sector_codes(self) -> dict[int, list[str]]:
        """{agreement id: [sector codes]} for the concluded agreements."""
        through = Agreement.sectors.through
        codes: dict[int, list[str]] = defaultdict(list)
        for agreement_id, code in through.objects.filter(
            agreement__edition=self.edition, agreement__status__in=CONCLUDED_STATUSES
        ).values_list("agreement_id", "sector__code"):
            codes[agreement_id].append(code)
        return codes

    def totals(self) -> Tally:
        return _tally("all", self.rows)

    def by_type(self) -> list[Tally]:
        return _grouped([(row.type, row) for row in self.rows])

    def by_region(self) -> list[Tally]:
        """Per project location: the region for the host country, the country elsewhere."""
        country = self.host[0]
        return _grouped(
            [
                (row.region if row.country == country and row.region else row.country, row)
                for row in self.rows
            ]
        )

    def by_sector(self) -> list[Tally]:
        """Per sector; an agreement in several sectors counts once in each."""
        return _grouped(
            [(code, row) for row in self.rows for code in self.sector_codes.get(row.id, [])]
        )

    def host_region_split(self) -> tuple[Tally, Tally]:
        """(inside, outside) the host region; a project abroad is outside."""
        country, region = self.host
        inside = [
            row
            for row in self.rows
            if row.country == country and row.region.casefold() == region.casefold()
        ]
        outside = [row for row in self.rows if row not in inside]
        return _tally("inside", inside), _tally("outside", outside)

    def sector_group_tallies(self) -> list[tuple[SectorGroup, Tally]]:
        """Per sector group: agreements with at least one of its sectors, each counted once."""
        result = []
        groups = SectorGroup.objects.filter(edition=self.edition).prefetch_related("sectors")
        for group in groups:
            members = {sector.code for sector in group.sectors.all()}
            chosen = [row for row in self.rows if members & set(self.sector_codes.get(row.id, []))]
            result.append((group, _tally(group.code, chosen)))
        return result


def totals(edition: Edition) -> Tally:
    return AgreementStats(edition).totals()


def by_type(edition: Edition) -> list[Tally]:
    return AgreementStats(edition).by_type()


def by_region(edition: Edition) -> list[Tally]:
    return AgreementStats(edition).by_region()


def by_sector(edition: Edition) -> list[Tally]:
    return AgreementStats(edition).by_sector()


def host_region_split(edition: Edition) -> tuple[Tally, Tally]:
    return AgreementStats(edition).host_region_split()


def sector_group_tallies(edition: Edition) -> list[tuple[SectorGroup, Tally]]:
    return AgreementStats(edition).sector_group_tallies()
