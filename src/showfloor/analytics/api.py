"""Key figures over the API: the public ones for anyone, all of them for analysts."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja import Router, Schema

from showfloor.analytics.collect import key_figures
from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import edition_for
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut

router = Router()


class FigureOut(Schema):
    key: str
    label: str
    value: str
    unit: str
    definition: str
    area: str
    public: bool
    inputs: dict[str, Any]


@router.get(
    "/editions/{edition_slug}/figures",
    response={200: list[FigureOut], 403: ErrorOut, 404: ErrorOut},
    auth=PUBLIC_AUTH,
)
def list_figures(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    """Every key figure with its definition; values are strings so decimals stay exact."""
    edition = edition_for(request, edition_slug)
    everything = Perm.VIEW_ANALYTICS in request.edition_perms  # type: ignore[attr-defined]
    return [
        {
            "key": figure.key,
            "label": str(figure.label),
            "value": str(figure.value),
            "unit": figure.unit,
            "definition": str(figure.definition),
            "area": figure.area,
            "public": figure.public,
            "inputs": {
                key: str(value) if not isinstance(value, (int, str, list, dict)) else value
                for key, value in figure.inputs.items()
            },
        }
        for figure in key_figures(edition)
        if everything or figure.public
    ]
