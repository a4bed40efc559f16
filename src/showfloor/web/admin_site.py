"""The organiser back office: Django's admin, themed, with apps ordered by area."""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

# The back office lists areas in the order an edition is run.
AREA_ORDER = [
    "core",
    "exhibitors",
    "floorplan",
    "attendance",
    "programme",
    "guests",
    "matchmaking",
    "awards",
    "deals",
    "analytics",
    "auth",
]


class ShowfloorAdminSite(admin.AdminSite):
    site_header = _("Showfloor back office")
    site_title = _("Showfloor")
    index_title = _("Run your editions")

    def has_permission(self, request: HttpRequest) -> bool:
        return bool(request.user.is_active and request.user.is_staff)

    def get_app_list(self, request: HttpRequest, app_label: str | None = None) -> list[Any]:
        apps = super().get_app_list(request, app_label)
        rank = {label: index for index, label in enumerate(AREA_ORDER)}
        return sorted(apps, key=lambda app: rank.get(app["app_label"], len(rank)))
