"""Key figures of online visits (first-party page views), collected by analytics.collect."""

from __future__ import annotations

from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from showfloor.analytics import pageviews
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure

# The edition home shows these to every visitor; counting today's raw views on each request
# would cost a scan of up to hundreds of thousands of rows, so the numbers are kept a minute.
CACHE_SECONDS = 60


def _numbers(edition: Edition) -> tuple[pageviews.Totals, int]:
    return pageviews.totals(edition), pageviews.booth_views_total(edition)


def key_figures(edition: Edition) -> list[Figure]:
    totals, booth_views = cache.get_or_set(
        f"analytics:pageview-figures:{edition.pk}", lambda: _numbers(edition), CACHE_SECONDS
    )
    return [
        Figure(
            key="analytics.online_views",
            label=_("Online page views"),
            value=totals.views,
            definition=_(
                "Views of the edition's public pages (e-exhibition, virtual booths, programme…), "
                "recorded first-party; robots, the back office and the exhibitor space are not "
                "counted."
            ),
            area="analytics",
            inputs={"days": totals.days},
        ),
        Figure(
            key="analytics.online_visitors",
            label=_("Online visitors (daily unique, summed)"),
            value=totals.visitor_days,
            definition=_(
                "For each day, the number of distinct visitors (a salted hash that changes every "
                "day; no IP address is kept), added up over the days: a person who comes back on "
                "three days counts three times."
            ),
            area="analytics",
            inputs={"days": totals.days},
        ),
        Figure(
            key="analytics.booth_views",
            label=_("Virtual booth views"),
            value=booth_views,
            definition=_("Views of exhibitors' virtual booth pages."),
            area="analytics",
        ),
    ]
