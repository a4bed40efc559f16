from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from showfloor.core.i18n import localized


class ScorecardForm(forms.Form):
    """One decimal field per rubric criterion (strings in, Decimals out: never a float)."""

    def __init__(self, criteria: list[Any], *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            self.fields[f"criterion_{criterion.pk}"] = forms.DecimalField(
                label=localized(criterion.name),
                min_value=Decimal(0),
                max_value=Decimal(criterion.max_score),
                decimal_places=2,
                help_text=_("From 0 to %(max)s; weight %(weight)s")
                % {"max": criterion.max_score, "weight": criterion.weight.normalize()},
            )

    def values(self) -> dict[int, Decimal]:
        return {c.pk: self.cleaned_data[f"criterion_{c.pk}"] for c in self.criteria}


class EntrySubmissionForm(forms.Form):
    """An exhibitor's entry: which of the user's exhibitors, which exhibit, the title."""

    exhibitor = forms.ModelChoiceField(queryset=None, label=_("Exhibitor"))
    exhibit = forms.ModelChoiceField(queryset=None, label=_("Exhibit"), required=False)
    title = forms.CharField(label=_("Title"), max_length=200, required=False)
    description = forms.CharField(
        label=_("Description"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, exhibitors: Any, exhibits: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exhibitor"].queryset = exhibitors
        self.fields["exhibit"].queryset = exhibits
