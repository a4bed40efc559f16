"""Schedule exports that real clients read: iCalendar (RFC 5545), the frab `schedule.xml`, the
frab/c3voc JSON schedule (conference apps, video-recording pipelines) and a printable PDF."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from xml.etree import ElementTree as ET

import icalendar
from django.template.loader import render_to_string
from django.utils import timezone, translation
from weasyprint import HTML

from showfloor import __version__ as showfloor_version
from showfloor.core.i18n import localized
from showfloor.core.models import Edition
from showfloor.programme.enums import SpeakerRole
from showfloor.programme.models import Session

GENERATOR = "Showfloor"
# ISO 639-1 codes for the frab `language` element.
FRAB_LANGUAGE = {"en": "en", "fr": "fr", "zh-hans": "zh"}
ONLINE_ROOM = "Online"


def _text(value, edition: Edition) -> str:
    return localized(value, default_language=edition.default_language)


def _room_name(session: Session, edition: Edition) -> str:
    return _text(session.room.name, edition) if session.room_id else ONLINE_ROOM


def _room_guid(session: Session) -> str:
    key = f"showfloor-room-{session.room_id}" if session.room_id else "showfloor-room-online"
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"{session.edition_id}/{key}"))


def _people(session: Session) -> list:
    return [link.speaker for link in session.session_speakers.all()]


def _hhmm(delta: dt.timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _slug(session: Session, edition: Edition) -> str:
    return f"{edition.slug}-{session.pk}"


def _url(session: Session, base_url: str) -> str:
    return f"{base_url}{session.urls.public}"


# iCalendar -----------------------------------------------------------------------------------


def to_ical(edition: Edition, sessions: Iterable[Session], *, base_url: str, name: str) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", f"-//{GENERATOR}//{edition.slug} programme//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", edition.timezone)
    stamp = timezone.now().astimezone(dt.UTC)
    for session in sessions:
        event = icalendar.Event()
        event.add("uid", f"{session.guid}@{edition.slug}.showfloor")
        event.add("dtstamp", stamp)
        event.add("dtstart", session.starts_at.astimezone(dt.UTC))
        event.add("dtend", session.ends_at.astimezone(dt.UTC))
        event.add("summary", _text(session.title, edition))
        event.add("location", _room_name(session, edition))
        description = _text(session.abstract, edition)
        people = ", ".join(speaker.name for speaker in _people(session))
        if people:
            description = f"{people}\n\n{description}".strip()
        if description:
            event.add("description", description)
        if session.forum_id:
            event.add("categories", [_text(session.forum.title, edition)])
        event.add("url", _url(session, base_url))
        event.add("last-modified", session.updated_at.astimezone(dt.UTC))
        calendar.add_component(event)
    return calendar.to_ical()


# frab schedule.xml ---------------------------------------------------------------------------


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, {key: str(value) for key, value in attrs.items()})
    if text is not None:
        element.text = text
    return element


def _days(edition: Edition, sessions: Sequence[Session]):
    """[(index, date, day_start, day_end, {room name: (guid, [sessions])})] in local days."""
    by_day: dict[dt.date, dict[str, tuple[str, list[Session]]]] = defaultdict(dict)
    for session in sessions:
        day = session.starts_at.astimezone(edition.tz).date()
        rooms = by_day[day]
        name = _room_name(session, edition)
        rooms.setdefault(name, (_room_guid(session), []))[1].append(session)
    result = []
    for index, day in enumerate(edition.days, start=1):
        start, end = edition.day_bounds(day)
        result.append(
            (
                index,
                day,
                start.astimezone(edition.tz),
                end.astimezone(edition.tz),
                by_day.get(day, {}),
            )
        )
    return result


def _event_fields(session: Session, edition: Edition, base_url: str) -> dict:
    local_start = session.starts_at.astimezone(edition.tz)
    return {
        "guid": str(session.guid),
        "id": session.pk,
        "date": local_start.isoformat(),
        "start": local_start.strftime("%H:%M"),
        "duration": _hhmm(session.duration),
        "room": _room_name(session, edition),
        "slug": _slug(session, edition),
        "url": _url(session, base_url),
        "title": _text(session.title, edition),
        "subtitle": "",
        "track": _text(session.forum.title, edition) if session.forum_id else "",
        "type": session.kind,
        "language": FRAB_LANGUAGE.get(session.language, session.language),
        "abstract": _text(session.abstract, edition),
        "description": "",
        "logo": "",
    }


def to_frab_xml(
    edition: Edition, sessions: Sequence[Session], *, base_url: str, version: str
) -> bytes:
    """The frab `schedule.xml` (as read by Giggity, the c3voc tracker, voctomix pipelines)."""
    root = ET.Element("schedule")
    _sub(root, "generator", name=GENERATOR, version=showfloor_version)
    _sub(root, "version", version)
    conference = _sub(root, "conference")
    _sub(conference, "acronym", edition.slug)
    _sub(conference, "title", _text(edition.name, edition))
    _sub(conference, "start", edition.start_date.isoformat())
    _sub(conference, "end", edition.end_date.isoformat())
    _sub(conference, "days", str(len(edition.days)))
    _sub(conference, "timeslot_duration", "00:15")
    _sub(conference, "base_url", f"{base_url}/{edition.slug}/")
    _sub(conference, "time_zone_name", edition.timezone)
    for index, day, start, end, rooms in _days(edition, sessions):
        day_element = _sub(
            root,
            "day",
            index=str(index),
            date=day.isoformat(),
            start=start.isoformat(),
            end=end.isoformat(),
        )
        for room_name, (guid, room_sessions) in rooms.items():
            room_element = _sub(day_element, "room", name=room_name, guid=guid)
            for session in room_sessions:
                _frab_event(room_element, session, edition, base_url)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def _frab_event(parent: ET.Element, session: Session, edition: Edition, base_url: str) -> None:
    fields = _event_fields(session, edition, base_url)
    event = _sub(parent, "event", guid=fields["guid"], id=str(fields["id"]))
    for tag in ("date", "start", "duration", "room", "slug", "url"):
        _sub(event, tag, fields[tag])
    recording = _sub(event, "recording")
    _sub(recording, "license", "")
    _sub(recording, "optout", "false")
    for tag in ("title", "subtitle", "track", "type", "language", "abstract", "description"):
        _sub(event, tag, fields[tag])
    _sub(event, "logo", "")
    persons = _sub(event, "persons")
    for speaker in _people(session):
        _sub(persons, "person", speaker.name, id=str(speaker.pk))
    links = _sub(event, "links")
    stream = getattr(session, "stream", None) if hasattr(session, "stream") else None
    if stream is not None and stream.replay_url:
        _sub(links, "link", "Replay", href=_absolute(stream.replay_url, base_url))
    _sub(event, "attachments")


def _absolute(url: str, base_url: str) -> str:
    return url if url.startswith(("http://", "https://")) else f"{base_url}{url}"


# frab / c3voc JSON schedule ------------------------------------------------------------------


def to_frab_json(
    edition: Edition, sessions: Sequence[Session], *, base_url: str, version: str
) -> dict:
    rooms: dict[str, str] = {}
    tracks: dict[str, None] = {}
    days = []
    for index, day, start, end, day_rooms in _days(edition, sessions):
        events_by_room = {}
        for room_name, (guid, room_sessions) in day_rooms.items():
            rooms.setdefault(room_name, guid)
            events = [_json_event(session, edition, base_url) for session in room_sessions]
            for event in events:
                if event["track"]:
                    tracks.setdefault(event["track"])
            events_by_room[room_name] = events
        days.append(
            {
                "index": index,
                "date": day.isoformat(),
                "day_start": start.isoformat(),
                "day_end": end.isoformat(),
                "rooms": events_by_room,
            }
        )
    return {
        "$schema": "https://c3voc.de/schedule/schema.json",
        "generator": {"name": GENERATOR, "version": showfloor_version},
        "schedule": {
            "version": version,
            "base_url": f"{base_url}/{edition.slug}/",
            "conference": {
                "acronym": edition.slug,
                "title": _text(edition.name, edition),
                "start": edition.start_date.isoformat(),
                "end": edition.end_date.isoformat(),
                "daysCount": len(edition.days),
                "timeslot_duration": "00:15",
                "time_zone_name": edition.timezone,
                "rooms": [{"name": name, "guid": guid} for name, guid in rooms.items()],
                "tracks": [{"name": name} for name in tracks],
                "days": days,
            },
        },
    }


def _json_event(session: Session, edition: Edition, base_url: str) -> dict:
    fields = _event_fields(session, edition, base_url)
    stream = getattr(session, "stream", None) if hasattr(session, "stream") else None
    links = []
    if stream is not None and stream.replay_url:
        links.append({"url": _absolute(stream.replay_url, base_url), "title": "Replay"})
    return {
        **fields,
        "persons": [
            {
                "id": link.speaker.pk,
                "public_name": link.speaker.name,
                "role": link.role,
                "biography": _text(link.speaker.bio, edition),
            }
            for link in session.session_speakers.all()
        ],
        "links": links,
        "attachments": [],
        "do_not_record": False,
        "recording_license": "",
    }


def schedule_version(sessions: Sequence[Session]) -> str:
    """Changes whenever a session changes, so clients know to reload."""
    latest = max((session.updated_at for session in sessions), default=None)
    count = len(sessions)
    return f"{latest:%Y-%m-%d %H:%M:%S}/{count}" if latest else f"empty/{count}"


# PDF -----------------------------------------------------------------------------------------


def to_pdf(edition: Edition, sessions: Sequence[Session], *, base_url: str, language: str) -> bytes:
    """A printable programme by day and time, in the edition's time zone."""
    days: dict[dt.date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[session.starts_at.astimezone(edition.tz).date()].append(session)
    with translation.override(language):
        html = render_to_string(
            "programme/programme_pdf.html",
            {
                "edition": edition,
                "days": sorted(days.items()),
                "tz": edition.timezone,
                "generated": timezone.now(),
                "moderator": SpeakerRole.MODERATOR,
            },
        )
    return HTML(string=html, base_url=base_url).write_pdf()
