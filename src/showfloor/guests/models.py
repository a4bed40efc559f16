"""Guests: official delegations, VIP invitations with RSVP, and open-house site visits."""

from __future__ import annotations

import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.attendance.models import Participant
from showfloor.core.i18n import I18nField, I18nTextField, localized
from showfloor.core.models import Edition, Organization
from showfloor.exhibitors.models import Exhibitor
from showfloor.guests.enums import (
    BookingStatus,
    DelegationLevel,
    InvitationCategory,
    InvitationStatus,
    SiteKind,
)


def new_token() -> str:
    """A personal link's key: 192 random bits, URL-safe; unguessable."""
    return secrets.token_urlsafe(24)


class Delegation(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="delegations")
    name = I18nField(_("name"))
    level = models.CharField(_("level"), max_length=16, choices=DelegationLevel.choices)
    country = CountryField(_("country"))
    region = models.CharField(_("province or region"), max_length=100, blank=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    head_name = models.CharField(_("head of delegation"), max_length=200)
    head_title = models.CharField(_("title of the head"), max_length=200, blank=True)
    organizations = models.ManyToManyField(
        Organization, blank=True, related_name="delegations", verbose_name=_("organisations")
    )
    arrives_on = models.DateField(_("arrives on"), null=True, blank=True)
    leaves_on = models.DateField(_("leaves on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")
        ordering = ["id"]
        indexes = [models.Index(fields=["edition", "country"])]

    def __str__(self) -> str:
        return localized(self.name)


class DelegationMember(models.Model):
    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="members")
    full_name = models.CharField(_("name"), max_length=200)
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    participant = models.ForeignKey(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.full_name


class DelegationVisit(models.Model):
    """One item of a delegation's programme: a booth, a site, a meeting."""

    delegation = models.ForeignKey(Delegation, on_delete=models.CASCADE, related_name="visits")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    title = I18nField(_("title"))
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    site = models.ForeignKey(
        "SiteVisit", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    location = models.CharField(_("where"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("delegation visit")
        verbose_name_plural = _("delegation visits")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="delegation_visit_ends_after_start",
                violation_error_message=_("A visit must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return localized(self.title)


class Invitation(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="invitations")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    category = models.CharField(
        _("category"), max_length=20, choices=InvitationCategory.choices, default="vip"
    )
    honorific = models.CharField(_("honorific"), max_length=60, blank=True)
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, blank=True)
    email = models.EmailField(_("e-mail"))
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    organization = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    organization_name = models.CharField(_("organisation"), max_length=200, blank=True)
    country = CountryField(_("country"), blank=True)
    language = models.CharField(_("language"), max_length=8, default="en")
    delegation = models.ForeignKey(
        Delegation, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitations"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=InvitationStatus.choices, default="pending"
    )
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    responded_at = models.DateTimeField(_("replied at"), null=True, blank=True)
    dietary_notes = models.CharField(_("dietary requirements"), max_length=300, blank=True)
    protocol_notes = models.TextField(
        _("protocol notes"),
        blank=True,
        help_text=_("For staff only: precedence, seating, escort, interpretation."),
    )
    participant = models.OneToOneField(
        Participant, on_delete=models.SET_NULL, null=True, blank=True, related_name="invitation"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["id"]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return " ".join(part for part in (self.honorific, self.first_name, self.last_name) if part)

    @property
    def rsvp_url(self) -> str:
        return reverse(
            "guests:rsvp", kwargs={"edition_slug": self.edition.slug, "token": self.token}
        )


class SiteVisit(models.Model):
    """An open-house site: a lab, a museum, a science park."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="site_visits")
    name = I18nField(_("name"))
    kind = models.CharField(_("kind"), max_length=12, choices=SiteKind.choices)
    description = I18nTextField(_("description"), blank=True)
    address = models.CharField(_("address"), max_length=300)
    city = models.CharField(_("city"), max_length=100, blank=True)
    host = models.ForeignKey(
        Organization, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("site visit")
        verbose_name_plural = _("site visits")
        ordering = ["id"]

    def __str__(self) -> str:
        return localized(self.name)


class VisitSlot(models.Model):
    site = models.ForeignKey(SiteVisit, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    capacity = models.PositiveIntegerField(_("places"), validators=[MinValueValidator(1)])

    class Meta:
        verbose_name = _("time slot")
        verbose_name_plural = _("time slots")
        ordering = ["starts_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="visit_slot_ends_after_start",
                violation_error_message=_("A slot must end after it starts."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.site} {self.starts_at:%Y-%m-%d %H:%M}"


class VisitBooking(models.Model):
    slot = models.ForeignKey(VisitSlot, on_delete=models.CASCADE, related_name="bookings")
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    full_name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"))
    party_size = models.PositiveSmallIntegerField(
        _("people"), default=1, validators=[MinValueValidator(1), MaxValueValidator(6)]
    )
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("visit booking")
        verbose_name_plural = _("visit bookings")
        ordering = ["created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["slot", "email"],
                condition=~Q(status="cancelled"),
                name="visit_booking_once_per_slot",
                violation_error_message=_("This e-mail address already has a booking here."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.full_name} – {self.slot}"

    @property
    def manage_url(self) -> str:
        return reverse(
            "guests:booking",
            kwargs={"edition_slug": self.slot.site.edition.slug, "token": self.token},
        )
