"""Back office for the core domain."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

from showfloor.core import services
from showfloor.core.admin_base import EditionScopedAdmin, ServiceAdmin
from showfloor.core.i18n import localized
from showfloor.core.models import (
    ApiToken,
    AuditEntry,
    Edition,
    Expo,
    Organization,
    OrganizationMember,
    Organizer,
    Sector,
    StaffRole,
)
from showfloor.core.permissions import Actor, editions_with_perm, is_organizer_admin
from showfloor.core.rules import Perm


class SuperuserOnlyAdmin(ServiceAdmin):
    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_active and request.user.is_superuser

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_active and request.user.is_superuser


@admin.register(Organizer)
class OrganizerAdmin(SuperuserOnlyAdmin):
    list_display = ["name", "slug", "website"]
    search_fields = ["name", "slug"]


@admin.register(Sector)
class SectorAdmin(SuperuserOnlyAdmin):
    list_display = ["code", "display_name", "parent"]
    search_fields = ["code"]

    @admin.display(description=_("name"))
    def display_name(self, obj: Sector) -> str:
        return localized(obj.name)


@admin.register(Expo)
class ExpoAdmin(ServiceAdmin):
    list_display = ["display_name", "slug", "organizer"]
    search_fields = ["slug"]

    @admin.display(description=_("name"))
    def display_name(self, obj: Expo) -> str:
        return localized(obj.name)

    def has_module_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return request.user.is_active and request.user.is_staff

    def has_add_permission(self, request: HttpRequest) -> bool:
        return request.user.is_active and (
            request.user.is_superuser
            or request.user.staff_roles.filter(edition__isnull=True, role="admin").exists()
        )

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if obj is None:
            return self.has_add_permission(request)
        return is_organizer_admin(Actor.for_user(request.user), obj.organizer_id)  # type: ignore[attr-defined]

    has_delete_permission = has_change_permission


@admin.register(Edition)
class EditionAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_EDITION
    edition_field = "pk"
    list_display = [
        "slug",
        "display_name",
        "expo",
        "number",
        "start_date",
        "end_date",
        "mode",
        "status",
    ]
    list_filter = ["status", "mode", "expo"]
    search_fields = ["slug"]
    actions = ["publish"]

    @admin.display(description=_("name"))
    def display_name(self, obj: Edition) -> str:
        return localized(obj.name, default_language=obj.default_language)

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = admin.ModelAdmin.get_queryset(self, request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(pk__in=self._editions(request))

    def _edition_of(self, obj: Model) -> Edition | None:
        return obj if isinstance(obj, Edition) else None

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return ExpoAdmin.has_add_permission(self, request)  # type: ignore[arg-type]

    @admin.action(description=_("Publish the selected editions"))
    def publish(self, request: HttpRequest, queryset: QuerySet[Edition]) -> None:
        actor = Actor.for_user(request.user)
        for edition in queryset:
            services.set_edition_status(actor, edition, "published")
        messages.success(request, _("Published."))


class MemberInline(admin.TabularInline):
    model = OrganizationMember
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Organization)
class OrganizationAdmin(ServiceAdmin):
    list_display = ["display_name", "type", "country", "region"]
    list_filter = ["type", "country"]
    search_fields = ["name", "region", "city"]
    filter_horizontal = ["sectors"]
    inlines = [MemberInline]
    list_per_page = 50

    @admin.display(description=_("name"))
    def display_name(self, obj: Organization) -> str:
        return localized(obj.name)

    def _may_manage(self, request: HttpRequest) -> bool:
        return (
            request.user.is_active
            and request.user.is_staff
            and (editions_with_perm(request.user, Perm.MANAGE_ORGANIZATIONS).exists())
        )

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_manage(request)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return self._may_manage(request)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_manage(request)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._may_manage(request)


@admin.register(StaffRole)
class StaffRoleAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_STAFF
    list_display = ["user", "role", "organizer", "edition"]
    list_filter = ["role", "organizer"]
    autocomplete_fields = ["user"]


@admin.register(ApiToken)
class ApiTokenAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_EDITION
    list_display = [
        "name",
        "key_prefix",
        "edition",
        "user",
        "created_at",
        "last_used_at",
        "revoked_at",
    ]
    list_filter = ["edition"]
    fields = ["name", "edition", "user", "permissions", "revoked_at"]
    actions = ["revoke"]

    def save_model(self, request: HttpRequest, obj: ApiToken, form: Any, change: bool) -> None:
        if change:
            super().save_model(request, obj, form, change)
            return
        token, key = services.issue_api_token(
            Actor.for_user(request.user),
            obj.edition,
            obj.name,
            user=obj.user,
            permissions=obj.permissions or [],
        )
        obj.pk = token.pk
        messages.warning(request, _("The token's key, shown only now: %(key)s") % {"key": key})

    @admin.action(description=_("Revoke the selected tokens"))
    def revoke(self, request: HttpRequest, queryset: QuerySet[ApiToken]) -> None:
        actor = Actor.for_user(request.user)
        for token in queryset:
            services.revoke_api_token(actor, token)


@admin.register(AuditEntry)
class AuditEntryAdmin(EditionScopedAdmin):
    area_perm = Perm.VIEW_AUDIT_LOG
    list_display = ["created_at", "actor_label", "action", "object_repr", "edition"]
    list_filter = ["edition"]
    search_fields = ["action", "object_repr", "actor_label"]
    readonly_fields = [field.name for field in AuditEntry._meta.fields]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
