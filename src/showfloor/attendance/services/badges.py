"""Badges: issue, reprint (which revokes the previous secret), revoke."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from showfloor.attendance.models import Badge, Participant
from showfloor.attendance.rules import may_manage_participant
from showfloor.core import audit
from showfloor.core.permissions import Actor


def _active(participant: Participant) -> Badge | None:
    return Badge.objects.filter(participant=participant, revoked_at__isnull=True).first()


@transaction.atomic
def issue_badge(actor: Actor, participant: Participant) -> Badge:
    """Return the participant's active badge, creating it when there is none (stable signature).

    Idempotent: calling it twice returns the same badge. Who may: the system, staff with
    can_manage_registration, the participant themself and, for exhibitor staff, the exhibitor's
    members. To print a new badge and invalidate the old QR code, call reprint_badge().
    """
    if not may_manage_participant(actor, participant):
        raise PermissionDenied("may not issue this badge")
    return issue_badge_unchecked(actor, participant)


@transaction.atomic
def issue_badge_unchecked(actor: Actor, participant: Participant) -> Badge:
    """issue_badge for a registration that was itself authorised (self-registration)."""
    # Lock the participant so two concurrent calls cannot both create a badge.
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    badge = _active(participant)
    if badge is not None:
        return badge
    badge = Badge(edition_id=participant.edition_id, participant=participant)
    badge.save()
    audit.record(actor, "attendance.badge.issue", badge, edition=participant.edition)
    return badge


@transaction.atomic
def revoke_badges(actor: Actor, participant: Participant, reason: str = "revoked") -> int:
    """Revoke every active badge of the participant; returns how many were revoked."""
    if not may_manage_participant(actor, participant):
        raise PermissionDenied("may not revoke this badge")
    badges = list(
        Badge.objects.select_for_update().filter(participant=participant, revoked_at__isnull=True)
    )
    for badge in badges:
        badge.revoked_at = timezone.now()
        badge.revoked_reason = reason
        badge.save(update_fields=["revoked_at", "revoked_reason"])
        audit.record(
            actor,
            "attendance.badge.revoke",
            badge,
            edition=participant.edition,
            changes={"reason": [None, reason]},
        )
    return len(badges)


@transaction.atomic
def reprint_badge(actor: Actor, participant: Participant) -> Badge:
    """Revoke the current badge (its QR code stops working) and issue a new secret."""
    revoke_badges(actor, participant, reason="reprinted")
    return issue_badge_unchecked(actor, participant)
