"""Read side of guests: lists, availability and the counts the figures use."""

from __future__ import annotations

from django.db.models import Count, F, Prefetch, Q, QuerySet, Sum

from showfloor.core.models import Edition
from showfloor.guests.enums import BookingStatus, InvitationStatus
from showfloor.guests.models import Delegation, Invitation, SiteVisit, VisitSlot

CONFIRMED = Q(bookings__status=BookingStatus.CONFIRMED)
WAITING = Q(bookings__status=BookingStatus.WAITLISTED)


def slots_with_availability() -> QuerySet[VisitSlot]:
    return (
        VisitSlot.objects.annotate(
            booked=Sum("bookings__party_size", filter=CONFIRMED, default=0),
            waiting=Count("bookings", filter=WAITING),
        )
        .annotate(remaining=F("capacity") - F("booked"))
        .order_by("starts_at", "id")
    )


def site_visits(edition: Edition) -> QuerySet[SiteVisit]:
    return (
        SiteVisit.objects.filter(edition=edition)
        .prefetch_related(Prefetch("slots", queryset=slots_with_availability()))
        .order_by("id")
    )


def delegations(edition: Edition) -> QuerySet[Delegation]:
    return (
        Delegation.objects.filter(edition=edition)
        .annotate(
            member_count=Count("members", distinct=True),
            visit_count=Count("visits", distinct=True),
        )
        .prefetch_related("organizations")
        .order_by("id")
    )


def invitations(edition: Edition) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(edition=edition)
        .select_related("organization", "delegation", "participant")
        .order_by("id")
    )


def delegations_by_country(edition: Edition) -> list[tuple[str, int]]:
    rows = (
        Delegation.objects.filter(edition=edition)
        .values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
    )
    return [(row["country"], row["n"]) for row in rows]


def guests_by_country(edition: Edition) -> list[tuple[str, int]]:
    """Accepted invitations per guest country."""
    rows = (
        Invitation.objects.filter(edition=edition, status=InvitationStatus.ACCEPTED)
        .values("country")
        .annotate(n=Count("id"))
        .order_by("-n", "country")
    )
    return [(row["country"] or "", row["n"]) for row in rows]


def invitation_counts(edition: Edition) -> dict[str, int]:
    rows = Invitation.objects.filter(edition=edition).values("status").annotate(n=Count("id"))
    counts = dict.fromkeys(InvitationStatus.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def booking_counts(edition: Edition) -> dict[str, int]:
    rows = (
        VisitSlot.objects.filter(site__edition=edition)
        .values("bookings__status")
        .annotate(n=Count("bookings"), people=Sum("bookings__party_size"))
    )
    counts = {"confirmed": 0, "people": 0, "waitlisted": 0}
    for row in rows:
        if row["bookings__status"] == BookingStatus.CONFIRMED:
            counts["confirmed"] += row["n"]
            counts["people"] += row["people"] or 0
        elif row["bookings__status"] == BookingStatus.WAITLISTED:
            counts["waitlisted"] += row["n"]
    return counts
