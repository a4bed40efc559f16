"""Exhibitors: an organisation's participation in one edition, its exhibits, media and the
search index of the e-exhibition catalogue."""

from __future__ import annotations

from functools import cached_property

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from showfloor.core.i18n import I18nField, I18nTextField, localized
from showfloor.core.models import Edition, Organization, Sector
from showfloor.exhibitors.enums import (
    ExhibitorMode,
    ExhibitorStatus,
    ExhibitStage,
    MediaKind,
    MediaStatus,
    Seeking,
)


class Exhibitor(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="exhibitors")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="exhibitors"
    )
    # A co-exhibitor shows on another exhibitor's stand.
    host = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="co_exhibitors",
        verbose_name=_("main exhibitor"),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ExhibitorStatus.choices,
        default=ExhibitorStatus.APPLIED,
    )
    attendance_mode = models.CharField(
        _("attendance mode"),
        max_length=10,
        choices=ExhibitorMode.choices,
        default=ExhibitorMode.ONSITE,
    )
    profile = I18nTextField(_("profile"), blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="exhibitors")
    created_at = models.DateTimeField(auto_now_add=True)
    # Added by migration 0002: onboarding, public contact, review and denormalised location.
    requested_space_m2 = models.PositiveIntegerField(
        _("requested space (m²)"),
        null=True,
        blank=True,
        help_text=_("Floor space asked for, in square metres; empty for remote exhibitors."),
    )
    contact_email = models.EmailField(_("public contact e-mail"), blank=True)
    contact_phone = models.CharField(_("public contact phone"), max_length=40, blank=True)
    review_reason = models.TextField(
        _("reason given at the last review"),
        blank=True,
        help_text=_(
            "Shown to the exhibitor when changes are requested or the application is rejected."
        ),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Location, written by floorplan through services.set_exhibitor_location when a booth is
    # confirmed; kept here so the catalogue can facet on it without reaching into floorplan.
    hall = models.CharField(_("hall"), max_length=40, blank=True)
    booth = models.CharField(_("booth"), max_length=40, blank=True)
    pavilion_code = models.SlugField(_("pavilion code"), max_length=60, blank=True)
    pavilion_name = I18nField(_("pavilion"), blank=True)

    class Meta:
        verbose_name = _("exhibitor")
        verbose_name_plural = _("exhibitors")
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "organization"],
                name="exhibitor_once_per_edition",
                violation_error_message=_("This organisation already exhibits in this edition."),
            )
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["edition", "pavilion_code"], name="exhibitor_pavilion_idx"),
        ]

    def __str__(self) -> str:
        return localized(self.organization.name)

    @property
    def name(self) -> dict[str, str]:
        return self.organization.name

    @property
    def is_public(self) -> bool:
        return self.status == ExhibitorStatus.APPROVED

    @property
    def is_remote(self) -> bool:
        return self.attendance_mode in (ExhibitorMode.REMOTE, ExhibitorMode.BOTH)

    @property
    def location_label(self) -> str:
        return " · ".join(part for part in (self.hall, self.booth) if part)

    @cached_property
    def urls(self) -> ExhibitorUrls:
        return ExhibitorUrls(self)


class ExhibitorUrls:
    """URLs of an exhibitor, built in one place (floorplan and others link with these)."""

    def __init__(self, exhibitor: Exhibitor) -> None:
        self.exhibitor = exhibitor

    def _kwargs(self) -> dict[str, object]:
        return {"edition_slug": self.exhibitor.edition.slug, "pk": self.exhibitor.pk}

    @property
    def public(self) -> str:
        """The virtual booth page."""
        return reverse("exhibitors:booth", kwargs=self._kwargs())

    @property
    def manage(self) -> str:
        """The exhibitor's own editing space."""
        return reverse("exhibitors:my_exhibitor", kwargs=self._kwargs())

    @property
    def review(self) -> str:
        """The staff review page."""
        return reverse("exhibitors:staff_detail", kwargs=self._kwargs())

    @property
    def visits(self) -> str:
        """The booth's online visit figures."""
        return reverse("analytics:booth_visits", kwargs=self._kwargs())


class ExhibitorContact(models.Model):
    """A contact person of an exhibitor; public ones show on the virtual booth."""

    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=150)
    job_title = models.CharField(_("job title"), max_length=120, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    is_public = models.BooleanField(_("shown on the virtual booth"), default=False)

    class Meta:
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name


class Exhibit(models.Model):
    """A project or product an exhibitor presents."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="exhibits")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="exhibits")
    title = I18nField(_("title"))
    description = I18nTextField(_("description"), blank=True)
    sectors = models.ManyToManyField(Sector, blank=True, related_name="exhibits")
    stage = models.CharField(
        _("stage"), max_length=12, choices=ExhibitStage.choices, default=ExhibitStage.PRODUCT
    )
    seeks_investment = models.BooleanField(Seeking.INVESTMENT.label, default=False)
    seeks_partners = models.BooleanField(Seeking.PARTNERS.label, default=False)
    seeks_buyers = models.BooleanField(Seeking.BUYERS.label, default=False)
    seeks_technology_transfer = models.BooleanField(
        Seeking.TECHNOLOGY_TRANSFER.label, default=False
    )
    is_published = models.BooleanField(_("published"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("exhibit")
        verbose_name_plural = _("exhibits")
        ordering = ["id"]
        indexes = [models.Index(fields=["edition", "is_published"])]

    def __str__(self) -> str:
        return localized(self.title)

    @property
    def seeking(self) -> list[str]:
        return [value for value in Seeking.values if getattr(self, f"seeks_{value}")]

    def get_seeking_display(self) -> list[str]:
        return [str(Seeking(value).label) for value in self.seeking]

    @cached_property
    def urls(self) -> ExhibitUrls:
        return ExhibitUrls(self)


class ExhibitUrls:
    def __init__(self, exhibit: Exhibit) -> None:
        self.exhibit = exhibit

    @property
    def public(self) -> str:
        return self.exhibit.exhibitor.urls.public + f"#exhibit-{self.exhibit.pk}"


def media_upload_to(instance: Media, filename: str) -> str:
    # The name is chosen by the service (a random stem and the sniffed extension).
    return f"exhibitors/{instance.edition_id}/{instance.exhibitor_id}/{filename}"


class Media(models.Model):
    """A photo, logo, video, document, 360° panorama or hosted-video link of an exhibitor,
    optionally attached to one of its exhibits. Files are validated by exhibitors.media."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="media")
    exhibit = models.ForeignKey(
        Exhibit, on_delete=models.CASCADE, null=True, blank=True, related_name="media"
    )
    kind = models.CharField(_("kind"), max_length=12, choices=MediaKind.choices)
    title = I18nField(_("caption"), blank=True)
    file = models.FileField(_("file"), upload_to=media_upload_to, max_length=255, blank=True)
    url = models.URLField(_("video address"), blank=True)
    content_type = models.CharField(_("content type"), max_length=80, blank=True)
    size = models.PositiveBigIntegerField(_("size in bytes"), default=0)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    thumbnail = models.FileField(max_length=255, blank=True)
    preview = models.FileField(max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MediaStatus.choices, default=MediaStatus.PROCESSING
    )
    position = models.PositiveIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("media")
        verbose_name_plural = _("media")
        ordering = ["position", "id"]
        indexes = [models.Index(fields=["exhibitor", "kind"])]

    def __str__(self) -> str:
        return localized(self.title) or f"{self.get_kind_display()} #{self.pk}"

    @property
    def is_image(self) -> bool:
        return self.kind in (MediaKind.LOGO, MediaKind.PHOTO, MediaKind.PANORAMA)

    @property
    def file_url(self) -> str:
        return self.file.url if self.file else self.url

    @property
    def thumbnail_url(self) -> str:
        if self.thumbnail:
            return self.thumbnail.url
        return self.file.url if self.file and self.is_image else ""

    @property
    def preview_url(self) -> str:
        """The image to show in a page (a reduced copy when one was made)."""
        if self.preview:
            return self.preview.url
        return self.file.url if self.file else ""


class SearchEntry(models.Model):
    """One catalogue document (an exhibitor or an exhibit): the normalised plain text of every
    language. SQLite indexes `text` with an FTS5 trigram table, PostgreSQL with pg_trgm (see
    exhibitors.search and migration 0003)."""

    KIND_EXHIBITOR = "exhibitor"
    KIND_EXHIBIT = "exhibit"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10)
    object_id = models.PositiveBigIntegerField()
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="+")
    text = models.TextField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_entry_unique")
        ]
        indexes = [models.Index(fields=["edition", "kind"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
