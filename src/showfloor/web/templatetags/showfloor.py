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
def amount(value: Decimal | int | str | None, places: int | None = None) -> str:
    """A number with grouping, in the active locale; a Decimal keeps its own decimals unless
    `places` is given (83.3 stays 83.3, 17848000000.00 shows its cents)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if places is None:
        exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
        places = max(0, -int(exponent))
    return number_format(value, int(places), use_l10n=True, force_grouping=True)


@register.filter
def in_tz(value: dt.datetime | None, tzname: str | None = None) -> dt.datetime | None:
    """The wall-clock time of an aware datetime in `tzname` (default: the active zone).

    The result is naive on purpose: `|date` and `|time` would otherwise convert an aware value
    back to the active time zone, undoing the conversion.
    """
    if value is None:
        return None
    local = timezone.localtime(value, zoneinfo.ZoneInfo(tzname) if tzname else None)
    return local.replace(tzinfo=None)


@register.simple_tag(takes_context=True)
def current_language(context: dict[str, Any]) -> str:
    return translation.get_language() or "en"
