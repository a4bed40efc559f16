"""Registering participants: per-type forms, consent, extra questions, capacity and day limits,
the confirmation mail, and bulk registration by staff or by exhibitors for their staff."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from showfloor.attendance.enums import (
    AttendanceMode,
    ParticipantType,
    QuestionKind,
    RegistrationStatus,
)
from showfloor.attendance.models import Participant, RegistrationForm
from showfloor.attendance.services.badges import issue_badge_unchecked, revoke_badges
from showfloor.core import audit
from showfloor.core.i18n import localized, normalise_language
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import create_object, save_validated, update_object
from showfloor.exhibitors.models import Exhibitor

# The keyword arguments register_participant() accepts.
PARTICIPANT_FIELDS = frozenset(
    {
        "type",
        "attendance_mode",
        "first_name",
        "last_name",
        "email",
        "organization",
        "organization_name",
        "job_title",
        "country",
        "language",
        "exhibitor",
        "user",
    }
)
EXTRA_FIELDS = frozenset({"sectors", "days", "answers", "consent"})


def _may_register_for_exhibitor(actor: Actor, exhibitor: Exhibitor | None) -> bool:
    return exhibitor is not None and actor.is_member_of(exhibitor.organization_id)


def registration_role(actor: Actor, edition: Edition, fields: dict[str, Any]) -> str:
    """'staff' (anyone, any type), 'exhibitor' (its own staff) or 'self' (open forms only)."""
    if actor.is_system or actor.has_perm(Perm.MANAGE_REGISTRATION, edition):
        return "staff"
    if fields.get("type") == ParticipantType.EXHIBITOR_STAFF:
        exhibitor = fields.get("exhibitor")
        if exhibitor is None or exhibitor.edition_id != edition.pk:
            raise ValidationError({"exhibitor": _("Choose the exhibitor this person works for.")})
        if not _may_register_for_exhibitor(actor, exhibitor):
            raise PermissionDenied("not a member of this exhibitor")
        return "exhibitor"
    return "self"


def allowed_days(edition: Edition, form: RegistrationForm | None) -> list[dt.date]:
    if form is not None and form.days:
        return sorted(dt.date.fromisoformat(day) for day in form.days)
    return edition.days


def _clean_days(edition: Edition, form: RegistrationForm | None, days: Iterable[Any]) -> list[str]:
    allowed = allowed_days(edition, form)
    chosen = []
    for day in days or ():
        try:
            value = day if isinstance(day, dt.date) else dt.date.fromisoformat(str(day))
        except ValueError:
            raise ValidationError({"days": _("“%(day)s” is not a date.") % {"day": day}}) from None
        if value not in allowed:
            raise ValidationError(
                {"days": _("%(day)s is not a day you can register for.") % {"day": value}}
            )
        chosen.append(value.isoformat())
    if not chosen and form is not None and form.days:
        chosen = [day.isoformat() for day in allowed]
    return sorted(set(chosen))


def _clean_answers(form: RegistrationForm | None, answers: dict[str, Any]) -> dict[str, Any]:
    if form is None:
        return {}
    cleaned: dict[str, Any] = {}
    errors: dict[str, list[str]] = {}
    for question in form.questions:
        key = question["key"]
        value = answers.get(key, "")
        value = value.strip() if isinstance(value, str) else value
        kind = question.get("kind", QuestionKind.TEXT)
        label = localized(question.get("label")) or key
        if value in ("", None):
            if question.get("required"):
                errors[f"answers.{key}"] = [_("“%(q)s” needs an answer.") % {"q": label}]
            continue
        if kind == QuestionKind.CHOICE and value not in question.get("choices", []):
            errors[f"answers.{key}"] = [_("“%(v)s” is not one of the choices.") % {"v": value}]
            continue
        if kind == QuestionKind.YES_NO:
            if str(value).lower() not in ("yes", "no", "true", "false", "1", "0", "on"):
                errors[f"answers.{key}"] = [_("Answer yes or no.")]
                continue
            value = str(value).lower() in ("yes", "true", "1", "on")
        cleaned[key] = value
    if errors:
        raise ValidationError(errors)
    return cleaned


def _check_capacity(form: RegistrationForm, days: list[str]) -> None:
    """Called with the form row locked, so two registrations cannot take the last place."""
    taken = list(
        Participant.objects.filter(
            registration_form=form, status=RegistrationStatus.REGISTERED
        ).values_list("days", flat=True)
    )
    if form.capacity is not None and len(taken) >= form.capacity:
        raise ValidationError(_("Registration is full."), code="full")
    if form.day_capacity is None:
        return
    form_days = [day.isoformat() for day in allowed_days(form.edition, form)]
    for day in days or form_days:
        count = sum(1 for other in taken if not other or day in other)
        if count >= form.day_capacity:
            raise ValidationError({"days": _("%(day)s is full.") % {"day": day}}, code="day_full")


def _check_duplicate(edition: Edition, email: str) -> None:
    if (
        email
        and Participant.objects.filter(
            edition=edition, email__iexact=email, status=RegistrationStatus.REGISTERED
        ).exists()
    ):
        raise ValidationError({"email": _("This e-mail address is already registered.")})


@transaction.atomic
def register_participant(
    actor: Actor,
    edition: Edition,
    *,
    send_confirmation: bool = True,
    **fields: Any,
) -> Participant:
    """Register one participant in `edition` and return it (stable signature).

    `fields`: type (ParticipantType, default professional), first_name (required), last_name,
    email, organization (core Organization), organization_name, job_title, country (ISO code),
    language, attendance_mode (AttendanceMode, default onsite), exhibitor (for exhibitor staff),
    user, sectors (iterable of Sector), days (ISO dates; empty = every allowed day),
    answers ({question key: answer}), consent (bool).

    Who may: staff with can_manage_registration and the system register any type, even on a
    closed form; members of an exhibitor register its staff; anyone else registers only on an
    open form, must accept its consent text and answer its required questions. A form's capacity
    and day limits always apply (its row is locked while counting). An on-site participant gets
    a badge at once (see badges.issue_badge). The confirmation mail with the manage link is sent
    after the commit unless send_confirmation is False. Raises ValidationError / PermissionDenied.
    """
    unknown = set(fields) - PARTICIPANT_FIELDS - EXTRA_FIELDS
    if unknown:
        raise TypeError(f"unknown participant fields: {', '.join(sorted(unknown))}")
    fields.setdefault("type", ParticipantType.PROFESSIONAL)
    role = registration_role(actor, edition, fields)
    form = (
        RegistrationForm.objects.select_for_update()
        .select_related("edition")
        .filter(edition=edition, participant_type=fields["type"])
        .first()
    )
    if role == "self":
        if form is None or not form.is_open:
            raise ValidationError(_("Registration is not open for this participant type."))
        if localized(form.consent_text) and not fields.get("consent"):
            raise ValidationError({"consent": _("Please accept the terms to register.")})
    days = _clean_days(edition, form, fields.pop("days", ()))
    answers = _clean_answers(form, fields.pop("answers", None) or {})
    sectors = list(fields.pop("sectors", ()) or ())
    consent = bool(fields.pop("consent", False))
    if form is not None:
        _check_capacity(form, days)
    _check_duplicate(edition, fields.get("email", ""))
    values = {
        **fields,
        "edition": edition,
        "registration_form": form,
        "days": days,
        "answers": answers,
        "consent_given_at": timezone.now() if consent else None,
        "language": normalise_language(fields.get("language") or edition.default_language),
    }
    participant = create_object(actor, Participant, values, m2m={"sectors": sectors})
    if participant.attendance_mode in (AttendanceMode.ONSITE, AttendanceMode.BOTH):
        issue_badge_unchecked(actor, participant)
    if send_confirmation and participant.email:
        transaction.on_commit(lambda: send_confirmation_mail(participant))
    return participant


def send_confirmation_mail(participant: Participant) -> None:
    """The confirmation in the participant's language, with the link to manage the
    registration (and download the badge)."""
    with translation.override(participant.language):
        context = {
            "participant": participant,
            "edition": participant.edition,
            "manage_url": settings.SITE_URL + participant.urls.manage,
        }
        subject = _("Your registration for %(edition)s") % {
            "edition": localized(participant.edition.name)
        }
        body = render_to_string("attendance/mail/confirmation.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [participant.email])


@transaction.atomic
def cancel_registration(actor: Actor, participant: Participant) -> Participant:
    locked = Participant.objects.select_for_update().get(pk=participant.pk)
    if locked.status != RegistrationStatus.CANCELLED:
        locked.status = RegistrationStatus.CANCELLED
        save_validated(locked)
        revoke_badges(actor, locked, reason="cancelled")
        audit.record(
            actor,
            "attendance.participant.cancel",
            locked,
            edition=locked.edition,
            changes={"status": [RegistrationStatus.REGISTERED, RegistrationStatus.CANCELLED]},
        )
    return locked


@transaction.atomic
def save_registration_form(actor: Actor, edition: Edition, **values: Any) -> RegistrationForm:
    """Create or update the form of one participant type (staff with can_manage_registration)."""
    require(actor, Perm.MANAGE_REGISTRATION, edition)
    _validate_questions(values.get("questions", []))
    existing = RegistrationForm.objects.filter(
        edition=edition, participant_type=values["participant_type"]
    ).first()
    if existing is None:
        return create_object(actor, RegistrationForm, {"edition": edition, **values})
    update_object(actor, existing, values)
    return existing


def _validate_questions(questions: Any) -> None:
    if not isinstance(questions, list):
        raise ValidationError({"questions": _("Questions must be a list.")})
    keys = set()
    for index, question in enumerate(questions, start=1):
        if not isinstance(question, dict) or not question.get("key"):
            raise ValidationError({"questions": _("Question %(n)s has no key.") % {"n": index}})
        if question["key"] in keys:
            raise ValidationError(
                {"questions": _("Two questions use the key “%(k)s”.") % {"k": question["key"]}}
            )
        keys.add(question["key"])
        kind = question.get("kind", QuestionKind.TEXT)
        if kind not in QuestionKind.values:
            raise ValidationError({"questions": _("Unknown kind “%(k)s”.") % {"k": kind}})
        if kind == QuestionKind.CHOICE and not question.get("choices"):
            raise ValidationError(
                {"questions": _("Question “%(k)s” needs choices.") % {"k": question["key"]}}
            )
