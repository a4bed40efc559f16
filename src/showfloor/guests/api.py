"""REST endpoints of guests: open-house visits and booking (public), delegations and
invitations (staff with can_manage_guests)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Status
from ninja.pagination import paginate

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import edition_for
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.guests import queries, services
from showfloor.guests.schemas import (
    BookingIn,
    BookingOut,
    DelegationOut,
    InvitationOut,
    SiteVisitOut,
)

router = Router()
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


@router.get(
    "/editions/{edition_slug}/site-visits",
    response={200: list[SiteVisitOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
@paginate(LimitOffsetPagination)
def list_site_visits(request: HttpRequest, edition_slug: str) -> Any:
    return queries.site_visits(edition_for(request, edition_slug))


@router.post(
    "/editions/{edition_slug}/site-visits/slots/{slot_id}/bookings",
    response={201: BookingOut, **ERRORS},
    auth=PUBLIC_AUTH,
)
def book_slot(request: HttpRequest, edition_slug: str, slot_id: int, payload: BookingIn) -> Status:
    edition = edition_for(request, edition_slug)
    slot = get_object_or_404(queries.slots_with_availability(), pk=slot_id, site__edition=edition)
    return Status(201, services.book_visit(slot, **payload.dict()))


@router.get("/editions/{edition_slug}/delegations", response={200: list[DelegationOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_delegations(request: HttpRequest, edition_slug: str) -> Any:
    return queries.delegations(edition_for(request, edition_slug, Perm.MANAGE_GUESTS))


@router.get("/editions/{edition_slug}/invitations", response={200: list[InvitationOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_invitations(request: HttpRequest, edition_slug: str) -> Any:
    invitations = queries.invitations(edition_for(request, edition_slug, Perm.MANAGE_GUESTS))
    return _Shaped(invitations)


class _Shaped:
    def __init__(self, queryset: Any) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        return [
            {
                "id": invitation.pk,
                "category": invitation.category,
                "name": str(invitation),
                "email": invitation.email,
                "country": str(invitation.country or ""),
                "status": invitation.status,
                "dietary_notes": invitation.dietary_notes,
                "protocol_notes": invitation.protocol_notes,
                "participant_id": invitation.participant_id,
            }
            for invitation in self.queryset[item]
        ]
