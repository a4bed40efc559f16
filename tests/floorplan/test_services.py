import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.management import call_command
from django.utils import timezone
from PIL import Image

from showfloor.core.models import AuditEntry
from showfloor.core.money import Money
from showfloor.core.permissions import Actor
from showfloor.floorplan import services
from showfloor.floorplan.models import Booth, BoothOffer
from tests.factories import OrganizationMemberFactory
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, rect

pytestmark = pytest.mark.django_db


def soon(days=3):
    return timezone.now() + dt.timedelta(days=days)


def member_actor(exhibitor):
    return Actor.for_user(OrganizationMemberFactory(organization=exhibitor.organization).user)


# Geometry rules -----------------------------------------------------------------------------------


def test_create_booth_computes_net_area_from_the_shape(hall, system_actor):
    booth = services.create_booth(
        system_actor, hall, "A01", [["0", "0"], ["6", "0"], ["6", "3"], ["0", "3"]]
    )
    assert (booth.area, booth.status, booth.min_x, booth.max_x) == (
        Decimal("18.000000"),
        "available",
        Decimal(0),
        Decimal(6),
    )


def test_create_booth_outside_the_hall_names_booth_and_geometry(hall, system_actor):
    with pytest.raises(ValidationError) as caught:
        services.create_booth(system_actor, hall, "A99", rect(58, 0, 3, 3))
    assert caught.value.message_dict == {
        "polygon": [
            "booth A99 at (58, 0) (61, 0) (61, 3) (58, 3) lies outside hall hall-1 "
            "((0, 0) (60, 0) (60, 40) (0, 40))."
        ]
    }


def test_create_booth_overlapping_names_both_booths(hall, system_actor):
    services.create_booth(system_actor, hall, "A01", rect(0, 0, 3, 3))
    with pytest.raises(ValidationError) as caught:
        services.create_booth(system_actor, hall, "A02", rect("2.5", 0, 3, 3))
    assert caught.value.message_dict == {
        "polygon": [
            "booth A02 at (2.5, 0) (5.5, 0) (5.5, 3) (2.5, 3) overlaps booth A01 at "
            "(0, 0) (3, 0) (3, 3) (0, 3)."
        ]
    }


def test_create_booth_next_to_another_is_accepted(hall, system_actor):
    services.create_booth(system_actor, hall, "A01", rect(0, 0, 3, 3))
    services.create_booth(system_actor, hall, "A02", rect(3, 0, 3, 3))
    assert sorted(Booth.objects.values_list("code", flat=True)) == ["A01", "A02"]


def test_create_booths_is_all_or_nothing(hall, system_actor):
    specs = [
        services.BoothSpec("A01", services.geometry.from_json(rect(0, 0, 3, 3))),
        services.BoothSpec("A02", services.geometry.from_json(rect(59, 0, 3, 3))),
    ]
    with pytest.raises(ValidationError):
        services.create_booths(system_actor, hall, specs)
    assert Booth.objects.count() == 0


def test_create_booth_refuses_a_duplicate_number(hall, system_actor):
    services.create_booth(system_actor, hall, "A01", rect(0, 0, 3, 3))
    with pytest.raises(ValidationError) as caught:
        services.create_booth(system_actor, hall, "A01", rect(9, 0, 3, 3))
    assert caught.value.messages == ["booth A01: hall hall-1 already has a booth with this number."]


def test_create_booth_refuses_a_self_crossing_shape(hall, system_actor):
    with pytest.raises(ValidationError) as caught:
        services.create_booth(system_actor, hall, "A01", [[0, 0], [4, 0], [4, 4], [2, -1], [0, 4]])
    assert caught.value.messages == ["booth A01: the polygon crosses itself."]


def test_create_booth_requires_manage_space(hall, staff_user):
    actor = Actor.for_user(staff_user(hall.edition, "programme"))
    with pytest.raises(PermissionDenied):
        services.create_booth(actor, hall, "A01", rect(0, 0, 3, 3))


def test_move_booth_onto_a_neighbour_is_refused(hall, system_actor):
    services.create_booth(system_actor, hall, "A01", rect(0, 0, 3, 3))
    booth = services.create_booth(system_actor, hall, "A02", rect(3, 0, 3, 3))
    with pytest.raises(ValidationError) as caught:
        services.move_booth(system_actor, booth, rect(2, 0, 3, 3))
    assert "overlaps booth A01" in caught.value.messages[0]


def test_move_booth_resizes_it(hall, system_actor):
    booth = services.create_booth(system_actor, hall, "A01", rect(0, 0, 3, 3))
    moved = services.move_booth(system_actor, booth, rect(0, 0, 6, 3))
    assert moved.area == Decimal(18)


def test_price_is_area_times_rate_in_edition_currency(hall, system_actor):
    services.set_price_rate(system_actor, hall.edition, "shell_scheme", "1380.00")
    booth = services.create_booth(system_actor, hall, "A01", rect(0, 0, "3.5", 3))
    rate = services.set_price_rate(
        system_actor, hall.edition, "shell_scheme", "1380.00"
    ).price_per_m2
    assert booth.price(rate, hall.edition.currency) == Money(Decimal("14490.00"), "CNY")


def test_set_price_rate_refuses_a_float(hall, system_actor):
    with pytest.raises(ValidationError):
        services.set_price_rate(system_actor, hall.edition, "shell_scheme", 1380.5)


# Offers, confirmation, lapsing -----------------------------------------------------------------


def test_offer_booth_puts_it_under_option(hall, system_actor):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, booth, exhibitor, soon())
    booth.refresh_from_db()
    assert (booth.status, booth.exhibitor_id, offer.status) == ("option", exhibitor.pk, "open")


def test_offer_of_a_booth_under_option_is_refused(hall, system_actor):
    booth = BoothFactory(hall=hall, code="A07")
    first = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Alpha"})
    services.offer_booth(system_actor, booth, first, soon())
    with pytest.raises(ValidationError) as caught:
        services.offer_booth(system_actor, booth, ExhibitorFactory(edition=hall.edition), soon())
    assert caught.value.messages == ["Booth A07 is not available: Option (Alpha)."]


def test_offer_to_a_co_exhibitor_is_refused(hall, system_actor):
    host = ExhibitorFactory(edition=hall.edition, organization__name={"en": "Host"})
    guest = ExhibitorFactory(edition=hall.edition, host=host, organization__name={"en": "Guest"})
    with pytest.raises(ValidationError) as caught:
        services.offer_booth(system_actor, BoothFactory(hall=hall), guest, soon())
    assert caught.value.messages == ["Guest is a co-exhibitor: it shares the booth of Host."]


def test_offer_with_a_past_deadline_is_refused(hall, system_actor):
    with pytest.raises(ValidationError):
        services.offer_booth(
            system_actor, BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition), soon(-1)
        )


def test_offer_by_staff_without_space_permission_is_refused(hall, staff_user):
    actor = Actor.for_user(staff_user(hall.edition, "registration"))
    with pytest.raises(PermissionDenied):
        services.offer_booth(
            actor, BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition), soon()
        )


def test_offer_to_an_exhibitor_of_another_edition_is_refused(hall, system_actor):
    with pytest.raises(ValidationError):
        services.offer_booth(system_actor, BoothFactory(hall=hall), ExhibitorFactory(), soon())


def test_confirm_offer_by_the_exhibitor_reserves_the_booth(hall, system_actor):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, booth, exhibitor, soon())
    services.confirm_offer(member_actor(exhibitor), offer)
    booth.refresh_from_db()
    offer.refresh_from_db()
    assert (booth.status, booth.exhibitor_id, offer.status) == (
        "reserved",
        exhibitor.pk,
        "confirmed",
    )


def test_confirm_offer_publishes_the_location_to_host_and_co_exhibitors(hall, system_actor):
    booth = BoothFactory(hall=hall, code="A07")
    host = ExhibitorFactory(edition=hall.edition)
    guest = ExhibitorFactory(edition=hall.edition, host=host)
    offer = services.offer_booth(system_actor, booth, host, soon())
    services.confirm_offer(member_actor(host), offer)
    host.refresh_from_db()
    guest.refresh_from_db()
    assert [(e.hall, e.booth) for e in (host, guest)] == [(str(hall), "A07")] * 2


def test_confirm_offer_by_another_organisation_is_refused(hall, system_actor):
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, BoothFactory(hall=hall), exhibitor, soon())
    with pytest.raises(PermissionDenied):
        services.confirm_offer(member_actor(ExhibitorFactory(edition=hall.edition)), offer)


def test_confirm_offer_after_the_deadline_is_refused(hall, system_actor):
    booth = BoothFactory(hall=hall, code="A07")
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, booth, exhibitor, soon(1))
    with pytest.raises(ValidationError) as caught:
        services.confirm_offer(member_actor(exhibitor), offer, now=soon(2))
    assert caught.value.messages[0].startswith("The option on booth A07 expired at ")


def test_confirm_offer_twice_is_refused(hall, system_actor):
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, BoothFactory(hall=hall), exhibitor, soon())
    services.confirm_offer(member_actor(exhibitor), offer)
    with pytest.raises(ValidationError) as caught:
        services.confirm_offer(member_actor(exhibitor), offer)
    assert caught.value.messages == ["This offer is Confirmed."]


def test_lapse_expired_options_frees_expired_booths_only(hall, system_actor):
    expired_booth, open_booth = BoothFactory(hall=hall), BoothFactory(hall=hall)
    services.offer_booth(
        system_actor, expired_booth, ExhibitorFactory(edition=hall.edition), soon(1)
    )
    services.offer_booth(system_actor, open_booth, ExhibitorFactory(edition=hall.edition), soon(5))
    lapsed = services.lapse_expired_options(now=soon(2))
    states = [
        (booth.status, booth.exhibitor_id is None)
        for booth in Booth.objects.filter(pk__in=[expired_booth.pk, open_booth.pk]).order_by("pk")
    ]
    assert (lapsed, states) == (1, [("available", True), ("option", False)])


def test_lapse_expired_options_records_the_lapse(hall, system_actor):
    services.offer_booth(
        system_actor, BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition), soon(1)
    )
    services.lapse_expired_options(now=soon(2))
    assert list(BoothOffer.objects.values_list("status", flat=True)) == ["lapsed"]
    assert AuditEntry.objects.filter(action="floorplan.booth.lapse").count() == 1


def test_lapse_expired_options_leaves_confirmed_offers(hall, system_actor):
    exhibitor = ExhibitorFactory(edition=hall.edition)
    offer = services.offer_booth(system_actor, BoothFactory(hall=hall), exhibitor, soon(1))
    services.confirm_offer(member_actor(exhibitor), offer)
    assert services.lapse_expired_options(now=soon(2)) == 0


def test_lapse_command_lapses_expired_options(hall, system_actor, capsys):
    offer = services.offer_booth(
        system_actor, BoothFactory(hall=hall), ExhibitorFactory(edition=hall.edition), soon(1)
    )
    BoothOffer.objects.filter(pk=offer.pk).update(expires_at=soon(-1))
    call_command("lapse_booth_options")
    assert capsys.readouterr().out == "1 option(s) lapsed\n"


def test_lapsed_booth_can_be_offered_again(hall, system_actor):
    booth = BoothFactory(hall=hall)
    services.offer_booth(system_actor, booth, ExhibitorFactory(edition=hall.edition), soon(1))
    BoothOffer.objects.update(expires_at=soon(-1))
    services.lapse_expired_options()
    second = ExhibitorFactory(edition=hall.edition)
    services.offer_booth(system_actor, booth, second, soon())
    booth.refresh_from_db()
    assert booth.exhibitor_id == second.pk


def test_withdraw_offer_frees_the_booth(hall, system_actor):
    booth = BoothFactory(hall=hall)
    offer = services.offer_booth(
        system_actor, booth, ExhibitorFactory(edition=hall.edition), soon()
    )
    services.withdraw_offer(system_actor, offer)
    booth.refresh_from_db()
    assert (booth.status, offer.status) == ("available", "withdrawn")


# Status changes and placements ----------------------------------------------------------------


def test_set_booth_status_blocks_an_available_booth(hall, system_actor):
    booth = services.set_booth_status(system_actor, BoothFactory(hall=hall), "blocked")
    assert booth.status == "blocked"


def test_set_booth_status_refuses_to_sell_an_option(hall, system_actor):
    booth = BoothFactory(hall=hall, code="A07")
    services.offer_booth(system_actor, booth, ExhibitorFactory(edition=hall.edition), soon())
    with pytest.raises(ValidationError) as caught:
        services.set_booth_status(system_actor, booth, "sold")
    assert caught.value.messages == ["Booth A07 cannot go from Option to Sold."]


def test_place_exhibitors_is_all_or_nothing(hall, system_actor):
    free, taken = BoothFactory(hall=hall), BoothFactory(hall=hall, status="blocked")
    pairs = [
        (free, ExhibitorFactory(edition=hall.edition)),
        (taken, ExhibitorFactory(edition=hall.edition)),
    ]
    with pytest.raises(ValidationError):
        services.place_exhibitors(system_actor, hall.edition, pairs)
    assert Booth.objects.filter(exhibitor__isnull=False).count() == 0


def test_release_of_a_sold_booth_clears_the_location(hall, system_actor):
    booth = BoothFactory(hall=hall)
    exhibitor = ExhibitorFactory(edition=hall.edition)
    services.place_exhibitors(system_actor, hall.edition, [(booth, exhibitor)])
    services.publish_exhibitor_location(system_actor, exhibitor)
    services.set_booth_status(system_actor, booth, "available")
    exhibitor.refresh_from_db()
    assert (exhibitor.booth, exhibitor.hall) == ("", "")


# Hall tour --------------------------------------------------------------------------------------


def image_bytes(width, height, kind="JPEG"):
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (90, 90, 90)).save(buffer, kind)
    return buffer.getvalue()


def test_set_hall_panorama_stores_a_two_to_one_image(hall, system_actor):
    services.set_hall_panorama(system_actor, hall, image_bytes(400, 200))
    with Image.open(hall.panorama.path) as stored:
        assert stored.size == (400, 200)


def test_set_hall_panorama_refuses_a_three_to_one_image(hall, system_actor):
    with pytest.raises(ValidationError) as caught:
        services.set_hall_panorama(system_actor, hall, image_bytes(600, 200))
    assert caught.value.messages == [
        "A 360° panorama is twice as wide as high; this one is 600 × 200."
    ]


def test_set_hall_panorama_refuses_a_non_image(hall, system_actor):
    with pytest.raises(ValidationError) as caught:
        services.set_hall_panorama(system_actor, hall, b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    assert caught.value.messages == ["The file is not a JPEG or PNG image."]


def test_hotspot_angles_north_and_east():
    camera = (Decimal(10), Decimal(10))
    north = services.hotspot_angles(camera, (Decimal(10), Decimal(0)), Decimal("1.6"))
    east = services.hotspot_angles(camera, (Decimal(20), Decimal(10)), Decimal("1.6"))
    assert (north, east) == (
        (Decimal("0.000"), Decimal("0.000")),
        (Decimal("90.000"), Decimal("0.000")),
    )


def test_place_tour_hotspots_marks_occupied_booths_in_range(hall, system_actor):
    near = BoothFactory(hall=hall, at=(30, 10))
    far = BoothFactory(hall=hall, at=(0, 37))
    empty = BoothFactory(hall=hall, at=(33, 10))
    services.place_exhibitors(
        system_actor,
        hall.edition,
        [
            (near, ExhibitorFactory(edition=hall.edition)),
            (far, ExhibitorFactory(edition=hall.edition)),
        ],
    )
    count = services.place_tour_hotspots(
        system_actor, hall, (Decimal(31), Decimal(20)), Decimal(20)
    )
    assert (count, list(hall.hotspots.values_list("booth__code", flat=True))) == (1, [near.code])
    assert empty.hotspots.count() == 0
