"""Meeting requests: the organiser's rules, answers, notifications and who may act."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.core.permissions import Actor
from showfloor.matchmaking import services
from showfloor.matchmaking.models import Meeting, MeetingRequest, Notification
from tests.matchmaking.factories import person

pytestmark = pytest.mark.django_db


def as_user(profile) -> Actor:
    return Actor(user=profile.participant.user)


@pytest.fixture
def pair(edition):
    return person(edition, type="investor"), person(edition, type="exhibitor_staff")


def test_send_request_notifies_recipient_on_page_and_by_mail(
    pair, django_capture_on_commit_callbacks
):
    a, b = pair
    with django_capture_on_commit_callbacks(execute=True):
        services.send_request(as_user(a), a.participant, b.participant, message="Hello")

    assert list(Notification.objects.values_list("participant_id", "kind")) == [
        (b.participant.pk, "request_received")
    ]
    assert [m.to for m in mail.outbox] == [[b.participant.email]]


def test_send_request_for_someone_else_is_refused(pair, edition):
    a, b = pair
    stranger = person(edition)

    with pytest.raises(PermissionDenied):
        services.send_request(as_user(stranger), a.participant, b.participant)


def test_send_request_to_self_is_refused(pair):
    a, _b = pair

    with pytest.raises(ValidationError) as error:
        services.send_request(as_user(a), a.participant, a.participant)

    assert error.value.message_dict == {
        "recipient": ["You cannot request a meeting with yourself."]
    }


def test_send_request_twice_is_refused(pair):
    a, b = pair
    services.send_request(as_user(a), a.participant, b.participant)

    with pytest.raises(ValidationError) as error:
        services.send_request(as_user(a), a.participant, b.participant)

    assert error.value.message_dict == {
        "recipient": ["You have already asked to meet this person."]
    }


def test_send_request_over_personal_maximum_is_refused(pair, edition):
    a, _b = pair
    config = services.settings_for(edition)
    config.max_requests_per_person = 1
    config.save()
    services.send_request(as_user(a), a.participant, person(edition).participant)

    with pytest.raises(ValidationError) as error:
        services.send_request(as_user(a), a.participant, person(edition).participant)

    assert error.value.messages == ["You have reached the maximum of 1 requests."]


def test_send_request_over_type_maximum_is_refused(pair, edition):
    a, _b = pair
    config = services.settings_for(edition)
    config.max_requests_per_type = {"investor": 0}
    config.save()

    with pytest.raises(ValidationError) as error:
        services.send_request(as_user(a), a.participant, person(edition).participant)

    assert error.value.messages == ["You have reached the maximum of 0 requests."]


def test_send_request_between_blocked_groups_is_refused(edition, system_actor):
    a = person(edition, type="exhibitor_staff")
    b = person(edition, type="exhibitor_staff")
    services.save_pair_rule(
        system_actor, edition, kind="block", type_a="exhibitor_staff", type_b="exhibitor_staff"
    )

    with pytest.raises(ValidationError) as error:
        services.send_request(as_user(a), a.participant, b.participant)

    assert error.value.message_dict == {"recipient": ["The organiser does not allow this meeting."]}


def test_send_request_with_auto_accept_creates_meeting(pair, edition):
    a, b = pair
    config = services.settings_for(edition)
    config.acceptance_mode = "auto_accept"
    config.save()

    request = services.send_request(as_user(a), a.participant, b.participant)

    assert (request.status, Meeting.objects.filter(request=request).count()) == ("accepted", 1)


def test_send_request_answering_theirs_makes_a_mutual_meeting_of_weight_two(pair):
    a, b = pair
    first = services.send_request(as_user(a), a.participant, b.participant)

    services.send_request(as_user(b), b.participant, a.participant)

    first.refresh_from_db()
    meeting = Meeting.objects.get()
    assert (first.status, first.mutual, meeting.weight) == ("accepted", True, 2)


def test_accept_request_by_recipient_creates_unscheduled_meeting(pair):
    a, b = pair
    request = services.send_request(as_user(a), a.participant, b.participant)

    meeting = services.accept_request(as_user(b), request)

    assert (meeting.status, meeting.participant_a_id, meeting.participant_b_id) == (
        "unscheduled",
        a.participant.pk,
        b.participant.pk,
    )


def test_accept_request_by_requester_is_refused(pair):
    a, b = pair
    request = services.send_request(as_user(a), a.participant, b.participant)

    with pytest.raises(PermissionDenied):
        services.accept_request(as_user(a), request)


def test_accept_request_twice_is_refused(pair):
    a, b = pair
    request = services.send_request(as_user(a), a.participant, b.participant)
    services.accept_request(as_user(b), request)

    with pytest.raises(ValidationError) as error:
        services.accept_request(as_user(b), request)

    assert error.value.messages == ["This request has already been answered or cancelled."]


def test_decline_request_keeps_reason_and_tells_requester(pair):
    a, b = pair
    request = services.send_request(as_user(a), a.participant, b.participant)

    services.decline_request(as_user(b), request, reason="no_time", note="Fully booked")

    request.refresh_from_db()
    assert (request.status, request.decline_reason, request.decline_note) == (
        "declined",
        "no_time",
        "Fully booked",
    )
    assert (
        Notification.objects.filter(participant=a.participant)
        .values_list("kind", flat=True)
        .first()
        == "request_declined"
    )


def test_cancel_accepted_request_cancels_its_meeting(pair):
    a, b = pair
    request = services.send_request(as_user(a), a.participant, b.participant)
    services.accept_request(as_user(b), request)

    services.cancel_request(as_user(a), request)

    assert list(MeetingRequest.objects.values_list("status", flat=True)) == ["cancelled"]
    assert list(Meeting.objects.values_list("status", flat=True)) == ["cancelled"]
