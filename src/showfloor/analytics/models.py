"""Online visits: first-party, privacy-friendly page views and their daily aggregates.

A PageView stores no IP address and no cookie: the visitor is a hash that rotates daily
(core.privacy.visitor_hash), so unique visitors can be counted per day and never linked across
days. PageViewDaily holds the counts per page and day (path "*" is the whole edition that day),
so figures over millions of views read a few thousand rows.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from showfloor.core.models import Edition
from showfloor.exhibitors.models import Exhibitor

EDITION_TOTAL_PATH = "*"


class PageView(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="page_views")
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.SET_NULL, null=True, blank=True, related_name="page_views"
    )
    path = models.CharField(_("page"), max_length=255)
    day = models.DateField(_("day (edition time zone)"))
    visitor = models.CharField(_("daily visitor hash"), max_length=32)
    language = models.CharField(_("language"), max_length=8, blank=True)
    created_at = models.DateTimeField(_("time"))

    class Meta:
        verbose_name = _("page view")
        verbose_name_plural = _("page views")
        indexes = [
            models.Index(fields=["edition", "day"], name="pageview_edition_day"),
            models.Index(fields=["exhibitor", "day"], name="pageview_exhibitor_day"),
        ]

    def __str__(self) -> str:
        return f"{self.day} {self.path}"


class PageViewDaily(models.Model):
    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    path = models.CharField(_("page"), max_length=255)
    exhibitor = models.ForeignKey(
        Exhibitor, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    views = models.PositiveIntegerField(_("views"), default=0)
    visitors = models.PositiveIntegerField(_("unique visitors"), default=0)

    class Meta:
        verbose_name = _("daily page views")
        verbose_name_plural = _("daily page views")
        constraints = [
            models.UniqueConstraint(fields=["edition", "day", "path"], name="pageview_daily_unique")
        ]
        indexes = [models.Index(fields=["exhibitor", "day"], name="pageviewdaily_exhibitor")]

    def __str__(self) -> str:
        return f"{self.day} {self.path}: {self.views}"
