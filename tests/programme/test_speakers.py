import io

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from showfloor.core.permissions import Actor
from showfloor.programme import services
from showfloor.programme.models import Speaker
from tests.factories import UserFactory
from tests.programme.factories import SpeakerFactory

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, "PNG")
    return buffer.getvalue()


def test_invite_speaker_mails_link(edition, staff_user):
    speaker = SpeakerFactory(edition=edition, email="li@example.org", status="invited")
    actor = Actor.for_user(staff_user(edition, "programme"))
    token = services.invite_speaker(actor, speaker, accept_url_for=lambda t: f"https://x/{t}")
    assert (mail.outbox[0].to, f"https://x/{token}" in mail.outbox[0].body) == (
        ["li@example.org"],
        True,
    )


def test_accept_invitation_links_profile_to_user(client, edition, system_actor):
    speaker = SpeakerFactory(edition=edition, status="invited")
    token = services.invite_speaker(system_actor, speaker)
    user = UserFactory()
    client.force_login(user)
    client.post(
        reverse(
            "programme:speaker_invitation", kwargs={"edition_slug": edition.slug, "token": token}
        ),
        {"action": "accept"},
    )
    speaker.refresh_from_db()
    assert (speaker.user, speaker.status, speaker.invite_token) == (user, "confirmed", "")


def test_accept_invitation_used_token_is_refused(edition, system_actor):
    speaker = SpeakerFactory(edition=edition, status="invited")
    token = services.invite_speaker(system_actor, speaker)
    services.accept_invitation(Actor.for_user(UserFactory()), edition, token)
    with pytest.raises(ValidationError):
        services.accept_invitation(Actor.for_user(UserFactory()), edition, token)


def test_speaker_edits_own_bio(edition):
    user = UserFactory()
    speaker = SpeakerFactory(edition=edition, user=user)
    services.update_speaker_profile(Actor.for_user(user), speaker, {"bio": {"fr": "Chercheuse."}})
    assert Speaker.objects.get(pk=speaker.pk).bio == {"fr": "Chercheuse."}


def test_speaker_cannot_change_own_status(edition):
    user = UserFactory()
    speaker = SpeakerFactory(edition=edition, user=user, status="invited")
    with pytest.raises(PermissionDenied):
        services.update_speaker_profile(Actor.for_user(user), speaker, {"status": "confirmed"})
    assert Speaker.objects.get(pk=speaker.pk).status == "invited"


def test_other_user_cannot_edit_speaker(edition):
    speaker = SpeakerFactory(edition=edition, user=UserFactory())
    with pytest.raises(PermissionDenied):
        services.update_speaker_profile(Actor.for_user(UserFactory()), speaker, {"name": "X"})
    assert Speaker.objects.get(pk=speaker.pk).name == speaker.name


def test_speaker_photo_that_is_not_an_image_is_refused(edition):
    user = UserFactory()
    speaker = SpeakerFactory(edition=edition, user=user)
    fake = SimpleUploadedFile("me.png", b"<svg onload=alert(1)>", content_type="image/png")
    with pytest.raises(ValidationError) as caught:
        services.update_speaker_profile(Actor.for_user(user), speaker, {"photo": fake})
    assert caught.value.message_dict == {"photo": ["“me.png” is not a JPEG, PNG or WebP image."]}


def test_speaker_profile_page_saves_photo(client, edition):
    user = UserFactory()
    speaker = SpeakerFactory(edition=edition, user=user)
    client.force_login(user)
    client.post(
        reverse("programme:speaker_profile", kwargs={"edition_slug": edition.slug}),
        {
            "name": "Marie Curie",
            "job_title_en": "Professor",
            "photo": SimpleUploadedFile("me.png", png_bytes(), content_type="image/png"),
        },
    )
    speaker.refresh_from_db()
    assert (
        speaker.name,
        speaker.job_title,
        speaker.photo.name.startswith("programme/speakers/"),
    ) == (
        "Marie Curie",
        {"en": "Professor"},
        True,
    )
