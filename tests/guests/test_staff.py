from __future__ import annotations

import pytest
from django.urls import reverse

from showfloor.core.services import issue_api_token
from showfloor.guests import services
from showfloor.guests.figures import key_figures
from tests.guests.factories import DelegationFactory, InvitationFactory, VisitSlotFactory
from tests.utils import api_headers


def _url(name, edition):
    return reverse(name, kwargs={"edition_slug": edition.slug})


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"), [("registration", 200), ("admin", 200), ("sales", 403)]
)
def test_manage_invitations_permission(client, edition, staff_user, role, expected):
    client.force_login(staff_user(edition, role))

    response = client.get(_url("guests:manage_invitations", edition))

    assert response.status_code == expected


@pytest.mark.django_db
def test_staff_creates_invitation_with_personal_link(client, edition, staff_user):
    client.force_login(staff_user(edition, "registration"))

    client.post(
        _url("guests:manage_invitations", edition),
        {
            "category": "vip",
            "first_name": "Ada",
            "email": "ada@example.org",
            "language": "fr",
            "protocol_notes": "Seat at the head table",
        },
    )

    invitation = edition.invitations.get()
    assert (invitation.first_name, invitation.protocol_notes) == ("Ada", "Seat at the head table")


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_manage_delegations_query_count(
    client, edition, staff_user, django_assert_num_queries, count
):
    for _index in range(count):
        DelegationFactory(edition=edition)
    client.force_login(staff_user(edition, "registration"))

    with django_assert_num_queries(8):
        response = client.get(_url("guests:manage_delegations", edition))

    assert response.context["page"].paginator.count == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_api_invitations_query_count(
    client, edition, system_actor, django_assert_num_queries, count
):
    for _index in range(count):
        InvitationFactory(edition=edition)
    _token, key = issue_api_token(system_actor, edition, "x", permissions=["can_manage_guests"])

    with django_assert_num_queries(5):
        response = client.get(f"/api/v1/editions/{edition.slug}/invitations", **api_headers(key))

    assert response.json()["count"] == count


@pytest.mark.django_db
def test_api_delegations_need_the_guest_permission(client, edition, system_actor):
    DelegationFactory(edition=edition)
    _token, key = issue_api_token(system_actor, edition, "x", permissions=["can_manage_deals"])

    response = client.get(f"/api/v1/editions/{edition.slug}/delegations", **api_headers(key))

    assert response.status_code == 403


@pytest.mark.django_db
def test_api_books_a_slot_publicly(client, edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=1)

    response = client.post(
        f"/api/v1/editions/{edition.slug}/site-visits/slots/{slot.pk}/bookings",
        {"full_name": "Ana", "email": "ana@example.org"},
        content_type="application/json",
    )

    assert (response.status_code, response.json()["status"]) == (201, "confirmed")


@pytest.mark.django_db
def test_api_site_visits_show_remaining_places(client, edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=5)
    services.book_visit(slot, full_name="Ana", email="ana@example.org", party_size=2)

    response = client.get(f"/api/v1/editions/{edition.slug}/site-visits")

    assert response.json()["items"][0]["slots"][0]["remaining"] == 3


@pytest.mark.django_db
def test_figures_count_delegations_guests_and_places(edition):
    DelegationFactory(edition=edition, country="CN")
    DelegationFactory(edition=edition, country="SG")
    DelegationFactory(edition=edition, country="SG")
    accepted = InvitationFactory(edition=edition)
    InvitationFactory(edition=edition)
    services.respond_to_invitation(accepted.token, accept=True)
    slot = VisitSlotFactory(site__edition=edition, capacity=3)
    services.book_visit(slot, full_name="Ana", email="a@example.org", party_size=3)
    services.book_visit(slot, full_name="Bo", email="b@example.org")

    figures = {figure.key: figure.value for figure in key_figures(edition)}

    assert (figures["guests.delegations"], figures["guests.delegation_countries"]) == (3, 2)
    assert (figures["guests.invited"], figures["guests.accepted"]) == (2, 1)
    assert (figures["guests.sites"], figures["guests.visit_people"]) == (1, 3)
    assert figures["guests.delegations.SG"] == 2
    assert figures["guests.accepted.FR"] == 1
