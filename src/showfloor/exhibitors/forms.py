"""Forms of the exhibitor pages: parse and validate input; the services do the writes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from showfloor.core.i18n import I18nFormField
from showfloor.core.models import Organization, Sector
from showfloor.exhibitors.enums import ExhibitorStatus, MediaKind, ReviewDecision, Seeking
from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact


class SectorChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Sector) -> str:
        return str(obj)


def _sector_field() -> SectorChoiceField:
    return SectorChoiceField(
        queryset=Sector.objects.order_by("code"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Sectors"),
    )


class ExhibitorProfileForm(forms.ModelForm):
    sectors = _sector_field()

    class Meta:
        model = Exhibitor
        fields = [
            "attendance_mode",
            "profile",
            "requested_space_m2",
            "contact_email",
            "contact_phone",
            "sectors",
        ]


class ApplicationForm(ExhibitorProfileForm):
    organization = forms.ModelChoiceField(
        queryset=Organization.objects.none(), label=_("Organisation")
    )
    host = forms.ModelChoiceField(
        queryset=Exhibitor.objects.none(),
        required=False,
        label=_("Co-exhibitor on the stand of"),
        help_text=_("Leave empty to apply for your own stand."),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=150)
    contact_job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)

    class Meta(ExhibitorProfileForm.Meta):
        fields = ["organization", "host", *ExhibitorProfileForm.Meta.fields]

    def __init__(self, *args: Any, organizations: Any, hosts: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organization"].queryset = organizations
        self.fields["host"].queryset = hosts
        self.fields["organization"].label_from_instance = str
        self.fields["host"].label_from_instance = str


class ExhibitForm(forms.ModelForm):
    sectors = _sector_field()
    seeking = forms.MultipleChoiceField(
        choices=Seeking.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Looking for"),
    )

    class Meta:
        model = Exhibit
        fields = ["title", "description", "stage", "sectors", "is_published"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["seeking"] = self.instance.seeking

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {name: data[name] for name in ("title", "description", "stage", "is_published")}
        for value in Seeking.values:
            values[f"seeks_{value}"] = value in data["seeking"]
        return values


class MediaForm(forms.Form):
    kind = forms.ChoiceField(choices=MediaKind.choices, label=_("Kind"))
    file = forms.FileField(label=_("File"), required=False)
    url = forms.URLField(
        label=_("Video address"),
        required=False,
        assume_scheme="https",
        help_text=_("For a hosted video: its https:// address."),
    )
    title = I18nFormField(label=_("Caption"), required=False)
    exhibit = forms.ModelChoiceField(
        queryset=Exhibit.objects.none(), required=False, label=_("Exhibit")
    )

    def __init__(self, *args: Any, exhibitor: Exhibitor, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exhibit"].queryset = exhibitor.exhibits.all()
        self.fields["exhibit"].label_from_instance = str


class ContactForm(forms.ModelForm):
    class Meta:
        model = ExhibitorContact
        fields = ["name", "job_title", "email", "phone", "is_public"]


class TeamMemberForm(forms.Form):
    username = forms.CharField(
        label=_("User name or e-mail"), max_length=150, help_text=_("The person needs an account.")
    )
    is_admin = forms.BooleanField(label=_("May manage the team"), required=False)

    def clean_username(self) -> Any:
        value = self.cleaned_data["username"].strip()
        users = get_user_model().objects
        user = users.filter(username=value).first() or users.filter(email__iexact=value).first()
        if user is None:
            raise forms.ValidationError(_("No account has this user name or e-mail."))
        return user


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=ReviewDecision.choices, label=_("Decision"))
    reason = forms.CharField(
        label=_("Reason (sent to the exhibitor)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class StaffFilterForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("", _("All statuses")), *ExhibitorStatus.choices], required=False
    )
    q = forms.CharField(required=False, label=_("Search"))


class ImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))
    valid_rows_only = forms.BooleanField(
        label=_("Import the valid rows only and skip the rows with errors"), required=False
    )
