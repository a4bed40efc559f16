import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from showfloor.core.permissions import Actor
from showfloor.floorplan import services
from showfloor.floorplan.models import Booth, BoothOffer
from tests.factories import OrganizationMemberFactory, SectorFactory, UserFactory
from tests.floorplan.factories import (
    BoothFactory,
    ExhibitorFactory,
    HallFactory,
    PavilionFactory,
    VenueFactory,
)

pytestmark = pytest.mark.django_db
SYSTEM = Actor.system("tests")


def url(name, edition, **kwargs):
    return reverse(f"floorplan:{name}", kwargs={"edition_slug": edition.slug, **kwargs})


def sold_booth(hall, code="A01", at=(0, 0), name=None, **exhibitor):
    if name:
        exhibitor["organization__name"] = name
    holder = ExhibitorFactory(edition=hall.edition, **exhibitor)
    booth = BoothFactory(hall=hall, code=code, at=at)
    services.place_exhibitors(SYSTEM, hall.edition, [(booth, holder)])
    return booth, holder


def panorama(hall):
    buffer = io.BytesIO()
    Image.new("RGB", (200, 100)).save(buffer, "JPEG")
    services.set_hall_panorama(SYSTEM, hall, buffer.getvalue())


@pytest.fixture
def world(hall):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(SYSTEM, booth, exhibitor, timezone.now() + dt.timedelta(days=2))
    panorama(hall)
    return {"hall": hall, "booth": booth, "offer": offer, "exhibitor": exhibitor}


def client_for(client, edition, who, exhibitor):
    if who == "anonymous":
        return client
    if who == "member":
        user = OrganizationMemberFactory(organization=exhibitor.organization).user
    else:
        user = UserFactory(username=f"staff-{who}")
        from tests.factories import StaffRoleFactory

        StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=who)
    client.force_login(user)
    return client


PUBLIC_PAGES = ["halls", "hall", "hall_svg", "hall_tour"]
STAFF_PAGES = ["manage", "manage_hall", "manage_import", "manage_booth"]
MATRIX = [
    *[(who, page, 200) for who in ("anonymous", "member", "programme") for page in PUBLIC_PAGES],
    *[("anonymous", page, 302) for page in STAFF_PAGES],
    *[("member", page, 403) for page in STAFF_PAGES],
    *[("programme", page, 403) for page in STAFF_PAGES],
    *[("sales", page, 200) for page in STAFF_PAGES],
    *[("admin", page, 200) for page in STAFF_PAGES],
    ("anonymous", "my_offers", 302),
    ("member", "my_offers", 200),
]


@pytest.mark.parametrize(("who", "page", "expected"), MATRIX)
def test_permission_matrix(client, world, who, page, expected):
    hall = world["hall"]
    kwargs = {}
    if page in ("hall", "hall_svg", "hall_tour", "manage_hall", "manage_import", "manage_booth"):
        kwargs["hall_code"] = hall.code
    if page == "manage_booth":
        kwargs["pk"] = world["booth"].pk
    browser = client_for(client, hall.edition, who, world["exhibitor"])
    response = browser.get(url(page, hall.edition, **kwargs))
    assert response.status_code == expected


def test_confirm_offer_by_member_reserves_the_booth(client, world):
    client_for(client, world["hall"].edition, "member", world["exhibitor"])
    response = client.post(url("confirm_offer", world["hall"].edition, pk=world["offer"].pk))
    world["booth"].refresh_from_db()
    assert (response.status_code, world["booth"].status) == (302, "reserved")


def test_confirm_offer_of_another_exhibitor_answers_404(client, world):
    other = ExhibitorFactory(edition=world["hall"].edition)
    client_for(client, world["hall"].edition, "member", other)
    response = client.post(url("confirm_offer", world["hall"].edition, pk=world["offer"].pk))
    world["booth"].refresh_from_db()
    assert (response.status_code, world["booth"].status) == (404, "option")


def test_staff_offer_form_places_an_option(client, hall):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    client_for(client, hall.edition, "sales", exhibitor)
    deadline = (timezone.now() + dt.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M")
    client.post(
        url("manage_booth", hall.edition, hall_code=hall.code, pk=booth.pk),
        {"action": "offer", "exhibitor": exhibitor.pk, "expires_at": deadline},
    )
    assert list(BoothOffer.objects.values_list("booth_id", "exhibitor_id", "status")) == [
        (booth.pk, exhibitor.pk, "open")
    ]


def test_import_page_shows_every_error_and_imports_nothing(client, hall):
    client_for(client, hall.edition, "sales", None)
    upload = io.BytesIO(b"code,x,y,width,depth\nA01,0,0,3,3\nA02,70,0,3,3\n")
    upload.name = "layout.csv"
    response = client.post(
        url("manage_import", hall.edition, hall_code=hall.code), {"file": upload}
    )
    assert response.context["errors"] == [
        "row 3: booth A02 at (70, 0) (73, 0) (73, 3) (70, 3) lies outside hall hall-1 "
        "((0, 0) (60, 0) (60, 40) (0, 40))."
    ]
    assert Booth.objects.count() == 0


def test_visitors_never_see_who_holds_an_option(client, hall):
    booth = BoothFactory(hall=hall)
    holder = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Secret Optics"})
    services.offer_booth(SYSTEM, booth, holder, timezone.now() + dt.timedelta(days=2))
    page = client.get(url("hall_svg", hall.edition, hall_code=hall.code)).content.decode()
    assert "Secret Optics" not in page


def test_status_view_is_refused_to_visitors(client, hall):
    BoothFactory(hall=hall)
    page = client.get(url("hall", hall.edition, hall_code=hall.code) + "?view=status")
    assert 'data-mode="sector"' in page.content.decode()


def test_status_view_shows_option_holder_to_sales(client, hall):
    booth = BoothFactory(hall=hall)
    holder = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Secret Optics"})
    services.offer_booth(SYSTEM, booth, holder, timezone.now() + dt.timedelta(days=2))
    client_for(client, hall.edition, "sales", holder)
    page = client.get(
        url("hall", hall.edition, hall_code=hall.code) + "?view=status"
    ).content.decode()
    assert ('data-mode="status"' in page, 'data-name="Secret Optics"' in page) == (True, True)


def test_search_highlights_the_booth_in_this_hall(client, hall):
    booth, _holder = sold_booth(hall, "A07", name={"en": "Nova Optics", "zh-hans": "新星光电"})
    sold_booth(hall, "A08", at=(3, 0), name={"en": "Other Co"})
    response = client.get(url("hall", hall.edition, hall_code=hall.code), {"q": "新星"})
    page = response.content.decode()
    assert [m.booth.code for m in response.context["matches_here"]] == ["A07"]
    assert f'class="booth is-highlighted" id="booth-{booth.pk}"' in page


def test_search_lists_a_match_in_another_hall(client, hall):
    other = HallFactory(venue=VenueFactory(edition=hall.edition), code="hall-2")
    sold_booth(other, "B01", name={"en": "Far Away Robotics"})
    response = client.get(url("hall", hall.edition, hall_code=hall.code), {"q": "far away"})
    assert [(m.booth.hall.code, m.booth.code) for m in response.context["matches_elsewhere"]] == [
        ("hall-2", "B01")
    ]


def test_search_finds_a_co_exhibitor_at_its_host_booth(client, hall):
    _booth, host = sold_booth(hall, "A07", name={"en": "Host Co"})
    ExhibitorFactory(edition=hall.edition, host=host, organization__name={"en": "Guest Labs"})
    response = client.get(url("halls", hall.edition), {"q": "guest"})
    assert [(str(m.exhibitor), m.booth.code) for m in response.context["matches"]] == [
        ("Guest Labs", "A07")
    ]


def test_visitor_plan_links_a_booth_to_its_virtual_booth(client, hall):
    booth, holder = sold_booth(hall)
    page = client.get(url("hall", hall.edition, hall_code=hall.code)).content.decode()
    assert f'<a href="{holder.urls.public}" class="booth" id="booth-{booth.pk}"' in page


def test_visitor_plan_colours_booths_by_first_sector(client, hall):
    SectorFactory(code="aa-first")
    _booth, holder = sold_booth(hall)
    holder.sectors.set([SectorFactory(code="zz-last")])
    page = client.get(url("hall_svg", hall.edition, hall_code=hall.code)).content.decode()
    # zz-last is the second sector in code order: the palette's second colour.
    assert 'fill="#56b4e9"' in page


def test_svg_download_is_an_attachment(client, hall):
    BoothFactory(hall=hall)
    response = client.get(url("hall_svg", hall.edition, hall_code=hall.code))
    assert (response["Content-Type"], response["Content-Disposition"]) == (
        "image/svg+xml",
        f'attachment; filename="{hall.edition.slug}-hall-1.svg"',
    )


def test_pdf_is_a_printable_document(client, hall):
    sold_booth(hall)
    response = client.get(url("hall_pdf", hall.edition, hall_code=hall.code))
    assert (response["Content-Type"], response.content[:5]) == ("application/pdf", b"%PDF-")


def test_tour_without_panorama_answers_404(client, hall):
    assert client.get(url("hall_tour", hall.edition, hall_code=hall.code)).status_code == 404


def test_tour_markers_open_virtual_booths(client, hall):
    _booth, holder = sold_booth(hall, "A07", at=(30, 10))
    panorama(hall)
    services.place_tour_hotspots(SYSTEM, hall, (hall.points[0][0] + 31, hall.points[0][1] + 20))
    response = client.get(url("hall_tour", hall.edition, hall_code=hall.code))
    assert [(m["id"], m["url"]) for m in response.context["markers"]] == [
        ("booth-A07", holder.urls.public)
    ]


# Query counts -------------------------------------------------------------------------------------


def queries_for(client, address):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(address).status_code == 200
    return len(captured)


def test_hall_plan_queries_do_not_grow_with_booths(client, hall, django_assert_num_queries):
    sold_booth(hall, "A01", at=(0, 0))
    address = url("hall", hall.edition, hall_code=hall.code) + "?q=company"
    expected = queries_for(client, address)
    sold_booth(hall, "A02", at=(3, 0))
    sold_booth(hall, "A03", at=(6, 0))
    with django_assert_num_queries(expected):
        client.get(address)


def test_hall_list_queries_do_not_grow_with_halls(client, hall, django_assert_num_queries):
    address = url("halls", hall.edition) + "?q=company"
    sold_booth(hall)
    expected = queries_for(client, address)
    for code in ("hall-2", "hall-3"):
        other = HallFactory(venue=hall.venue, code=code)
        sold_booth(other)
    with django_assert_num_queries(expected):
        client.get(address)


def test_manage_hall_queries_do_not_grow_with_booths(client, hall, django_assert_num_queries):
    client_for(client, hall.edition, "sales", None)
    sold_booth(hall, "A01", at=(0, 0))
    address = url("manage_hall", hall.edition, hall_code=hall.code)
    expected = queries_for(client, address)
    sold_booth(hall, "A02", at=(3, 0))
    sold_booth(hall, "A03", at=(6, 0))
    with django_assert_num_queries(expected):
        client.get(address)


def test_manage_overview_queries_do_not_grow_with_halls(client, hall, django_assert_num_queries):
    client_for(client, hall.edition, "sales", None)
    sold_booth(hall)
    address = url("manage", hall.edition)
    expected = queries_for(client, address)
    for code in ("hall-2", "hall-3"):
        sold_booth(HallFactory(venue=hall.venue, code=code))
    with django_assert_num_queries(expected):
        client.get(address)


def test_my_offers_queries_do_not_grow_with_offers(client, hall, django_assert_num_queries):
    exhibitor = ExhibitorFactory(edition=hall.edition)
    client_for(client, hall.edition, "member", exhibitor)
    deadline = timezone.now() + dt.timedelta(days=2)
    services.offer_booth(SYSTEM, BoothFactory(hall=hall), exhibitor, deadline)
    address = url("my_offers", hall.edition)
    expected = queries_for(client, address)
    for _ in range(2):
        services.offer_booth(SYSTEM, BoothFactory(hall=hall), exhibitor, deadline)
    with django_assert_num_queries(expected):
        client.get(address)


def jpeg(width, height):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height)).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "hall.jpg"
    return buffer


def test_staff_upload_panorama_places_hotspots(client, hall):
    sold_booth(hall, "A07", at=(30, 10))
    client_for(client, hall.edition, "sales", None)
    client.post(
        url("manage_hall", hall.edition, hall_code=hall.code),
        {"panorama": jpeg(400, 200), "camera_x": "31", "camera_y": "20"},
    )
    hall.refresh_from_db()
    assert (bool(hall.panorama), list(hall.hotspots.values_list("booth__code", flat=True))) == (
        True,
        ["A07"],
    )


def test_staff_upload_of_a_three_to_one_panorama_is_refused(client, hall):
    client_for(client, hall.edition, "sales", None)
    response = client.post(
        url("manage_hall", hall.edition, hall_code=hall.code),
        {"panorama": jpeg(600, 200), "camera_x": "31", "camera_y": "20"},
    )
    hall.refresh_from_db()
    assert response.context["tour_form"].errors == {
        "panorama": ["A 360° panorama is twice as wide as high; this one is 600 × 200."]
    }
    assert bool(hall.panorama) is False


def test_staff_sets_prices_per_type(client, hall):
    client_for(client, hall.edition, "sales", None)
    client.post(url("manage", hall.edition), {"action": "rates", "island": "1580.50"})
    assert list(hall.edition.booth_rates.values_list("booth_type", "price_per_m2")) == [
        ("island", Decimal("1580.50"))
    ]


def test_hall_list_tells_an_exhibitor_of_its_open_offers(client, world):
    client_for(client, world["hall"].edition, "member", world["exhibitor"])
    response = client.get(url("halls", world["hall"].edition))
    assert response.context["open_offers"] == 1
    assert "A booth is on offer to your organisation" in response.content.decode()


def test_offer_form_shows_the_space_the_exhibitor_asked_for(client, hall):
    exhibitor = ExhibitorFactory(
        edition=hall.edition, requested_space_m2=36, organization__name={"en": "Asker"}
    )
    client_for(client, hall.edition, "sales", exhibitor)
    response = client.get(
        url("manage_booth", hall.edition, hall_code=hall.code, pk=BoothFactory(hall=hall).pk)
    )
    assert "Asker (asked for 36 m²)" in response.content.decode()


def test_tour_queries_do_not_grow_with_hotspots(client, hall, django_assert_num_queries):
    sold_booth(hall, "A01", at=(30, 10))
    panorama(hall)
    camera = (hall.points[0][0] + 31, hall.points[0][1] + 20)
    services.place_tour_hotspots(SYSTEM, hall, camera)
    address = url("hall_tour", hall.edition, hall_code=hall.code)
    expected = queries_for(client, address)
    sold_booth(hall, "A02", at=(33, 10))
    sold_booth(hall, "A03", at=(36, 10))
    services.place_tour_hotspots(SYSTEM, hall, camera)
    with django_assert_num_queries(expected):
        response = client.get(address)
    assert len(response.context["markers"]) == 3


def test_cached_plan_shows_a_sale_at_once(client, hall):
    booth = BoothFactory(hall=hall, code="A01")
    address = url("hall_svg", hall.edition, hall_code=hall.code)
    client.get(address)  # cached while nothing changes
    holder = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Late Buyer"})
    services.place_exhibitors(SYSTEM, hall.edition, [(booth, holder)])
    assert 'data-name="Late Buyer"' in client.get(address).content.decode()


def test_cached_plan_highlights_each_search(client, hall):
    first, _holder = sold_booth(hall, "A01", name={"en": "Alpha Optics"})
    second, _other = sold_booth(hall, "A02", at=(3, 0), name={"en": "Beta Optics"})
    address = url("hall", hall.edition, hall_code=hall.code)
    client.get(address, {"q": "alpha"})
    page = client.get(address, {"q": "beta"}).content.decode()
    assert (
        f'class="booth is-highlighted" id="booth-{second.pk}"' in page,
        f'class="booth is-highlighted" id="booth-{first.pk}"' in page,
    ) == (True, False)


def test_hall_list_summarises_pavilions(client, hall):
    pavilion = PavilionFactory(edition=hall.edition, code="sco", name={"en": "SCO"}, hall=hall)
    booths = [BoothFactory(hall=hall, pavilion=pavilion, at=(3 * i, 0)) for i in range(3)]
    exhibitors = [
        ExhibitorFactory(edition=hall.edition, organization__country=country)
        for country in ("RU", "KZ", "KZ")
    ]
    services.place_exhibitors(
        SYSTEM, hall.edition, list(zip(booths[:2], exhibitors[:2], strict=True))
    )
    services.offer_booth(SYSTEM, booths[2], exhibitors[2], timezone.now() + dt.timedelta(days=1))
    summary = client.get(url("halls", hall.edition)).context["pavilions"][0]
    assert (summary.rented_area, summary.exhibitor_count, summary.country_count) == (
        Decimal(18),
        2,
        2,
    )
