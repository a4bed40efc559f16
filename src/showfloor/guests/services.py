"""Every write of guests: delegations, invitations and RSVP (with the badge), site-visit booking.

Site-visit places are scarce: a booking locks its slot's row, counts the confirmed places and
either confirms or puts the booking on the waiting list, in one transaction; a cancellation
promotes the waiting list in order of arrival under the same lock.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from showfloor.attendance import services as attendance
from showfloor.attendance.enums import ParticipantType
from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.i18n import localized
from showfloor.core.models import Edition, Organization
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import save_validated
from showfloor.guests.enums import BookingStatus, InvitationStatus
from showfloor.guests.models import (
    Delegation,
    DelegationMember,
    DelegationVisit,
    Invitation,
    SiteVisit,
    VisitBooking,
    VisitSlot,
)


def _create(actor: Actor, instance: Any, edition: Edition, **changes: Any) -> Any:
    save_validated(instance)
    audit.record(
        actor,
        f"{instance._meta.label_lower}.create",
        instance,
        edition=edition,
        changes={key: [None, value] for key, value in changes.items()},
    )
    return instance


# Delegations ------------------------------------------------------------------------------------


@transaction.atomic
def create_delegation(
    actor: Actor,
    edition: Edition,
    *,
    members: Iterable[dict[str, Any]] = (),
    organizations: Iterable[Organization] = (),
    **values: Any,
) -> Delegation:
    require(actor, Perm.MANAGE_GUESTS, edition)
    delegation = _create(actor, Delegation(edition=edition, **values), edition, **values)
    delegation.organizations.set(list(organizations))
    for member in members:
        save_validated(DelegationMember(delegation=delegation, **member))
    return delegation


@transaction.atomic
def add_delegation_visit(actor: Actor, delegation: Delegation, **values: Any) -> DelegationVisit:
    require(actor, Perm.MANAGE_GUESTS, delegation.edition)
    visit = DelegationVisit(delegation=delegation, **values)
    return _create(actor, visit, delegation.edition, title=values.get("title"))


# Invitations ------------------------------------------------------------------------------------


@transaction.atomic
def create_invitation(actor: Actor, edition: Edition, **values: Any) -> Invitation:
    require(actor, Perm.MANAGE_GUESTS, edition)
    invitation = Invitation(edition=edition, **values)
    return _create(actor, invitation, edition, email=values.get("email"))


@transaction.atomic
def send_invitation(actor: Actor, invitation: Invitation) -> Invitation:
    """Mail the personal link, in the guest's language, once the transaction commits."""
    require(actor, Perm.MANAGE_GUESTS, invitation.edition)
    locked = Invitation.objects.select_for_update().select_related("edition").get(pk=invitation.pk)
    if locked.status == InvitationStatus.CANCELLED:
        raise ValidationError(_("This invitation has been withdrawn."))
    locked.sent_at = timezone.now()
    locked.save(update_fields=["sent_at"])
    audit.record(actor, "guests.invitation.send", locked, edition=locked.edition)
    transaction.on_commit(lambda: _mail_invitation(locked))
    return locked


def _mail_invitation(invitation: Invitation) -> None:
    with translation.override(invitation.language or invitation.edition.default_language):
        context = {
            "invitation": invitation,
            "edition": invitation.edition,
            "url": settings.SITE_URL + invitation.rsvp_url,
        }
        subject = _("Your invitation to %(edition)s") % {
            "edition": localized(invitation.edition.name)
        }
        body = render_to_string("guests/mail/invitation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


def _participant_for(actor: Actor, invitation: Invitation) -> Participant:
    """The guest's participant record: the one made at a first acceptance, one already
    registered with the same address, or a new VIP registration (through attendance)."""
    if invitation.participant is not None:
        return invitation.participant
    existing = Participant.objects.filter(
        edition=invitation.edition, email__iexact=invitation.email
    ).first()
    if existing is not None:
        return existing
    return attendance.register_participant(
        actor,
        invitation.edition,
        send_confirmation=False,
        type=ParticipantType.VIP,
        first_name=invitation.first_name,
        last_name=invitation.last_name,
        email=invitation.email,
        organization=invitation.organization,
        organization_name=invitation.organization_name,
        job_title=invitation.job_title,
        country=str(invitation.country or ""),
        language=invitation.language,
    )


@transaction.atomic
def respond_to_invitation(token: str, *, accept: bool, dietary_notes: str = "") -> Invitation:
    """The guest's RSVP through their personal link. Accepting registers them as a VIP and
    issues their badge (once, however often they click); declining after accepting revokes it."""
    invitation = Invitation.objects.select_for_update().select_related("edition").get(token=token)
    if invitation.status == InvitationStatus.CANCELLED:
        raise ValidationError(_("This invitation has been withdrawn."))
    actor = Actor.system(f"invitation link #{invitation.pk}")
    status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    changes = audit.apply_changes(
        invitation, {"status": status, "dietary_notes": dietary_notes.strip()[:300]}
    )
    invitation.responded_at = timezone.now()
    if accept:
        invitation.participant = _participant_for(actor, invitation)
        attendance.issue_badge(actor, invitation.participant)
    elif invitation.participant is not None:
        attendance.revoke_badges(actor, invitation.participant, reason="invitation declined")
    save_validated(invitation)
    audit.record(
        actor, "guests.invitation.rsvp", invitation, edition=invitation.edition, changes=changes
    )
    return invitation


@transaction.atomic
def cancel_invitation(actor: Actor, invitation: Invitation) -> Invitation:
    require(actor, Perm.MANAGE_GUESTS, invitation.edition)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    changes = audit.apply_changes(locked, {"status": InvitationStatus.CANCELLED})
    if locked.participant is not None:
        attendance.revoke_badges(actor, locked.participant, reason="invitation withdrawn")
    save_validated(locked)
    audit.record(actor, "guests.invitation.cancel", locked, edition=locked.edition, changes=changes)
    return locked


# Site visits ------------------------------------------------------------------------------------


@transaction.atomic
def create_site_visit(actor: Actor, edition: Edition, **values: Any) -> SiteVisit:
    require(actor, Perm.MANAGE_GUESTS, edition)
    return _create(actor, SiteVisit(edition=edition, **values), edition, name=values.get("name"))


@transaction.atomic
def add_visit_slot(actor: Actor, site: SiteVisit, **values: Any) -> VisitSlot:
    require(actor, Perm.MANAGE_GUESTS, site.edition)
    return _create(actor, VisitSlot(site=site, **values), site.edition, **values)


def confirmed_places(slot: VisitSlot) -> int:
    booked = slot.bookings.filter(status=BookingStatus.CONFIRMED).aggregate(n=Sum("party_size"))
    return booked["n"] or 0


@transaction.atomic
def book_visit(slot: VisitSlot, *, full_name: str, email: str, party_size: int = 1) -> VisitBooking:
    """Anyone may book; the slot's row lock makes the count and the write one step."""
    locked = VisitSlot.objects.select_for_update().select_related("site__edition").get(pk=slot.pk)
    if locked.starts_at <= timezone.now():
        raise ValidationError(_("This visit has already started."))
    has_room = confirmed_places(locked) + party_size <= locked.capacity
    booking = VisitBooking(
        slot=locked,
        full_name=full_name.strip(),
        email=email.strip().lower(),
        party_size=party_size,
        status=BookingStatus.CONFIRMED if has_room else BookingStatus.WAITLISTED,
    )
    booking.full_clean()
    try:
        with transaction.atomic():
            booking.save()
    except IntegrityError as exc:  # the same address, booking twice at the same moment
        raise ValidationError(
            {"email": [_("This e-mail address already has a booking here.")]}
        ) from exc
    audit.record(
        Actor.system("visit booking"),
        "guests.visitbooking.create",
        booking,
        edition=locked.site.edition,
        changes={"status": [None, booking.status], "party_size": [None, party_size]},
    )
    return booking


def _promote(slot: VisitSlot) -> list[VisitBooking]:
    """Confirm waiting bookings in order of arrival while the head of the queue fits."""
    promoted = []
    free = slot.capacity - confirmed_places(slot)
    for booking in slot.bookings.filter(status=BookingStatus.WAITLISTED).order_by(
        "created_at", "id"
    ):
        if booking.party_size > free:
            break
        booking.status = BookingStatus.CONFIRMED
        booking.save(update_fields=["status"])
        free -= booking.party_size
        promoted.append(booking)
    return promoted


@transaction.atomic
def cancel_booking(token: str) -> tuple[VisitBooking, list[VisitBooking]]:
    """Cancel through the booking's personal link; returns it and those promoted."""
    booking = VisitBooking.objects.select_related("slot__site__edition").get(token=token)
    slot = VisitSlot.objects.select_for_update().get(pk=booking.slot_id)
    booking.refresh_from_db()
    if booking.status == BookingStatus.CANCELLED:
        return booking, []
    booking.status = BookingStatus.CANCELLED
    booking.save(update_fields=["status"])
    promoted = _promote(slot)
    audit.record(
        Actor.system("visit booking"),
        "guests.visitbooking.cancel",
        booking,
        edition=booking.slot.site.edition,
        changes={"promoted": [None, [item.pk for item in promoted]]},
    )
    return booking, promoted
