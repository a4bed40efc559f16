"""Online visit figures: an exhibitor sees its own booth's, staff see the edition's."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from showfloor.analytics import pageviews
from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibitor
from showfloor.exhibitors.rules import can_manage_exhibitor


def _chart(days: list[pageviews.DayCount]) -> dict[str, list]:
    return {
        "days": [day.day.isoformat() for day in days],
        "views": [day.views for day in days],
        "visitors": [day.visitors for day in days],
    }


@login_required
def booth_visits(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    exhibitor = (
        Exhibitor.objects.filter(edition=edition, pk=pk).select_related("organization").first()
    )
    actor = actor_from_request(request)
    allowed = exhibitor is not None and (
        Perm.VIEW_ANALYTICS in request.edition_perms  # type: ignore[attr-defined]
        or can_manage_exhibitor(actor, exhibitor)
    )
    if not allowed:
        raise Http404("No such exhibitor")  # the same answer whether it exists or not
    days = pageviews.series(edition, exhibitor.pk)
    return render(
        request,
        "analytics/booth_visits.html",
        {
            "exhibitor": exhibitor,
            "days": days,
            "total_views": sum(day.views for day in days),
            "total_visitors": sum(day.visitors for day in days),
            "chart": _chart(days),
        },
    )


@edition_permission_required(Perm.VIEW_ANALYTICS)
def edition_visits(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    days = pageviews.series(edition)
    top_booths = pageviews.top_pages(edition, limit=20, booths_only=True)
    names = {
        exhibitor.pk: exhibitor
        for exhibitor in Exhibitor.objects.filter(
            pk__in=[row["exhibitor"] for row in top_booths]
        ).select_related("organization", "edition")
    }
    for row in top_booths:
        row["exhibitor_obj"] = names.get(row["exhibitor"])
    return render(
        request,
        "analytics/edition_visits.html",
        {
            "days": days,
            "total_views": sum(day.views for day in days),
            "total_visitors": sum(day.visitors for day in days),
            "top_pages": pageviews.top_pages(edition, limit=20),
            "top_booths": top_booths,
            "chart": _chart(days),
        },
    )
