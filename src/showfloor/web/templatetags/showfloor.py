"""Template helpers available in every template (registered as builtins)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from decimal import Decimal
from typing import Any

from django import template
from django.utils import timezone, translation
from django.utils.formats import number_format

from showfloor.core.i18n import localized
from showfloor.core.money import CURRENCY_MINOR_UNITS, Money

register = template.Library()


@register.filter
def tr(value: Any, language: str | None = None) -> str:
    """A language map in the active language, with the edition's fallback."""
    return localized(value, language)


@register.filter
def money(value: Money | None) -> str:
    if value is None:
        return ""
    places = CURRENCY_MINOR_UNITS.get(value.currency, 2)
    text = number_format(value.amount, places, use_l10n=True, force_grouping=True)
    return f"{text} {value.currency}"


@register.filter
def amount(value: Decimal | int | None, places: int = 0) -> str:
    if value is None:
        return ""
    return number_format(value, int(places), use_l10n=True, force_grouping=True)


@register.filter
def in_tz(value: dt.datetime | None, tzname: str | None = None) -> dt.datetime | None:
    """An aware datetime shown in the given time zone (default: the current one)."""
    if value is None:
        return None
    return timezone.localtime(value, zoneinfo.ZoneInfo(tzname) if tzname else None)


@register.simple_tag(takes_context=True)
def current_language(context: dict[str, Any]) -> str:
    return translation.get_language() or "en"


@register.filter
def has_perm(perms: frozenset[str], perm: str) -> bool:
    return perm in perms
