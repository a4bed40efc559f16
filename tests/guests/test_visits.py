from __future__ import annotations

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from showfloor.guests import services
from showfloor.guests.models import VisitBooking
from tests.guests.factories import VisitSlotFactory
from tests.utils import requires_postgresql


def _book(slot, name, size=1):
    return services.book_visit(slot, full_name=name, email=f"{name}@example.org", party_size=size)


@pytest.mark.django_db
def test_booking_within_capacity_is_confirmed(edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=2)

    booking = _book(slot, "ana", 2)

    assert booking.status == "confirmed"


@pytest.mark.django_db
def test_booking_beyond_capacity_joins_waiting_list(edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=2)
    _book(slot, "ana", 2)

    booking = _book(slot, "bo")

    assert booking.status == "waitlisted"


@pytest.mark.django_db
def test_cancelling_promotes_the_waiting_list_in_order(edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=2)
    first = _book(slot, "ana", 2)
    second, third = _book(slot, "bo"), _book(slot, "cy")

    _cancelled, promoted = services.cancel_booking(first.token)

    assert [booking.pk for booking in promoted] == [second.pk, third.pk]


@pytest.mark.django_db
def test_promotion_stops_at_a_party_that_does_not_fit(edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=2)
    first = _book(slot, "ana", 1)
    _book(slot, "bo", 1)
    big, small = _book(slot, "cy", 2), _book(slot, "di", 1)

    _cancelled, promoted = services.cancel_booking(first.token)

    assert promoted == []
    assert VisitBooking.objects.get(pk=big.pk).status == "waitlisted"
    assert VisitBooking.objects.get(pk=small.pk).status == "waitlisted"


@pytest.mark.django_db
def test_same_address_cannot_book_twice(edition):
    slot = VisitSlotFactory(site__edition=edition)
    _book(slot, "ana")

    with pytest.raises(ValidationError):
        _book(slot, "ana")


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_bookings_never_overfill_a_slot(edition):
    slot = VisitSlotFactory(site__edition=edition, capacity=3)
    barrier = threading.Barrier(8)

    def worker(index):
        barrier.wait()
        try:
            _book(slot, f"p{index}")
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    statuses = sorted(VisitBooking.objects.filter(slot=slot).values_list("status", flat=True))
    assert statuses == ["confirmed"] * 3 + ["waitlisted"] * 5


@pytest.mark.django_db
def test_booking_page_books_and_redirects_to_personal_link(client, edition):
    slot = VisitSlotFactory(site__edition=edition)

    response = client.post(
        f"/{edition.slug}/visits/slots/{slot.pk}/book/",
        {"full_name": "Ana", "email": "ana@example.org", "party_size": 1},
    )

    booking = VisitBooking.objects.get(slot=slot)
    assert response.url == booking.manage_url


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_visit_list_query_count(client, edition, django_assert_num_queries, count):
    for _index in range(count):
        _book(VisitSlotFactory(site__edition=edition), f"x{_index}")

    with django_assert_num_queries(3):
        response = client.get(f"/{edition.slug}/visits/")

    assert len(response.context["sites"]) == count
