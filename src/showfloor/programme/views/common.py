"""Helpers shared by the programme's pages."""

from __future__ import annotations

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from showfloor.core.permissions import Actor, actor_from_request
from showfloor.core.rules import Perm
from showfloor.programme.enums import SessionStatus
from showfloor.programme.forms import COMMON_ZONES, valid_zone
from showfloor.programme.models import Session


def actor(request: HttpRequest) -> Actor:
    return actor_from_request(request)


def is_programme_staff(request: HttpRequest) -> bool:
    return Perm.MANAGE_PROGRAMME in request.edition_perms  # type: ignore[attr-defined]


def visible_session(request: HttpRequest, pk: int) -> Session:
    """A session of the request's edition; drafts only for programme staff (404 otherwise)."""
    queryset = Session.objects.filter(edition=request.edition)  # type: ignore[attr-defined]
    if not is_programme_staff(request):
        queryset = queryset.exclude(status=SessionStatus.DRAFT)
    return get_object_or_404(queryset.select_related("edition", "forum", "room", "stream"), pk=pk)


def time_context(request: HttpRequest) -> dict:
    """The edition's zone, and the visitor's when they chose one (?tz=), for the selector."""
    edition = request.edition  # type: ignore[attr-defined]
    chosen = valid_zone(request.GET.get("tz"))
    zones = [edition.timezone, *[zone for zone in COMMON_ZONES if zone != edition.timezone]]
    if chosen and chosen not in zones:
        zones.append(chosen)
    return {
        "edition_tz": edition.timezone,
        "visitor_tz": chosen if chosen and chosen != edition.timezone else None,
        "tz_choices": zones,
        "tz_param": chosen or "",
    }
