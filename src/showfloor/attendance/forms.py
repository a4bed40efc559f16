"""Web forms: the registration form built from a RegistrationForm, imports, lead notes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_countries.fields import LazyTypedChoiceField

from showfloor.attendance.enums import AttendanceMode, QuestionKind
from showfloor.attendance.models import RegistrationForm
from showfloor.attendance.services.registration import allowed_days
from showfloor.core.i18n import localized
from showfloor.core.models import Sector


class RegistrationWebForm(forms.Form):
    first_name = forms.CharField(label=_("First name"), max_length=100)
    last_name = forms.CharField(label=_("Last name"), max_length=100, required=False)
    email = forms.EmailField(label=_("E-mail"))
    organization_name = forms.CharField(label=_("Organisation"), max_length=200, required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    country = LazyTypedChoiceField(
        label=_("Country"), choices=[("", "—"), *countries], required=False
    )
    attendance_mode = forms.ChoiceField(
        label=_("How will you attend?"),
        choices=AttendanceMode.choices,
        initial=AttendanceMode.ONSITE,
    )

    def __init__(self, *args: Any, registration_form: RegistrationForm, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.registration_form = registration_form
        self.fields["sectors"] = forms.ModelMultipleChoiceField(
            label=_("Sectors of interest"),
            queryset=Sector.objects.order_by("code"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        days = allowed_days(registration_form.edition, registration_form)
        self.fields["days"] = forms.MultipleChoiceField(
            label=_("Days"),
            required=False,
            widget=forms.CheckboxSelectMultiple,
            choices=[(day.isoformat(), day.strftime("%a %d %b")) for day in days],
            help_text=_("None ticked: every day."),
        )
        for question in registration_form.questions:
            label = localized(question.get("label")) or question["key"]
            required = bool(question.get("required"))
            name = f"q_{question['key']}"
            kind = question.get("kind", QuestionKind.TEXT)
            if kind == QuestionKind.CHOICE:
                choices = [("", "—")] + [(c, c) for c in question.get("choices", [])]
                self.fields[name] = forms.ChoiceField(
                    label=label, choices=choices, required=required
                )
            elif kind == QuestionKind.YES_NO:
                self.fields[name] = forms.ChoiceField(
                    label=label,
                    choices=[("", "—"), ("yes", _("Yes")), ("no", _("No"))],
                    required=required,
                )
            else:
                self.fields[name] = forms.CharField(label=label, required=required, max_length=500)
        consent = localized(registration_form.consent_text)
        if consent:
            self.fields["consent"] = forms.BooleanField(label=consent, required=True)

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        answers = {
            question["key"]: data.get(f"q_{question['key']}", "")
            for question in self.registration_form.questions
        }
        return {
            "type": self.registration_form.participant_type,
            "first_name": data["first_name"],
            "last_name": data["last_name"],
            "email": data["email"],
            "organization_name": data["organization_name"],
            "job_title": data["job_title"],
            "country": data["country"],
            "attendance_mode": data["attendance_mode"],
            "days": data["days"],
            "sectors": list(data["sectors"]),
            "answers": answers,
            "consent": bool(data.get("consent")),
        }


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))


class LeadScanForm(forms.Form):
    secret = forms.CharField(label=_("Badge code"), max_length=200)
    rating = forms.TypedChoiceField(
        label=_("Rating"),
        choices=[("", "—")] + [(str(n), str(n)) for n in range(1, 6)],
        coerce=int,
        empty_value=None,
        required=False,
    )
    notes = forms.CharField(
        label=_("Notes"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    tags = forms.CharField(
        label=_("Follow-up tags"), required=False, help_text=_("Comma-separated.")
    )

    def tag_list(self) -> list[str]:
        return [tag.strip() for tag in self.cleaned_data["tags"].split(",") if tag.strip()]


class DeviceForm(forms.Form):
    name = forms.CharField(label=_("Device name"), max_length=100)
