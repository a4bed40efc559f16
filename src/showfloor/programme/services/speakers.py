"""Speakers: staff invite them; the invited person confirms with the link they receive and then
edits their own profile (bio, photo, organisation)."""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from showfloor.core import audit
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import create_object, update_object
from showfloor.programme.enums import SpeakerStatus
from showfloor.programme.models import Speaker
from showfloor.programme.rules import can_edit_speaker_profile

# What a speaker may change on their own profile; staff may change everything.
SELF_EDITABLE = ("name", "job_title", "organization_name", "country", "bio", "photo")
MAX_PHOTO_PIXELS = 4000 * 4000


def create_speaker(actor: Actor, edition: Edition, values: dict[str, Any]) -> Speaker:
    require(actor, Perm.MANAGE_PROGRAMME, edition)
    return create_object(actor, Speaker, {"edition": edition, **values})


@transaction.atomic
def invite_speaker(actor: Actor, speaker: Speaker, accept_url_for: Any = None) -> str:
    """Give the speaker a fresh invitation token (mailed when they have an address)."""
    require(actor, Perm.MANAGE_PROGRAMME, speaker.edition)
    token = secrets.token_urlsafe(24)
    Speaker.objects.filter(pk=speaker.pk).update(
        invite_token=token, invited_at=timezone.now(), status=SpeakerStatus.INVITED
    )
    speaker.refresh_from_db()
    audit.record(actor, "programme.speaker.invite", speaker, edition=speaker.edition)
    if speaker.email and accept_url_for is not None:
        send_mail(
            _("Invitation to speak at %(edition)s") % {"edition": speaker.edition},
            _("Please confirm your participation and complete your profile: %(url)s")
            % {"url": accept_url_for(token)},
            None,
            [speaker.email],
        )
    return token


@transaction.atomic
def accept_invitation(actor: Actor, edition: Edition, token: str) -> Speaker:
    """The signed-in person behind an invitation confirms; the profile becomes theirs."""
    if actor.user is None or not token:
        raise PermissionDenied("sign in to accept an invitation")
    speaker = (
        Speaker.objects.select_for_update().filter(edition=edition, invite_token=token).first()
    )
    if speaker is None:
        raise ValidationError(_("This invitation link is not valid any more."), code="token")
    changes = audit.apply_changes(
        speaker,
        {
            "user": actor.user,
            "status": SpeakerStatus.CONFIRMED,
            "confirmed_at": timezone.now(),
            "invite_token": "",
        },
    )
    speaker.save()
    audit.record(actor, "programme.speaker.confirm", speaker, edition=edition, changes=changes)
    return speaker


@transaction.atomic
def decline_invitation(actor: Actor, edition: Edition, token: str) -> Speaker:
    speaker = (
        Speaker.objects.select_for_update().filter(edition=edition, invite_token=token).first()
    )
    if speaker is None or not token:
        raise ValidationError(_("This invitation link is not valid any more."), code="token")
    speaker.status = SpeakerStatus.DECLINED
    speaker.invite_token = ""
    speaker.save(update_fields=["status", "invite_token"])
    audit.record(actor, "programme.speaker.decline", speaker, edition=edition)
    return speaker


def validate_photo(photo: UploadedFile) -> None:
    """A real raster image of sane size: Pillow must decode it, not trust its name."""
    try:
        with Image.open(photo) as image:
            width, height = image.size
            kind = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            {"photo": [_("“%(name)s” is not a JPEG, PNG or WebP image.") % {"name": photo.name}]}
        ) from exc
    finally:
        photo.seek(0)
    if kind not in ("JPEG", "PNG", "WEBP"):
        raise ValidationError(
            {"photo": [_("“%(name)s” is not a JPEG, PNG or WebP image.") % {"name": photo.name}]}
        )
    if width * height > MAX_PHOTO_PIXELS:
        raise ValidationError(
            {
                "photo": [
                    _("The photo is %(w)s×%(h)s pixels; at most 4000×4000 are accepted.")
                    % {"w": width, "h": height}
                ]
            }
        )


def update_speaker_profile(actor: Actor, speaker: Speaker, values: dict[str, Any]) -> Speaker:
    if not can_edit_speaker_profile(actor, speaker):
        raise PermissionDenied("not your profile")
    if not actor.has_perm(Perm.MANAGE_PROGRAMME, speaker.edition):
        refused = sorted(set(values) - set(SELF_EDITABLE))
        if refused:
            raise PermissionDenied(f"speakers may not change {', '.join(refused)}")
    photo = values.get("photo")
    if photo is not None and hasattr(photo, "seek") and not isinstance(photo, str):
        validate_photo(photo)
    update_object(actor, speaker, values, edition=speaker.edition)
    return speaker
