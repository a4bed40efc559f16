"""Object-level permission predicates of the matchmaking app."""

from __future__ import annotations

from typing import TYPE_CHECKING

from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm

if TYPE_CHECKING:
    from showfloor.attendance.models import Participant
    from showfloor.core.models import Edition
    from showfloor.matchmaking.models import Meeting, MeetingRequest


def is_matchmaking_staff(actor: Actor, edition: Edition) -> bool:
    return actor.is_system or actor.has_perm(Perm.MANAGE_MATCHMAKING, edition)


def acts_as(actor: Actor, participant: Participant) -> bool:
    """The participant themself (their own user account)."""
    return actor.user is not None and participant.user_id == actor.user.pk


def may_act_for(actor: Actor, participant: Participant) -> bool:
    return acts_as(actor, participant) or is_matchmaking_staff(actor, participant.edition)


def may_see_request(actor: Actor, request: MeetingRequest) -> bool:
    return (
        acts_as(actor, request.requester)
        or acts_as(actor, request.recipient)
        or is_matchmaking_staff(actor, request.edition)
    )


def may_see_meeting(actor: Actor, meeting: Meeting) -> bool:
    return (
        acts_as(actor, meeting.participant_a)
        or acts_as(actor, meeting.participant_b)
        or is_matchmaking_staff(actor, meeting.edition)
    )
