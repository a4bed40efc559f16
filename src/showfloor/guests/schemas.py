from __future__ import annotations

import datetime as dt

from ninja import Field, Schema


class SlotOut(Schema):
    id: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    capacity: int
    remaining: int
    waiting: int


class SiteVisitOut(Schema):
    id: int
    name: dict[str, str]
    kind: str
    address: str
    slots: list[SlotOut]


class BookingIn(Schema):
    full_name: str = Field(min_length=1, max_length=200)
    email: str = Field(min_length=3, max_length=254)
    party_size: int = Field(1, ge=1, le=6)


class BookingOut(Schema):
    status: str
    token: str
    party_size: int


class DelegationOut(Schema):
    id: int
    name: dict[str, str]
    level: str
    country: str
    region: str
    city: str
    head_name: str
    member_count: int

    @staticmethod
    def resolve_country(obj: object) -> str:
        return str(obj.country)  # type: ignore[attr-defined]


class InvitationOut(Schema):
    id: int
    category: str
    name: str
    email: str
    country: str
    status: str
    dietary_notes: str
    protocol_notes: str
    participant_id: int | None
