from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def figure_value(value: Any) -> str:
    """A figure's value with grouping and exactly the decimals it was rounded to."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
        return str(value)
    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return number_format(value, places, use_l10n=True, force_grouping=True)
