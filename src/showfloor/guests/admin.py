"""Back office for guests: delegations, invitations and site visits are edited here through the
core services; an invitation's answer and a booking's status change only through the guest's
personal link (guests.services), so they are read-only here."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.rules import Perm
from showfloor.guests.models import (
    Delegation,
    DelegationMember,
    DelegationVisit,
    Invitation,
    SiteVisit,
    VisitBooking,
    VisitSlot,
)


class GuestsAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_GUESTS


@admin.register(Delegation)
class DelegationAdmin(GuestsAdmin):
    list_display = ["__str__", "edition", "level", "country", "region", "head_name"]
    list_filter = ["level", "country"]
    filter_horizontal = ["organizations"]


@admin.register(DelegationMember)
class DelegationMemberAdmin(GuestsAdmin):
    edition_field = "delegation__edition"
    list_display = ["full_name", "delegation", "job_title"]
    raw_id_fields = ["organization", "participant"]


@admin.register(DelegationVisit)
class DelegationVisitAdmin(GuestsAdmin):
    edition_field = "delegation__edition"
    list_display = ["__str__", "delegation", "starts_at", "ends_at"]
    raw_id_fields = ["exhibitor", "site"]


@admin.register(Invitation)
class InvitationAdmin(GuestsAdmin):
    list_display = ["__str__", "edition", "category", "status", "country"]
    list_filter = ["status", "category"]
    readonly_fields = ["status", "responded_at", "participant", "dietary_notes"]
    raw_id_fields = ["organization", "delegation"]


@admin.register(SiteVisit)
class SiteVisitAdmin(GuestsAdmin):
    list_display = ["__str__", "edition", "kind", "city"]


@admin.register(VisitSlot)
class VisitSlotAdmin(GuestsAdmin):
    edition_field = "site__edition"
    list_display = ["site", "starts_at", "ends_at", "capacity"]


@admin.register(VisitBooking)
class VisitBookingAdmin(GuestsAdmin):
    edition_field = "slot__site__edition"
    list_display = ["full_name", "slot", "party_size", "status", "created_at"]
    list_filter = ["status"]

    def has_add_permission(self, request: HttpRequest, *args: Any) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False
