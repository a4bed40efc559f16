"""Key figures of guests: delegations and guests by country, site-visit bookings."""

from __future__ import annotations

from django.utils.translation import gettext as _
from django_countries import countries

from showfloor.core.models import Edition
from showfloor.core.reporting import Figure
from showfloor.guests import queries
from showfloor.guests.models import Delegation, SiteVisit

AREA = "guests"


def key_figures(edition: Edition) -> list[Figure]:
    invited = queries.invitation_counts(edition)
    bookings = queries.booking_counts(edition)
    by_country = queries.delegations_by_country(edition)
    figures = [
        Figure(
            "guests.delegations",
            _("Delegations"),
            Delegation.objects.filter(edition=edition).count(),
            _("Official delegations recorded for the edition, at every level."),
            area=AREA,
            inputs={"by_country": dict(by_country)},
        ),
        Figure(
            "guests.delegation_countries",
            _("Countries and regions of delegations"),
            len(by_country),
            _("Distinct countries or regions the delegations come from."),
            area=AREA,
        ),
        Figure(
            "guests.invited",
            _("Distinguished guests invited"),
            sum(count for status, count in invited.items() if status != "cancelled"),
            _("Invitations sent and not withdrawn."),
            area=AREA,
        ),
        Figure(
            "guests.accepted",
            _("Distinguished guests who accepted"),
            invited["accepted"],
            _("Invitations accepted through the guest's personal link."),
            area=AREA,
            inputs={"by_country": dict(queries.guests_by_country(edition))},
        ),
        Figure(
            "guests.sites",
            _("Sites open to the public"),
            SiteVisit.objects.filter(edition=edition).count(),
            _("Labs, museums and parks offering open-house visits."),
            area=AREA,
        ),
        Figure(
            "guests.visit_people",
            _("Site-visit places booked"),
            bookings["people"],
            _("People in confirmed site-visit bookings (waiting list not counted)."),
            area=AREA,
            inputs=bookings,
        ),
    ]
    figures += [
        Figure(
            f"guests.delegations.{code}",
            _("Delegations from %(country)s") % {"country": countries.name(code) or code},
            count,
            _("Delegations whose country is this one."),
            area=AREA,
            public=False,
        )
        for code, count in by_country
    ]
    figures += [
        Figure(
            f"guests.accepted.{code or 'unknown'}",
            _("Guests from %(country)s") % {"country": countries.name(code) or code or "?"},
            count,
            _("Accepted invitations of guests from this country."),
            area=AREA,
            public=False,
        )
        for code, count in queries.guests_by_country(edition)
    ]
    return figures
