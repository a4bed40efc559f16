"""A Decimal model field for money amounts that refuses floats wherever they come in."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.db import models


class FloatRefusedError(TypeError):
    """A float reached a money field: floats are inexact, money is Decimal."""


def refuse_float(value: Any, name: str) -> None:
    if isinstance(value, float):
        raise FloatRefusedError(f"{name}: money must be a Decimal, an int or a string, not a float")


class MoneyAmountField(models.DecimalField):
    """DecimalField that raises FloatRefusedError for a float (Django would accept one)."""

    def to_python(self, value: Any) -> Decimal | None:
        refuse_float(value, self.name)
        return super().to_python(value)

    def get_db_prep_save(self, value: Any, connection: Any) -> Any:
        refuse_float(value, self.name)
        return super().get_db_prep_save(value, connection)

    def get_prep_value(self, value: Any) -> Any:
        refuse_float(value, self.name)
        return super().get_prep_value(value)
