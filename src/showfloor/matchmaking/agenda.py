"""A participant's agenda as iCalendar and as PDF."""

from __future__ import annotations

import icalendar
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from weasyprint import HTML

from showfloor.attendance.models import Participant
from showfloor.core.i18n import localized
from showfloor.matchmaking.enums import MeetingMode
from showfloor.matchmaking.models import Meeting
from showfloor.matchmaking.queries import agenda, other_person
from showfloor.matchmaking.services import video_url


def place(meeting: Meeting) -> str:
    if meeting.mode == MeetingMode.ONLINE:
        return video_url(meeting)
    if meeting.table is None:
        return ""
    where = _("Table %(number)s") % {"number": meeting.table.number}
    return f"{where} · {meeting.table.location}" if meeting.table.location else where


def rows(participant: Participant) -> list[dict]:
    return [
        {
            "meeting": m,
            "other": other_person(m, participant),
            "place": place(m),
            "online": m.mode == MeetingMode.ONLINE,
            "video_url": video_url(m),
        }
        for m in agenda(participant)
    ]


def ical(participant: Participant) -> bytes:
    edition = participant.edition
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Showfloor//matchmaking//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", f"{localized(edition.name)} – {participant.full_name}")
    for row in rows(participant):
        meeting = row["meeting"]
        event = icalendar.Event()
        event.add("uid", f"meeting-{meeting.pk}@{edition.slug}.showfloor")
        event.add("dtstamp", timezone.now())
        event.add("dtstart", meeting.slot.starts_at)
        event.add("dtend", meeting.slot.ends_at)
        event.add("summary", _("Meeting with %(name)s") % {"name": row["other"].full_name})
        event.add("location", row["place"])
        if row["video_url"]:
            event.add("url", row["video_url"])
        cal.add_component(event)
    return cal.to_ical()


def pdf(participant: Participant) -> bytes:
    html = render_to_string(
        "matchmaking/agenda_pdf.html",
        {
            "participant": participant,
            "edition": participant.edition,
            "rows": rows(participant),
            "tz": participant.edition.timezone,
        },
    )
    return HTML(string=html, base_url=settings.SITE_URL).write_pdf()
