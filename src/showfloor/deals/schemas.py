"""API shapes of agreements. Money travels as a decimal string, never a JSON number (a float)."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from showfloor.deals.enums import AgreementStatus, AgreementType, PartyRole

DECIMAL_PATTERN = r"^\d{1,17}(\.\d{1,8})?$"


class PartyIn(Schema):
    organization_id: int
    role: PartyRole


class PartyOut(Schema):
    organization_id: int
    organization: str
    role: str


class MoneyOut(Schema):
    amount: str
    currency: str


class AgreementIn(Schema):
    reference: str = Field(min_length=1, max_length=60)
    title: dict[str, str]
    type: AgreementType
    status: AgreementStatus = AgreementStatus.SIGNED
    sectors: list[str] = []
    country: str = Field(min_length=2, max_length=2)
    region: str = ""
    city: str = ""
    value: str = Field(pattern=DECIMAL_PATTERN, description='Decimal text, e.g. "1250000.00"')
    currency: str = Field(min_length=3, max_length=3)
    exchange_rate: str | None = Field(None, pattern=DECIMAL_PATTERN)
    signed_on: dt.date | None = None
    parties: list[PartyIn] = Field(min_length=1)
    ceremony_id: int | None = None
    meeting_id: int | None = None


class AgreementOut(Schema):
    id: int
    reference: str
    title: dict[str, str]
    type: str
    status: str
    sectors: list[str]
    country: str
    region: str
    city: str
    declared_value: MoneyOut
    exchange_rate: str
    value_in_edition_currency: MoneyOut
    signed_on: dt.date | None
    parties: list[PartyOut]
    ceremony_id: int | None
    meeting_id: int | None


class ImportErrorOut(Schema):
    row: int
    column: str
    message: str


class ImportOut(Schema):
    created: int
    references: list[str]


class ImportFailedOut(Schema):
    detail: str
    errors: list[ImportErrorOut]
