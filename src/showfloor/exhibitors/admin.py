"""Back office for exhibitors: read here, written through exhibitors.services (the exhibitor
and staff pages, the import, the API), where the rules, the search index and the media checks
live."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibit, Exhibitor, Media


class ReadOnlyExhibitorsAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_EXHIBITORS

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Exhibitor)
class ExhibitorAdmin(ReadOnlyExhibitorsAdmin):
    list_display = ["__str__", "edition", "status", "attendance_mode", "hall", "booth"]
    list_filter = ["status", "attendance_mode"]
    list_select_related = ["organization", "edition"]
    raw_id_fields = ["organization", "host"]


@admin.register(Exhibit)
class ExhibitAdmin(ReadOnlyExhibitorsAdmin):
    list_display = ["__str__", "edition", "exhibitor", "stage", "is_published"]
    list_filter = ["stage", "is_published"]
    list_select_related = ["exhibitor__organization", "edition"]
    raw_id_fields = ["exhibitor"]


@admin.register(Media)
class MediaAdmin(ReadOnlyExhibitorsAdmin):
    list_display = ["__str__", "exhibitor", "kind", "content_type", "size", "status"]
    list_filter = ["kind", "status"]
    list_select_related = ["exhibitor__organization"]
    raw_id_fields = ["exhibitor", "exhibit"]
