"""The physical side of a fair: venues, halls, pavilions, booths, their prices and offers."""

from __future__ import annotations

from decimal import Decimal
from functools import cached_property
from typing import Any

from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from showfloor.core.i18n import I18nField, localized
from showfloor.core.models import Edition
from showfloor.core.money import Money
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import geometry
from showfloor.floorplan.enums import BoothStatus, BoothType, OfferStatus, PavilionKind

AREA: dict[str, Any] = {"max_digits": 16, "decimal_places": 6}
COORD: dict[str, Any] = {"max_digits": 12, "decimal_places": 3}


class Venue(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="venues")
    name = I18nField(_("name"))
    address = models.CharField(_("address"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["id"]

    def __str__(self) -> str:
        return localized(self.name)


def panorama_path(hall: Hall, filename: str) -> str:
    return f"floorplan/{hall.edition_id}/panoramas/{hall.code}.jpg"


class Hall(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="halls")
    venue = models.ForeignKey(Venue, on_delete=models.CASCADE, related_name="halls")
    code = models.SlugField(_("code"), max_length=20, help_text=_("Used in addresses: /hall-1/"))
    name = I18nField(_("name"))
    # [[x, y], ...] in metres as strings (exact); see floorplan.geometry.
    outline = models.JSONField(_("outline"))
    gross_area = models.DecimalField(_("gross area (m²)"), editable=False, **AREA)
    position = models.PositiveIntegerField(_("position"), default=0)
    panorama = models.ImageField(_("360° panorama"), upload_to=panorama_path, blank=True)
    # Where the panorama was taken, in plan metres: hotspots are placed from it.
    camera_x = models.DecimalField(_("camera x (m)"), null=True, blank=True, **COORD)
    camera_y = models.DecimalField(_("camera y (m)"), null=True, blank=True, **COORD)
    # Bumped by every booth change in the hall: the rendered plan is cached under it.
    plan_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = _("hall")
        verbose_name_plural = _("halls")
        ordering = ["edition", "position", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="hall_code_unique_per_edition",
                violation_error_message=_("This edition already has a hall with this code."),
            )
        ]

    def __str__(self) -> str:
        return localized(self.name) or self.code

    @property
    def points(self) -> geometry.Polygon:
        return geometry.from_json(self.outline)

    @cached_property
    def urls(self) -> HallUrls:
        return HallUrls(self)


class HallUrls:
    def __init__(self, hall: Hall) -> None:
        self.kwargs = {"edition_slug": hall.edition.slug, "hall_code": hall.code}

    def _url(self, name: str) -> str:
        return reverse(f"floorplan:{name}", kwargs=self.kwargs)

    @property
    def public(self) -> str:
        return self._url("hall")

    @property
    def manage(self) -> str:
        return self._url("manage_hall")

    @property
    def svg(self) -> str:
        return self._url("hall_svg")

    @property
    def pdf(self) -> str:
        return self._url("hall_pdf")

    @property
    def tour(self) -> str:
        return self._url("hall_tour")


class Pavilion(models.Model):
    """A group of booths: a country, a province, a theme (the China–SCO digital economy one)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="pavilions")
    code = models.SlugField(_("code"), max_length=40)
    name = I18nField(_("name"))
    kind = models.CharField(_("kind"), max_length=10, choices=PavilionKind.choices)
    country = CountryField(_("country"), blank=True, help_text=_("For a country pavilion."))
    hall = models.ForeignKey(
        Hall, on_delete=models.SET_NULL, null=True, blank=True, related_name="pavilions"
    )
    gross_area = models.DecimalField(
        _("gross area (m²)"),
        null=True,
        blank=True,
        help_text=_("The space the pavilion was allotted, aisles included."),
        **AREA,
    )

    class Meta:
        verbose_name = _("pavilion")
        verbose_name_plural = _("pavilions")
        ordering = ["edition", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "code"],
                name="pavilion_code_unique_per_edition",
                violation_error_message=_("This edition already has a pavilion with this code."),
            )
        ]

    def __str__(self) -> str:
        return localized(self.name) or self.code


class PriceRate(models.Model):
    """Price per m² of net area for one booth type, in the edition's currency."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="booth_rates")
    booth_type = models.CharField(_("booth type"), max_length=20, choices=BoothType.choices)
    price_per_m2 = models.DecimalField(_("price per m²"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("price per m²")
        verbose_name_plural = _("prices per m²")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "booth_type"],
                name="price_rate_unique_per_type",
                violation_error_message=_("This booth type already has a price."),
            ),
            models.CheckConstraint(
                condition=models.Q(price_per_m2__gte=0), name="price_rate_not_negative"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_booth_type_display()}: {self.price_per_m2}"


class Booth(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="booths")
    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="booths")
    pavilion = models.ForeignKey(
        Pavilion, on_delete=models.SET_NULL, null=True, blank=True, related_name="booths"
    )
    code = models.CharField(_("booth number"), max_length=20)
    type = models.CharField(
        _("type"), max_length=20, choices=BoothType.choices, default=BoothType.SHELL_SCHEME
    )
    open_sides = models.PositiveSmallIntegerField(
        _("open sides"), default=1, validators=[MaxValueValidator(4)]
    )
    status = models.CharField(
        _("status"), max_length=10, choices=BoothStatus.choices, default=BoothStatus.AVAILABLE
    )
    # The exhibitor holding the booth (option, reserved or sold); co-exhibitors share it.
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.PROTECT, null=True, blank=True, related_name="booths"
    )
    polygon = models.JSONField(_("shape"))
    area = models.DecimalField(_("net area (m²)"), editable=False, **AREA)
    # Bounding box, so overlap checks only compare neighbours.
    min_x = models.DecimalField(editable=False, **COORD)
    min_y = models.DecimalField(editable=False, **COORD)
    max_x = models.DecimalField(editable=False, **COORD)
    max_y = models.DecimalField(editable=False, **COORD)

    class Meta:
        verbose_name = _("booth")
        verbose_name_plural = _("booths")
        ordering = ["hall", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["hall", "code"],
                name="booth_code_unique_per_hall",
                violation_error_message=_("This hall already has a booth with this number."),
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["available", "blocked"], exhibitor__isnull=True)
                | models.Q(status__in=["option", "reserved", "sold"], exhibitor__isnull=False),
                name="booth_holder_matches_status",
                violation_error_message=_(
                    "A booth under option, reserved or sold has an exhibitor; an available or "
                    "blocked booth has none."
                ),
            ),
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["hall", "min_x"]),
        ]

    def __str__(self) -> str:
        return self.code

    @property
    def points(self) -> geometry.Polygon:
        return geometry.from_json(self.polygon)

    def set_geometry(self, points: geometry.Polygon) -> None:
        self.polygon = geometry.to_json(points)
        self.area = geometry.area(points)
        self.min_x, self.min_y, self.max_x, self.max_y = geometry.bounds(points)

    def price(self, rate: Decimal | None, currency: str) -> Money | None:
        """Net area × price per m² of its type, to the currency's minor unit."""
        if rate is None:
            return None
        return (Money(self.area, currency) * rate).quantized()


class BoothOffer(models.Model):
    """Staff offer a booth to an exhibitor until a deadline; confirmed, it becomes theirs."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="booth_offers")
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="offers")
    exhibitor = models.ForeignKey(Exhibitor, on_delete=models.CASCADE, related_name="booth_offers")
    status = models.CharField(
        _("status"), max_length=10, choices=OfferStatus.choices, default=OfferStatus.OPEN
    )
    expires_at = models.DateTimeField(_("confirm before"))
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("booth offer")
        verbose_name_plural = _("booth offers")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["booth"],
                condition=models.Q(status="open"),
                name="one_open_offer_per_booth",
                violation_error_message=_("This booth is already under option."),
            )
        ]
        indexes = [models.Index(fields=["status", "expires_at"])]

    def __str__(self) -> str:
        return f"{self.booth} → {self.exhibitor}"


class TourHotspot(models.Model):
    """A marker in a hall's panorama that opens a booth; yaw and pitch in degrees."""

    hall = models.ForeignKey(Hall, on_delete=models.CASCADE, related_name="hotspots")
    booth = models.ForeignKey(Booth, on_delete=models.CASCADE, related_name="hotspots")
    yaw = models.DecimalField(_("yaw (°)"), max_digits=7, decimal_places=3)
    pitch = models.DecimalField(_("pitch (°)"), max_digits=7, decimal_places=3)

    class Meta:
        verbose_name = _("tour hotspot")
        verbose_name_plural = _("tour hotspots")
        constraints = [
            models.UniqueConstraint(fields=["hall", "booth"], name="hotspot_unique_per_booth")
        ]

    def __str__(self) -> str:
        return f"{self.hall.code}/{self.booth.code}"
