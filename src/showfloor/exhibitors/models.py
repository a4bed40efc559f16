"""Exhibitors: an organisation's participation in one edition."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from showfloor.core.i18n import I18nTextField, localized
from showfloor.core.models import Edition, Organization, Sector
from showfloor.exhibitors.enums import ExhibitorMode, ExhibitorStatus


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
        indexes = [models.Index(fields=["edition", "status"])]

    def __str__(self) -> str:
        return localized(self.organization.name)
