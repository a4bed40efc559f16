from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from showfloor.deals.enums import AgreementStatus


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV or XLSX file"),
        help_text=_("One agreement per row; the first row names the columns."),
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
