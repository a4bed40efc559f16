"""Jury awards and competitions: awards, rubric, rounds, jurors, conflicts, entries, scores."""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from showfloor.awards.enums import (
    AwardCategory,
    AwardStatus,
    Eligibility,
    EntrySource,
    EntryStatus,
    RoundKind,
    RoundStatus,
)
from showfloor.core.i18n import I18nField, I18nTextField, localized
from showfloor.core.models import Edition, Organization
from showfloor.exhibitors.models import Exhibit, Exhibitor


class Award(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="awards")
    code = models.SlugField(_("code"), max_length=60)
    name = I18nField(_("name"))
    description = I18nTextField(_("description"), blank=True)
    category = models.CharField(_("category"), max_length=20, choices=AwardCategory.choices)
    eligibility = models.CharField(_("eligibility"), max_length=20, choices=Eligibility.choices)
    status = models.CharField(
        _("status"), max_length=12, choices=AwardStatus.choices, default=AwardStatus.DRAFT
    )
    winners_count = models.PositiveIntegerField(
        _("number of winners"), default=1, validators=[MinValueValidator(1)]
    )
    published_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("award")
        verbose_name_plural = _("awards")
        ordering = ["edition", "code"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "code"], name="award_unique_code")
        ]

    def __str__(self) -> str:
        return localized(self.name) or self.code

    @property
    def urls(self) -> AwardUrls:
        return AwardUrls(self)


class AwardUrls:
    def __init__(self, award: Award) -> None:
        self.award = award

    def _kwargs(self) -> dict[str, object]:
        return {"edition_slug": self.award.edition.slug, "pk": self.award.pk}

    @property
    def manage(self) -> str:
        return reverse("awards:manage_detail", kwargs=self._kwargs())


class Criterion(models.Model):
    """One line of the rubric; a juror's total is the weighted mean of the lines."""

    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="criteria")
    name = I18nField(_("name"))
    weight = models.DecimalField(
        _("weight"),
        max_digits=6,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    max_score = models.PositiveSmallIntegerField(
        _("highest score"), default=10, validators=[MinValueValidator(1)]
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return localized(self.name)


class Round(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="rounds")
    kind = models.CharField(_("kind"), max_length=12, choices=RoundKind.choices)
    status = models.CharField(
        _("status"), max_length=8, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    advance_count = models.PositiveIntegerField(
        _("entries that advance"),
        null=True,
        blank=True,
        help_text=_("Shortlist only: how many entries go on to the final."),
    )
    closed_at = models.DateTimeField(null=True, blank=True)
    outcome_note = models.TextField(_("outcome"), blank=True)

    class Meta:
        verbose_name = _("round")
        verbose_name_plural = _("rounds")
        ordering = ["award", "kind"]
        constraints = [models.UniqueConstraint(fields=["award", "kind"], name="round_once")]

    def __str__(self) -> str:
        return f"{self.award} – {self.get_kind_display()}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class JuryMember(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="jurors")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="jury_seats"
    )
    organization = models.ForeignKey(
        Organization,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("juror's own organisation"),
    )
    is_chair = models.BooleanField(_("chair"), default=False)

    class Meta:
        verbose_name = _("jury member")
        verbose_name_plural = _("jury members")
        ordering = ["award", "id"]
        constraints = [models.UniqueConstraint(fields=["award", "user"], name="juror_once")]

    def __str__(self) -> str:
        return f"{self.user.get_full_name() or self.user.get_username()} ({self.award})"


class ConflictOfInterest(models.Model):
    """A juror's declaration: never score this organisation's entries, or this entry."""

    juror = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="conflicts")
    organization = models.ForeignKey(
        Organization, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    entry = models.ForeignKey(
        "Entry", on_delete=models.CASCADE, null=True, blank=True, related_name="conflicts"
    )
    reason = models.CharField(_("reason"), max_length=300)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.CheckConstraint(
                condition=Q(organization__isnull=False) | Q(entry__isnull=False),
                name="conflict_names_something",
                violation_error_message=_("Name the organisation or the entry."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.juror}: {self.organization or self.entry}"


class Entry(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="entries")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="award_entries"
    )
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.CASCADE, null=True, blank=True, related_name="award_entries"
    )
    exhibit = models.ForeignKey(
        Exhibit,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="award_entries",
        verbose_name=_("exhibit"),
    )
    title = I18nField(_("title"), blank=True, help_text=_("The product, project or pitch."))
    description = I18nTextField(_("description"), blank=True)
    source = models.CharField(_("source"), max_length=12, choices=EntrySource.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=EntryStatus.choices, default=EntryStatus.SUBMITTED
    )
    final_rank = models.PositiveIntegerField(_("final rank"), null=True, blank=True)
    rank_tied = models.BooleanField(_("tied"), default=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("entry")
        verbose_name_plural = _("entries")
        ordering = ["award", "id"]
        indexes = [models.Index(fields=["award", "status"])]

    def __str__(self) -> str:
        title = localized(self.title)
        return f"{localized(self.organization.name)}{' – ' + title if title else ''}"


class Score(models.Model):
    """One juror's score of one entry on one criterion in one round."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="scores")
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="scores")
    juror = models.ForeignKey(JuryMember, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField(_("score"), max_digits=5, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(
                fields=["round", "entry", "juror", "criterion"], name="score_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.juror} · {self.entry} · {self.criterion}: {self.value}"
