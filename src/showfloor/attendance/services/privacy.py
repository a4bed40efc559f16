"""Personal data: export everything we hold about a participant; erase it while the anonymous
counts (visits, unique visitors, professional vs public, booth visits) stay right."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from showfloor.attendance.enums import RegistrationStatus
from showfloor.attendance.models import Badge, Lead, Participant
from showfloor.attendance.rules import may_manage_participant
from showfloor.core import audit
from showfloor.core.i18n import localized
from showfloor.core.permissions import Actor

ERASED = "—"


def export_participant_data(participant: Participant) -> dict[str, Any]:
    """Everything about the participant, as JSON-ready data (the caller checks who asks)."""
    return {
        "participant": {
            "edition": participant.edition.slug,
            "type": participant.type,
            "attendance_mode": participant.attendance_mode,
            "status": participant.status,
            "first_name": participant.first_name,
            "last_name": participant.last_name,
            "email": participant.email,
            "organization_name": participant.organization_name,
            "organization": str(participant.organization) if participant.organization else None,
            "job_title": participant.job_title,
            "country": str(participant.country),
            "language": participant.language,
            "sectors": sorted(sector.code for sector in participant.sectors.all()),
            "days": participant.days,
            "answers": participant.answers,
            "consent_given_at": _iso(participant.consent_given_at),
            "registered_at": _iso(participant.created_at),
        },
        "badges": [
            {"created_at": _iso(badge.created_at), "revoked_at": _iso(badge.revoked_at)}
            for badge in participant.badges.all()
        ],
        "entrance_scans": [
            {
                "scanned_at": _iso(scan.scanned_at),
                "gate": scan.gate.code if scan.gate else None,
                "result": scan.result,
            }
            for scan in participant.entry_scans.select_related("gate").order_by("scanned_at")
        ],
        "scanned_by_exhibitors": [
            {
                "exhibitor": localized(lead.exhibitor.organization.name),
                "scanned_at": _iso(lead.scanned_at),
            }
            for lead in participant.leads.select_related("exhibitor__organization")
        ],
    }


def _iso(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


@transaction.atomic
def erase_participant(actor: Actor, participant: Participant) -> Participant:
    """Remove the personal data and keep the row, its type, its scans and its leads as anonymous
    records, so that every count stays what it was. Badges are revoked; exhibitors' notes about
    the person are deleted with the contact details."""
    if not may_manage_participant(actor, participant):
        raise PermissionDenied("may not erase this participant")
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if locked.erased_at is not None:
        return locked
    now = timezone.now()
    Badge.objects.filter(participant=locked, revoked_at__isnull=True).update(
        revoked_at=now, revoked_reason="erased"
    )
    Lead.objects.filter(participant=locked).update(notes="", tags=[], rating=None)
    for name in ("last_name", "email", "organization_name", "job_title"):
        setattr(locked, name, "")
    locked.first_name = ERASED
    locked.country = ""
    locked.answers = {}
    locked.user = None
    locked.organization = None
    locked.erased_at = now
    locked.status = RegistrationStatus.CANCELLED
    locked.save()
    audit.record(actor, "attendance.participant.erase", locked, edition=locked.edition)
    return locked
