import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from showfloor.core.permissions import Actor
from showfloor.core.services import issue_api_token
from showfloor.floorplan import services
from showfloor.floorplan.models import Booth
from tests.factories import OrganizationMemberFactory
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, HallFactory, rect
from tests.utils import api_headers

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")


def base(edition):
    return f"/api/v1/editions/{edition.slug}"


def token(edition, permissions):
    return api_headers(issue_api_token(SYSTEM, edition, "t", permissions=permissions)[1])


def test_list_booths_shows_holder_of_sold_booths_only(client, hall):
    sold, optioned = BoothFactory(hall=hall, code="A01"), BoothFactory(hall=hall, code="A02")
    holder = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Sold Co"})
    services.place_exhibitors(SYSTEM, hall.edition, [(sold, holder)])
    services.offer_booth(
        SYSTEM,
        optioned,
        ExhibitorFactory(edition=hall.edition),
        timezone.now() + dt.timedelta(days=1),
    )
    body = client.get(f"{base(hall.edition)}/halls/{hall.code}/booths").json()
    assert [
        (b["code"], b["status"], b["exhibitor"], b["virtual_booth_url"]) for b in body["items"]
    ] == [
        ("A01", "sold", "Sold Co", holder.urls.public),
        ("A02", "option", None, None),
    ]


def test_list_booths_shows_option_holder_to_space_staff(client, hall):
    booth = BoothFactory(hall=hall, code="A02")
    services.offer_booth(
        SYSTEM,
        booth,
        ExhibitorFactory(edition=hall.edition, organization__name={"en": "Option Co"}),
        timezone.now() + dt.timedelta(days=1),
    )
    body = client.get(
        f"{base(hall.edition)}/halls/{hall.code}/booths",
        **token(hall.edition, ["can_manage_space"]),
    ).json()
    assert [b["exhibitor"] for b in body["items"]] == ["Option Co"]


def test_list_halls_fields(client, hall):
    body = client.get(f"{base(hall.edition)}/halls").json()
    assert body["items"] == [
        {
            "code": "hall-1",
            "name": hall.name,
            "venue": {"en": "Exhibition centre", "zh-hans": "会展中心"},
            "outline": [["0", "0"], ["60", "0"], ["60", "40"], ["0", "40"]],
            "gross_area": "2400.000000",
            "has_tour": False,
        }
    ]


def test_create_booth_overlapping_answers_422_with_the_geometry(client, hall):
    BoothFactory(hall=hall, code="A01", at=(0, 0))
    response = client.post(
        f"{base(hall.edition)}/halls/{hall.code}/booths",
        {"code": "A02", "polygon": rect(1, 1, 3, 3)},
        content_type="application/json",
        **token(hall.edition, ["can_manage_space"]),
    )
    assert (response.status_code, response.json()["errors"]) == (
        422,
        [
            {
                "field": "polygon",
                "message": "booth A02 at (1, 1) (4, 1) (4, 4) (1, 4) overlaps booth A01 at "
                "(0, 0) (3, 0) (3, 3) (0, 3).",
            }
        ],
    )


def test_create_booth_without_space_permission_answers_403(client, hall):
    response = client.post(
        f"{base(hall.edition)}/halls/{hall.code}/booths",
        {"code": "A02", "polygon": rect(1, 1, 3, 3)},
        content_type="application/json",
        **token(hall.edition, ["can_manage_programme"]),
    )
    assert (response.status_code, Booth.objects.count()) == (403, 0)


def test_offer_and_confirm_through_the_api(client, hall):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    deadline = (timezone.now() + dt.timedelta(days=2)).isoformat()
    offered = client.post(
        f"{base(hall.edition)}/booth-offers",
        {"booth_id": booth.pk, "exhibitor_id": exhibitor.pk, "expires_at": deadline},
        content_type="application/json",
        **token(hall.edition, ["can_manage_space"]),
    ).json()
    client.force_login(OrganizationMemberFactory(organization=exhibitor.organization).user)
    confirmed = client.post(f"{base(hall.edition)}/booth-offers/{offered['id']}/confirm")
    booth.refresh_from_db()
    assert (offered["status"], confirmed.json()["status"], booth.status) == (
        "open",
        "confirmed",
        "reserved",
    )


def test_confirm_of_another_exhibitors_offer_answers_404(client, hall):
    offer = services.offer_booth(
        SYSTEM, BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition),
        timezone.now() + dt.timedelta(days=2),
    )  # fmt: skip
    stranger = ExhibitorFactory(edition=hall.edition)
    client.force_login(OrganizationMemberFactory(organization=stranger.organization).user)
    response = client.post(f"{base(hall.edition)}/booth-offers/{offer.pk}/confirm")
    assert (response.status_code, response.json()["detail"]) == (404, "Not found.")


def count(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_list_booths_queries_do_not_grow(client, hall, django_assert_num_queries):
    address = f"{base(hall.edition)}/halls/{hall.code}/booths"
    services.place_exhibitors(
        SYSTEM, hall.edition, [(BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition))]
    )
    expected = count(client, address)
    for _ in range(2):
        services.place_exhibitors(
            SYSTEM,
            hall.edition,
            [(BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition))],
        )
    with django_assert_num_queries(expected):
        client.get(address)


def test_list_halls_queries_do_not_grow(client, hall, django_assert_num_queries):
    address = f"{base(hall.edition)}/halls"
    expected = count(client, address)
    HallFactory(venue=hall.venue, code="b")
    HallFactory(venue=hall.venue, code="c")
    with django_assert_num_queries(expected):
        client.get(address)


def test_create_hall_computes_gross_area(client, hall):
    response = client.post(
        f"{base(hall.edition)}/halls",
        {
            "venue_id": hall.venue_id,
            "code": "hall-l",
            "name": {"en": "L hall"},
            "outline": [["0", "0"], ["10", "0"], ["10", "4"], ["4", "4"], ["4", "10"], ["0", "10"]],
        },
        content_type="application/json",
        **token(hall.edition, ["can_manage_space"]),
    )
    assert (response.status_code, response.json()["gross_area"]) == (201, "64.000000")


def test_create_hall_with_a_crossing_outline_answers_422(client, hall):
    response = client.post(
        f"{base(hall.edition)}/halls",
        {
            "venue_id": hall.venue_id,
            "code": "bad",
            "name": {"en": "Bad"},
            "outline": [["0", "0"], ["4", "0"], ["4", "4"], ["2", "-1"], ["0", "4"]],
        },
        content_type="application/json",
        **token(hall.edition, ["can_manage_space"]),
    )
    assert (response.status_code, response.json()["errors"]) == (
        422,
        [{"field": "outline", "message": "Hall outline: the polygon crosses itself."}],
    )
