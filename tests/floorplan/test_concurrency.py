"""Two exhibitors can never hold one booth: real threads racing on PostgreSQL row locks."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import close_old_connections, connection
from django.utils import timezone

from showfloor.core.permissions import Actor
from showfloor.floorplan import services
from showfloor.floorplan.models import Booth, BoothOffer
from tests.floorplan.factories import BoothFactory, ExhibitorFactory, HallFactory
from tests.utils import requires_postgresql

pytestmark = [requires_postgresql, pytest.mark.django_db(transaction=True)]
THREADS = 6


def race(work):
    barrier = threading.Barrier(THREADS)
    outcomes = [None] * THREADS

    def run(index):
        try:
            barrier.wait()
            work(index)
            outcomes[index] = "ok"
        except ValidationError:
            outcomes[index] = "refused"
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sorted(outcomes)


def test_concurrent_offers_of_one_booth_give_it_to_one_exhibitor():
    booth = BoothFactory()
    exhibitors = [ExhibitorFactory(edition=booth.edition) for _ in range(THREADS)]
    deadline = timezone.now() + dt.timedelta(days=3)
    actor = Actor.system("race")

    outcomes = race(lambda i: services.offer_booth(actor, booth, exhibitors[i], deadline))

    booth.refresh_from_db()
    holders = {offer.exhibitor_id for offer in BoothOffer.objects.filter(status="open")}
    assert outcomes == ["ok"] + ["refused"] * (THREADS - 1)
    assert holders == {booth.exhibitor_id}


def test_concurrent_placements_and_offers_never_double_book():
    hall = HallFactory()
    booth = BoothFactory(hall=hall)
    exhibitors = [ExhibitorFactory(edition=hall.edition) for _ in range(THREADS)]
    deadline = timezone.now() + dt.timedelta(days=3)
    actor = Actor.system("race")

    def work(index):
        if index % 2:
            services.place_exhibitors(
                actor, hall.edition, [(Booth.objects.get(pk=booth.pk), exhibitors[index])]
            )
        else:
            services.offer_booth(actor, booth, exhibitors[index], deadline)

    outcomes = race(work)

    assert outcomes == ["ok"] + ["refused"] * (THREADS - 1)
