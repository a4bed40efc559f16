import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection

from showfloor.core.permissions import Actor
from showfloor.programme import services
from showfloor.programme.models import AgendaItem, SessionRegistration
from tests.programme.factories import ParticipantFactory, RoomFactory, SessionFactory
from tests.utils import requires_postgresql


def register(session, participant):
    return services.register_for_session(Actor.for_user(participant.user), session, participant)


def status_of(registration):
    registration.refresh_from_db()
    return registration.status


@pytest.mark.django_db
def test_register_free_seat_is_confirmed(edition):
    session = SessionFactory(edition=edition, capacity=2)
    registration = register(session, ParticipantFactory(edition=edition))
    assert registration.status == "confirmed"


@pytest.mark.django_db
def test_register_full_session_goes_to_waiting_list(edition):
    session = SessionFactory(edition=edition, capacity=1)
    register(session, ParticipantFactory(edition=edition))
    second = register(session, ParticipantFactory(edition=edition))
    assert second.status == "waitlisted"


@pytest.mark.django_db
def test_register_capacity_defaults_to_room_capacity(edition):
    session = SessionFactory(edition=edition, room=RoomFactory(edition=edition, capacity=1))
    register(session, ParticipantFactory(edition=edition))
    assert register(session, ParticipantFactory(edition=edition)).status == "waitlisted"


@pytest.mark.django_db
def test_register_twice_returns_same_registration(edition):
    session = SessionFactory(edition=edition, capacity=5)
    participant = ParticipantFactory(edition=edition)
    first = register(session, participant)
    assert register(session, participant).pk == first.pk
    assert SessionRegistration.objects.count() == 1


@pytest.mark.django_db
def test_cancel_confirmed_promotes_first_waiting(edition):
    session = SessionFactory(edition=edition, capacity=1)
    holder = register(session, ParticipantFactory(edition=edition))
    waiting_first = register(session, ParticipantFactory(edition=edition))
    waiting_second = register(session, ParticipantFactory(edition=edition))
    promoted = services.cancel_registration(Actor.for_user(holder.participant.user), holder)
    assert (promoted.pk, status_of(waiting_first), status_of(waiting_second)) == (
        waiting_first.pk,
        "confirmed",
        "waitlisted",
    )


@pytest.mark.django_db
def test_cancel_waitlisted_promotes_nobody(edition):
    session = SessionFactory(edition=edition, capacity=1)
    register(session, ParticipantFactory(edition=edition))
    waiting = register(session, ParticipantFactory(edition=edition))
    later = register(session, ParticipantFactory(edition=edition))
    assert services.cancel_registration(Actor.for_user(waiting.participant.user), waiting) is None
    assert status_of(later) == "waitlisted"


@pytest.mark.django_db
def test_register_after_cancel_rejoins_end_of_waiting_list(edition):
    session = SessionFactory(edition=edition, capacity=1)
    register(session, ParticipantFactory(edition=edition))
    participant = ParticipantFactory(edition=edition)
    mine = register(session, participant)
    other = register(session, ParticipantFactory(edition=edition))
    services.cancel_registration(Actor.for_user(participant.user), mine)
    again = register(session, participant)
    assert (again.status, again.requested_at > other.requested_at) == ("waitlisted", True)


@pytest.mark.django_db
def test_register_for_someone_else_is_denied(edition):
    session = SessionFactory(edition=edition)
    other = ParticipantFactory(edition=edition)
    intruder = ParticipantFactory(edition=edition)
    with pytest.raises(PermissionDenied):
        services.register_for_session(Actor.for_user(intruder.user), session, other)
    assert SessionRegistration.objects.count() == 0


@pytest.mark.django_db
def test_register_closed_session_is_refused(edition):
    session = SessionFactory(edition=edition, registration_open=False)
    with pytest.raises(ValidationError):
        register(session, ParticipantFactory(edition=edition))
    assert SessionRegistration.objects.count() == 0


@pytest.mark.django_db
def test_mark_attended_twice_keeps_first_time(edition, staff_user):
    session = SessionFactory(edition=edition)
    registration = register(session, ParticipantFactory(edition=edition))
    actor = Actor.for_user(staff_user(edition, "registration"))
    first = services.mark_attended(actor, registration).attended_at
    assert services.mark_attended(actor, registration).attended_at == first


@pytest.mark.django_db
def test_add_to_agenda_twice_keeps_one_item(edition):
    session = SessionFactory(edition=edition)
    participant = ParticipantFactory(edition=edition)
    actor = Actor.for_user(participant.user)
    services.add_to_agenda(actor, session, participant)
    services.add_to_agenda(actor, session, participant)
    assert AgendaItem.objects.filter(participant=participant).count() == 1


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_register_concurrent_last_seat_goes_to_one(edition):
    session = SessionFactory(edition=edition, capacity=3)
    participants = [ParticipantFactory(edition=edition) for _ in range(8)]
    barrier = threading.Barrier(len(participants))
    errors = []

    def take(participant):
        try:
            barrier.wait()
            register(session, participant)
        except Exception as exc:  # reported below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=take, args=(p,)) for p in participants]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    statuses = sorted(SessionRegistration.objects.values_list("status", flat=True))
    assert (errors, statuses) == ([], ["confirmed"] * 3 + ["waitlisted"] * 5)


@requires_postgresql
@pytest.mark.django_db(transaction=True)
def test_cancel_concurrent_promotions_fill_exactly_capacity(edition):
    session = SessionFactory(edition=edition, capacity=2)
    holders = [register(session, ParticipantFactory(edition=edition)) for _ in range(2)]
    waiting = [register(session, ParticipantFactory(edition=edition)) for _ in range(3)]
    barrier = threading.Barrier(2)

    def cancel(registration):
        try:
            barrier.wait()
            services.cancel_registration(
                Actor.for_user(registration.participant.user), registration
            )
        finally:
            connection.close()

    threads = [threading.Thread(target=cancel, args=(h,)) for h in holders]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [status_of(r) for r in waiting] == ["confirmed", "confirmed", "waitlisted"]
