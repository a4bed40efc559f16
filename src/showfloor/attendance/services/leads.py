"""Lead retrieval: exhibitor staff scan a visitor's badge at their booth."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.enums import RegistrationStatus
from showfloor.attendance.models import Badge, Lead
from showfloor.attendance.rules import may_collect_leads
from showfloor.core import audit
from showfloor.core.permissions import Actor
from showfloor.core.services import save_validated
from showfloor.exhibitors.enums import ExhibitorStatus
from showfloor.exhibitors.models import Exhibitor

MAX_TAGS = 10


def _clean_tags(tags: Iterable[str]) -> list[str]:
    cleaned = sorted({str(tag).strip()[:40] for tag in tags if str(tag).strip()})
    if len(cleaned) > MAX_TAGS:
        raise ValidationError({"tags": _("At most %(n)s tags.") % {"n": MAX_TAGS}})
    return cleaned


def capture_lead(
    actor: Actor,
    exhibitor: Exhibitor,
    secret: str,
    *,
    rating: int | None = None,
    notes: str = "",
    tags: Iterable[str] = (),
) -> tuple[Lead, bool]:
    """Record that the exhibitor scanned this badge; returns (lead, created).

    Scanning the same visitor again returns the existing lead (one per exhibitor and visitor),
    so a retried request never makes a second one. Only the exhibitor's members may scan.
    """
    if not may_collect_leads(actor, exhibitor):
        raise PermissionDenied("not a member of this exhibitor")
    if exhibitor.status != ExhibitorStatus.APPROVED:
        raise ValidationError(_("Only approved exhibitors collect leads."))
    badge = (
        Badge.objects.select_related("participant")
        .filter(edition_id=exhibitor.edition_id, secret=secret)
        .first()
    )
    if badge is None or badge.revoked_at is not None:
        raise ValidationError({"secret": _("This badge is not valid.")})
    if badge.participant.status != RegistrationStatus.REGISTERED:
        raise ValidationError({"secret": _("This badge is not valid.")})
    existing = Lead.objects.filter(exhibitor=exhibitor, participant=badge.participant).first()
    if existing is not None:
        return existing, False
    now = timezone.now()
    lead = Lead(
        edition_id=exhibitor.edition_id,
        exhibitor=exhibitor,
        participant=badge.participant,
        scanned_by=actor.user,
        day=now.astimezone(exhibitor.edition.tz).date(),
        scanned_at=now,
        rating=rating,
        notes=notes,
        tags=_clean_tags(tags),
    )
    try:
        with transaction.atomic():
            save_validated(lead)
            audit.record(actor, "attendance.lead.create", lead, edition=exhibitor.edition)
    except IntegrityError:  # the same badge scanned at the same instant by a colleague
        return Lead.objects.get(exhibitor=exhibitor, participant=badge.participant), False
    return lead, True


@transaction.atomic
def update_lead(actor: Actor, lead: Lead, **values: Any) -> Lead:
    """Change rating, notes and tags of one's own lead."""
    if not may_collect_leads(actor, lead.exhibitor):
        raise PermissionDenied("not a member of this exhibitor")
    unknown = set(values) - {"rating", "notes", "tags"}
    if unknown:
        raise TypeError(f"unknown lead fields: {', '.join(sorted(unknown))}")
    locked = Lead.objects.select_for_update().get(pk=lead.pk)
    if "tags" in values:
        values["tags"] = _clean_tags(values["tags"])
    changes = audit.apply_changes(locked, values)
    save_validated(locked)
    if changes:
        audit.record(
            actor, "attendance.lead.update", locked, edition=lead.exhibitor.edition, changes=changes
        )
    return locked
