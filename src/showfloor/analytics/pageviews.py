"""Recording and reading online visits (first-party page views, see analytics.models).

Writes: `record_page_view` (one row per public page served) and `aggregate_page_views` (the
daily counts; idempotent, so a retried task changes nothing). Reads: `series` and `totals` give
the counts per day from the aggregates for closed days and from the raw rows for today.
"""

from __future__ import annotations

import atexit
import datetime as dt
import threading
import time
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Count, Max, Q, QuerySet, Sum
from django.http import HttpRequest
from django.utils import timezone

from showfloor.analytics.models import EDITION_TOTAL_PATH, PageView, PageViewDaily
from showfloor.core.i18n import normalise_language
from showfloor.core.models import Edition
from showfloor.core.privacy import visitor_hash

MAX_PATH = 255


def local_day(edition: Edition, moment: dt.datetime | None = None) -> dt.date:
    return timezone.localtime(moment or timezone.now(), edition.tz).date()


def build_page_view(
    request: HttpRequest, edition: Edition, exhibitor_id: int | None = None
) -> PageView:
    """One view of a public page, not yet saved: no IP, no cookie; the visitor is a daily hash."""
    now = timezone.now()
    day = local_day(edition, now)
    return PageView(
        edition=edition,
        exhibitor_id=exhibitor_id,
        path=request.path[:MAX_PATH],
        day=day,
        visitor=visitor_hash(request, scope=edition.slug, day=day),
        language=normalise_language(getattr(request, "LANGUAGE_CODE", "")),
        created_at=now,
    )


def record_page_view(
    request: HttpRequest, edition: Edition, exhibitor_id: int | None = None
) -> PageView:
    """Store one view of a public page at once."""
    view = build_page_view(request, edition, exhibitor_id)
    view.save()
    return view


class PageViewBuffer:
    """Page views of this process, written together: one insert per `batch` views (or per
    `max_age` seconds) instead of one per page served, which is the busiest write of the site.

    At most `batch` views of a process that dies are lost: acceptable for visit counts, never
    used for scans or bookings. Pending views are written when the process exits.
    """

    def __init__(self) -> None:
        self._views: list[PageView] = []
        self._since = 0.0
        self._lock = threading.Lock()
        atexit.register(self.flush)

    def add(self, view: PageView, batch: int, max_age: float) -> None:
        with self._lock:
            if not self._views:
                self._since = time.monotonic()
            self._views.append(view)
            if len(self._views) < batch and time.monotonic() - self._since < max_age:
                return
            views, self._views = self._views, []
        PageView.objects.bulk_create(views)

    def flush(self) -> None:
        with self._lock:
            views, self._views = self._views, []
        if views:
            PageView.objects.bulk_create(views)


buffer = PageViewBuffer()


@transaction.atomic
def aggregate_page_views(edition: Edition, day: dt.date) -> int:
    """(Re)compute the daily counts of one edition day; returns the number of views."""
    PageViewDaily.objects.filter(edition=edition, day=day).delete()
    views = PageView.objects.filter(edition=edition, day=day)
    rows = [
        PageViewDaily(
            edition=edition,
            day=day,
            path=row["path"],
            exhibitor_id=row["exhibitor"],
            views=row["views"],
            visitors=row["visitors"],
        )
        for row in views.values("path").annotate(
            views=Count("id"), visitors=Count("visitor", distinct=True), exhibitor=Max("exhibitor")
        )
    ]
    total = views.aggregate(views=Count("id"), visitors=Count("visitor", distinct=True))
    if total["views"]:
        rows.append(
            PageViewDaily(
                edition=edition,
                day=day,
                path=EDITION_TOTAL_PATH,
                views=total["views"],
                visitors=total["visitors"],
            )
        )
    PageViewDaily.objects.bulk_create(rows, batch_size=1000)
    return total["views"]


def aggregate_closed_days(edition: Edition) -> list[dt.date]:
    """Aggregate every day before today that has views and no aggregate yet."""
    today = local_day(edition)
    last = PageViewDaily.objects.filter(edition=edition, path=EDITION_TOTAL_PATH).aggregate(
        last=Max("day")
    )["last"]
    pending = PageView.objects.filter(edition=edition, day__lt=today)
    if last is not None:
        pending = pending.filter(day__gt=last)
    days = sorted(set(pending.values_list("day", flat=True).distinct()))
    for day in days:
        aggregate_page_views(edition, day)
    return days


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    views: int
    visitors: int


def _live(edition: Edition, today: dt.date, exhibitor_id: int | None) -> QuerySet[PageView]:
    live = PageView.objects.filter(edition=edition, day=today)
    return live.filter(exhibitor_id=exhibitor_id) if exhibitor_id else live


def series(edition: Edition, exhibitor_id: int | None = None) -> list[DayCount]:
    """Views and unique visitors per day, for the edition or one exhibitor's booth pages."""
    aggregate_closed_days(edition)
    today = local_day(edition)
    daily = PageViewDaily.objects.filter(edition=edition, day__lt=today)
    daily = (
        daily.filter(exhibitor_id=exhibitor_id)
        if exhibitor_id
        else daily.filter(path=EDITION_TOTAL_PATH)
    )
    result = [
        DayCount(row["day"], row["views"] or 0, row["visitors"] or 0)
        for row in daily.values("day")
        .annotate(views=Sum("views"), visitors=Sum("visitors"))
        .order_by("day")
    ]
    live = _live(edition, today, exhibitor_id).aggregate(
        views=Count("id"), visitors=Count("visitor", distinct=True)
    )
    if live["views"]:
        result.append(DayCount(today, live["views"], live["visitors"]))
    return result


@dataclass(frozen=True)
class Totals:
    views: int
    visitor_days: int  # the sum over days of each day's unique visitors
    days: int


def totals(edition: Edition, exhibitor_id: int | None = None) -> Totals:
    days = series(edition, exhibitor_id)
    return Totals(sum(day.views for day in days), sum(day.visitors for day in days), len(days))


def top_pages(edition: Edition, limit: int = 20, booths_only: bool = False) -> list[dict]:
    """The most viewed pages over the whole edition (closed days and today)."""
    aggregate_closed_days(edition)
    today = local_day(edition)
    counts: dict[str, dict] = {}
    closed = PageViewDaily.objects.filter(edition=edition, day__lt=today).exclude(
        path=EDITION_TOTAL_PATH
    )
    live = PageView.objects.filter(edition=edition, day=today)
    if booths_only:
        closed = closed.filter(exhibitor__isnull=False)
        live = live.filter(exhibitor__isnull=False)
    for row in closed.values("path", "exhibitor").annotate(views=Sum("views")):
        counts[row["path"]] = {
            "path": row["path"],
            "exhibitor": row["exhibitor"],
            "views": row["views"],
        }
    for row in live.values("path", "exhibitor").annotate(views=Count("id")):
        entry = counts.setdefault(
            row["path"], {"path": row["path"], "exhibitor": row["exhibitor"], "views": 0}
        )
        entry["views"] += row["views"]
    return sorted(counts.values(), key=lambda item: (-item["views"], item["path"]))[:limit]


def booth_views_total(edition: Edition) -> int:
    """Views of all virtual booth pages of the edition."""
    aggregate_closed_days(edition)
    today = local_day(edition)
    closed = PageViewDaily.objects.filter(
        edition=edition, day__lt=today, exhibitor__isnull=False
    ).aggregate(views=Sum("views"))["views"]
    live = PageView.objects.filter(Q(exhibitor__isnull=False), edition=edition, day=today).count()
    return (closed or 0) + live
