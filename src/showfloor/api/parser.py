"""Request parsing for the API: refuses the NUL character anywhere in the input.

No text column can store it (PostgreSQL refuses it outright), so it is turned away at the door
with the usual 422 body, naming where it was, instead of failing deep inside a query.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.datastructures import MultiValueDict
from ninja.parser import Parser


def _find_nul(value: Any, where: str) -> str | None:
    if isinstance(value, str):
        return where if "\x00" in value else None
    if isinstance(value, dict):
        for key, item in value.items():
            found = _find_nul(key, where) or _find_nul(item, f"{where}.{key}" if where else key)
            if found is not None:
                return found or "__all__"
    if isinstance(value, list):
        for index, item in enumerate(value):
            found = _find_nul(item, f"{where}.{index}" if where else str(index))
            if found is not None:
                return found
    return None


def refuse_nul(data: Any) -> Any:
    where = _find_nul(data, "")
    if where is not None:
        raise ValidationError({where or "__all__": ["The NUL character (U+0000) is not allowed."]})
    return data


class ShowfloorParser(Parser):
    def parse_body(self, request: HttpRequest) -> dict[str, Any]:
        return refuse_nul(super().parse_body(request))

    def parse_querydict(
        self, data: MultiValueDict, list_fields: list[str], request: HttpRequest
    ) -> dict[str, Any]:
        return refuse_nul(super().parse_querydict(data, list_fields, request))
