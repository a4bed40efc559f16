"""REST endpoints: entrance scans (devices and the web scanner), offline lists and merges,
lead retrieval for exhibitors, and "who scanned me" for visitors."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Status
from ninja.security import HttpBearer

from showfloor.api.auth import SessionAuth, TokenAuth
from showfloor.api.helpers import actor, edition_for
from showfloor.attendance import exporters, queries, services
from showfloor.attendance.enums import ScanResult
from showfloor.attendance.models import Lead, Participant, ScannerDevice
from showfloor.attendance.rules import may_collect_leads
from showfloor.attendance.schemas import (
    LeadIn,
    LeadOut,
    LeadPatch,
    ScanBatchIn,
    ScanBatchOut,
    ScanIn,
    ScannedByOut,
    ScanOut,
)
from showfloor.attendance.services.scanning import ScanOutcome, ScanRequest
from showfloor.core.models import hash_token
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibitor

router = Router(tags=["attendance"])


class DeviceAuth(HttpBearer):
    """A scanner device's bearer token: device, gate, edition and token in one query."""

    def authenticate(self, request: HttpRequest, token: str) -> ScannerDevice | None:
        device = queries.active_device_for_token(hash_token(token))
        if device is not None:
            request.api_token = device.token  # type: ignore[attr-defined]
            request.scanner_device = device  # type: ignore[attr-defined]
        return device


SCAN_AUTH = [DeviceAuth(), SessionAuth()]


def _device(request: HttpRequest, edition_slug: str) -> ScannerDevice:
    device = getattr(request, "scanner_device", None)
    if device is not None:
        if device.edition.slug != edition_slug:
            raise PermissionDenied("device of another edition")
        return device
    edition = edition_for(request, edition_slug, Perm.SCAN_BADGES)
    return services.web_scanner_device(actor(request), edition)


def _scan_out(outcome: ScanOutcome) -> dict[str, Any]:
    scan = outcome.scan
    return {
        "nonce": scan.nonce,
        "result": scan.result,
        "accepted": scan.result == ScanResult.ACCEPTED,
        "message": str(ScanResult(scan.result).label),
        "replayed": outcome.replayed,
        "participant_name": outcome.participant_name,
        "participant_type": scan.participant_type,
        "scanned_at": scan.scanned_at,
        "conflict": scan.conflict,
    }


@router.post("/editions/{edition_slug}/scans", response=ScanOut, auth=SCAN_AUTH, url_name="scan")
def scan(request: HttpRequest, edition_slug: str, payload: ScanIn) -> dict[str, Any]:
    """Scan a badge at an entrance. Retrying with the same nonce returns the first answer."""
    device = _device(request, edition_slug)
    outcome = services.scan_badge(
        device, nonce=payload.nonce, secret=payload.secret, gate_code=payload.gate
    )
    return _scan_out(outcome)


@router.post(
    "/editions/{edition_slug}/scans/batch",
    response=ScanBatchOut,
    auth=SCAN_AUTH,
    url_name="scan_batch",
)
def scan_batch(request: HttpRequest, edition_slug: str, payload: ScanBatchIn) -> dict[str, Any]:
    """Upload the queue of a device that scanned offline; merged without duplicates, in time
    order. `conflicts` lists scans where the device's own verdict differs from the server's."""
    device = _device(request, edition_slug)
    requests = [
        ScanRequest(
            nonce=item.nonce,
            secret=item.secret,
            scanned_at=item.scanned_at,
            gate_code=item.gate,
            local_result=item.local_result,
        )
        for item in payload.scans
    ]
    outcomes = services.record_scans(device, requests, offline=True)
    results = [_scan_out(outcome) for outcome in outcomes]
    return {
        "recorded": sum(1 for outcome in outcomes if not outcome.replayed),
        "replayed": sum(1 for outcome in outcomes if outcome.replayed),
        "conflicts": [result for result in results if result["conflict"]],
        "results": results,
    }


@router.get(
    "/editions/{edition_slug}/scanner/offline-list", auth=SCAN_AUTH, url_name="scanner_offline_list"
)
def scanner_offline_list(request: HttpRequest, edition_slug: str) -> dict[str, Any]:
    """Hashes (SHA-256) of the valid badge secrets, the access rules and today's entries, for a
    device to keep scanning without the network."""
    return services.offline_list(_device(request, edition_slug))


def _exhibitor(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> Exhibitor:
    edition = edition_for(request, edition_slug)
    exhibitor = (
        Exhibitor.objects.select_related("edition", "organization")
        .filter(edition=edition, pk=exhibitor_id)
        .first()
    )
    # The same answer whether the exhibitor exists or is someone else's.
    if exhibitor is None or not may_collect_leads(actor(request), exhibitor):
        raise Http404
    return exhibitor


def _lead_out(lead: Lead, created: bool = False) -> dict[str, Any]:
    person = lead.participant
    return {
        "id": lead.pk,
        "exhibitor": lead.exhibitor_id,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "email": person.email,
        "organization_name": person.organization_label,
        "job_title": person.job_title,
        "participant_type": person.type,
        "scanned_at": lead.scanned_at,
        "rating": lead.rating,
        "notes": lead.notes,
        "tags": lead.tags,
        "created": created,
    }


LEAD_AUTH = [TokenAuth(), SessionAuth()]


@router.post(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/leads",
    response={200: LeadOut, 201: LeadOut},
    auth=LEAD_AUTH,
)
def lead_capture(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, payload: LeadIn
) -> Status:
    """Scan a visitor's badge at the booth; scanning again returns the existing lead (200)."""
    exhibitor = _exhibitor(request, edition_slug, exhibitor_id)
    lead, created = services.capture_lead(
        actor(request),
        exhibitor,
        payload.secret,
        rating=payload.rating,
        notes=payload.notes,
        tags=payload.tags,
    )
    return Status(201 if created else 200, _lead_out(lead, created))


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/leads",
    response=list[LeadOut],
    auth=LEAD_AUTH,
)
def lead_list(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> list[dict[str, Any]]:
    exhibitor = _exhibitor(request, edition_slug, exhibitor_id)
    return [_lead_out(lead) for lead in queries.leads_of(exhibitor)]


@router.patch(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/leads/{lead_id}",
    response=LeadOut,
    auth=LEAD_AUTH,
)
def lead_update(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, lead_id: int, payload: LeadPatch
) -> dict[str, Any]:
    exhibitor = _exhibitor(request, edition_slug, exhibitor_id)
    lead = queries.leads_of(exhibitor).filter(pk=lead_id).first()
    if lead is None:
        raise Http404
    values = payload.dict(exclude_unset=True)
    lead = services.update_lead(actor(request), lead, **values)
    return _lead_out(queries.leads_of(exhibitor).get(pk=lead.pk))


@router.get(
    "/editions/{edition_slug}/exhibitors/{exhibitor_id}/leads/export",
    auth=LEAD_AUTH,
    response={200: None},
)
def lead_export(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, format: str = "csv"
) -> HttpResponse:
    """The exhibitor's leads as CSV, XLSX or vCard (format=csv|xlsx|vcf)."""
    exhibitor = _exhibitor(request, edition_slug, exhibitor_id)
    return export_response(exhibitor, format)


def export_response(exhibitor: Exhibitor, format: str) -> HttpResponse:
    if format not in exporters.EXPORTERS:
        raise Http404
    body = exporters.EXPORTERS[format](queries.leads_of(exhibitor))
    response = HttpResponse(body, content_type=exporters.CONTENT_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="leads-{exhibitor.pk}.{format}"'
    return response


@router.get(
    "/editions/{edition_slug}/me/scanned-by", response=list[ScannedByOut], auth=[SessionAuth()]
)
def my_scanned_by(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    """Which exhibitors scanned my badge (the signed-in participant)."""
    edition = edition_for(request, edition_slug)
    participant = Participant.objects.filter(edition=edition, user=request.user).first()
    if participant is None:
        raise Http404(_("You are not registered for this edition."))
    return [
        {"exhibitor": str(lead.exhibitor), "scanned_at": lead.scanned_at}
        for lead in queries.scanned_by(participant)
    ]


@router.get("/scanner/ping", auth=[DeviceAuth()], url_name="scanner_ping")
def scanner_ping(request: HttpRequest) -> dict[str, Any]:
    """A device checks that it is online and still registered (no database write)."""
    device = request.scanner_device  # type: ignore[attr-defined]
    return {"ok": True, "device": device.pk, "edition": device.edition.slug}
