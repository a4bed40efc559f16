"""Core domain: who runs fairs, the fairs and their editions, organisations, sectors, staff roles,
API tokens and the audit log."""

from __future__ import annotations

import datetime as dt
import hashlib
import zoneinfo
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.core.enums import (
    EditionMode,
    EditionStatus,
    OrganizationType,
    StaffRoleName,
)
from showfloor.core.i18n import (
    CONTENT_LANGUAGES,
    I18nField,
    I18nTextField,
    localized,
)
from showfloor.core.money import validate_currency
from showfloor.core.rules import ALL_PERMISSIONS


def validate_timezone(name: str) -> None:
    if name not in zoneinfo.available_timezones():
        raise ValidationError(
            _("“%(name)s” is not a known time zone (for example Asia/Shanghai, Europe/Paris)."),
            code="timezone",
            params={"name": name},
        )


def validate_languages(value: object) -> None:
    if not isinstance(value, list) or not value:
        raise ValidationError(_("Choose at least one language."), code="languages")
    unknown = [code for code in value if code not in CONTENT_LANGUAGES]
    if unknown:
        raise ValidationError(
            _("Unknown language(s): %(codes)s. Allowed: %(allowed)s."),
            code="languages",
            params={"codes": ", ".join(map(str, unknown)), "allowed": ", ".join(CONTENT_LANGUAGES)},
        )


RESERVED_SLUGS = frozenset({"admin", "api", "static", "media", "accounts", "i18n", "manage", "me"})


def validate_edition_slug(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(
            _("“%(slug)s” is reserved for the site's own addresses; choose another short name."),
            code="reserved",
            params={"slug": slug},
        )


def default_languages() -> list[str]:
    return list(CONTENT_LANGUAGES)


class Organizer(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("organizer")
        verbose_name_plural = _("organizers")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Expo(models.Model):
    """A recurring fair; its editions are its history."""

    organizer = models.ForeignKey(Organizer, on_delete=models.PROTECT, related_name="expos")
    name = I18nField(_("name"))
    slug = models.SlugField(_("short name"), max_length=60, unique=True)
    description = I18nTextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("expo")
        verbose_name_plural = _("expos")
        ordering = ["slug"]

    def __str__(self) -> str:
        return localized(self.name)


class Edition(models.Model):
    expo = models.ForeignKey(Expo, on_delete=models.PROTECT, related_name="editions")
    number = models.PositiveIntegerField(_("edition number"))
    name = I18nField(_("name"))
    slug = models.SlugField(
        _("short name"),
        max_length=60,
        unique=True,
        validators=[validate_edition_slug],
        help_text=_("Used in addresses: /chtf2020/"),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(_("last day"))
    venue = I18nField(_("venue"), blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = CountryField(_("country"), blank=True)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="Asia/Shanghai", validators=[validate_timezone]
    )
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default="CNY",
        validators=[validate_currency],
    )
    languages = models.JSONField(
        _("languages"), default=default_languages, validators=[validate_languages]
    )
    default_language = models.CharField(
        _("default language"),
        max_length=8,
        default="en",
        choices=[(code, code) for code in CONTENT_LANGUAGES],
    )
    mode = models.CharField(
        _("mode"), max_length=10, choices=EditionMode.choices, default=EditionMode.HYBRID
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    theme = I18nField(_("theme"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        ordering = ["-start_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["expo", "number"],
                name="edition_unique_number_per_expo",
                violation_error_message=_("This expo already has an edition with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__gte=models.F("start_date")),
                name="edition_ends_after_start",
                violation_error_message=_("An edition cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return localized(self.name, default_language=self.default_language) or self.slug

    def clean(self) -> None:
        errors: dict[str, list[ValidationError]] = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors.setdefault("end_date", []).append(
                ValidationError(
                    _("The last day (%(end)s) is before the first day (%(start)s)."),
                    code="end_before_start",
                    params={"end": self.end_date, "start": self.start_date},
                )
            )
        if isinstance(self.languages, list) and self.default_language not in self.languages:
            errors.setdefault("default_language", []).append(
                ValidationError(
                    _("The default language must be one of the edition's languages."),
                    code="default_language",
                )
            )
        if errors:
            raise ValidationError(errors)

    @property
    def tz(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def days(self) -> list[dt.date]:
        count = (self.end_date - self.start_date).days + 1
        return [self.start_date + dt.timedelta(days=offset) for offset in range(count)]

    @property
    def is_public(self) -> bool:
        return self.status != EditionStatus.DRAFT

    def day_bounds(self, day: dt.date) -> tuple[dt.datetime, dt.datetime]:
        """UTC instants at which `day` starts and ends in the edition's time zone."""
        start = dt.datetime.combine(day, dt.time.min, tzinfo=self.tz)
        return start.astimezone(dt.UTC), (start + dt.timedelta(days=1)).astimezone(dt.UTC)

    @cached_property
    def urls(self) -> EditionUrls:
        return EditionUrls(self)


class EditionUrls:
    """URLs of an edition, built in one place."""

    def __init__(self, edition: Edition) -> None:
        self.edition = edition

    @property
    def public(self) -> str:
        return reverse("web:edition_home", kwargs={"edition_slug": self.edition.slug})

    @property
    def dashboard(self) -> str:
        return reverse("analytics:dashboard", kwargs={"edition_slug": self.edition.slug})

    @property
    def audit_log(self) -> str:
        return reverse("core:audit_log", kwargs={"edition_slug": self.edition.slug})


class Sector(models.Model):
    """Technology domain taxonomy."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name = I18nField(_("name"))
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["code"]

    def __str__(self) -> str:
        return localized(self.name)


class Organization(models.Model):
    """A company, investor, institute, university, government body...; lives across editions."""

    name = I18nField(_("name"))
    type = models.CharField(
        _("type"), max_length=24, choices=OrganizationType.choices, default=OrganizationType.COMPANY
    )
    country = CountryField(_("country"))
    region = models.CharField(_("region or province"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = I18nTextField(_("description"), blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="organizations")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("organization")
        verbose_name_plural = _("organizations")
        ordering = ["id"]
        indexes = [models.Index(fields=["type", "country"])]

    def __str__(self) -> str:
        return localized(self.name)


class OrganizationMember(models.Model):
    """A user acting for an organisation; admins may manage the organisation's other members."""

    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    is_admin = models.BooleanField(_("organisation administrator"), default=False)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("organization member")
        verbose_name_plural = _("organization members")
        constraints = [
            models.UniqueConstraint(fields=["organization", "user"], name="member_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.organization}"


class StaffRole(models.Model):
    """An organiser staff role, for all of an organizer's editions or for one edition."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="staff_roles"
    )
    organizer = models.ForeignKey(Organizer, on_delete=models.CASCADE, related_name="staff_roles")
    edition = models.ForeignKey(
        Edition,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="staff_roles",
        help_text=_("Leave empty for a role in every edition of the organizer."),
    )
    role = models.CharField(_("role"), max_length=20, choices=StaffRoleName.choices)

    class Meta:
        verbose_name = _("staff role")
        verbose_name_plural = _("staff roles")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organizer", "edition", "role"], name="staff_role_unique"
            )
        ]

    def __str__(self) -> str:
        scope = self.edition.slug if self.edition_id else self.organizer.slug
        return f"{self.user} – {self.get_role_display()} ({scope})"

    def clean(self) -> None:
        if self.edition_id and self.edition.expo.organizer_id != self.organizer_id:
            raise ValidationError(
                {"edition": _("This edition belongs to another organizer.")}, code="organizer"
            )


def hash_token(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for an integration or a device, scoped to one edition.

    A token acting for a user holds the user's permissions in the edition, narrowed to
    `permissions` when that list is not empty; a device token (no user) holds `permissions`.
    Only a hash of the key is stored.
    """

    name = models.CharField(_("name"), max_length=100)
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="api_tokens")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="api_tokens",
    )
    permissions = models.JSONField(_("permissions"), default=list, blank=True)
    key_prefix = models.CharField(max_length=8, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True, editable=False)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self) -> str:
        return f"{self.name} ({self.key_prefix}…)"

    def clean(self) -> None:
        unknown = sorted(set(self.permissions or []) - ALL_PERMISSIONS)
        if unknown:
            raise ValidationError(
                {"permissions": _("Unknown permission(s): %(p)s.") % {"p": ", ".join(unknown)}}
            )

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEntry(models.Model):
    """Who changed what, when, through which service."""

    edition = models.ForeignKey(
        Edition, on_delete=models.CASCADE, null=True, blank=True, related_name="audit_entries"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_label = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=100)
    content_type = models.ForeignKey(
        ContentType, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_repr = models.CharField(max_length=200, blank=True)
    changes = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["edition", "-created_at"])]

    def __str__(self) -> str:
        return (
            f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.object_repr}"
        )


class DailySalt(models.Model):
    """A random salt per day for privacy-friendly unique-visitor counts; old ones are deleted."""

    day = models.DateField(unique=True)
    salt = models.CharField(max_length=64)

    def __str__(self) -> str:
        return str(self.day)
