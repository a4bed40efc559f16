"""Where floorplan meets the exhibitors app: the virtual booth link and the denormalised location.

The exhibitors app is built in parallel; both hooks are looked up when called, so the floor plan
works (without links) before `Exhibitor.urls.public` and `set_exhibitor_location` exist.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

from django.urls import NoReverseMatch

from showfloor.core.permissions import Actor
from showfloor.exhibitors.models import Exhibitor


def virtual_booth_url(exhibitor: Exhibitor | None) -> str | None:
    """The exhibitor's virtual booth page, or None when there is none to open."""
    if exhibitor is None:
        return None
    urls = getattr(exhibitor, "urls", None)
    try:
        return getattr(urls, "public", None)
    except NoReverseMatch:
        return None


def _location_service() -> Any:
    try:
        module = import_module("showfloor.exhibitors.services")
    except ImportError:
        return None
    return getattr(module, "set_exhibitor_location", None)


def publish_location(
    actor: Actor,
    exhibitor: Exhibitor,
    *,
    hall: str,
    booth: str,
    pavilion_code: str,
    pavilion_name: dict[str, str],
) -> bool:
    """Tell the exhibitors app where the exhibitor stands; False when it cannot be told yet."""
    service = _location_service()
    if service is None:
        return False
    service(
        actor,
        exhibitor,
        hall=hall,
        booth=booth,
        pavilion_code=pavilion_code,
        pavilion_name=pavilion_name,
    )
    return True
