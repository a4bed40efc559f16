"""Collects every app's key figures (see showfloor.core.reporting)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import import_module
from importlib.util import find_spec

from django.conf import settings

from showfloor.core.models import Edition
from showfloor.core.reporting import Figure


@cache
def _providers() -> list[tuple[str, Callable[[Edition], list[Figure]]]]:
    providers = []
    for app_path in settings.SHOWFLOOR_APPS:
        if find_spec(f"{app_path}.figures") is not None:
            module = import_module(f"{app_path}.figures")
            providers.append((app_path.rsplit(".", 1)[1], module.key_figures))
    return providers


def key_figures(edition: Edition) -> list[Figure]:
    figures: list[Figure] = []
    for _label, provider in _providers():
        figures += provider(edition)
    return figures
