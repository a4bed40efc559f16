"""Schedule exports: iCalendar feeds, frab schedule.xml and JSON, the printable PDF."""

from __future__ import annotations

import datetime as dt
import hashlib

from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from showfloor.attendance.models import Participant
from showfloor.core.i18n import localized
from showfloor.programme import exporters, queries
from showfloor.programme.models import AgendaItem, Forum

AGENDA_SALT = "showfloor.programme.agenda-feed"


def _base_url(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/") if request else settings.SITE_URL


def _ical_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


@require_GET
def programme_ical(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    sessions = queries.sessions_for_export(edition)
    body = exporters.to_ical(
        edition, sessions, base_url=_base_url(request), name=localized(edition.name)
    )
    return _ical_response(body, f"{edition.slug}.ics")


@require_GET
def forum_ical(request: HttpRequest, edition_slug: str, code: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    forum = get_object_or_404(Forum.objects.filter(edition=edition), code=code)
    sessions = queries.sessions_for_export(edition).filter(forum=forum)
    name = f"{localized(edition.name)} – {localized(forum.title)}"
    body = exporters.to_ical(edition, sessions, base_url=_base_url(request), name=name)
    return _ical_response(body, f"{edition.slug}-{forum.code}.ics")


def agenda_feed_url(request: HttpRequest, participant: Participant) -> str:
    """A secret address calendar apps can subscribe to without signing in."""
    token = signing.dumps({"p": participant.pk, "e": participant.edition_id}, salt=AGENDA_SALT)
    path = reverse(
        "programme:agenda_ical",
        kwargs={"edition_slug": participant.edition.slug, "token": token},
    )
    return request.build_absolute_uri(path)


@require_GET
def agenda_ical(request: HttpRequest, edition_slug: str, token: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    try:
        data = signing.loads(token, salt=AGENDA_SALT)
    except signing.BadSignature as exc:
        raise Http404("No such agenda") from exc
    if data.get("e") != edition.pk:
        raise Http404("No such agenda")
    participant = get_object_or_404(Participant.objects.filter(edition=edition), pk=data.get("p"))
    ids = list(
        AgendaItem.objects.filter(participant=participant).values_list("session_id", flat=True)
    )
    sessions = queries.sessions_for_export(edition, session_ids=ids)
    with translation.override(participant.language or edition.default_language):
        name = _("My agenda – %(edition)s") % {"edition": localized(edition.name)}
        body = exporters.to_ical(edition, sessions, base_url=_base_url(request), name=name)
    return _ical_response(body, f"{edition.slug}-agenda.ics")


@require_GET
def schedule_xml(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    sessions = list(queries.sessions_for_export(edition))
    body = exporters.to_frab_xml(
        edition,
        sessions,
        base_url=_base_url(request),
        version=exporters.schedule_version(sessions),
    )
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_GET
def schedule_json(request: HttpRequest, edition_slug: str) -> JsonResponse:
    edition = request.edition  # type: ignore[attr-defined]
    sessions = list(queries.sessions_for_export(edition))
    data = exporters.to_frab_json(
        edition,
        sessions,
        base_url=_base_url(request),
        version=exporters.schedule_version(sessions),
    )
    return JsonResponse(data, json_dumps_params={"ensure_ascii": False})


PDF_CACHE_SECONDS = 300


@require_GET
def programme_pdf(request: HttpRequest, edition_slug: str) -> HttpResponse:
    """The printable programme; `?day=YYYY-MM-DD` prints one day.

    Rendering a large programme takes WeasyPrint many seconds, so the PDF is cached for a few
    minutes per schedule version (which changes with every session edit) and language.
    """
    edition = request.edition  # type: ignore[attr-defined]
    sessions = queries.sessions_for_export(edition)
    day = _day(request, edition)
    if day is not None:
        start, end = edition.day_bounds(day)
        sessions = sessions.filter(starts_at__gte=start, starts_at__lt=end)
    sessions = list(sessions)
    language = translation.get_language() or edition.default_language
    version = hashlib.sha256(exporters.schedule_version(sessions).encode()).hexdigest()[:16]
    key = f"programme-pdf:{edition.slug}:{day or 'all'}:{language}:{version}"
    body = cache.get(key)
    if body is None:
        body = exporters.to_pdf(edition, sessions, base_url=_base_url(request), language=language)
        cache.set(key, body, PDF_CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/pdf")
    suffix = f"-{day}" if day else ""
    response["Content-Disposition"] = f'inline; filename="{edition.slug}-programme{suffix}.pdf"'
    return response


def _day(request: HttpRequest, edition) -> dt.date | None:
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        return None
    return day if day in edition.days else None
