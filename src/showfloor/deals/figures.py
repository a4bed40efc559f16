"""Key figures of agreements, each computed from the data with its definition and rounding."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from showfloor.core.i18n import localized
from showfloor.core.models import Edition, Sector
from showfloor.core.money import Money
from showfloor.core.reporting import Figure, percentage
from showfloor.deals import queries
from showfloor.deals.enums import AgreementType

AREA = "deals"
BILLION = Decimal(1_000_000_000)


def in_billions(value: Decimal, places: int = 3) -> Decimal:
    """value / 10⁹, rounded half-up to `places` decimals."""
    return (value / BILLION).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def _money(value: Decimal, currency: str) -> Decimal:
    return Money(value, currency).quantized().amount


def key_figures(edition: Edition) -> list[Figure]:
    stats = queries.AgreementStats(edition)
    total = stats.totals()
    currency = edition.currency
    figures = [
        Figure(
            "deals.count",
            gettext_lazy("Agreements signed"),
            total.count,
            gettext_lazy(
                "Agreements with status signed or executed; intents and cancelled "
                "agreements are not counted."
            ),
            area=AREA,
        ),
        Figure(
            "deals.value",
            gettext_lazy("Value of agreements signed"),
            total.value,
            _(
                "Sum of the declared values of the agreements signed, each converted to %(cur)s "
                "at the rate recorded with it."
            )
            % {"cur": currency},
            unit=currency,
            area=AREA,
            public=False,  # the exact amount; the public pages show it in billions
            inputs={"count": total.count},
        ),
        Figure(
            "deals.value_bn",
            gettext_lazy("Value of agreements signed, in billions"),
            in_billions(total.value),
            _(
                "The value of agreements signed divided by one billion, rounded half-up to 3 "
                "decimals (%(cur)s)."
            )
            % {"cur": currency},
            unit=_("bn %(cur)s") % {"cur": currency},
            area=AREA,
            inputs={"value": str(total.value)},
        ),
    ]
    figures += _group_figures(edition, stats, total)
    figures += _host_figures(edition, stats, total)
    figures += _type_figures(stats)
    figures += _breakdown_figures(edition, stats)
    return figures


def _breakdown_figures(edition: Edition, stats: queries.AgreementStats) -> list[Figure]:
    """Per region (a province of the host country, else the country) and per sector."""
    regions = [
        Figure(
            f"deals.region.{tally.key}",
            _("Agreements based in %(region)s") % {"region": tally.key},
            tally.count,
            _("Agreements signed whose project is there; value %(value)s %(cur)s.")
            % {"value": _money(tally.value, edition.currency), "cur": edition.currency},
            area=AREA,
            public=False,
            inputs={"value": str(tally.value)},
        )
        for tally in stats.by_region()
    ]
    by_sector = stats.by_sector()
    used = [tally.key for tally in by_sector]
    names = {s.code: localized(s.name) for s in Sector.objects.filter(code__in=used)}
    sectors = [
        Figure(
            f"deals.sector.{tally.key}",
            _("Agreements in %(group)s") % {"group": names.get(tally.key, tally.key)},
            tally.count,
            _(
                "Agreements signed in this sector (an agreement in several sectors counts in "
                "each); value %(value)s %(cur)s."
            )
            % {"value": _money(tally.value, edition.currency), "cur": edition.currency},
            area=AREA,
            public=False,
            inputs={"value": str(tally.value)},
        )
        for tally in by_sector
    ]
    return regions + sectors


def _group_figures(
    edition: Edition, stats: queries.AgreementStats, total: queries.Tally
) -> list[Figure]:
    figures = []
    for group, tally in stats.sector_group_tallies():
        name = localized(group.name)
        inputs = {"part": tally.count, "whole": total.count}
        figures += [
            Figure(
                f"deals.group.{group.code}.count",
                _("Agreements in %(group)s") % {"group": name},
                tally.count,
                _(
                    "Agreements signed with at least one sector of the group “%(group)s”, each "
                    "counted once."
                )
                % {"group": name},
                area=AREA,
            ),
            Figure(
                f"deals.group.{group.code}.count_share",
                _("Share of agreements in %(group)s") % {"group": name},
                percentage(tally.count, total.count, 1),
                _(
                    "Agreements in the group / agreements signed × 100, rounded half-up to 1 "
                    "decimal."
                ),
                unit="%",
                area=AREA,
                inputs=inputs,
            ),
            Figure(
                f"deals.group.{group.code}.value",
                _("Value of agreements in %(group)s") % {"group": name},
                _money(tally.value, edition.currency),
                _("Sum of the values of those agreements in %(cur)s.") % {"cur": edition.currency},
                unit=edition.currency,
                area=AREA,
                public=False,
            ),
            Figure(
                f"deals.group.{group.code}.value_bn",
                _("Value of agreements in %(group)s, in billions") % {"group": name},
                in_billions(tally.value),
                _("That value divided by one billion, rounded half-up to 3 decimals."),
                unit=_("bn %(cur)s") % {"cur": edition.currency},
                area=AREA,
            ),
            Figure(
                f"deals.group.{group.code}.value_share",
                _("Share of value in %(group)s") % {"group": name},
                percentage(tally.value, total.value, 1),
                _(
                    "Value of the agreements in the group / value of agreements signed × 100, "
                    "rounded half-up to 1 decimal."
                ),
                unit="%",
                area=AREA,
                inputs={"part": str(tally.value), "whole": str(total.value)},
            ),
        ]
    return figures


def _host_figures(
    edition: Edition, stats: queries.AgreementStats, total: queries.Tally
) -> list[Figure]:
    inside, outside = stats.host_region_split()
    country, region = stats.host
    where = region or country
    return [
        Figure(
            "deals.host.inside",
            _("Agreements based in %(region)s") % {"region": where},
            inside.count,
            _("Agreements signed whose project is in the host region (%(region)s).")
            % {"region": where},
            area=AREA,
        ),
        Figure(
            "deals.host.outside_share",
            _("Share of agreements based outside %(region)s") % {"region": where},
            percentage(outside.count, total.count, 2),
            _(
                "Agreements whose project is outside the host region (abroad included) / "
                "agreements signed × 100, rounded half-up to 2 decimals."
            ),
            unit="%",
            area=AREA,
            inputs={"part": outside.count, "whole": total.count},
        ),
    ]


def _type_figures(stats: queries.AgreementStats) -> list[Figure]:
    labels = dict(AgreementType.choices)
    return [
        Figure(
            f"deals.type.{tally.key}",
            _("Agreements: %(type)s") % {"type": labels.get(tally.key, tally.key)},
            tally.count,
            _("Agreements signed of this type."),
            area=AREA,
            public=False,
        )
        for tally in stats.by_type()
    ]
