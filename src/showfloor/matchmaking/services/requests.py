"""Meeting requests: send, accept, decline, cancel, under the organiser's rules."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.permissions import Actor
from showfloor.matchmaking.enums import (
    AcceptanceMode,
    DeclineReason,
    MeetingStatus,
    RequestStatus,
    RuleKind,
)
from showfloor.matchmaking.models import Meeting, MeetingRequest, Profile
from showfloor.matchmaking.services.common import (
    create_meeting_for,
    notify,
    pair_rules,
    require_act_for,
    rule_for,
    settings_for,
)
from showfloor.matchmaking.services.meetings import cancel_meeting

OPEN = (RequestStatus.PENDING, RequestStatus.ACCEPTED)


def check_may_request(requester: Participant, recipient: Participant) -> None:
    """The organiser's rules; raises ValidationError saying which one refuses."""
    edition = requester.edition
    config = settings_for(edition)
    if recipient.edition_id != edition.pk:
        raise ValidationError({"recipient": [_("This person is not part of this edition.")]})
    if recipient.pk == requester.pk:
        raise ValidationError({"recipient": [_("You cannot request a meeting with yourself.")]})
    if not config.requests_open:
        raise ValidationError(_("Meeting requests are closed."))
    if not Profile.objects.filter(participant=recipient, is_active=True).exists():
        raise ValidationError({"recipient": [_("This person does not take part in matchmaking.")]})
    if rule_for(pair_rules(edition), requester, recipient) == RuleKind.BLOCK:
        raise ValidationError({"recipient": [_("The organiser does not allow this meeting.")]})
    sent = MeetingRequest.objects.filter(requester=requester, status__in=OPEN).count()
    if sent >= config.max_requests_per_person:
        raise ValidationError(
            _("You have reached the maximum of %(count)d requests.")
            % {"count": config.max_requests_per_person}
        )
    per_type = config.max_requests_per_type.get(requester.type)
    if per_type is not None and sent >= int(per_type):
        raise ValidationError(
            _("You have reached the maximum of %(count)d requests.") % {"count": int(per_type)}
        )
    if MeetingRequest.objects.filter(
        requester=requester, recipient=recipient, status__in=OPEN
    ).exists():
        raise ValidationError({"recipient": [_("You have already asked to meet this person.")]})


@transaction.atomic
def send_request(
    actor: Actor,
    requester: Participant,
    recipient: Participant,
    *,
    message: str = "",
    preferred_mode: str = "",
) -> MeetingRequest:
    """Ask to meet. A request that answers an open one the other way makes both mutual (and
    accepts theirs); with auto-accept the request is accepted at once."""
    require_act_for(actor, requester)
    # Serialise one requester's sends so the per-person limits hold under concurrency.
    Participant.objects.select_for_update().get(pk=requester.pk)
    check_may_request(requester, recipient)
    reverse = (
        MeetingRequest.objects.select_for_update()
        .filter(requester=recipient, recipient=requester, status__in=OPEN)
        .first()
    )
    request = MeetingRequest(
        edition=requester.edition,
        requester=requester,
        recipient=recipient,
        message=message.strip(),
        preferred_mode=preferred_mode,
        mutual=reverse is not None,
    )
    request.full_clean()
    request.save()
    audit.record(actor, "matchmaking.request.send", request, edition=request.edition)
    if reverse is not None:
        _make_mutual(actor, request, reverse)
    elif settings_for(requester.edition).acceptance_mode == AcceptanceMode.AUTO_ACCEPT:
        _accept(actor, request)
    else:
        notify(recipient, "request_received", requester, request=request)
    return request


def _make_mutual(actor: Actor, request: MeetingRequest, reverse: MeetingRequest) -> None:
    """Both asked: their request is accepted (if it was pending) and the meeting weighs 2."""
    reverse.mutual = True
    now = timezone.now()
    if reverse.status == RequestStatus.PENDING:
        reverse.status = RequestStatus.ACCEPTED
        reverse.responded_at = now
        reverse.save(update_fields=["mutual", "status", "responded_at"])
        create_meeting_for(reverse)
        notify(reverse.requester, "request_accepted", reverse.recipient, request=reverse)
    else:
        reverse.save(update_fields=["mutual"])
    Meeting.objects.filter(request=reverse).update(weight=2)
    request.status = RequestStatus.ACCEPTED
    request.responded_at = now
    request.save(update_fields=["status", "responded_at"])
    audit.record(actor, "matchmaking.request.mutual", request, edition=request.edition)


def _take(request: MeetingRequest, frm: tuple[str, ...], to: str, **values: object) -> None:
    """The one conditional update that moves a request on: two answers cannot both win."""
    done = MeetingRequest.objects.filter(pk=request.pk, status__in=frm).update(
        status=to, responded_at=timezone.now(), **values
    )
    if not done:
        raise ValidationError(_("This request has already been answered or cancelled."))
    request.refresh_from_db()


def _accept(actor: Actor, request: MeetingRequest) -> Meeting:
    _take(request, (RequestStatus.PENDING,), RequestStatus.ACCEPTED)
    meeting = create_meeting_for(request)
    audit.record(actor, "matchmaking.request.accept", request, edition=request.edition)
    notify(request.requester, "request_accepted", request.recipient, request=request)
    return meeting


@transaction.atomic
def accept_request(actor: Actor, request: MeetingRequest) -> Meeting:
    require_act_for(actor, request.recipient)
    return _accept(actor, request)


@transaction.atomic
def decline_request(
    actor: Actor, request: MeetingRequest, *, reason: str, note: str = ""
) -> MeetingRequest:
    require_act_for(actor, request.recipient)
    if reason not in DeclineReason.values:
        raise ValidationError({"reason": [_("Choose a reason.")]})
    _take(
        request,
        (RequestStatus.PENDING,),
        RequestStatus.DECLINED,
        decline_reason=reason,
        decline_note=note.strip()[:300],
    )
    audit.record(
        actor,
        "matchmaking.request.decline",
        request,
        edition=request.edition,
        changes={"reason": [None, reason]},
    )
    notify(request.requester, "request_declined", request.recipient, request=request)
    return request


@transaction.atomic
def cancel_request(actor: Actor, request: MeetingRequest) -> MeetingRequest:
    """The requester withdraws; an accepted request's meeting is cancelled and its slot freed."""
    require_act_for(actor, request.requester)
    _take(request, OPEN, RequestStatus.CANCELLED)
    audit.record(actor, "matchmaking.request.cancel", request, edition=request.edition)
    notify(request.recipient, "request_cancelled", request.requester, request=request)
    meetings = Meeting.objects.filter(request=request).exclude(status=MeetingStatus.CANCELLED)
    for found in meetings:
        cancel_meeting(actor, found, reason="request cancelled", check=False)
    return request
