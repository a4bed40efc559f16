from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from showfloor.guests.models import Invitation


class RsvpForm(forms.Form):
    answer = forms.ChoiceField(
        label=_("Your answer"),
        choices=[("accept", _("I accept")), ("decline", _("I decline"))],
        widget=forms.RadioSelect,
    )
    dietary_notes = forms.CharField(label=_("Dietary requirements"), max_length=300, required=False)


class BookingForm(forms.Form):
    full_name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("E-mail"))
    party_size = forms.IntegerField(label=_("People"), min_value=1, max_value=6, initial=1)


class InvitationForm(forms.ModelForm):
    class Meta:
        model = Invitation
        fields = [
            "category",
            "honorific",
            "first_name",
            "last_name",
            "email",
            "job_title",
            "organization_name",
            "country",
            "language",
            "protocol_notes",
        ]
