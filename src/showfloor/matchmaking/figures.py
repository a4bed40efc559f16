"""Matchmaking figures for the dashboard and the report, each computed from the rows."""

from __future__ import annotations

from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from showfloor.attendance.models import Participant
from showfloor.core.enums import OrganizationType
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure, percentage
from showfloor.matchmaking.enums import MeetingMode, MeetingStatus, RequestStatus
from showfloor.matchmaking.models import Meeting, MeetingRequest

AREA = "matchmaking"
INSTITUTES = (OrganizationType.RESEARCH_INSTITUTE, OrganizationType.UNIVERSITY)


def held_meetings(edition: Edition):
    return Meeting.objects.filter(
        edition=edition,
        status=MeetingStatus.SCHEDULED,
        checked_in_a_at__isnull=False,
        checked_in_b_at__isnull=False,
    )


def breakdown(edition: Edition) -> dict[str, dict[str, int]]:
    """Held meetings' participants by type and by country (a person counted once per meeting)."""
    pairs = held_meetings(edition).values_list("participant_a_id", "participant_b_id")
    counts: Counter[int] = Counter()
    for a, b in pairs:
        counts[a] += 1
        counts[b] += 1
    by_type: Counter[str] = Counter()
    by_country: Counter[str] = Counter()
    for pid, kind, country in Participant.objects.filter(pk__in=counts).values_list(
        "pk", "type", "country"
    ):
        by_type[kind] += counts[pid]
        by_country[country or "—"] += counts[pid]
    per_person: Counter[int] = Counter(counts.values())
    return {
        "by_type": dict(by_type.most_common()),
        "by_country": dict(by_country.most_common()),
        "meetings_per_participant": {str(k): v for k, v in sorted(per_person.items())},
    }


def key_figures(edition: Edition) -> list[Figure]:
    requests = MeetingRequest.objects.filter(edition=edition).aggregate(
        total=Count("pk"),
        accepted=Count("pk", filter=Q(status=RequestStatus.ACCEPTED)),
        declined=Count("pk", filter=Q(status=RequestStatus.DECLINED)),
    )
    answered = requests["accepted"] + requests["declined"]
    meetings = Meeting.objects.filter(edition=edition, status=MeetingStatus.SCHEDULED)
    booked = meetings.count()
    held = held_meetings(edition)
    held_count = held.count()
    held_online = held.filter(mode=MeetingMode.ONLINE).count()
    people = set()
    for a, b in held.values_list("participant_a_id", "participant_b_id"):
        people.update((a, b))
    taking_part = Participant.objects.filter(edition=edition, matchmaking_profile__is_active=True)
    investors = (
        taking_part.filter(organization__type=OrganizationType.INVESTOR)
        .values("organization_id")
        .distinct()
        .count()
    )
    institutes = (
        taking_part.filter(organization__type__in=INSTITUTES)
        .values("organization_id")
        .distinct()
        .count()
    )
    average = (
        (Decimal(2 * held_count) / Decimal(len(people))).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )
        if people
        else Decimal("0.0")
    )
    details = breakdown(edition)
    return [
        Figure(
            "matchmaking.requests",
            _("Meeting requests"),
            requests["total"],
            _("Meeting requests sent, whatever their answer."),
            area=AREA,
        ),
        Figure(
            "matchmaking.acceptance_rate",
            _("Acceptance rate"),
            percentage(requests["accepted"], answered),
            _("Accepted ÷ (accepted + declined) requests × 100, rounded half-up to 0.1."),
            unit="%",
            area=AREA,
            inputs={"accepted": requests["accepted"], "declined": requests["declined"]},
        ),
        Figure(
            "matchmaking.booked",
            _("Meetings booked"),
            booked,
            _("Meetings with a slot in the schedule."),
            area=AREA,
        ),
        Figure(
            "matchmaking.held",
            _("Matchmaking meetings held"),
            held_count,
            _("Scheduled meetings that both sides checked in to."),
            area=AREA,
            inputs={"by_type": details["by_type"], "by_country": details["by_country"]},
        ),
        Figure(
            "matchmaking.held_onsite",
            _("Meetings held on site"),
            held_count - held_online,
            _("Held meetings at a table in the venue."),
            area=AREA,
        ),
        Figure(
            "matchmaking.held_online",
            _("Meetings held online"),
            held_online,
            _("Held meetings by video link."),
            area=AREA,
        ),
        Figure(
            "matchmaking.investors",
            _("Investment organisations in matchmaking"),
            investors,
            _("Distinct investor organisations with a participant taking part in matchmaking."),
            area=AREA,
        ),
        Figure(
            "matchmaking.institutes",
            _("Research institutes and universities in matchmaking"),
            institutes,
            _("Distinct research institutes and universities with a participant taking part."),
            area=AREA,
        ),
        Figure(
            "matchmaking.meetings_per_participant",
            _("Meetings per participant"),
            average,
            _("2 × held meetings ÷ people with at least one held meeting, rounded half-up to 0.1."),
            area=AREA,
            inputs={"distribution": details["meetings_per_participant"]},
        ),
    ]
