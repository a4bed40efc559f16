from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from showfloor.attendance.models import Badge, Participant
from showfloor.guests import services
from tests.guests.factories import InvitationFactory


@pytest.mark.django_db
def test_invitation_token_is_long_and_random(edition):
    first, second = InvitationFactory(edition=edition), InvitationFactory(edition=edition)

    assert len(first.token) == 32
    assert first.token != second.token


@pytest.mark.django_db
def test_accepting_registers_a_vip_and_issues_a_badge(edition):
    invitation = InvitationFactory(edition=edition, email="ada@example.org")

    services.respond_to_invitation(invitation.token, accept=True, dietary_notes="Vegetarian")

    invitation.refresh_from_db()
    participant = invitation.participant
    assert (invitation.status, invitation.dietary_notes) == ("accepted", "Vegetarian")
    assert (participant.type, participant.email) == ("vip", "ada@example.org")
    assert Badge.objects.filter(participant=participant, revoked_at__isnull=True).count() == 1


@pytest.mark.django_db
def test_accepting_twice_keeps_one_participant_and_one_badge(edition):
    invitation = InvitationFactory(edition=edition)

    services.respond_to_invitation(invitation.token, accept=True)
    services.respond_to_invitation(invitation.token, accept=True)

    assert Participant.objects.filter(edition=edition).count() == 1
    assert Badge.objects.filter(edition=edition).count() == 1


@pytest.mark.django_db
def test_declining_after_accepting_revokes_the_badge(edition):
    invitation = InvitationFactory(edition=edition)
    services.respond_to_invitation(invitation.token, accept=True)

    services.respond_to_invitation(invitation.token, accept=False)

    assert Badge.objects.filter(edition=edition, revoked_at__isnull=True).count() == 0


@pytest.mark.django_db
def test_declining_issues_no_badge(edition):
    invitation = InvitationFactory(edition=edition)

    services.respond_to_invitation(invitation.token, accept=False)

    invitation.refresh_from_db()
    assert (invitation.status, invitation.participant_id) == ("declined", None)


@pytest.mark.django_db
def test_withdrawn_invitation_cannot_be_accepted(edition, system_actor):
    invitation = InvitationFactory(edition=edition)
    services.cancel_invitation(system_actor, invitation)

    with pytest.raises(ValidationError):
        services.respond_to_invitation(invitation.token, accept=True)


@pytest.mark.django_db
def test_rsvp_page_with_wrong_token_is_404(client, edition):
    InvitationFactory(edition=edition)

    response = client.get(f"/{edition.slug}/invitations/not-a-token/")

    assert response.status_code == 404


@pytest.mark.django_db
def test_rsvp_page_accepts_and_shows_the_badge(client, edition):
    invitation = InvitationFactory(edition=edition)

    response = client.post(invitation.rsvp_url, {"answer": "accept"}, follow=True)

    assert response.context["badge"].participant == Participant.objects.get(edition=edition)


@pytest.mark.django_db
def test_sending_mails_the_personal_link_in_the_guest_language(
    edition, system_actor, mailoutbox, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(edition=edition, language="fr", first_name="Ada")

    with django_capture_on_commit_callbacks(execute=True):
        services.send_invitation(system_actor, invitation)

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [invitation.email]
    assert invitation.rsvp_url in mailoutbox[0].body
    assert mailoutbox[0].subject.startswith("Votre invitation")
