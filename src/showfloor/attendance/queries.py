"""Read-side helpers the views, the API, the exports and the figures share."""

from __future__ import annotations

from django.db.models import QuerySet

from showfloor.attendance.models import Lead, Participant
from showfloor.exhibitors.models import Exhibitor


def leads_of(exhibitor: Exhibitor) -> QuerySet[Lead]:
    return (
        Lead.objects.filter(exhibitor=exhibitor)
        .select_related("participant__organization")
        .order_by("-scanned_at", "id")
    )


def scanned_by(participant: Participant) -> QuerySet[Lead]:
    """Leads taken of this participant: which exhibitors scanned them, and when."""
    return (
        Lead.objects.filter(participant=participant)
        .select_related("exhibitor__organization")
        .order_by("scanned_at")
    )


def participants_of(edition_id: int) -> QuerySet[Participant]:
    return Participant.objects.filter(edition_id=edition_id).select_related("organization")
