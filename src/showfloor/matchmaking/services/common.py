"""Shared helpers of the matchmaking services: settings, pair rules, notifications."""

from __future__ import annotations

import secrets
from collections.abc import Iterable

from django.conf import settings as django_settings
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext as _

from showfloor.attendance.enums import AttendanceMode
from showfloor.attendance.models import Participant
from showfloor.core.i18n import localized
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor
from showfloor.matchmaking import rules
from showfloor.matchmaking.enums import MeetingMode, MeetingStatus, RuleKind
from showfloor.matchmaking.models import (
    MatchmakingSettings,
    Meeting,
    MeetingRequest,
    Notification,
    PairRule,
)


def settings_for(edition: Edition) -> MatchmakingSettings:
    found, _created = MatchmakingSettings.objects.get_or_create(edition=edition)
    return found


def require_act_for(actor: Actor, participant: Participant) -> None:
    if not rules.may_act_for(actor, participant):
        raise PermissionDenied("not your participation")


def require_staff(actor: Actor, edition: Edition) -> None:
    if not rules.is_matchmaking_staff(actor, edition):
        raise PermissionDenied("can_manage_matchmaking is required")


def _matches(rule: PairRule, a: Participant, b: Participant) -> bool:
    def side(pk: int | None, kind: str, person: Participant) -> bool:
        if pk is not None:
            return pk == person.pk
        return not kind or kind == person.type

    straight = side(rule.participant_a_id, rule.type_a, a) and side(
        rule.participant_b_id, rule.type_b, b
    )
    crossed = side(rule.participant_a_id, rule.type_a, b) and side(
        rule.participant_b_id, rule.type_b, a
    )
    return straight or crossed


def pair_rules(edition: Edition) -> list[PairRule]:
    return list(PairRule.objects.filter(edition=edition))


def rule_for(rules_list: Iterable[PairRule], a: Participant, b: Participant) -> str | None:
    """'block' if any block matches, else 'pin' if a pin matches, else None."""
    kinds = {rule.kind for rule in rules_list if _matches(rule, a, b)}
    if RuleKind.BLOCK in kinds:
        return RuleKind.BLOCK
    return RuleKind.PIN if RuleKind.PIN in kinds else None


def involving(participant: Participant) -> Q:
    return Q(participant_a=participant) | Q(participant_b=participant)


def notification_text(kind: str, other: Participant) -> str:
    templates = {
        "request_received": _("%(name)s asks to meet you."),
        "request_accepted": _("%(name)s accepted your meeting request."),
        "request_declined": _("%(name)s declined your meeting request."),
        "request_cancelled": _("%(name)s cancelled their meeting request."),
        "meeting_scheduled": _("Your meeting with %(name)s is scheduled."),
        "meeting_cancelled": _("Your meeting with %(name)s is cancelled."),
    }
    return templates[kind] % {"name": other.full_name}


def notify(
    participant: Participant,
    kind: str,
    other: Participant,
    *,
    request: MeetingRequest | None = None,
    meeting: Meeting | None = None,
    mail: bool = True,
) -> Notification:
    """A note on the participant's page and, after the commit, a mail in their language."""
    note = Notification.objects.create(
        participant=participant, kind=kind, request=request, meeting=meeting
    )
    if mail and participant.email:
        transaction.on_commit(lambda: _mail(participant, kind, other))
    return note


def _mail(participant: Participant, kind: str, other: Participant) -> None:
    with translation.override(participant.language):
        edition = participant.edition
        subject = _("Matchmaking at %(edition)s") % {"edition": localized(edition.name)}
        link = f"{django_settings.SITE_URL}/{edition.slug}/matchmaking/"
        body = f"{notification_text(kind, other)}\n\n{link}\n"
    send_mail(subject, body, django_settings.DEFAULT_FROM_EMAIL, [participant.email])


def _mode_for(a: Participant, b: Participant, preferred: str) -> str:
    if AttendanceMode.ONLINE in (a.attendance_mode, b.attendance_mode):
        return MeetingMode.ONLINE
    return preferred or MeetingMode.ONSITE


def create_meeting_for(request: MeetingRequest, *, walk_in: bool = False) -> Meeting:
    """The meeting an accepted request (or a walk-in) waits in until it gets a slot."""
    meeting = Meeting(
        edition=request.edition,
        request=request,
        participant_a=request.requester,
        participant_b=request.recipient,
        mode=_mode_for(request.requester, request.recipient, request.preferred_mode),
        weight=2 if request.mutual else 1,
        status=MeetingStatus.UNSCHEDULED,
        is_walk_in=walk_in,
    )
    meeting.full_clean()
    meeting.save()
    return meeting


def video_room(meeting: Meeting) -> str:
    prefix = settings_for(meeting.edition).video_room_prefix or slugify(meeting.edition.slug)
    return f"{prefix}-{meeting.pk}-{secrets.token_hex(4)}"


def video_url(meeting: Meeting) -> str:
    return f"{django_settings.JITSI_BASE_URL}/{meeting.video_room}" if meeting.video_room else ""
