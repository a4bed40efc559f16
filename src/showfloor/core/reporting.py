"""Key figures: every figure an organiser publishes keeps its definition and its inputs.

Each app may have a `figures.py` with `def key_figures(edition) -> list[Figure]`; the analytics
app collects them for the dashboard and the post-show report, in the order of SHOWFLOOR_APPS.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.utils.functional import Promise


@dataclass(frozen=True)
class Figure:
    key: str  # stable identifier, e.g. "exhibitors.total"
    label: str | Promise
    value: int | Decimal | str
    definition: str | Promise  # how it is computed, in words, shown next to it
    unit: str = ""  # "%", "m²", a currency code...
    area: str = ""  # app label, for grouping
    public: bool = True  # shown on the public edition home and in the press report
    inputs: dict[str, Any] = field(default_factory=dict)  # what it was computed from


def percentage(part: int | Decimal, whole: int | Decimal, places: int = 1) -> Decimal:
    """part / whole × 100, rounded half-up to `places` decimals (the rounding the report states)."""
    if not whole:
        return Decimal(0).quantize(Decimal(1).scaleb(-places))
    ratio = Decimal(part) * 100 / Decimal(whole)
    return ratio.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
