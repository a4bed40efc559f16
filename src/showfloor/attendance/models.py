"""Attendance: participants, registration forms, badges, gates, scanner devices, entrance scans
and leads (an exhibitor's scan of a visitor at its booth)."""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.attendance.enums import (
    AttendanceMode,
    ParticipantType,
    RegistrationStatus,
    ScanResult,
)
from showfloor.core.i18n import I18nField, I18nTextField
from showfloor.core.models import ApiToken, Edition, Organization, Sector
from showfloor.exhibitors.models import Exhibitor


def new_secret() -> str:
    """A random, unguessable secret (192 bits, URL-safe); carries no personal data."""
    return secrets.token_urlsafe(24)


def hash_secret(secret: str) -> str:
    """The hash offline devices receive instead of the secrets themselves."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Participant(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participations",
    )
    type = models.CharField(
        _("participant type"),
        max_length=20,
        choices=ParticipantType.choices,
        default=ParticipantType.PROFESSIONAL,
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=10,
        choices=AttendanceMode.choices,
        default=AttendanceMode.ONSITE,
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
    )
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    exhibitor = models.ForeignKey(
        Exhibitor,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="staff",
        help_text=_("For exhibitor staff: the exhibitor they work for."),
    )
    sectors = models.ManyToManyField(Sector, blank=True, related_name="participants")
    created_at = models.DateTimeField(auto_now_add=True)
    registration_form = models.ForeignKey(
        "RegistrationForm",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="participants",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.REGISTERED,
    )
    # Edition days (ISO dates) the participant registered for; empty means every day.
    days = models.JSONField(_("days"), default=list, blank=True)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    consent_given_at = models.DateTimeField(_("consent given at"), null=True, blank=True)
    # The secret in the confirmation mail's "manage my registration" link.
    manage_key = models.CharField(max_length=64, default=new_secret, db_index=True, editable=False)
    erased_at = models.DateTimeField(_("erased at"), null=True, blank=True)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["id"]
        indexes = [models.Index(fields=["edition", "type"]), models.Index(fields=["email"])]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)

    @property
    def organization_label(self) -> str:
        """The organisation as typed at registration, else the linked organisation's name."""
        return self.organization_name or (str(self.organization) if self.organization else "")

    @property
    def is_erased(self) -> bool:
        return self.erased_at is not None

    @cached_property
    def urls(self) -> ParticipantUrls:
        return ParticipantUrls(self)


class ParticipantUrls:
    def __init__(self, participant: Participant) -> None:
        self.participant = participant

    def _kwargs(self) -> dict[str, str]:
        return {
            "edition_slug": self.participant.edition.slug,
            "manage_key": self.participant.manage_key,
        }

    @property
    def manage(self) -> str:
        return reverse("attendance:manage", kwargs=self._kwargs())

    @property
    def badge_pdf(self) -> str:
        return reverse("attendance:manage_badge", kwargs=self._kwargs())

    @property
    def data_export(self) -> str:
        return reverse("attendance:manage_export", kwargs=self._kwargs())


class RegistrationForm(models.Model):
    """The registration form of one participant type in one edition.

    `questions` is a list of {"key", "label" (language map), "kind" (text|choice|yes_no),
    "required" (bool), "choices" (list of str, for choice)}; answers are stored on the participant.
    """

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, related_name="registration_forms"
    )
    participant_type = models.CharField(
        _("participant type"), max_length=20, choices=ParticipantType.choices
    )
    title = I18nField(_("title"))
    intro = I18nTextField(_("introduction"), blank=True)
    consent_text = I18nTextField(
        _("consent text"),
        blank=True,
        help_text=_("Registrants must accept this text (data use, photos...)."),
    )
    questions = models.JSONField(_("extra questions"), default=list, blank=True)
    is_open = models.BooleanField(_("open for registration"), default=True)
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Empty: no limit.")
    )
    # Days one may register for (ISO dates; empty: every edition day), and people per day.
    days = models.JSONField(_("days"), default=list, blank=True)
    day_capacity = models.PositiveIntegerField(
        _("capacity per day"), null=True, blank=True, help_text=_("Empty: no limit.")
    )

    class Meta:
        verbose_name = _("registration form")
        verbose_name_plural = _("registration forms")
        ordering = ["edition", "participant_type"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "participant_type"],
                name="registration_form_once_per_type",
                violation_error_message=_("This participant type already has a form."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition.slug}: {self.get_participant_type_display()}"


class Gate(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="gates")
    code = models.SlugField(_("code"), max_length=40)
    name = I18nField(_("name"))

    class Meta:
        verbose_name = _("gate")
        verbose_name_plural = _("gates")
        ordering = ["edition", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="gate_code_once_per_edition",
                violation_error_message=_("This edition already has a gate with this code."),
            )
        ]

    def __str__(self) -> str:
        return self.code


class AccessRule(models.Model):
    """Where and when a badge of one participant type lets its holder in."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="access_rules")
    participant_type = models.CharField(
        _("participant type"), max_length=20, choices=ParticipantType.choices
    )
    days = models.JSONField(
        _("days"), default=list, blank=True, help_text=_("ISO dates; empty: every day.")
    )
    gates = models.ManyToManyField(
        Gate, blank=True, related_name="access_rules", help_text=_("Empty: every gate.")
    )
    reentry_allowed = models.BooleanField(_("re-entry allowed"), default=False)

    class Meta:
        verbose_name = _("access rule")
        verbose_name_plural = _("access rules")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "participant_type"],
                name="access_rule_once_per_type",
                violation_error_message=_("This participant type already has an access rule."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.edition.slug}: {self.participant_type}"


class Badge(models.Model):
    """A QR credential. The QR code carries only `secret`; a reprint revokes the old secret."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="badges")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="badges")
    secret = models.CharField(max_length=64, unique=True, default=new_secret, editable=False)
    secret_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revocation"), max_length=100, blank=True)

    class Meta:
        verbose_name = _("badge")
        verbose_name_plural = _("badges")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["participant"],
                condition=models.Q(revoked_at__isnull=True),
                name="badge_one_active_per_participant",
            )
        ]

    def __str__(self) -> str:
        return f"badge {self.pk} of participant {self.participant_id}"

    def save(self, *args: object, **kwargs: object) -> None:
        self.secret_hash = hash_secret(self.secret)
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class ScannerDevice(models.Model):
    """A registered scanner: a handheld with its own API token (`can_scan_badges` only), or the
    web scanner page of a staff user (then `user` is set and the session authenticates)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="scanner_devices")
    name = models.CharField(_("name"), max_length=100)
    gate = models.ForeignKey(
        Gate, on_delete=models.SET_NULL, null=True, blank=True, related_name="devices"
    )
    token = models.OneToOneField(
        ApiToken,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="scanner_device",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="scanner_devices",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("scanner device")
        verbose_name_plural = _("scanner devices")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and (self.token is None or self.token.is_active)


class EntryScan(models.Model):
    """One entrance scan, accepted or refused, recorded exactly once per (device, nonce)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="entry_scans")
    device = models.ForeignKey(ScannerDevice, on_delete=models.PROTECT, related_name="scans")
    nonce = models.CharField(max_length=64)
    gate = models.ForeignKey(
        Gate, on_delete=models.SET_NULL, null=True, blank=True, related_name="scans"
    )
    badge = models.ForeignKey(
        Badge, on_delete=models.SET_NULL, null=True, blank=True, related_name="scans"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="entry_scans"
    )
    # Kept on the scan so the counts survive a participant's erasure.
    participant_type = models.CharField(max_length=20, blank=True)
    result = models.CharField(max_length=20, choices=ScanResult.choices)
    day = models.DateField()  # the edition-local day of `scanned_at`
    scanned_at = models.DateTimeField()  # when the device scanned (device clock)
    received_at = models.DateTimeField()  # when the server recorded it
    offline = models.BooleanField(default=False)
    # For an offline scan: what the device decided on its own, when it differs from the server.
    conflict = models.CharField(max_length=20, blank=True)
    # The participant's first accepted entry of the day. At most one per (participant, day):
    # the database refuses a second, so two gates admitting the same person at the same instant
    # cannot both succeed, whatever each of them read before.
    first_of_day = models.BooleanField(default=False, editable=False)

    class Meta:
        verbose_name = _("entrance scan")
        verbose_name_plural = _("entrance scans")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["device", "nonce"], name="entry_scan_nonce_per_device"),
            models.UniqueConstraint(
                fields=["participant", "day"],
                condition=models.Q(first_of_day=True),
                name="entry_scan_first_of_day",
            ),
        ]
        indexes = [models.Index(fields=["edition", "result", "day"])]

    def __str__(self) -> str:
        return f"{self.nonce}: {self.result}"

    @property
    def accepted(self) -> bool:
        return self.result == ScanResult.ACCEPTED


class Lead(models.Model):
    """An exhibitor's scan of a visitor at its booth, with the exhibitor's rating, notes, tags."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="leads")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="leads")
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="leads")
    scanned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    day = models.DateField()
    scanned_at = models.DateTimeField()
    rating = models.PositiveSmallIntegerField(
        _("rating"), null=True, blank=True, help_text=_("1 (cold) to 5 (hot).")
    )
    notes = models.TextField(_("notes"), blank=True)
    tags = models.JSONField(_("follow-up tags"), default=list, blank=True)

    class Meta:
        verbose_name = _("lead")
        verbose_name_plural = _("leads")
        ordering = ["-scanned_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["exhibitor", "participant"], name="lead_once_per_exhibitor"
            ),
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__gte=1, rating__lte=5),
                name="lead_rating_1_to_5",
                violation_error_message=_("The rating goes from 1 to 5."),
            ),
        ]
        indexes = [models.Index(fields=["edition", "day"])]

    def __str__(self) -> str:
        return f"lead {self.exhibitor_id}/{self.participant_id}"
