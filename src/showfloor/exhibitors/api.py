"""REST endpoints of the e-exhibition: exhibitors, exhibits and media, with the pages' rules.

An exhibitor that is not public answers 404 to whoever may not manage it, whether it exists or
not; a public one answers 403 to a write by someone who may not manage it.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from ninja import File, Form, Router, Status
from ninja.files import UploadedFile
from ninja.pagination import paginate

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import actor, edition_for
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.exhibitors import queries, rules, services
from showfloor.exhibitors.enums import Seeking
from showfloor.exhibitors.models import Exhibit, Exhibitor, Media
from showfloor.exhibitors.schemas import (
    ExhibitIn,
    ExhibitorIn,
    ExhibitorOut,
    ExhibitorPatch,
    ExhibitorPrivateOut,
    ExhibitOut,
    ExhibitPatch,
    MediaLinkIn,
    MediaOut,
    ReviewIn,
)

router = Router()


ERRORS: dict[int, type[ErrorOut]] = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    422: ErrorOut,
}


def _sectors(codes: list[str]) -> list[Sector]:
    found = {sector.code: sector for sector in Sector.objects.filter(code__in=codes)}
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValidationError({"sectors": [f"Unknown sector code(s): {', '.join(unknown)}."]})
    return [found[code] for code in codes]


def _seeking(values: list[str]) -> dict[str, bool]:
    unknown = [value for value in values if value not in Seeking.values]
    if unknown:
        raise ValidationError(
            {
                "seeking": [
                    f"Unknown value(s): {', '.join(unknown)}; use {', '.join(Seeking.values)}."
                ]
            }
        )
    return {f"seeks_{value}": value in values for value in Seeking.values}


def _exhibitors(edition: Edition) -> QuerySet[Exhibitor]:
    return (
        Exhibitor.objects.filter(edition=edition)
        .select_related("organization", "edition", "host")
        .prefetch_related("sectors", "contacts")
    )


def _visible(request: HttpRequest, edition: Edition, pk: int) -> Exhibitor:
    exhibitor = _exhibitors(edition).filter(pk=pk).first()
    if exhibitor is None or not rules.can_view_exhibitor(actor(request), exhibitor):
        raise Http404("Not found")
    return exhibitor


def _managed(request: HttpRequest, edition: Edition, pk: int) -> Exhibitor:
    exhibitor = _visible(request, edition, pk)
    if not rules.can_manage_exhibitor(actor(request), exhibitor):
        raise PermissionDenied("not a member of this exhibitor")
    return exhibitor


# Exhibitors --------------------------------------------------------------------------------------


@router.get(
    "/editions/{edition_slug}/exhibitors",
    response={200: list[ExhibitorOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
@paginate(LimitOffsetPagination)
def list_exhibitors(
    request: HttpRequest,
    edition_slug: str,
    q: str = "",
    sector: str = "",
    country: str = "",
    pavilion: str = "",
    mode: str = "",
    seeking: str = "",
) -> QuerySet[Exhibitor]:
    """Public exhibitors, searched (any language) and filtered like the catalogue."""
    edition = edition_for(request, edition_slug)
    filters = queries.CatalogueFilters(
        q=q, sector=sector, country=country, pavilion=pavilion, mode=mode, seeking=seeking
    )
    return (
        queries.filter_exhibitors(edition, filters)
        .select_related("organization", "edition")
        .prefetch_related("sectors")
        .order_by("id")
    )


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}",
    response={200: ExhibitorOut, **ERRORS},
    auth=PUBLIC_AUTH,
)
def get_exhibitor(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> Exhibitor:
    edition = edition_for(request, edition_slug)
    return _visible(request, edition, exhibitor_id)


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/application",
    response={200: ExhibitorPrivateOut, **ERRORS},
)
def get_application(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> Exhibitor:
    """The exhibitor with what only its team and the organiser see (review, contacts)."""
    edition = edition_for(request, edition_slug)
    return _managed(request, edition, exhibitor_id)


@router.post("/editions/{edition_slug}/exhibitors", response={201: ExhibitorPrivateOut, **ERRORS})
def apply_exhibitor(request: HttpRequest, edition_slug: str, payload: ExhibitorIn) -> Status:
    """An organisation applies (its members, or exhibitor staff)."""
    edition = edition_for(request, edition_slug)
    organization = Organization.objects.filter(pk=payload.organization_id).first()
    if organization is None:
        raise ValidationError({"organization_id": ["No organisation has this id."]})
    host = None
    if payload.host_id is not None:
        host = Exhibitor.objects.filter(edition=edition, pk=payload.host_id).first()
        if host is None:
            raise ValidationError({"host_id": ["No exhibitor of this edition has this id."]})
    values = payload.dict(
        include={
            "attendance_mode",
            "profile",
            "requested_space_m2",
            "contact_email",
            "contact_phone",
        }
    )
    exhibitor = services.apply_exhibitor(
        actor(request),
        edition,
        organization,
        sectors=_sectors(payload.sectors),
        host=host,
        contacts=[contact.dict() for contact in payload.contacts],
        **values,
    )
    return Status(201, _exhibitors(edition).get(pk=exhibitor.pk))


@router.patch(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}",
    response={200: ExhibitorPrivateOut, **ERRORS},
)
def update_exhibitor(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, payload: ExhibitorPatch
) -> Exhibitor:
    edition = edition_for(request, edition_slug)
    exhibitor = _managed(request, edition, exhibitor_id)
    values = payload.dict(exclude_unset=True)
    codes = values.pop("sectors", None)
    services.update_exhibitor(
        actor(request),
        exhibitor,
        values,
        sectors=_sectors(codes) if codes is not None else None,
    )
    return _exhibitors(edition).get(pk=exhibitor.pk)


@router.post(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/review",
    response={200: ExhibitorPrivateOut, **ERRORS},
)
def review_exhibitor(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, payload: ReviewIn
) -> Exhibitor:
    """Staff approve, request changes (with a reason) or reject (with a reason)."""
    edition = edition_for(request, edition_slug, Perm.MANAGE_EXHIBITORS)
    exhibitor = _exhibitors(edition).filter(pk=exhibitor_id).first()
    if exhibitor is None:
        raise Http404("Not found")
    services.review_exhibitor(actor(request), exhibitor, payload.decision, payload.reason)
    return _exhibitors(edition).get(pk=exhibitor.pk)


# Exhibits ----------------------------------------------------------------------------------------


def _exhibit_queryset() -> QuerySet[Exhibit]:
    return Exhibit.objects.select_related("exhibitor__edition").prefetch_related("sectors")


@router.get(
    "/editions/{edition_slug}/exhibits",
    response={200: list[ExhibitOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
@paginate(LimitOffsetPagination)
def list_exhibits(
    request: HttpRequest,
    edition_slug: str,
    q: str = "",
    sector: str = "",
    country: str = "",
    pavilion: str = "",
    mode: str = "",
    seeking: str = "",
    stage: str = "",
) -> QuerySet[Exhibit]:
    edition = edition_for(request, edition_slug)
    filters = queries.CatalogueFilters(
        q=q,
        sector=sector,
        country=country,
        pavilion=pavilion,
        mode=mode,
        seeking=seeking,
        stage=stage,
    )
    return (
        queries.filter_exhibits(edition, filters)
        .select_related("exhibitor__edition")
        .prefetch_related("sectors")
        .order_by("id")
    )


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/exhibits",
    response={200: list[ExhibitOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
def list_exhibitor_exhibits(
    request: HttpRequest, edition_slug: str, exhibitor_id: int
) -> QuerySet[Exhibit]:
    """An exhibitor's exhibits: published ones for everyone, all of them for its team."""
    edition = edition_for(request, edition_slug)
    exhibitor = _visible(request, edition, exhibitor_id)
    exhibits = _exhibit_queryset().filter(exhibitor=exhibitor).order_by("id")
    if not rules.can_manage_exhibitor(actor(request), exhibitor):
        exhibits = exhibits.filter(is_published=True)
    return exhibits


@router.post(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/exhibits",
    response={201: ExhibitOut, **ERRORS},
)
def create_exhibit(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, payload: ExhibitIn
) -> Status:
    edition = edition_for(request, edition_slug)
    exhibitor = _managed(request, edition, exhibitor_id)
    values = payload.dict(exclude={"seeking", "sectors"})
    values.update(_seeking(payload.seeking))
    exhibit = services.create_exhibit(
        actor(request), exhibitor, values, sectors=_sectors(payload.sectors)
    )
    return Status(201, _exhibit_queryset().get(pk=exhibit.pk))


def _managed_exhibit(request: HttpRequest, edition: Edition, exhibit_id: int) -> Exhibit:
    exhibit = _exhibit_queryset().filter(edition=edition, pk=exhibit_id).first()
    if exhibit is None:
        raise Http404("Not found")
    exhibitor = _visible(request, edition, exhibit.exhibitor_id)
    who = actor(request)
    if not rules.can_manage_exhibitor(who, exhibitor):
        if not exhibit.is_published:
            raise Http404("Not found")
        raise PermissionDenied("not a member of this exhibitor")
    exhibit.exhibitor = exhibitor
    return exhibit


@router.patch(
    "/editions/{edition_slug}/exhibits/{exhibit_id}", response={200: ExhibitOut, **ERRORS}
)
def update_exhibit(
    request: HttpRequest, edition_slug: str, exhibit_id: int, payload: ExhibitPatch
) -> Exhibit:
    edition = edition_for(request, edition_slug)
    exhibit = _managed_exhibit(request, edition, exhibit_id)
    values = payload.dict(exclude_unset=True)
    codes = values.pop("sectors", None)
    wanted = values.pop("seeking", None)
    if wanted is not None:
        values.update(_seeking(wanted))
    services.update_exhibit(
        actor(request), exhibit, values, sectors=_sectors(codes) if codes is not None else None
    )
    return _exhibit_queryset().get(pk=exhibit.pk)


@router.delete("/editions/{edition_slug}/exhibits/{exhibit_id}", response={204: None, **ERRORS})
def delete_exhibit(request: HttpRequest, edition_slug: str, exhibit_id: int) -> Status:
    edition = edition_for(request, edition_slug)
    services.delete_exhibit(actor(request), _managed_exhibit(request, edition, exhibit_id))
    return Status(204, None)


# Media -------------------------------------------------------------------------------------------


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/media",
    response={200: list[MediaOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
def list_media(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> QuerySet[Media]:
    edition = edition_for(request, edition_slug)
    exhibitor = _visible(request, edition, exhibitor_id)
    media = exhibitor.media.order_by("kind", "position", "id")
    if not rules.can_manage_exhibitor(actor(request), exhibitor):
        media = media.exclude(exhibit__is_published=False)
    return media


def _exhibit_of(exhibitor: Exhibitor, exhibit_id: int | None) -> Exhibit | None:
    if exhibit_id is None:
        return None
    exhibit = exhibitor.exhibits.filter(pk=exhibit_id).first()
    if exhibit is None:
        raise ValidationError({"exhibit_id": ["This exhibitor has no exhibit with this id."]})
    return exhibit


@router.post(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/media",
    response={201: MediaOut, **ERRORS},
)
def upload_media(
    request: HttpRequest,
    edition_slug: str,
    exhibitor_id: int,
    kind: Form[str],
    file: File[UploadedFile],
    exhibit_id: Form[int | None] = None,
) -> Status:
    """Upload a logo, photo, video, PDF document or 2:1 panorama (multipart form)."""
    edition = edition_for(request, edition_slug)
    exhibitor = _managed(request, edition, exhibitor_id)
    media = services.add_media(
        actor(request),
        exhibitor,
        kind,
        upload=file,
        filename=file.name or "",
        size=file.size,
        exhibit=_exhibit_of(exhibitor, exhibit_id),
    )
    return Status(201, Media.objects.get(pk=media.pk))


@router.post(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/media/link",
    response={201: MediaOut, **ERRORS},
)
def add_video_link(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, payload: MediaLinkIn
) -> Status:
    edition = edition_for(request, edition_slug)
    exhibitor = _managed(request, edition, exhibitor_id)
    media = services.add_media(
        actor(request),
        exhibitor,
        "video_link",
        url=payload.url,
        title=payload.title,
        exhibit=_exhibit_of(exhibitor, payload.exhibit_id),
    )
    return Status(201, media)


@router.delete("/editions/{edition_slug}/media/{media_id}", response={204: None, **ERRORS})
def delete_media(request: HttpRequest, edition_slug: str, media_id: int) -> Status:
    edition = edition_for(request, edition_slug)
    media = Media.objects.filter(edition=edition, pk=media_id).first()
    if media is None:
        raise Http404("Not found")
    _managed(request, edition, media.exhibitor_id)
    services.delete_media(actor(request), media)
    return Status(204, None)
