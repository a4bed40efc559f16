from __future__ import annotations

from itertools import groupby

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from showfloor.analytics.collect import key_figures
from showfloor.core.decorators import edition_permission_required
from showfloor.core.rules import Perm
from showfloor.web.navigation import links


@edition_permission_required(Perm.VIEW_BACKOFFICE)
def dashboard(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    perms = request.edition_perms  # type: ignore[attr-defined]
    figures = key_figures(edition) if Perm.VIEW_ANALYTICS in perms else []
    groups = [(area, list(items)) for area, items in groupby(figures, key=lambda f: f.area)]
    return render(
        request,
        "analytics/dashboard.html",
        {
            "figure_groups": groups,
            "staff_links": links("STAFF", edition, perms),
        },
    )
