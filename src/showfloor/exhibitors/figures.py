"""Key figures of exhibitors and exhibits, collected by analytics.collect."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from showfloor.core.models import Edition
from showfloor.core.reporting import Figure, percentage
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus
from showfloor.exhibitors.models import Exhibit, Exhibitor

APPROVED = _("Exhibitors whose participation the organiser approved (co-exhibitors included).")


def key_figures(edition: Edition) -> list[Figure]:
    counts = Exhibitor.objects.filter(edition=edition, status=ExhibitorStatus.APPROVED).aggregate(
        total=Count("id"),
        remote=Count("id", filter=Q(attendance_mode=ExhibitorMode.REMOTE)),
        onsite=Count(
            "id", filter=Q(attendance_mode__in=[ExhibitorMode.ONSITE, ExhibitorMode.BOTH])
        ),
        international=Count("id", filter=~Q(organization__country=edition.country or "CN")),
        co_exhibitors=Count("id", filter=Q(host__isnull=False)),
    )
    exhibits = Exhibit.objects.filter(
        edition=edition, is_published=True, exhibitor__status=ExhibitorStatus.APPROVED
    ).count()
    total = counts["total"]
    return [
        Figure("exhibitors.total", _("Exhibitors"), total, APPROVED, area="exhibitors"),
        Figure(
            "exhibitors.onsite",
            _("Exhibitors on site"),
            counts["onsite"],
            _("Approved exhibitors with a presence in the halls (on-site, or on-site and remote)."),
            area="exhibitors",
        ),
        Figure(
            "exhibitors.remote_only",
            _("Exhibitors exhibiting remotely"),
            counts["remote"],
            _("Approved exhibitors present only online (attendance mode remote)."),
            area="exhibitors",
        ),
        Figure(
            "exhibitors.international_share",
            _("International exhibitors"),
            percentage(counts["international"], total),
            _(
                "Share of approved exhibitors whose organisation is based outside the host "
                "country, in percent, rounded half-up to one decimal."
            ),
            unit="%",
            area="exhibitors",
            inputs={"international": counts["international"], "total": total},
        ),
        Figure(
            "exhibitors.co_exhibitors",
            _("Co-exhibitors"),
            counts["co_exhibitors"],
            _("Approved exhibitors sharing another exhibitor's stand."),
            area="exhibitors",
            public=False,
        ),
        Figure(
            "exhibitors.exhibits",
            _("Projects and products exhibited"),
            exhibits,
            _("Published exhibits of approved exhibitors."),
            area="exhibitors",
        ),
    ]
