"""Admin classes that ask the one permission check (core.permissions) and write through services.

An app's admin subclasses `EditionScopedAdmin` with `area_perm` (the Perm that manages the model)
and `edition_field` (the lookup from the model to its Edition): a staff member sees and edits
only the objects of editions where they hold that permission, and every save is audited.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model, QuerySet
from django.http import HttpRequest

from showfloor.core import services
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, editions_with_perm


class ServiceAdmin(admin.ModelAdmin):
    """Saves and deletes through core services, so the admin's writes are validated and audited."""

    def save_model(self, request: HttpRequest, obj: Model, form: Any, change: bool) -> None:
        actor = Actor.for_user(request.user)
        # Many-to-many choices go through the same service call, so they are audited with the
        # other fields (the admin sets them again afterwards, to the same values).
        m2m = {
            field.name: list(form.cleaned_data[field.name])
            for field in obj._meta.many_to_many
            if field.name in form.changed_data
        }
        if change:
            values = {
                name: getattr(obj, name)
                for name in form.changed_data
                if name in {field.name for field in obj._meta.concrete_fields}
            }
            fresh = type(obj)._default_manager.get(pk=obj.pk)
            services.update_object(actor, fresh, values, m2m=m2m)
            obj.refresh_from_db()
        else:
            values = {
                field.attname: getattr(obj, field.attname)
                for field in obj._meta.concrete_fields
                if not field.primary_key
            }
            created = services.create_object(actor, type(obj), values, m2m=m2m)
            obj.pk = created.pk

    def delete_model(self, request: HttpRequest, obj: Model) -> None:
        services.delete_object(Actor.for_user(request.user), obj)

    def delete_queryset(self, request: HttpRequest, queryset: QuerySet[Any]) -> None:
        for obj in queryset:
            self.delete_model(request, obj)


class EditionScopedAdmin(ServiceAdmin):
    area_perm: str = ""
    edition_field: str = "edition"

    def _editions(self, request: HttpRequest) -> QuerySet[Edition]:
        cache = request.__dict__.setdefault("_admin_editions", {})
        if self.area_perm not in cache:
            cache[self.area_perm] = list(
                editions_with_perm(request.user, self.area_perm).values_list("pk", flat=True)
            )
        return cache[self.area_perm]

    def _edition_of(self, obj: Model) -> Edition | None:
        target: Any = obj
        for part in self.edition_field.split("__"):
            target = getattr(target, part, None)
        return target

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        queryset = super().get_queryset(request)
        if request.user.is_superuser:
            return queryset
        return queryset.filter(**{f"{self.edition_field}__in": self._editions(request)})

    def _allowed(self, request: HttpRequest, obj: Model | None) -> bool:
        if not request.user.is_active or not request.user.is_staff:
            return False
        if request.user.is_superuser:
            return True
        editions = self._editions(request)
        if obj is None:
            return bool(editions)
        edition = self._edition_of(obj)
        return edition is not None and edition.pk in editions

    def has_module_permission(self, request: HttpRequest) -> bool:
        return self._allowed(request, None)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return self._allowed(request, None)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self._allowed(request, obj)

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        # Offer only editions the staff member may manage.
        if db_field.related_model is Edition and not request.user.is_superuser:
            kwargs["queryset"] = Edition.objects.filter(pk__in=self._editions(request))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
