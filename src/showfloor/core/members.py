"""Organisation accounts: the members who act for an organisation, managed by its admins.

A member added by e-mail who has no account yet gets one with no password and an invitation
mail whose link lets them choose a password (Django's password-reset token).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from showfloor.core import audit
from showfloor.core.models import Organization, OrganizationMember
from showfloor.core.permissions import Actor


def may_manage_members(actor: Actor, organization: Organization) -> bool:
    """Organisation admins manage their members; so do superusers."""
    if actor.user is not None and actor.user.is_superuser:
        return True
    return actor.is_member_of(organization.pk, admin=True)


def _require(actor: Actor, organization: Organization) -> None:
    if not may_manage_members(actor, organization):
        raise PermissionDenied("organisation admin")


def _user_for_email(email: str) -> tuple[Any, bool]:
    user_model = get_user_model()
    user = user_model.objects.filter(email__iexact=email).order_by("id").first()
    if user is not None:
        return user, False
    user = user_model(username=email.lower()[:150], email=email.lower())
    user.set_unusable_password()
    user.save()
    return user, True


def invitation_link(user: Any) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    return f"{settings.SITE_URL}{path}"


@transaction.atomic
def invite_member(
    actor: Actor,
    organization: Organization,
    email: str,
    *,
    is_admin: bool = False,
    job_title: str = "",
) -> OrganizationMember:
    """Add the person with this e-mail to the organisation, creating their account if needed."""
    _require(actor, organization)
    email = email.strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(
            {"email": [_("“%(email)s” is not a valid e-mail address.") % {"email": email}]}
        ) from None
    user, created = _user_for_email(email)
    if OrganizationMember.objects.filter(organization=organization, user=user).exists():
        raise ValidationError({"email": [_("%(email)s is already a member.") % {"email": email}]})
    member = OrganizationMember.objects.create(
        organization=organization, user=user, is_admin=is_admin, job_title=job_title
    )
    audit.record(
        actor,
        "core.organizationmember.create",
        member,
        changes={"email": [None, email], "is_admin": [None, is_admin]},
    )
    if created:
        context = {
            "organization": organization,
            "link": invitation_link(user),
            "inviter": actor.display,
        }
        send_mail(
            _("You are invited to act for %(organization)s on Showfloor")
            % {"organization": str(organization)},
            render_to_string("core/mail/member_invitation.txt", context),
            None,
            [email],
        )
    return member


@transaction.atomic
def set_member_admin(actor: Actor, member: OrganizationMember, is_admin: bool) -> None:
    _require(actor, member.organization)
    locked = OrganizationMember.objects.select_for_update().get(pk=member.pk)
    if not is_admin:
        _keep_one_admin(locked)
    changes = audit.apply_changes(locked, {"is_admin": is_admin})
    if changes:
        locked.save(update_fields=["is_admin"])
        audit.record(actor, "core.organizationmember.update", locked, changes=changes)
    member.refresh_from_db()


@transaction.atomic
def remove_member(actor: Actor, member: OrganizationMember) -> None:
    _require(actor, member.organization)
    locked = OrganizationMember.objects.select_for_update().get(pk=member.pk)
    _keep_one_admin(locked)
    audit.record(actor, "core.organizationmember.delete", locked)
    locked.delete()


def _keep_one_admin(member: OrganizationMember) -> None:
    if not member.is_admin:
        return
    admins = OrganizationMember.objects.select_for_update().filter(
        organization_id=member.organization_id, is_admin=True
    )
    if admins.count() <= 1:
        raise ValidationError(
            _(
                "An organisation keeps at least one administrator: make another member an "
                "administrator first."
            ),
            code="last_admin",
        )
