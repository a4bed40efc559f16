"""Forms of the matchmaking pages (the boundary: parse, then call a service)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from showfloor.attendance.enums import ParticipantType
from showfloor.core.i18n import I18nFormField
from showfloor.core.models import Edition, Sector
from showfloor.matchmaking.enums import DeclineReason, Intent, RuleKind, Stage, SurveyOutcome
from showfloor.matchmaking.models import MeetingSession


class ProfileForm(forms.Form):
    headline = I18nFormField(label=_("Headline"), required=False)
    offer_text = I18nFormField(label=_("What we offer"), textarea=True, required=False)
    seek_text = I18nFormField(label=_("What we seek"), textarea=True, required=False)
    offers = forms.MultipleChoiceField(
        label=_("We offer"),
        choices=Intent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    seeks = forms.MultipleChoiceField(
        label=_("We seek"),
        choices=Intent.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Sectors"), queryset=Sector.objects.order_by("code"), required=False
    )
    stage = forms.ChoiceField(label=_("Stage"), choices=[("", "—"), *Stage.choices], required=False)
    capacity = forms.IntegerField(
        label=_("Meetings I can take"), min_value=1, max_value=60, required=False
    )
    is_active = forms.BooleanField(
        label=_("Take part in matchmaking"), required=False, initial=True
    )


class AvailabilityForm(forms.Form):
    sessions = forms.ModelMultipleChoiceField(
        label=_("I can meet during"),
        queryset=MeetingSession.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave all unticked if you can meet at any time."),
    )

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["sessions"].queryset = MeetingSession.objects.filter(edition=edition).order_by(
            "starts_at"
        )


class PairRuleForm(forms.Form):
    kind = forms.ChoiceField(label=_("Rule"), choices=RuleKind.choices)
    type_a = forms.ChoiceField(
        label=_("Group A"), choices=[("", "—"), *ParticipantType.choices], required=False
    )
    type_b = forms.ChoiceField(
        label=_("Group B"), choices=[("", "—"), *ParticipantType.choices], required=False
    )
    participant_a = forms.IntegerField(label=_("or participant number A"), required=False)
    participant_b = forms.IntegerField(label=_("or participant number B"), required=False)
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class RequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message"),
        widget=forms.Textarea(attrs={"rows": 2}),
        max_length=2000,
        required=False,
    )


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=DeclineReason.choices)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class FollowUpForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Did this lead to a deal?"), choices=SurveyOutcome.choices)
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )


class SessionForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=100)
    starts_at = forms.DateTimeField(label=_("Starts at"))
    slot_minutes = forms.IntegerField(label=_("Slot length (minutes)"), min_value=5, initial=30)
    break_minutes = forms.IntegerField(label=_("Break (minutes)"), min_value=0, initial=0)
    slot_count = forms.IntegerField(
        label=_("Number of slots"), min_value=1, max_value=48, initial=6
    )


class TablesForm(forms.Form):
    count = forms.IntegerField(label=_("Tables"), min_value=1, max_value=5000)
    location = forms.CharField(label=_("Location"), max_length=120, required=False)


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV, XLSX or JSON)"))
