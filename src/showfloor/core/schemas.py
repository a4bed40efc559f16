"""API shapes of the core domain."""

from __future__ import annotations

import datetime as dt

from ninja import Field, Schema

from showfloor.core.enums import EditionMode, EditionStatus, OrganizationType

I18n = dict[str, str]


class ErrorItem(Schema):
    field: str
    message: str


class ErrorOut(Schema):
    detail: str
    errors: list[ErrorItem] = []


class OrganizerIn(Schema):
    name: str = Field(min_length=1, max_length=200)
    slug: str = Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=60)
    website: str = ""


class OrganizerPatch(Schema):
    name: str | None = Field(None, min_length=1, max_length=200)
    website: str | None = None


class OrganizerOut(Schema):
    id: int
    name: str
    slug: str
    website: str


class ExpoIn(Schema):
    organizer_id: int
    name: I18n
    slug: str = Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=60)
    description: I18n = {}
    website: str = ""


class ExpoPatch(Schema):
    name: I18n | None = None
    description: I18n | None = None
    website: str | None = None


class ExpoOut(Schema):
    id: int
    organizer_id: int
    name: I18n
    slug: str
    description: I18n
    website: str


class EditionIn(Schema):
    expo: str = Field(description="Slug of the expo")
    number: int = Field(ge=1)
    name: I18n
    slug: str = Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=60)
    start_date: dt.date
    end_date: dt.date
    venue: I18n = {}
    city: str = ""
    country: str = ""
    timezone: str = "Asia/Shanghai"
    currency: str = "CNY"
    languages: list[str] = ["en", "fr", "zh-hans"]
    default_language: str = "en"
    mode: EditionMode = EditionMode.HYBRID
    status: EditionStatus = EditionStatus.DRAFT
    theme: I18n = {}


class EditionPatch(Schema):
    name: I18n | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    venue: I18n | None = None
    city: str | None = None
    country: str | None = None
    timezone: str | None = None
    currency: str | None = None
    languages: list[str] | None = None
    default_language: str | None = None
    mode: EditionMode | None = None
    status: EditionStatus | None = None
    theme: I18n | None = None


class EditionOut(Schema):
    id: int
    expo: str = Field(alias="expo.slug")
    number: int
    name: I18n
    slug: str
    start_date: dt.date
    end_date: dt.date
    venue: I18n
    city: str
    country: str
    timezone: str
    currency: str
    languages: list[str]
    default_language: str
    mode: str
    status: str
    theme: I18n

    @staticmethod
    def resolve_country(obj: object) -> str:
        return str(getattr(obj, "country", "") or "")


class SectorOut(Schema):
    id: int
    code: str
    name: I18n
    parent_id: int | None


class OrganizationIn(Schema):
    name: I18n
    type: OrganizationType = OrganizationType.COMPANY
    country: str = Field(min_length=2, max_length=2, description="ISO 3166-1 alpha-2")
    region: str = ""
    city: str = ""
    website: str = ""
    description: I18n = {}
    sectors: list[str] = Field([], description="Sector codes")


class OrganizationPatch(Schema):
    name: I18n | None = None
    type: OrganizationType | None = None
    country: str | None = Field(None, min_length=2, max_length=2)
    region: str | None = None
    city: str | None = None
    website: str | None = None
    description: I18n | None = None
    sectors: list[str] | None = None


class OrganizationOut(Schema):
    id: int
    name: I18n
    type: str
    country: str
    region: str
    city: str
    website: str
    description: I18n
    sectors: list[str]

    @staticmethod
    def resolve_country(obj: object) -> str:
        return str(getattr(obj, "country", "") or "")

    @staticmethod
    def resolve_sectors(obj: object) -> list[str]:
        return [sector.code for sector in obj.sectors.all()]  # type: ignore[attr-defined]
