"""Forms of the programme pages; they parse input, the services decide."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from showfloor.core.i18n import CONTENT_LANGUAGES, LANGUAGE_LABELS
from showfloor.core.models import Edition, Sector
from showfloor.programme.enums import SpeakerRole, StreamStatus
from showfloor.programme.models import Forum, Room, Session, Speaker, Stream

# Time zones offered in the visitor's selector, besides the edition's and the browser's own.
COMMON_ZONES = [
    "UTC",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Asia/Singapore",
    "Asia/Kolkata",
    "Europe/Moscow",
    "Europe/Paris",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
]


def valid_zone(name: str | None) -> str | None:
    if name and name in zoneinfo.available_timezones():
        return name
    return None


class ForumForm(forms.ModelForm):
    class Meta:
        model = Forum
        fields = ["code", "kind", "title", "description", "host", "sectors", "order"]


class RoomForm(forms.ModelForm):
    class Meta:
        model = Room
        fields = ["name", "location", "capacity", "is_virtual", "order"]


class SpeakerForm(forms.ModelForm):
    class Meta:
        model = Speaker
        fields = [
            "name",
            "email",
            "job_title",
            "organization_name",
            "country",
            "bio",
            "photo",
            "status",
        ]


class SpeakerProfileForm(forms.ModelForm):
    """What a speaker edits on their own profile."""

    class Meta:
        model = Speaker
        fields = ["name", "job_title", "organization_name", "country", "bio", "photo"]


class SessionForm(forms.ModelForm):
    """Times are entered in the edition's local time and stored in UTC."""

    day = forms.DateField(label=_("Day"), required=False)
    start_time = forms.TimeField(label=_("Starts (local time)"), required=False)
    end_time = forms.TimeField(label=_("Ends (local time)"), required=False)
    speaker_list = forms.ModelMultipleChoiceField(
        label=_("Speakers"), queryset=Speaker.objects.none(), required=False
    )
    moderator_list = forms.ModelMultipleChoiceField(
        label=_("Moderators"), queryset=Speaker.objects.none(), required=False
    )
    interpretation = forms.MultipleChoiceField(
        label=_("Interpretation into"),
        choices=[(code, LANGUAGE_LABELS[code]) for code in CONTENT_LANGUAGES],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Session
        fields = [
            "title",
            "abstract",
            "kind",
            "status",
            "forum",
            "room",
            "language",
            "interpretation",
            "sectors",
            "capacity",
            "registration_open",
        ]

    def __init__(self, *args: Any, edition: Edition, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.edition = edition
        self.fields["forum"].queryset = Forum.objects.filter(edition=edition)
        self.fields["room"].queryset = Room.objects.filter(edition=edition)
        self.fields["sectors"].queryset = Sector.objects.all()
        self.fields["language"].choices = [
            (code, LANGUAGE_LABELS[code]) for code in CONTENT_LANGUAGES
        ]
        people = Speaker.objects.filter(edition=edition).order_by("name")
        self.fields["speaker_list"].queryset = people
        self.fields["moderator_list"].queryset = people
        self.fields["day"].widget = forms.Select(
            choices=[("", "—")] + [(day.isoformat(), day.isoformat()) for day in edition.days]
        )
        self.fields["start_time"].widget = forms.TimeInput(attrs={"type": "time"})
        self.fields["end_time"].widget = forms.TimeInput(attrs={"type": "time"})
        session = self.instance
        if session.pk:
            if session.starts_at:
                local_start = session.starts_at.astimezone(edition.tz)
                self.initial.update(
                    day=local_start.date().isoformat(),
                    start_time=local_start.strftime("%H:%M"),
                    end_time=session.ends_at.astimezone(edition.tz).strftime("%H:%M"),
                )
            links = list(session.session_speakers.all())
            self.initial["speaker_list"] = [
                link.speaker_id for link in links if link.role == SpeakerRole.SPEAKER
            ]
            self.initial["moderator_list"] = [
                link.speaker_id for link in links if link.role == SpeakerRole.MODERATOR
            ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        day, start, end = data.get("day"), data.get("start_time"), data.get("end_time")
        if day is None and start is None and end is None:
            data["starts_at"] = data["ends_at"] = None
        elif day is None or start is None or end is None:
            self.add_error("day", _("Give the day, the start and the end, or none of them."))
        else:
            tz = self.edition.tz
            data["starts_at"] = dt.datetime.combine(day, start, tz).astimezone(dt.UTC)
            end_day = day + dt.timedelta(days=1) if end <= start else day
            if end <= start and end != dt.time(0, 0):
                self.add_error("end_time", _("The session must end after it starts."))
            data["ends_at"] = dt.datetime.combine(end_day, end, tz).astimezone(dt.UTC)
        return data

    def service_values(self) -> dict[str, Any]:
        data = self.cleaned_data
        values = {name: data[name] for name in self.Meta.fields if name != "sectors"}
        values["starts_at"] = data.get("starts_at")
        values["ends_at"] = data.get("ends_at")
        return values


class StreamForm(forms.ModelForm):
    class Meta:
        model = Stream
        fields = ["playback_url", "replay_url", "status"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["status"].required = False

    def clean_status(self) -> str:
        return self.cleaned_data.get("status") or StreamStatus.SCHEDULED


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )


class AnswerForm(forms.Form):
    action = forms.ChoiceField(
        choices=[("approve", _("Approve")), ("answer", _("Answer")), ("hide", _("Hide"))]
    )
    answer = forms.CharField(required=False, max_length=4000)
