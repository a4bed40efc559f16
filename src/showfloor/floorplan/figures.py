"""Key figures of the floor plan: space rented, by pavilion, by country, by exhibitor type, and
the share of international space. Rented means reserved or sold (an option is not rented).
Areas are net booth areas from the booth geometry, summed exactly and rounded half-up to the m²."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from showfloor.core.enums import OrganizationType
from showfloor.core.i18n import localized
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure, percentage
from showfloor.floorplan.enums import RENTED_STATUSES
from showfloor.floorplan.models import Booth, Hall

NO_PAVILION = _("Outside pavilions")


def _m2(value: Decimal) -> Decimal:
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


@dataclass
class SpaceBreakdown:
    total: Decimal = Decimal(0)
    booths: int = 0
    international: Decimal = Decimal(0)
    by_pavilion: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_country: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))
    by_type: dict[str, Decimal] = field(default_factory=lambda: defaultdict(Decimal))

    def rows(self, name: str) -> list[tuple[str, Decimal, Decimal]]:
        """(label, m² rounded, share of rented space %) sorted by area, largest first."""
        values: dict[str, Decimal] = getattr(self, name)
        return [
            (label, _m2(area), percentage(area, self.total))
            for label, area in sorted(values.items(), key=lambda item: (-item[1], item[0]))
        ]


def breakdowns(edition: Edition) -> SpaceBreakdown:
    """Rented net space of the edition, grouped once in the database, labelled here."""
    grouped = (
        Booth.objects.filter(edition=edition, status__in=RENTED_STATUSES)
        .values(
            "pavilion__code",
            "pavilion__name",
            "exhibitor__organization__country",
            "exhibitor__organization__type",
        )
        .annotate(area=Sum("area"), n=Count("id"))
        .order_by()
    )
    result = SpaceBreakdown()
    home = str(edition.country) if edition.country else ""  # the ISO code
    types = dict(OrganizationType.choices)
    for row in grouped:
        area = row["area"] or Decimal(0)
        country = row["exhibitor__organization__country"] or ""
        result.total += area
        result.booths += row["n"]
        pavilion = localized(row["pavilion__name"]) if row["pavilion__code"] else str(NO_PAVILION)
        result.by_pavilion[pavilion] += area
        result.by_country[str(countries.name(country)) or country] += area
        kind = row["exhibitor__organization__type"]
        result.by_type[str(types.get(kind, kind))] += area
        if home and country != home:
            result.international += area
    return result


def key_figures(edition: Edition) -> list[Figure]:
    space = breakdowns(edition)
    gross = Hall.objects.filter(edition=edition).aggregate(total=Sum("gross_area"))["total"]
    figures = [
        Figure(
            key="floorplan.gross_hall_area",
            label=_("Exhibition space (gross)"),
            value=_m2(gross or Decimal(0)),
            definition=_("Sum of the halls' floor areas from their outlines, aisles included."),
            unit="m²",
            area="floorplan",
        ),
        Figure(
            key="floorplan.net_space_rented",
            label=_("Net space rented"),
            value=_m2(space.total),
            definition=_(
                "Sum of the net areas (from the booth shapes) of reserved and sold booths, "
                "rounded to the square metre; options are not counted."
            ),
            unit="m²",
            area="floorplan",
            inputs={"booths": space.booths, "exact_m2": str(space.total)},
        ),
        Figure(
            key="floorplan.space_by_pavilion",
            label=_("Net space rented in pavilions"),
            value=_m2(
                sum((a for k, a in space.by_pavilion.items() if k != str(NO_PAVILION)), Decimal(0))
            ),
            definition=_(
                "Net space rented on booths that belong to a pavilion (country, province or "
                "theme); the breakdown per pavilion is in the inputs and on the floor plan report."
            ),
            unit="m²",
            area="floorplan",
            inputs={label: str(area) for label, area, _share in space.rows("by_pavilion")},
        ),
        Figure(
            key="floorplan.space_by_country",
            label=_("Countries on the show floor"),
            value=len(space.by_country),
            definition=_(
                "Number of countries of the organisations holding rented booths; the net space "
                "per country is in the inputs."
            ),
            area="floorplan",
            inputs={label: str(area) for label, area, _share in space.rows("by_country")},
        ),
        Figure(
            key="floorplan.space_by_exhibitor_type",
            label=_("Exhibitor types on the show floor"),
            value=len(space.by_type),
            definition=_(
                "Number of organisation types (company, university, research institute...) "
                "holding rented booths; the net space per type is in the inputs."
            ),
            area="floorplan",
            public=False,
            inputs={label: str(area) for label, area, _share in space.rows("by_type")},
        ),
    ]
    if edition.country:
        figures.append(
            Figure(
                key="floorplan.international_space_share",
                label=_("International share of the space"),
                value=percentage(space.international, space.total),
                definition=_(
                    "Net space rented by organisations from outside the host country, divided "
                    "by all net space rented, × 100, rounded half-up to one decimal."
                ),
                unit="%",
                area="floorplan",
                inputs={
                    "international_m2": str(space.international),
                    "rented_m2": str(space.total),
                    "host_country": str(edition.country),
                },
            )
        )
    return figures
