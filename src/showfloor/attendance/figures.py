"""Attendance figures, each with its definition: visits, unique visitors, per day and per gate,
professional vs public, and the attendance index."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from showfloor.attendance.enums import PROFESSIONAL_TYPES, ParticipantType, ScanResult
from showfloor.attendance.models import EntryScan, Lead
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus

AREA = "attendance"


def stand_count(edition: Edition) -> int:
    """Stands = approved exhibitors attending on-site (mode on-site or both) that are not
    co-exhibitors (a co-exhibitor shows on its host's stand)."""
    return edition.exhibitors.filter(
        status=ExhibitorStatus.APPROVED,
        attendance_mode__in=[ExhibitorMode.ONSITE, ExhibitorMode.BOTH],
        host__isnull=True,
    ).count()


def attendance_index(edition: Edition) -> tuple[Decimal, dict[str, int]]:
    """Professional visitors per stand per day = booth visits by professional visitors ÷ stands ÷
    show days. A booth visit is a lead: one exhibitor scanning one visitor's badge at its stand
    (a co-exhibitor's scans count for its host's stand); rounded half-up to a whole number."""
    stands = stand_count(edition)
    days = len(edition.days)
    booth_visits = Lead.objects.filter(
        edition=edition, participant__type__in=PROFESSIONAL_TYPES
    ).count()
    inputs = {"professional_booth_visits": booth_visits, "stands": stands, "days": days}
    if not stands or not days:
        return Decimal(0), inputs
    value = (Decimal(booth_visits) / stands / days).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return value, inputs


def key_figures(edition: Edition) -> list[Figure]:
    accepted = EntryScan.objects.filter(edition=edition, result=ScanResult.ACCEPTED)
    totals = accepted.aggregate(
        visits=Count("id"),
        visitors=Count("participant", distinct=True),
        professional=Count("id", filter=Q(participant_type__in=PROFESSIONAL_TYPES)),
        public=Count("id", filter=Q(participant_type=ParticipantType.PUBLIC)),
    )
    index, index_inputs = attendance_index(edition)
    figures = [
        Figure(
            key="attendance.visits",
            label=_("Visits"),
            value=totals["visits"],
            definition=_(
                "Accepted entrance scans over the whole show (a person entering on "
                "three days, or twice a day where re-entry is allowed, counts each time)."
            ),
            area=AREA,
        ),
        Figure(
            key="attendance.unique_visitors",
            label=_("Unique visitors"),
            value=totals["visitors"],
            definition=_("Distinct participants with at least one accepted entrance scan."),
            area=AREA,
        ),
        Figure(
            key="attendance.professional_visits",
            label=_("Professional visits"),
            value=totals["professional"],
            definition=_(
                "Accepted entrance scans of professional visitors, investors and "
                "delegation members."
            ),
            area=AREA,
        ),
        Figure(
            key="attendance.public_visits",
            label=_("Public visits"),
            value=totals["public"],
            definition=_("Accepted entrance scans of public visitors."),
            area=AREA,
        ),
        Figure(
            key="attendance.index",
            label=_("Attendance index"),
            value=index,
            definition=_(
                "Professional visitors per stand per day: booth scans of professional "
                "visitors (one per visitor and exhibitor) ÷ stands ÷ show days. Stands "
                "are approved exhibitors attending on-site (on-site or both) that are "
                "not co-exhibitors. Rounded half-up to a whole number."
            ),
            area=AREA,
            inputs=index_inputs,
        ),
    ]
    per_day = dict(
        accepted.values_list("day").annotate(n=Count("id")).order_by("day").values_list("day", "n")
    )
    for day in edition.days:
        figures.append(
            Figure(
                key=f"attendance.visits.{day.isoformat()}",
                label=_("Visits on %(day)s") % {"day": date_format(day, "SHORT_DATE_FORMAT")},
                value=per_day.get(day, 0),
                definition=_("Accepted entrance scans on that day (edition time zone)."),
                area=AREA,
            )
        )
    per_gate = (
        accepted.exclude(gate__isnull=True)
        .values_list("gate__code")
        .annotate(n=Count("id"))
        .order_by("gate__code")
    )
    for code, count in per_gate:
        figures.append(
            Figure(
                key=f"attendance.visits.gate.{code}",
                label=_("Visits through gate %(gate)s") % {"gate": code},
                value=count,
                definition=_("Accepted entrance scans at that gate."),
                area=AREA,
                public=False,
            )
        )
    return figures
