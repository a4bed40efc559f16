"""REST endpoints of agreements: list, create, import (all-or-nothing, per-row errors)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import File, Router, Status, UploadedFile
from ninja.pagination import paginate

from showfloor.api.helpers import actor, edition_for
from showfloor.api.pagination import LimitOffsetPagination
from showfloor.core.i18n import localized
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.deals import queries, services
from showfloor.deals.importers import ImportFileError, import_file
from showfloor.deals.models import Agreement
from showfloor.deals.schemas import AgreementIn, AgreementOut, ImportFailedOut, ImportOut
from showfloor.deals.services import AgreementDraft
from showfloor.matchmaking.models import Meeting
from showfloor.programme.models import Session

router = Router()
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


def _out(agreement: Agreement) -> dict[str, Any]:
    return {
        "id": agreement.pk,
        "reference": agreement.reference,
        "title": agreement.title,
        "type": agreement.type,
        "status": agreement.status,
        "sectors": [sector.code for sector in agreement.sectors.all()],
        "country": str(agreement.country),
        "region": agreement.region,
        "city": agreement.city,
        "declared_value": _money(agreement.declared_value),
        "exchange_rate": str(agreement.exchange_rate.normalize()),
        "value_in_edition_currency": _money(agreement.value_in_edition),
        "signed_on": agreement.signed_on,
        "parties": [
            {
                "organization_id": party.organization_id,
                "organization": localized(party.organization.name),
                "role": party.role,
            }
            for party in agreement.parties.all()
        ],
        "ceremony_id": agreement.ceremony_id,
        "meeting_id": agreement.meeting_id,
    }


def _money(money: Any) -> dict[str, str]:
    quantized = money.quantized()
    return {"amount": str(quantized.amount), "currency": quantized.currency}


@router.get("/editions/{edition_slug}/agreements", response={200: list[AgreementOut], **ERRORS})
@paginate(LimitOffsetPagination)
def list_agreements(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    edition = edition_for(request, edition_slug, Perm.MANAGE_DEALS)
    return _LazyOut(queries.agreements_for_list(edition))  # type: ignore[return-value]


class _LazyOut:
    """Lets the paginator slice the queryset before the rows are shaped."""

    def __init__(self, queryset: Any) -> None:
        self.queryset = queryset

    def __len__(self) -> int:
        return self.queryset.count()

    def count(self) -> int:
        return self.queryset.count()

    def __getitem__(self, item: slice) -> list[dict[str, Any]]:
        return [_out(agreement) for agreement in self.queryset[item]]


def _draft(edition: Edition, payload: AgreementIn) -> AgreementDraft:
    codes = payload.sectors
    sectors = list(Sector.objects.filter(code__in=codes))
    unknown = sorted(set(codes) - {sector.code for sector in sectors})
    if unknown:
        raise ValidationError({"sectors": [f"Unknown sector code(s): {', '.join(unknown)}."]})
    organizations = Organization.objects.in_bulk(
        [party.organization_id for party in payload.parties]
    )
    missing = [p.organization_id for p in payload.parties if p.organization_id not in organizations]
    if missing:
        raise ValidationError({"parties": [f"Unknown organisation(s): {missing}."]})
    extra: dict[str, Any] = {}
    if payload.ceremony_id is not None:
        extra["ceremony"] = get_object_or_404(Session, pk=payload.ceremony_id, edition=edition)
    if payload.meeting_id is not None:
        extra["meeting"] = get_object_or_404(Meeting, pk=payload.meeting_id, edition=edition)
    return AgreementDraft(
        reference=payload.reference,
        title=payload.title,
        type=payload.type,
        status=payload.status,
        country=payload.country.upper(),
        region=payload.region,
        city=payload.city,
        value_amount=payload.value,  # type: ignore[arg-type]  # decimal text, checked by to_decimal
        value_currency=payload.currency.upper(),
        exchange_rate=payload.exchange_rate,  # type: ignore[arg-type]
        signed_on=payload.signed_on,
        sectors=sectors,
        parties=[(organizations[p.organization_id], p.role) for p in payload.parties],
        extra=extra,
    )


@router.post("/editions/{edition_slug}/agreements", response={201: AgreementOut, **ERRORS})
def create_agreement(request: HttpRequest, edition_slug: str, payload: AgreementIn) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_DEALS)
    if Agreement.objects.filter(edition=edition, reference=payload.reference).exists():
        raise ValidationError(
            {"reference": ["This edition already has an agreement with this reference."]}
        )
    agreement = services.create_agreement(actor(request), edition, _draft(edition, payload))
    return Status(201, _out(queries.agreements_for_list(edition).get(pk=agreement.pk)))


@router.post(
    "/editions/{edition_slug}/agreements/import",
    response={201: ImportOut, 422: ImportFailedOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut},
)
def import_agreements(request: HttpRequest, edition_slug: str, file: File[UploadedFile]) -> Status:
    edition = edition_for(request, edition_slug, Perm.MANAGE_DEALS)
    try:
        result = import_file(actor(request), edition, file, file.name or "")
    except ImportFileError as exc:
        return Status(422, {"detail": str(exc), "errors": []})
    if not result.ok:
        return Status(
            422,
            {
                "detail": f"{len(result.errors)} error(s): nothing was imported.",
                "errors": [vars(error) for error in result.errors],
            },
        )
    return Status(
        201,
        {
            "created": len(result.created),
            "references": [agreement.reference for agreement in result.created],
        },
    )
