import datetime as dt
import io
import json
import subprocess
from pathlib import Path

import icalendar
import jsonschema_rs
import pytest
import xmlschema
from django.urls import reverse

from showfloor.programme.models import AgendaItem, SessionSpeaker
from tests.programme.factories import (
    ForumFactory,
    ParticipantFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    StreamFactory,
    at,
)

pytestmark = pytest.mark.django_db
FRAB_XSD = Path(__file__).with_name("frab_schedule.xsd")

# The c3voc/frab JSON schedule as conference apps read it (the parts we promise).
EVENT = {
    "type": "object",
    "required": [
        "guid",
        "id",
        "date",
        "start",
        "duration",
        "room",
        "slug",
        "title",
        "track",
        "type",
        "language",
        "abstract",
        "persons",
        "links",
    ],
    "properties": {
        "guid": {"type": "string", "pattern": "^[0-9a-f-]{36}$"},
        "id": {"type": "integer"},
        "date": {"type": "string", "format": "date-time"},
        "start": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"},
        "duration": {"type": "string", "pattern": "^[0-9]{2}:[0-9]{2}$"},
        "persons": {
            "type": "array",
            "items": {"type": "object", "required": ["id", "public_name"]},
        },
        "links": {"type": "array", "items": {"type": "object", "required": ["url", "title"]}},
    },
}
JSON_SCHEMA = {
    "type": "object",
    "required": ["schedule"],
    "properties": {
        "schedule": {
            "type": "object",
            "required": ["version", "conference"],
            "properties": {
                "conference": {
                    "type": "object",
                    "required": [
                        "acronym",
                        "title",
                        "start",
                        "end",
                        "daysCount",
                        "timeslot_duration",
                        "time_zone_name",
                        "rooms",
                        "days",
                    ],
                    "properties": {
                        "days": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["index", "date", "day_start", "day_end", "rooms"],
                                "properties": {
                                    "rooms": {
                                        "type": "object",
                                        "additionalProperties": {"type": "array", "items": EVENT},
                                    }
                                },
                            },
                        }
                    },
                }
            },
        }
    },
}


@pytest.fixture
def programme(edition):
    room = RoomFactory(edition=edition, name={"en": "Hall 1", "zh-hans": "一号馆"})
    forum = ForumFactory(
        edition=edition, code="ai", title={"en": "AI Forum", "zh-hans": "人工智能论坛"}
    )
    keynote = SessionFactory(
        edition=edition,
        forum=forum,
        room=room,
        kind="keynote",
        title={"en": "Opening keynote", "zh-hans": "开幕主旨演讲"},
        starts_at=at(edition, 0, 9),
        language="zh-hans",
    )
    SessionSpeaker.objects.create(
        session=keynote, speaker=SpeakerFactory(edition=edition, name="王芳"), role="speaker"
    )
    StreamFactory(session=keynote, replay_url="/media/replay/index.m3u8", status="ended")
    panel = SessionFactory(
        edition=edition,
        forum=forum,
        room=RoomFactory(edition=edition),
        kind="panel",
        title={"en": "5G panel"},
        starts_at=at(edition, 1, 14),
        ends_at=at(edition, 1, 15, 30),
    )
    SessionFactory(edition=edition, status="draft", title={"en": "Secret draft"})
    return {"keynote": keynote, "panel": panel, "forum": forum}


def url(edition, name, **kwargs):
    return reverse(f"programme:{name}", kwargs={"edition_slug": edition.slug, **kwargs})


def events_of(response):
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_programme_ical_parses_with_published_sessions(client, edition, programme):
    response = client.get(url(edition, "programme_ical"))
    events = events_of(response)
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    assert [(str(e["summary"]), e.decoded("dtstart"), e.decoded("dtend")) for e in events] == [
        ("Opening keynote", at(edition, 0, 9), at(edition, 0, 10)),
        ("5G panel", at(edition, 1, 14), at(edition, 1, 15, 30)),
    ]


def test_programme_ical_uid_is_stable_session_guid(client, edition, programme):
    events = events_of(client.get(url(edition, "programme_ical")))
    assert str(events[0]["uid"]) == f"{programme['keynote'].guid}@{edition.slug}.showfloor"


def test_forum_ical_has_only_forum_sessions(client, edition, programme):
    SessionFactory(edition=edition, title={"en": "Elsewhere"}, starts_at=at(edition, 2, 9))
    events = events_of(client.get(url(edition, "forum_ical", code="ai")))
    assert sorted(str(e["summary"]) for e in events) == ["5G panel", "Opening keynote"]


def test_agenda_ical_feed_lists_agenda_sessions(client, edition, programme):
    participant = ParticipantFactory(edition=edition)
    AgendaItem.objects.create(participant=participant, session=programme["panel"])
    client.force_login(participant.user)
    page = client.get(url(edition, "agenda"))
    feed = page.context["feed_url"]
    client.logout()
    events = events_of(client.get(feed))
    assert [str(e["summary"]) for e in events] == ["5G panel"]


def test_agenda_ical_forged_token_is_404(client, edition, programme):
    response = client.get(url(edition, "agenda_ical", token="eyJwIjoxfQ:forged:sig"))
    assert response.status_code == 404


def test_schedule_xml_validates_against_frab_schema(client, edition, programme):
    response = client.get(url(edition, "schedule_xml"))
    schema = xmlschema.XMLSchema(str(FRAB_XSD))
    schema.validate(io.BytesIO(response.content))
    data = schema.to_dict(io.BytesIO(response.content))
    first_day = data["day"][0]
    event = first_day["room"][0]["event"][0]
    assert (
        len(data["day"]),
        first_day["@date"],
        event["title"],
        event["start"],
        event["duration"],
        event["language"],
        event["type"],
        event["persons"]["person"][0]["$"],
    ) == (
        5,
        "2026-11-11",
        "Opening keynote",
        "09:00",
        "01:00",
        "zh",
        "keynote",
        "王芳",
    )


def test_schedule_xml_links_replay(client, edition, programme):
    schema = xmlschema.XMLSchema(str(FRAB_XSD))
    data = schema.to_dict(io.BytesIO(client.get(url(edition, "schedule_xml")).content))
    link = data["day"][0]["room"][0]["event"][0]["links"]["link"][0]
    assert link["@href"] == "http://testserver/media/replay/index.m3u8"


def test_schedule_xml_draft_is_left_out(client, edition, programme):
    assert b"Secret draft" not in client.get(url(edition, "schedule_xml")).content


def test_schedule_json_validates_and_matches(client, edition, programme):
    data = json.loads(client.get(url(edition, "schedule_json")).content)
    jsonschema_rs.validate(JSON_SCHEMA, data)
    conference = data["schedule"]["conference"]
    day2 = conference["days"][1]
    ((_room_name, events),) = day2["rooms"].items()
    assert (
        conference["daysCount"],
        conference["time_zone_name"],
        events[0]["title"],
        events[0]["start"],
        events[0]["duration"],
        events[0]["date"],
    ) == (
        5,
        "Asia/Shanghai",
        "5G panel",
        "14:00",
        "01:30",
        "2026-11-12T14:00:00+08:00",
    )


def test_programme_pdf_renders_chinese(client, edition, programme, tmp_path):
    response = client.get(url(edition, "programme_pdf"), HTTP_ACCEPT_LANGUAGE="zh-hans")
    pdf = tmp_path / "programme.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert (response["Content-Type"], "开幕主旨演讲" in text, "王芳" in text, "09:00" in text) == (
        "application/pdf",
        True,
        True,
        True,
    )


def test_ical_sessions_span_times_in_utc(client, edition, programme):
    events = events_of(client.get(url(edition, "programme_ical")))
    assert events[0].decoded("dtstart").utcoffset() == dt.timedelta(0)


def test_programme_pdf_one_day_has_only_that_day(client, edition, programme, tmp_path):
    response = client.get(url(edition, "programme_pdf"), {"day": "2026-11-12"})
    pdf = tmp_path / "day.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert ("5G panel" in text, "Opening keynote" in text) == (True, False)
