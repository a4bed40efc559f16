"""Records a first-party page view for every public page of an edition that was served.

Not recorded: the back office (/manage/), the exhibitor's own space (/exhibitor/), the API,
anything but a successful GET of an HTML page, browser prefetches, and robots.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse

from showfloor.analytics.pageviews import buffer, build_page_view

logger = logging.getLogger(__name__)
ROBOTS = re.compile(r"bot|crawl|spider|slurp|headless|preview|monitor|curl|wget|python", re.I)
PRIVATE_SEGMENTS = ("/manage/", "/exhibitor/")
PAGEVIEW_MAX_AGE = 2.0  # seconds a buffered view may wait for its batch


def recording_enabled() -> bool:
    """On unless SHOWFLOOR_PAGEVIEWS says otherwise; off by default in test runs, so other apps'
    query-count tests do not count our writes (tests/analytics turns it on)."""
    enabled = getattr(settings, "SHOWFLOOR_PAGEVIEWS", None)
    if enabled is None:
        return os.environ.get("SHOWFLOOR_TESTING", "") not in ("1", "true", "yes")
    return bool(enabled)


def is_public_page_view(request: HttpRequest, response: HttpResponse) -> bool:
    if request.method != "GET" or response.status_code != 200:
        return False
    if getattr(request, "edition", None) is None:
        return False
    if not response.get("Content-Type", "").startswith("text/html"):
        return False
    if any(segment in request.path for segment in PRIVATE_SEGMENTS):
        return False
    if (
        request.headers.get("Sec-Purpose", "").startswith("prefetch")
        or request.headers.get("Purpose") == "prefetch"
    ):
        return False
    return not ROBOTS.search(request.headers.get("User-Agent", ""))


class PageViewMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if recording_enabled() and is_public_page_view(request, response):
            try:
                view = build_page_view(
                    request,
                    request.edition,  # type: ignore[attr-defined]
                    getattr(request, "pageview_exhibitor_id", None),
                )
                buffer.add(view, settings.SHOWFLOOR_PAGEVIEW_BATCH, PAGEVIEW_MAX_AGE)
            except DatabaseError:
                # A lost visit count must never cost the visitor the page.
                logger.exception("page view not recorded for %s", request.path)
        return response
