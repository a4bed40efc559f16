"""Collects each app's nav.py into the menus of the shell."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from showfloor.core.models import Edition
from showfloor.core.nav import NavItem


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    active: bool = False


@cache
def _items(kind: str) -> list[NavItem]:
    items: list[NavItem] = []
    for app_path in settings.SHOWFLOOR_APPS:
        if find_spec(f"{app_path}.nav") is not None:
            items += getattr(import_module(f"{app_path}.nav"), kind, [])
    return sorted(items, key=lambda item: item.order)


def links(
    kind: str,
    edition: Edition,
    perms: frozenset[str],
    current_path: str = "",
    signed_in: bool = False,
) -> list[Link]:
    result = []
    for item in _items(kind):
        if (item.perm and item.perm not in perms) or (item.signed_in and not signed_in):
            continue
        try:
            url = reverse(item.url_name, kwargs={"edition_slug": edition.slug})
        except NoReverseMatch:
            continue
        result.append(Link(str(item.label), url, current_path.startswith(url) and url != "/"))
    return result
