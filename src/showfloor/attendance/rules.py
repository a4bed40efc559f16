"""Object-level permission predicates of the attendance app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm

if TYPE_CHECKING:
    from showfloor.attendance.models import Lead, Participant
    from showfloor.core.models import Edition
    from showfloor.exhibitors.models import Exhibitor


def is_registration_staff(actor: Actor, edition: Edition) -> bool:
    return actor.is_system or actor.has_perm(Perm.MANAGE_REGISTRATION, edition)


def is_self(actor: Actor, participant: Participant) -> bool:
    return (
        actor.user is not None
        and participant.user_id is not None
        and participant.user_id == actor.user.pk
    )


def may_manage_participant(actor: Actor, participant: Participant) -> bool:
    """Staff, the participant themself, or (for exhibitor staff) the exhibitor's members."""
    if is_registration_staff(actor, participant.edition) or is_self(actor, participant):
        return True
    exhibitor = participant.exhibitor
    return exhibitor is not None and actor.is_member_of(exhibitor.organization_id)


def may_collect_leads(actor: Actor, exhibitor: Exhibitor) -> bool:
    """Only the exhibitor's own members (in person or through their own token): not organiser
    staff, not another exhibitor, not a scanner device."""
    if actor.user is None:
        return False
    if actor.token is not None and actor.token.edition_id != exhibitor.edition_id:
        return False
    return actor.is_member_of(exhibitor.organization_id)


def may_see_lead(actor: Actor, lead: Lead) -> bool:
    return may_collect_leads(actor, lead.exhibitor)
