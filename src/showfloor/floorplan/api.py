"""REST endpoints of the floor plan: halls and booths (public), booth creation, offers and their
confirmation (staff and exhibitors), with the same rules as the pages."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import actor, edition_for
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.core.i18n import localized
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import links, queries, services
from showfloor.floorplan.enums import BoothType
from showfloor.floorplan.models import Booth, BoothOffer, Hall, Venue

router = Router(tags=["floorplan"])
ERRORS: dict[int, type[ErrorOut]] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class HallOut(Schema):
    code: str
    name: dict[str, str]
    venue: dict[str, str]
    outline: list[list[str]]
    gross_area: Decimal
    has_tour: bool

    @staticmethod
    def resolve_venue(hall: Hall) -> dict[str, str]:
        return hall.venue.name

    @staticmethod
    def resolve_has_tour(hall: Hall) -> bool:
        return bool(hall.panorama)


class BoothOut(Schema):
    id: int
    code: str
    hall: str
    type: str
    open_sides: int
    polygon: list[list[str]]
    area: Decimal
    status: str
    pavilion: str | None
    exhibitor: str | None = Field(None, description="Shown once the booth is reserved or sold.")
    virtual_booth_url: str | None = None


class HallIn(Schema):
    venue_id: int
    code: str = Field(pattern=r"^[-a-zA-Z0-9_]+$", max_length=20)
    name: dict[str, str]
    outline: list[list[str]] = Field(description='[["0", "0"], ["60", "0"], ...] in metres')
    position: int = Field(0, ge=0)


class BoothIn(Schema):
    code: str = Field(min_length=1, max_length=20)
    polygon: list[list[str]] = Field(description='[["0", "0"], ["3", "0"], ...] in metres')
    type: BoothType = BoothType.SHELL_SCHEME
    open_sides: int = Field(1, ge=0, le=4)


class OfferIn(Schema):
    booth_id: int
    exhibitor_id: int
    expires_at: dt.datetime


class OfferOut(Schema):
    id: int
    booth_id: int
    booth: str
    exhibitor_id: int
    status: str
    expires_at: dt.datetime

    @staticmethod
    def resolve_booth(offer: BoothOffer) -> str:
        return offer.booth.code


def _booth_out(booth: Booth, hall: Hall, staff: bool) -> BoothOut:
    holder = booth.exhibitor if staff else queries.visible_holder(booth)
    return BoothOut(
        id=booth.pk,
        code=booth.code,
        hall=hall.code,
        type=booth.type,
        open_sides=booth.open_sides,
        polygon=booth.polygon,
        area=booth.area,
        status=booth.status,
        pavilion=booth.pavilion.code if booth.pavilion is not None else None,
        exhibitor=localized(holder.organization.name) if holder else None,
        virtual_booth_url=links.virtual_booth_url(holder),
    )


def _hall(request: HttpRequest, edition_slug: str, code: str, perm: str | None = None) -> Hall:
    edition = edition_for(request, edition_slug, perm)
    hall = queries.hall_by_code(edition, code)
    if hall is None:
        raise Http404("No such hall")
    return hall


@router.get(
    "/editions/{edition_slug}/halls", response={200: list[HallOut], **ERRORS}, auth=PUBLIC_AUTH
)
@paginate(LimitOffsetPagination)
def list_halls(request: HttpRequest, edition_slug: str) -> QuerySet[Hall]:
    return queries.halls(edition_for(request, edition_slug))


@router.post("/editions/{edition_slug}/halls", response={201: HallOut, **ERRORS})
def create_hall(request: HttpRequest, edition_slug: str, payload: HallIn) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_SPACE)
    venue = Venue.objects.filter(edition=edition, pk=payload.venue_id).first()
    if venue is None:
        raise ValidationError({"venue_id": ["No such venue in this edition."]})
    hall = services.create_hall(
        actor(request),
        venue,
        code=payload.code,
        name=payload.name,
        outline=payload.outline,
        position=payload.position,
    )
    return Status(201, hall)


@router.get(
    "/editions/{edition_slug}/halls/{hall_code}/booths",
    response={200: list[BoothOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
@paginate(LimitOffsetPagination)
def list_booths(request: HttpRequest, edition_slug: str, hall_code: str) -> list[BoothOut]:
    hall = _hall(request, edition_slug, hall_code)
    staff = Perm.MANAGE_SPACE in request.edition_perms  # type: ignore[attr-defined]
    return [_booth_out(booth, hall, staff) for booth in queries.hall_booths(hall)]


@router.post(
    "/editions/{edition_slug}/halls/{hall_code}/booths", response={201: BoothOut, **ERRORS}
)
def create_booth(
    request: HttpRequest, edition_slug: str, hall_code: str, payload: BoothIn
) -> Status:
    hall = _hall(request, edition_slug, hall_code, Perm.MANAGE_SPACE)
    booth = services.create_booth(
        actor(request),
        hall,
        payload.code,
        payload.polygon,
        type=payload.type.value,
        open_sides=payload.open_sides,
    )
    return Status(201, _booth_out(booth, hall, staff=True))


@router.post("/editions/{edition_slug}/booth-offers", response={201: OfferOut, **ERRORS})
def offer_booth(request: HttpRequest, edition_slug: str, payload: OfferIn) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_SPACE)
    booth = Booth.objects.filter(edition=edition, pk=payload.booth_id).first()
    exhibitor = Exhibitor.objects.filter(edition=edition, pk=payload.exhibitor_id).first()
    if booth is None or exhibitor is None:
        raise Http404("No such booth or exhibitor")
    return Status(201, services.offer_booth(actor(request), booth, exhibitor, payload.expires_at))


@router.post(
    "/editions/{edition_slug}/booth-offers/{offer_id}/confirm", response={200: OfferOut, **ERRORS}
)
def confirm_offer(request: HttpRequest, edition_slug: str, offer_id: int) -> BoothOffer:
    edition = edition_for(request, edition_slug)
    offer = (
        BoothOffer.objects.filter(edition=edition, pk=offer_id)
        .select_related("exhibitor__edition", "booth")
        .first()
    )
    who = actor(request)
    if offer is None:
        raise Http404("No such offer")
    try:
        services.confirm_offer(who, offer)
    except PermissionDenied as exc:
        # Another exhibitor's offer answers as if it did not exist.
        raise Http404("No such offer") from exc
    offer.refresh_from_db()
    return offer
