"""Public shell pages: the list of editions, an edition's home, and uploaded media."""

from __future__ import annotations

import mimetypes
from pathlib import Path

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils._os import safe_join

from showfloor.analytics.report import build_report
from showfloor.core import queries as core_queries

# Types a browser may render inline; anything else (SVG, HTML, scripts...) is a download.
INLINE_TYPES = {
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "video/mp4",
    "video/webm",
    "application/pdf",
    "application/vnd.apple.mpegurl",
    "video/mp2t",
}


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "web/home.html", {"editions": core_queries.public_editions()})


def edition_home(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    context = {
        "report": build_report(
            edition, translation.get_language() or "en", public_only=True, charts=False
        ),
    }
    return render(request, "web/edition_home.html", context)


def media(request: HttpRequest, path: str) -> FileResponse:
    """Serve an uploaded file when no front web server does; never inline active content."""
    try:
        full = Path(safe_join(settings.MEDIA_ROOT, path))
    except SuspiciousFileOperation as exc:
        raise Http404("No such file") from exc
    if not full.is_file():
        raise Http404("No such file")
    content_type = mimetypes.guess_type(full.name)[0] or "application/octet-stream"
    inline = content_type in INLINE_TYPES
    response = FileResponse(
        full.open("rb"),
        content_type=content_type if inline else "application/octet-stream",
        as_attachment=not inline,
        filename=full.name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "public, max-age=86400"
    return response
