"""Back office for agreements: reporting settings and sector groups are edited here; agreements
are read here and written through deals.services (the staff pages, the import, the API), where
the conversion to the edition's currency is computed."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm
from showfloor.deals.models import Agreement, DealSettings, SectorGroup


class DealsAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_DEALS


@admin.register(DealSettings)
class DealSettingsAdmin(DealsAdmin):
    list_display = ["edition", "host_country", "host_region"]


@admin.register(SectorGroup)
class SectorGroupAdmin(DealsAdmin):
    list_display = ["code", "edition"]
    filter_horizontal = ["sectors"]


@admin.register(Agreement)
class AgreementAdmin(DealsAdmin):
    list_display = ["reference", "edition", "type", "status", "country", "region"]
    list_filter = ["type", "status"]
    search_fields = ["reference"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
