"""Every write of the matchmaking app (views, API, imports, demo and tasks call these)."""

from showfloor.matchmaking.services.common import settings_for, video_url
from showfloor.matchmaking.services.meetings import (
    add_walk_in,
    answer_follow_up,
    book_meeting,
    cancel_meeting,
    check_in,
    set_locked,
)
from showfloor.matchmaking.services.profiles import (
    create_session,
    create_tables,
    save_pair_rule,
    save_profile,
    set_availability,
)
from showfloor.matchmaking.services.requests import (
    accept_request,
    cancel_request,
    check_may_request,
    decline_request,
    send_request,
)
from showfloor.matchmaking.services.scheduling import replan, schedule_all

__all__ = [
    "accept_request",
    "add_walk_in",
    "answer_follow_up",
    "book_meeting",
    "cancel_meeting",
    "cancel_request",
    "check_in",
    "check_may_request",
    "create_session",
    "create_tables",
    "decline_request",
    "replan",
    "save_pair_rule",
    "save_profile",
    "schedule_all",
    "send_request",
    "set_availability",
    "set_locked",
    "settings_for",
    "video_url",
]
