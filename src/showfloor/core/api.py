"""REST endpoints of the core domain: organizers, expos, editions, sectors, organisations."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import actor, edition_for, patch_values
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.core import queries, services
from showfloor.core.enums import EditionStatus
from showfloor.core.models import Edition, Expo, Organization, Organizer, Sector
from showfloor.core.permissions import is_organizer_admin
from showfloor.core.rules import Perm
from showfloor.core.schemas import (
    EditionIn,
    EditionOut,
    EditionPatch,
    ErrorOut,
    ExpoIn,
    ExpoOut,
    ExpoPatch,
    OrganizationIn,
    OrganizationOut,
    OrganizationPatch,
    OrganizerIn,
    OrganizerOut,
    OrganizerPatch,
    SectorOut,
)

router = Router()
ERRORS: dict[int, type[ErrorOut]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}


def _require_superuser(request: HttpRequest) -> None:
    who = actor(request)
    if who.token is not None or who.user is None or not who.user.is_superuser:
        raise PermissionDenied("superuser")


def _require_organizer_admin(request: HttpRequest, organizer_id: int) -> None:
    if not is_organizer_admin(actor(request), organizer_id):
        raise PermissionDenied("organizer admin")


def _sectors(codes: list[str]) -> list[Sector]:
    found = {sector.code: sector for sector in Sector.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({"sectors": [f"Unknown sector code(s): {', '.join(unknown)}."]})
    return [found[code] for code in codes]


# Organizers -------------------------------------------------------------------------------------


@router.get("/organizers", response={200: list[OrganizerOut], **ERRORS}, auth=PUBLIC_AUTH)
@paginate(LimitOffsetPagination)
def list_organizers(request: HttpRequest) -> QuerySet[Organizer]:
    return Organizer.objects.order_by("id")


@router.post("/organizers", response={201: OrganizerOut, **ERRORS})
def create_organizer(request: HttpRequest, payload: OrganizerIn) -> Status:
    _require_superuser(request)
    return Status(201, services.create_object(actor(request), Organizer, payload.dict()))


@router.get("/organizers/{organizer_id}", response={200: OrganizerOut, **ERRORS}, auth=PUBLIC_AUTH)
def get_organizer(request: HttpRequest, organizer_id: int) -> Organizer:
    return get_object_or_404(Organizer, pk=organizer_id)


@router.patch("/organizers/{organizer_id}", response={200: OrganizerOut, **ERRORS})
def update_organizer(request: HttpRequest, organizer_id: int, payload: OrganizerPatch) -> Organizer:
    organizer = get_object_or_404(Organizer, pk=organizer_id)
    _require_organizer_admin(request, organizer.pk)
    services.update_object(actor(request), organizer, patch_values(payload))
    return organizer


# Expos ------------------------------------------------------------------------------------------


@router.get("/expos", response={200: list[ExpoOut], **ERRORS}, auth=PUBLIC_AUTH)
@paginate(LimitOffsetPagination)
def list_expos(request: HttpRequest) -> QuerySet[Expo]:
    return Expo.objects.order_by("id")


@router.post("/expos", response={201: ExpoOut, **ERRORS})
def create_expo(request: HttpRequest, payload: ExpoIn) -> Status:
    organizer = get_object_or_404(Organizer, pk=payload.organizer_id)
    _require_organizer_admin(request, organizer.pk)
    values = payload.dict()
    values["organizer"] = organizer
    del values["organizer_id"]
    return Status(201, services.create_object(actor(request), Expo, values))


@router.get("/expos/{slug}", response={200: ExpoOut, **ERRORS}, auth=PUBLIC_AUTH)
def get_expo(request: HttpRequest, slug: str) -> Expo:
    return get_object_or_404(Expo, slug=slug)


@router.patch("/expos/{slug}", response={200: ExpoOut, **ERRORS})
def update_expo(request: HttpRequest, slug: str, payload: ExpoPatch) -> Expo:
    expo = get_object_or_404(Expo, slug=slug)
    _require_organizer_admin(request, expo.organizer_id)
    services.update_object(actor(request), expo, patch_values(payload))
    return expo


# Editions ---------------------------------------------------------------------------------------


def _visible_editions(request: HttpRequest) -> QuerySet[Edition]:
    editions = Edition.objects.select_related("expo").order_by("-start_date", "id")
    who = actor(request)
    if who.token is not None:
        return editions.filter(Q(pk=who.token.edition_id) | ~Q(status=EditionStatus.DRAFT))
    if who.user is not None and who.user.is_superuser:
        return editions
    if who.user is not None:
        organizers = who.user.staff_roles.values("organizer_id")
        return editions.filter(
            ~Q(status=EditionStatus.DRAFT) | Q(expo__organizer_id__in=organizers)
        )
    return editions.exclude(status=EditionStatus.DRAFT)


@router.get("/editions", response={200: list[EditionOut], **ERRORS}, auth=PUBLIC_AUTH)
@paginate(LimitOffsetPagination)
def list_editions(request: HttpRequest) -> QuerySet[Edition]:
    return _visible_editions(request)


@router.post("/editions", response={201: EditionOut, **ERRORS})
def create_edition(request: HttpRequest, payload: EditionIn) -> Status:
    expo = Expo.objects.filter(slug=payload.expo).first()
    if expo is None:
        raise ValidationError({"expo": [f"No expo with the short name “{payload.expo}”."]})
    _require_organizer_admin(request, expo.organizer_id)
    values = payload.dict()
    values.pop("expo")
    return Status(201, services.create_edition(actor(request), expo, **values))


@router.get("/editions/{edition_slug}", response={200: EditionOut, **ERRORS}, auth=PUBLIC_AUTH)
def get_edition(request: HttpRequest, edition_slug: str) -> Edition:
    return edition_for(request, edition_slug)


@router.patch("/editions/{edition_slug}", response={200: EditionOut, **ERRORS})
def update_edition(request: HttpRequest, edition_slug: str, payload: EditionPatch) -> Edition:
    edition = edition_for(request, edition_slug, Perm.MANAGE_EDITION)
    services.update_object(actor(request), edition, patch_values(payload))
    return edition


@router.delete("/editions/{edition_slug}", response={204: None, **ERRORS})
def delete_edition(request: HttpRequest, edition_slug: str) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_EDITION)
    if edition.status != EditionStatus.DRAFT:
        raise ValidationError({"status": ["Only a draft edition can be deleted."]})
    services.delete_object(actor(request), edition)
    return Status(204, None)


# Sectors ----------------------------------------------------------------------------------------


@router.get("/sectors", response={200: list[SectorOut], **ERRORS}, auth=PUBLIC_AUTH)
def list_sectors(request: HttpRequest) -> QuerySet[Sector]:
    return Sector.objects.order_by("code")


# Organisations ----------------------------------------------------------------------------------


@router.get("/organizations", response={200: list[OrganizationOut], **ERRORS}, auth=PUBLIC_AUTH)
@paginate(LimitOffsetPagination)
def list_organizations(
    request: HttpRequest, type: str = "", country: str = "", sector: str = ""
) -> QuerySet[Organization]:
    result = queries.organizations()
    if type:
        result = result.filter(type=type)
    if country:
        result = result.filter(country=country.upper())
    if sector:
        result = result.filter(sectors__code=sector)
    return result


@router.get(
    "/organizations/{organization_id}", response={200: OrganizationOut, **ERRORS}, auth=PUBLIC_AUTH
)
def get_organization(request: HttpRequest, organization_id: int) -> Organization:
    return get_object_or_404(queries.organizations(), pk=organization_id)


def _organization_values(payload: Any) -> tuple[dict[str, Any], dict[str, list[Sector]]]:
    values = patch_values(payload)
    m2m = {}
    if "sectors" in values:
        m2m["sectors"] = _sectors(values.pop("sectors") or [])
    if values.get("country"):
        values["country"] = values["country"].upper()
    return values, m2m


@router.post("/editions/{edition_slug}/organizations", response={201: OrganizationOut, **ERRORS})
def create_organization(request: HttpRequest, edition_slug: str, payload: OrganizationIn) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_ORGANIZATIONS)
    values, m2m = _organization_values(payload)
    organization = services.create_object(
        actor(request), Organization, values, m2m=m2m, edition=edition
    )
    return Status(201, organization)


@router.patch(
    "/editions/{edition_slug}/organizations/{organization_id}",
    response={200: OrganizationOut, **ERRORS},
)
def update_organization(
    request: HttpRequest, edition_slug: str, organization_id: int, payload: OrganizationPatch
) -> Organization:
    edition = edition_for(request, edition_slug, Perm.MANAGE_ORGANIZATIONS)
    organization = get_object_or_404(Organization, pk=organization_id)
    values, m2m = _organization_values(payload)
    services.update_object(actor(request), organization, values, m2m=m2m, edition=edition)
    return organization


@router.delete(
    "/editions/{edition_slug}/organizations/{organization_id}", response={204: None, **ERRORS}
)
def delete_organization(request: HttpRequest, edition_slug: str, organization_id: int) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_ORGANIZATIONS)
    organization = get_object_or_404(Organization, pk=organization_id)
    services.delete_object(actor(request), organization, edition=edition)
    return Status(204, None)
