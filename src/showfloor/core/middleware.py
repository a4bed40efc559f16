"""Resolve a request's edition and the caller's permissions in it, once.

Every URL under /<edition_slug>/ names its edition; the middleware loads it (404 when unknown, or
when it is a draft and the caller is not staff), sets `request.edition`, `request.edition_perms`,
and the edition's default content language for fallbacks.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from showfloor.core.i18n import default_content_language
from showfloor.core.models import Edition
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm


def resolve_edition(request: HttpRequest, slug: str) -> Edition:
    edition = Edition.objects.select_related("expo__organizer").filter(slug=slug).first()
    if edition is None:
        raise Http404("No such edition")
    perms = actor_from_request(request).permissions(edition)
    if not edition.is_public and Perm.VIEW_BACKOFFICE not in perms:
        raise Http404("No such edition")
    request.edition = edition  # type: ignore[attr-defined]
    request.edition_perms = perms  # type: ignore[attr-defined]
    default_content_language.set(edition.default_language)
    return edition


class EditionMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        request.edition = None  # type: ignore[attr-defined]
        request.edition_perms = frozenset()  # type: ignore[attr-defined]
        token = default_content_language.set(None)
        try:
            return self.get_response(request)
        finally:
            default_content_language.reset(token)

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        slug = view_kwargs.get("edition_slug")
        # The API resolves the edition itself (api.helpers.edition_for), to answer in JSON.
        if slug is not None and not request.path_info.startswith("/api/"):
            resolve_edition(request, slug)
