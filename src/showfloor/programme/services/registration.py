"""Session registration with capacity and a waiting list, and the personal agenda.

Seats are scarce: every change takes the session's row lock first, so two people can never take
the last seat, and a cancellation promotes the first person waiting in the same transaction.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm
from showfloor.programme.enums import RegistrationStatus, SessionStatus
from showfloor.programme.models import AgendaItem, Session, SessionRegistration


def _may_act_for(actor: Actor, participant: Participant) -> bool:
    if actor.has_perm(Perm.MANAGE_PROGRAMME, participant.edition):
        return True
    if actor.has_perm(Perm.MANAGE_REGISTRATION, participant.edition):
        return True
    return actor.user is not None and participant.user_id == actor.user.pk


def _check(actor: Actor, session: Session, participant: Participant) -> None:
    if participant.edition_id != session.edition_id:
        raise PermissionDenied("participant of another edition")
    if not _may_act_for(actor, participant):
        raise PermissionDenied("may not act for this participant")


def _seats_taken(session: Session) -> int:
    return session.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


@transaction.atomic
def register_for_session(
    actor: Actor, session: Session, participant: Participant
) -> SessionRegistration:
    """A seat if one is free, else a place at the end of the waiting list. Idempotent."""
    _check(actor, session, participant)
    locked = (
        Session.objects.select_for_update(of=("self",)).select_related("room").get(pk=session.pk)
    )
    if locked.status != SessionStatus.PUBLISHED or not locked.registration_open:
        raise ValidationError(
            _("Registration for “%(session)s” is closed.") % {"session": locked}, code="closed"
        )
    registration = SessionRegistration.objects.filter(
        session=locked, participant=participant
    ).first()
    if registration is not None and registration.status != RegistrationStatus.CANCELLED:
        return registration
    capacity = locked.effective_capacity
    has_seat = capacity is None or _seats_taken(locked) < capacity
    status = RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITLISTED
    now = timezone.now()
    if registration is None:
        registration = SessionRegistration.objects.create(
            session=locked, participant=participant, status=status, requested_at=now
        )
    else:
        registration.status = status
        registration.requested_at = now
        registration.cancelled_at = None
        registration.promoted_at = None
        registration.save()
    audit.record(
        actor,
        "programme.registration.create",
        registration,
        edition=locked.edition,
        changes={"status": [None, status]},
    )
    return registration


@transaction.atomic
def cancel_registration(
    actor: Actor, registration: SessionRegistration
) -> SessionRegistration | None:
    """Cancel; a freed seat goes to the first person waiting. Returns whoever was promoted."""
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("room")
        .get(pk=registration.session_id)
    )
    _check(actor, session, registration.participant)
    locked = SessionRegistration.objects.get(pk=registration.pk)
    if locked.status == RegistrationStatus.CANCELLED:
        return None
    was_confirmed = locked.status == RegistrationStatus.CONFIRMED
    locked.status = RegistrationStatus.CANCELLED
    locked.cancelled_at = timezone.now()
    locked.save(update_fields=["status", "cancelled_at"])
    audit.record(actor, "programme.registration.cancel", locked, edition=session.edition)
    registration.refresh_from_db()
    if not was_confirmed:
        return None
    return _promote_waiting(actor, session)


def _promote_waiting(actor: Actor, session: Session) -> SessionRegistration | None:
    capacity = session.effective_capacity
    if capacity is not None and _seats_taken(session) >= capacity:
        return None
    first = (
        session.registrations.filter(status=RegistrationStatus.WAITLISTED)
        .order_by("requested_at", "id")
        .first()
    )
    if first is None:
        return None
    first.status = RegistrationStatus.CONFIRMED
    first.promoted_at = timezone.now()
    first.save(update_fields=["status", "promoted_at"])
    audit.record(
        actor,
        "programme.registration.promote",
        first,
        edition=session.edition,
        changes={"status": [RegistrationStatus.WAITLISTED, RegistrationStatus.CONFIRMED]},
    )
    return first


@transaction.atomic
def mark_attended(actor: Actor, registration: SessionRegistration) -> SessionRegistration:
    """Door check at the session (in-person attendance). Marking twice keeps the first time."""
    session = registration.session
    if not (
        actor.has_perm(Perm.MANAGE_PROGRAMME, session.edition)
        or actor.has_perm(Perm.SCAN_BADGES, session.edition)
    ):
        raise PermissionDenied("can_scan_badges or can_manage_programme is required")
    updated = SessionRegistration.objects.filter(
        pk=registration.pk, attended_at__isnull=True
    ).update(attended_at=timezone.now())
    registration.refresh_from_db()
    if updated:
        audit.record(actor, "programme.registration.attend", registration, edition=session.edition)
    return registration


def add_to_agenda(actor: Actor, session: Session, participant: Participant) -> AgendaItem:
    """Idempotent: adding a session twice keeps one item."""
    _check(actor, session, participant)
    if session.status != SessionStatus.PUBLISHED:
        raise ValidationError(_("This session is not in the public programme."), code="draft")
    try:
        with transaction.atomic():
            item, _created = AgendaItem.objects.get_or_create(
                participant=participant, session=session
            )
    except IntegrityError:  # a concurrent double click
        return AgendaItem.objects.get(participant=participant, session=session)
    return item


def remove_from_agenda(actor: Actor, session: Session, participant: Participant) -> None:
    _check(actor, session, participant)
    AgendaItem.objects.filter(participant=participant, session=session).delete()
