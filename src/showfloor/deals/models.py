"""Agreements signed at an edition: parties, type, sectors, where the project is, declared value."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.core.i18n import I18nField, I18nTextField, localized
from showfloor.core.models import Edition, Organization, Sector
from showfloor.core.money import CURRENCY_MINOR_UNITS, Money, validate_currency
from showfloor.deals.enums import AgreementStatus, AgreementType, PartyRole
from showfloor.deals.fields import MoneyAmountField
from showfloor.matchmaking.models import FollowUp, Meeting
from showfloor.programme.enums import SessionKind
from showfloor.programme.models import Session

AMOUNT_DIGITS = 20
AMOUNT_PLACES = 3  # enough for every ISO 4217 minor unit (BHD, KWD...: 3)
RATE_DIGITS = 18
RATE_PLACES = 8


class DealSettings(models.Model):
    """How an edition reports its agreements: the host region for the inside/outside share."""

    edition = models.OneToOneField(Edition, on_delete=models.CASCADE, related_name="deal_settings")
    host_country = CountryField(_("host country"))
    host_region = models.CharField(
        _("host region or province"),
        max_length=100,
        help_text=_("Agreements whose project is in this region count as inside the host region."),
    )

    class Meta:
        verbose_name = _("agreement reporting settings")
        verbose_name_plural = _("agreement reporting settings")

    def __str__(self) -> str:
        return f"{self.edition.slug}: {self.host_region} ({self.host_country})"


class SectorGroup(models.Model):
    """A named set of sectors reported together, e.g. “high-tech sectors”."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="sector_groups")
    code = models.SlugField(_("code"), max_length=60)
    name = I18nField(_("name"))
    sectors = models.ManyToManyField(Sector, related_name="+", verbose_name=_("sectors"))

    class Meta:
        verbose_name = _("sector group")
        verbose_name_plural = _("sector groups")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="sector_group_unique_code")
        ]

    def __str__(self) -> str:
        return localized(self.name) or self.code


class Agreement(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="agreements")
    reference = models.CharField(
        _("reference"),
        max_length=60,
        help_text=_(
            "The organiser's reference; unique in the edition, it makes imports repeatable."
        ),
    )
    title = I18nField(_("title"))
    description = I18nTextField(_("description"), blank=True)
    type = models.CharField(_("type"), max_length=30, choices=AgreementType.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=AgreementStatus.choices, default=AgreementStatus.SIGNED
    )
    sectors = models.ManyToManyField(
        Sector, blank=True, related_name="agreements", verbose_name=_("sectors")
    )
    country = CountryField(_("project country"))
    region = models.CharField(_("project region or province"), max_length=100, blank=True)
    city = models.CharField(_("project city"), max_length=100, blank=True)
    value_amount = MoneyAmountField(
        _("declared value"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        validators=[MinValueValidator(Decimal(0))],
    )
    value_currency = models.CharField(_("currency"), max_length=3, validators=[validate_currency])
    exchange_rate = MoneyAmountField(
        _("exchange rate"),
        max_digits=RATE_DIGITS,
        decimal_places=RATE_PLACES,
        validators=[MinValueValidator(Decimal("0.00000001"))],
        help_text=_("Units of the edition's currency for one unit of the declared currency."),
    )
    value_in_edition_currency = MoneyAmountField(
        _("value in the edition's currency"),
        max_digits=AMOUNT_DIGITS,
        decimal_places=AMOUNT_PLACES,
        editable=False,
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    ceremony = models.ForeignKey(
        Session,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("signing ceremony"),
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("matchmaking meeting that led to it"),
    )
    follow_up = models.ForeignKey(
        FollowUp,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
        verbose_name=_("follow-up survey answer reporting it"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["reference", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "reference"],
                name="agreement_unique_reference",
                violation_error_message=_(
                    "This edition already has an agreement with this reference."
                ),
            )
        ]
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return f"{self.reference} {localized(self.title)}".strip()

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        places = CURRENCY_MINOR_UNITS.get(self.value_currency)
        if places is not None and isinstance(self.value_amount, Decimal):
            exponent = self.value_amount.normalize().as_tuple().exponent
            if isinstance(exponent, int) and -exponent > places:
                errors.setdefault("value_amount", []).append(
                    _("%(currency)s has %(places)s decimal places; the value has more.")
                    % {"currency": self.value_currency, "places": places}
                )
        if self.ceremony_id is not None:
            if self.ceremony.edition_id != self.edition_id:
                errors.setdefault("ceremony", []).append(_("This session is in another edition."))
            elif self.ceremony.kind != SessionKind.SIGNING_CEREMONY:
                errors.setdefault("ceremony", []).append(_("Choose a signing ceremony session."))
        if self.meeting_id is not None and self.meeting.edition_id != self.edition_id:
            errors.setdefault("meeting", []).append(_("This meeting is in another edition."))
        if (
            self.follow_up_id is not None
            and self.meeting_id is not None
            and self.follow_up.meeting_id != self.meeting_id
        ):
            errors.setdefault("follow_up", []).append(
                _("This survey answer is about another meeting.")
            )
        if errors:
            raise ValidationError(errors)

    @property
    def declared_value(self) -> Money:
        return Money(self.value_amount, self.value_currency)

    @property
    def value_in_edition(self) -> Money:
        return Money(self.value_in_edition_currency, self.edition.currency)

    @property
    def location(self) -> str:
        parts = [self.city, self.region, self.country.name if self.country else ""]
        return ", ".join(str(part) for part in parts if part)

    @property
    def urls(self) -> AgreementUrls:
        return AgreementUrls(self)


class AgreementUrls:
    def __init__(self, agreement: Agreement) -> None:
        self.agreement = agreement

    @property
    def manage(self) -> str:
        return reverse(
            "deals:manage_detail",
            kwargs={"edition_slug": self.agreement.edition.slug, "pk": self.agreement.pk},
        )


class AgreementParty(models.Model):
    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="parties")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="agreement_parties"
    )
    role = models.CharField(_("role"), max_length=20, choices=PartyRole.choices)

    class Meta:
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organization", "role"], name="agreement_party_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organization} ({self.get_role_display()})"
