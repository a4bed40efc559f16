"""API shapes of exhibitors, exhibits and media."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ninja import Field, Schema

from showfloor.exhibitors.enums import ExhibitorMode, ExhibitStage, MediaKind, ReviewDecision

I18n = dict[str, str]


class ContactIn(Schema):
    name: str = Field(min_length=1, max_length=150)
    job_title: str = ""
    email: str = ""
    phone: str = ""
    is_public: bool = False


class ContactOut(ContactIn):
    id: int


class ExhibitorIn(Schema):
    organization_id: int
    host_id: int | None = None
    attendance_mode: ExhibitorMode = ExhibitorMode.ONSITE
    profile: I18n = {}
    sectors: list[str] = []
    requested_space_m2: int | None = Field(None, ge=0)
    contact_email: str = ""
    contact_phone: str = ""
    contacts: list[ContactIn] = []


class ExhibitorPatch(Schema):
    attendance_mode: ExhibitorMode | None = None
    profile: I18n | None = None
    sectors: list[str] | None = None
    requested_space_m2: int | None = Field(None, ge=0)
    contact_email: str | None = None
    contact_phone: str | None = None


class ReviewIn(Schema):
    decision: ReviewDecision
    reason: str = ""


class ExhibitorOut(Schema):
    id: int
    organization_id: int
    name: I18n
    country: str
    host_id: int | None
    status: str
    attendance_mode: str
    profile: I18n
    sectors: list[str]
    hall: str
    booth: str
    pavilion_code: str
    pavilion_name: I18n
    contact_email: str
    contact_phone: str
    url: str

    @staticmethod
    def resolve_name(obj: Any) -> dict[str, str]:
        return obj.organization.name

    @staticmethod
    def resolve_country(obj: Any) -> str:
        return str(obj.organization.country)

    @staticmethod
    def resolve_sectors(obj: Any) -> list[str]:
        return sorted(sector.code for sector in obj.sectors.all())

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.urls.public


class ExhibitorPrivateOut(ExhibitorOut):
    requested_space_m2: int | None
    review_reason: str
    reviewed_at: dt.datetime | None
    contacts: list[ContactOut]

    @staticmethod
    def resolve_contacts(obj: Any) -> list[Any]:
        return list(obj.contacts.all())


class ExhibitIn(Schema):
    title: I18n
    description: I18n = {}
    stage: ExhibitStage = ExhibitStage.PRODUCT
    seeking: list[str] = []
    sectors: list[str] = []
    is_published: bool = True


class ExhibitPatch(Schema):
    title: I18n | None = None
    description: I18n | None = None
    stage: ExhibitStage | None = None
    seeking: list[str] | None = None
    sectors: list[str] | None = None
    is_published: bool | None = None


class ExhibitOut(Schema):
    id: int
    exhibitor_id: int
    title: I18n
    description: I18n
    stage: str
    seeking: list[str]
    sectors: list[str]
    is_published: bool
    url: str

    @staticmethod
    def resolve_sectors(obj: Any) -> list[str]:
        return sorted(sector.code for sector in obj.sectors.all())

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.urls.public


class MediaOut(Schema):
    id: int
    exhibitor_id: int
    exhibit_id: int | None
    kind: MediaKind
    title: I18n
    url: str
    thumbnail_url: str
    content_type: str
    size: int
    width: int | None
    height: int | None
    status: str

    @staticmethod
    def resolve_url(obj: Any) -> str:
        return obj.file_url

    @staticmethod
    def resolve_thumbnail_url(obj: Any) -> str:
        return obj.thumbnail_url


class MediaLinkIn(Schema):
    url: str
    title: I18n = {}
    exhibit_id: int | None = None
