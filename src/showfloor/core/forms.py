from django import forms
from django.utils.translation import gettext_lazy as _


class InviteMemberForm(forms.Form):
    email = forms.EmailField(label=_("E-mail"))
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    is_admin = forms.BooleanField(label=_("Organisation administrator"), required=False)
