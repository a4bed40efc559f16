"""Back office for attendance: registration forms, gates and access rules are edited here (the
admin writes through core's audited services); participants, badges, devices and scans are read
here and written through attendance.services. Leads are not here at all: they belong to the
exhibitor that took them, and organiser staff never read them."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.attendance.models import (
    AccessRule,
    Badge,
    EntryScan,
    Gate,
    Participant,
    RegistrationForm,
    ScannerDevice,
)
from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm


class RegistrationAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_REGISTRATION


class ReadOnlyRegistrationAdmin(RegistrationAdmin):
    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(RegistrationForm)
class RegistrationFormAdmin(RegistrationAdmin):
    list_display = ["participant_type", "edition", "is_open", "capacity", "day_capacity"]
    list_filter = ["is_open"]


@admin.register(Gate)
class GateAdmin(RegistrationAdmin):
    list_display = ["code", "edition"]


@admin.register(AccessRule)
class AccessRuleAdmin(RegistrationAdmin):
    list_display = ["participant_type", "edition", "reentry_allowed"]
    filter_horizontal = ["gates"]


@admin.register(Participant)
class ParticipantAdmin(ReadOnlyRegistrationAdmin):
    list_display = ["__str__", "type", "attendance_mode", "status", "edition"]
    list_filter = ["type", "status"]
    search_fields = ["last_name", "first_name", "email"]


@admin.register(Badge)
class BadgeAdmin(ReadOnlyRegistrationAdmin):
    list_display = ["pk", "participant", "created_at", "revoked_at", "revoked_reason"]
    exclude = ["secret"]
    raw_id_fields = ["participant"]


@admin.register(ScannerDevice)
class ScannerDeviceAdmin(ReadOnlyRegistrationAdmin):
    list_display = ["name", "gate", "user", "revoked_at", "edition"]


@admin.register(EntryScan)
class EntryScanAdmin(ReadOnlyRegistrationAdmin):
    list_display = ["scanned_at", "result", "gate", "device", "offline", "conflict"]
    list_filter = ["result", "offline", "day"]
    raw_id_fields = ["badge", "participant", "device"]
