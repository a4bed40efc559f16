from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from showfloor.analytics.report import build_report, render_pdf
from showfloor.core.decorators import edition_permission_required
from showfloor.core.rules import Perm


@edition_permission_required(Perm.VIEW_BACKOFFICE)
def dashboard(request: HttpRequest, edition_slug: str) -> HttpResponse:
    """Every figure live, grouped like the report (without its charts); analysts only."""
    edition = request.edition  # type: ignore[attr-defined]
    perms = request.edition_perms  # type: ignore[attr-defined]
    report = None
    if Perm.VIEW_ANALYTICS in perms:
        report = build_report(edition, translation.get_language() or "en", charts=False)
    return render(request, "analytics/dashboard.html", {"report": report})


def _report_language(request: HttpRequest) -> str:
    language = request.GET.get("lang") or translation.get_language() or "en"
    return language if language in dict(settings.LANGUAGES) else "en"


@edition_permission_required(Perm.VIEW_ANALYTICS)
def report(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    built = build_report(edition, _report_language(request))
    return render(
        request, "analytics/report.html", {"report": built, "languages": settings.LANGUAGES}
    )


@edition_permission_required(Perm.VIEW_ANALYTICS)
def report_pdf(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    language = _report_language(request)
    pdf = render_pdf(build_report(edition, language))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="report-{edition.slug}-{language}.pdf"'
    return response
