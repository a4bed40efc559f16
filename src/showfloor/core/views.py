from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from showfloor.core import queries
from showfloor.core.decorators import edition_permission_required
from showfloor.core.rules import Perm


@edition_permission_required(Perm.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest, edition_slug: str) -> HttpResponse:
    entries = queries.audit_entries(request.edition)  # type: ignore[attr-defined]
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__icontains=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "action": action})
