"""Back office for the programme. Forums, rooms and speakers are edited here through the core
services; sessions, registrations and questions are read-only here because their rules (schedule
conflicts, seats, moderation rights) live in programme.services and its staff pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm
from showfloor.programme.models import (
    Forum,
    Question,
    Room,
    Session,
    SessionRegistration,
    Speaker,
)


class ProgrammeAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_PROGRAMME


class ReadOnlyProgrammeAdmin(ProgrammeAdmin):
    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Forum)
class ForumAdmin(ProgrammeAdmin):
    list_display = ["__str__", "edition", "code", "kind"]
    list_filter = ["kind"]
    search_fields = ["code"]


@admin.register(Room)
class RoomAdmin(ProgrammeAdmin):
    list_display = ["__str__", "edition", "capacity", "is_virtual"]


@admin.register(Speaker)
class SpeakerAdmin(ProgrammeAdmin):
    list_display = ["name", "edition", "status", "country"]
    list_filter = ["status"]
    search_fields = ["name", "email"]
    raw_id_fields = ["user", "organization"]


@admin.register(Session)
class SessionAdmin(ReadOnlyProgrammeAdmin):
    list_display = ["__str__", "edition", "kind", "status", "starts_at", "room"]
    list_filter = ["kind", "status"]
    list_select_related = ["edition", "room"]


@admin.register(SessionRegistration)
class SessionRegistrationAdmin(ReadOnlyProgrammeAdmin):
    edition_field = "session__edition"
    list_display = ["participant", "session", "status", "requested_at", "attended_at"]
    list_filter = ["status"]
    list_select_related = ["participant", "session"]


@admin.register(Question)
class QuestionAdmin(ReadOnlyProgrammeAdmin):
    edition_field = "session__edition"
    list_display = ["__str__", "session", "status", "upvotes"]
    list_filter = ["status"]
    list_select_related = ["session"]
