"""Every write of the programme. Views, the API, the admin and the demo call these."""

from showfloor.programme.services.qa import (
    ask_question,
    may_ask,
    moderate_question,
    upvote_question,
)
from showfloor.programme.services.registration import (
    add_to_agenda,
    cancel_registration,
    mark_attended,
    register_for_session,
    remove_from_agenda,
)
from showfloor.programme.services.schedule import (
    add_speaker,
    create_forum,
    create_room,
    create_session,
    schedule_conflicts,
    set_stream,
    set_stream_status,
    update_forum,
    update_room,
    update_session,
)
from showfloor.programme.services.speakers import (
    accept_invitation,
    create_speaker,
    decline_invitation,
    invite_speaker,
    update_speaker_profile,
)
from showfloor.programme.services.viewers import playback_mode, record_heartbeat

__all__ = [
    "accept_invitation",
    "add_speaker",
    "add_to_agenda",
    "ask_question",
    "cancel_registration",
    "create_forum",
    "create_room",
    "create_session",
    "create_speaker",
    "decline_invitation",
    "invite_speaker",
    "mark_attended",
    "may_ask",
    "moderate_question",
    "playback_mode",
    "record_heartbeat",
    "register_for_session",
    "remove_from_agenda",
    "schedule_conflicts",
    "set_stream",
    "set_stream_status",
    "update_forum",
    "update_room",
    "update_session",
    "update_speaker_profile",
    "upvote_question",
]
