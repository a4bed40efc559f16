"""Times in a given zone, formatted here so that Django's date filters do not convert them back
to the active zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django import template
from django.utils import formats

register = template.Library()


def _local(value: dt.datetime | None, tzname: str) -> dt.datetime | None:
    if value is None:
        return None
    return value.astimezone(zoneinfo.ZoneInfo(tzname))


@register.filter
def hm(value: dt.datetime | None, tzname: str) -> str:
    """'09:30' in `tzname`."""
    local = _local(value, tzname)
    return local.strftime("%H:%M") if local else ""


@register.filter
def local_day(value: dt.datetime | None, tzname: str) -> str:
    """The localised day ('lundi 23 novembre') in `tzname`."""
    local = _local(value, tzname)
    return formats.date_format(local.date(), "l j F") if local else ""


@register.filter
def local_datetime(value: dt.datetime | None, tzname: str) -> str:
    """'Mon 23 Nov 09:30' (localised) in `tzname`."""
    local = _local(value, tzname)
    if local is None:
        return ""
    return f"{formats.date_format(local.date(), 'D j M')} {local.strftime('%H:%M')}"
