"""Object-level permission predicates of the programme."""

from __future__ import annotations

from typing import TYPE_CHECKING

from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm
from showfloor.programme.enums import SpeakerRole

if TYPE_CHECKING:
    from showfloor.programme.models import Session, Speaker


def can_manage_programme(actor: Actor, edition_id_holder: Session | Speaker) -> bool:
    return actor.has_perm(Perm.MANAGE_PROGRAMME, edition_id_holder.edition)


def is_session_moderator(actor: Actor, session: Session) -> bool:
    """A speaker listed as moderator of the session, acting through their own account."""
    if actor.user is None or actor.token is not None:
        return False
    return session.session_speakers.filter(
        role=SpeakerRole.MODERATOR, speaker__user=actor.user
    ).exists()


def can_moderate_questions(actor: Actor, session: Session) -> bool:
    """Programme staff moderate every session; a session's moderators moderate their own."""
    return can_manage_programme(actor, session) or is_session_moderator(actor, session)


def can_edit_speaker_profile(actor: Actor, speaker: Speaker) -> bool:
    """Programme staff, or the speaker themself once the invitation is linked to their account."""
    if can_manage_programme(actor, speaker):
        return True
    return actor.user is not None and actor.token is None and speaker.user_id == actor.user.pk
