"""Back office for the floor plan: venues, pavilions and prices are edited here (through the
validated, audited core services); halls and booths are read here and written through
floorplan.services (the staff pages, the layout import, the API), which check the geometry."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm
from showfloor.floorplan.models import Booth, BoothOffer, Hall, Pavilion, PriceRate, Venue


class SpaceAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_SPACE


class ReadOnlySpaceAdmin(SpaceAdmin):
    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Venue)
class VenueAdmin(SpaceAdmin):
    list_display = ["__str__", "edition", "address"]


@admin.register(Pavilion)
class PavilionAdmin(SpaceAdmin):
    list_display = ["code", "__str__", "kind", "country", "hall", "edition"]
    list_filter = ["kind"]


@admin.register(PriceRate)
class PriceRateAdmin(SpaceAdmin):
    list_display = ["booth_type", "price_per_m2", "edition"]


@admin.register(Hall)
class HallAdmin(ReadOnlySpaceAdmin):
    list_display = ["code", "__str__", "gross_area", "edition"]


@admin.register(Booth)
class BoothAdmin(ReadOnlySpaceAdmin):
    list_display = ["code", "hall", "type", "area", "status", "exhibitor"]
    list_filter = ["status", "type"]
    search_fields = ["code"]
    list_select_related = ["hall", "exhibitor__organization"]


@admin.register(BoothOffer)
class BoothOfferAdmin(ReadOnlySpaceAdmin):
    list_display = ["booth", "exhibitor", "status", "expires_at"]
    list_filter = ["status"]
    list_select_related = ["booth", "exhibitor__organization"]
