"""Back office for awards: set-up (awards, rubric, rounds, jurors, conflicts) is edited here
through the core services; entries are nominated through awards.services (eligibility checked);
closing rounds and publishing happen on the staff award page, where the rules live."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from showfloor.awards import services
from showfloor.awards.models import Award, ConflictOfInterest, Criterion, Entry, JuryMember, Round
from showfloor.core.admin_base import EditionScopedAdmin
from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm


class AwardsAdmin(EditionScopedAdmin):
    area_perm = Perm.MANAGE_AWARDS


@admin.register(Award)
class AwardAdmin(AwardsAdmin):
    list_display = ["code", "edition", "category", "eligibility", "status", "winners_count"]
    list_filter = ["category", "status"]
    readonly_fields = ["published_at"]


@admin.register(Criterion)
class CriterionAdmin(AwardsAdmin):
    edition_field = "award__edition"
    list_display = ["award", "order", "weight", "max_score"]


@admin.register(Round)
class RoundAdmin(AwardsAdmin):
    edition_field = "award__edition"
    list_display = ["award", "kind", "status", "advance_count"]
    readonly_fields = ["status", "closed_at", "outcome_note"]


@admin.register(JuryMember)
class JuryMemberAdmin(AwardsAdmin):
    edition_field = "award__edition"
    list_display = ["award", "user", "organization", "is_chair"]
    raw_id_fields = ["user", "organization"]


@admin.register(ConflictOfInterest)
class ConflictAdmin(AwardsAdmin):
    edition_field = "juror__award__edition"
    list_display = ["juror", "organization", "entry", "reason"]
    raw_id_fields = ["organization", "entry"]


class EntryForm(forms.ModelForm):
    class Meta:
        model = Entry
        fields = ["award", "organization", "exhibitor", "exhibit", "title", "description"]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if self.instance.pk is None and data.get("award") and data.get("organization"):
            services.check_eligibility(
                data["award"],
                data["organization"],
                data.get("exhibitor"),
                data.get("title") or {},
                data.get("exhibit"),
            )
        return data


@admin.register(Entry)
class EntryAdmin(AwardsAdmin):
    form = EntryForm
    edition_field = "award__edition"
    list_display = ["__str__", "award", "source", "status", "final_rank", "rank_tied"]
    list_filter = ["status", "source"]
    raw_id_fields = ["organization", "exhibitor", "exhibit"]

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False  # an entry's status and rank come from the jury's scores

    def save_model(self, request: HttpRequest, obj: Entry, form: Any, change: bool) -> None:
        created = services.nominate_entry(
            Actor.for_user(request.user),
            obj.award,
            obj.organization,
            obj.exhibitor,
            obj.title,
            obj.description,
            obj.exhibit,
        )
        obj.pk = created.pk
