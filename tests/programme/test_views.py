import datetime as dt

import pytest
from django.urls import reverse

from showfloor.programme.models import (
    AgendaItem,
    Question,
    SessionRegistration,
    SessionSpeaker,
    ViewerPing,
)
from tests.factories import SectorFactory, UserFactory
from tests.programme.factories import (
    ForumFactory,
    ParticipantFactory,
    QuestionFactory,
    RoomFactory,
    SessionFactory,
    SpeakerFactory,
    StreamFactory,
    at,
)

pytestmark = pytest.mark.django_db


def url(edition, name, **kwargs):
    return reverse(f"programme:{name}", kwargs={"edition_slug": edition.slug, **kwargs})


def titles(response):
    return [s.title["en"] for _key, items in response.context["groups"] for s in items]


def make_sessions(edition, count):
    return [
        SessionFactory(edition=edition, title={"en": f"S{i}"}, starts_at=at(edition, 0, 9 + i))
        for i in range(count)
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_programme_page_query_count_is_constant(client, edition, count, django_assert_num_queries):
    make_sessions(edition, count)
    client.get(url(edition, "programme"))  # warm caches (salt, content types)
    with django_assert_num_queries(6):
        response = client.get(url(edition, "programme"), {"day": "2026-11-11"})
    assert len(titles(response)) == count


def test_programme_by_day_shows_that_day_only(client, edition):
    SessionFactory(edition=edition, title={"en": "Day one"}, starts_at=at(edition, 0, 9))
    SessionFactory(edition=edition, title={"en": "Day two"}, starts_at=at(edition, 1, 9))
    response = client.get(url(edition, "programme"), {"day": "2026-11-12"})
    assert titles(response) == ["Day two"]


def test_programme_day_follows_edition_timezone(client, edition):
    # 07:30 in Shanghai on day two is still day one in UTC.
    SessionFactory(edition=edition, title={"en": "Early"}, starts_at=at(edition, 1, 7, 30))
    response = client.get(url(edition, "programme"), {"day": "2026-11-12"})
    assert titles(response) == ["Early"]


def test_programme_filter_by_sector_uses_session_and_forum_sectors(client, edition):
    ai = SectorFactory(code="ai")
    forum = ForumFactory(edition=edition)
    forum.sectors.add(ai)
    SessionFactory(edition=edition, forum=forum, title={"en": "Via forum"})
    tagged = SessionFactory(edition=edition, title={"en": "Tagged"}, starts_at=at(edition, 0, 11))
    tagged.sectors.add(ai)
    SessionFactory(edition=edition, title={"en": "Other"}, starts_at=at(edition, 0, 13))
    response = client.get(url(edition, "programme"), {"day": "2026-11-11", "sector": "ai"})
    assert titles(response) == ["Via forum", "Tagged"]


def test_programme_filter_by_language_includes_interpretation(client, edition):
    SessionFactory(edition=edition, title={"en": "French"}, language="fr")
    SessionFactory(
        edition=edition,
        title={"en": "Interpreted"},
        language="zh-hans",
        interpretation=["fr"],
        starts_at=at(edition, 0, 11),
    )
    SessionFactory(edition=edition, title={"en": "English"}, starts_at=at(edition, 0, 13))
    response = client.get(url(edition, "programme"), {"day": "2026-11-11", "lang": "fr"})
    assert titles(response) == ["French", "Interpreted"]


def test_programme_by_forum_groups_sessions(client, edition):
    forum = ForumFactory(edition=edition, title={"en": "Robotics"})
    SessionFactory(edition=edition, forum=forum, title={"en": "Robots"})
    response = client.get(url(edition, "programme"), {"view": "forum"})
    assert [
        (key.title["en"], [s.title["en"] for s in items])
        for key, items in response.context["groups"]
    ] == [("Robotics", ["Robots"])]


def test_programme_visitor_timezone_shows_both_times(client, edition):
    SessionFactory(edition=edition, starts_at=at(edition, 0, 9))
    response = client.get(url(edition, "programme"), {"day": "2026-11-11", "tz": "Europe/Paris"})
    html = response.content.decode()
    assert ("09:00–10:00" in html, "(02:00–03:00 Europe/Paris)" in html) == (True, True)


def test_programme_unknown_timezone_is_ignored(client, edition):
    SessionFactory(edition=edition)
    response = client.get(url(edition, "programme"), {"tz": "Mars/Olympus"})
    assert response.context["visitor_tz"] is None


def test_session_page_draft_is_404_for_public(client, edition):
    session = SessionFactory(edition=edition, status="draft")
    assert client.get(url(edition, "session", pk=session.pk)).status_code == 404


def test_session_page_plays_live_stream_during_session(client, edition, settings):
    session = SessionFactory(edition=edition)
    StreamFactory(session=session, status="live", playback_url="/media/live/index.m3u8")
    response = client.get(url(edition, "session", pk=session.pk))
    assert (response.context["mode"], response.context["play_url"]) == (
        "live",
        "/media/live/index.m3u8",
    )


def test_agenda_add_as_participant_creates_item(client, edition):
    session = SessionFactory(edition=edition)
    participant = ParticipantFactory(edition=edition)
    client.force_login(participant.user)
    response = client.post(url(edition, "agenda_toggle", pk=session.pk))
    assert (response.status_code, AgendaItem.objects.filter(participant=participant).count()) == (
        302,
        1,
    )


def test_agenda_add_without_participation_creates_nothing(client, edition):
    session = SessionFactory(edition=edition)
    client.force_login(UserFactory())
    client.post(url(edition, "agenda_toggle", pk=session.pk))
    assert AgendaItem.objects.count() == 0


def test_agenda_page_lists_own_sessions(client, edition):
    participant = ParticipantFactory(edition=edition)
    mine = SessionFactory(edition=edition, title={"en": "Mine"})
    SessionFactory(edition=edition, title={"en": "Not mine"}, starts_at=at(edition, 0, 11))
    AgendaItem.objects.create(participant=participant, session=mine)
    client.force_login(participant.user)
    assert titles(client.get(url(edition, "agenda"))) == ["Mine"]


def test_registration_view_books_seat(client, edition):
    session = SessionFactory(edition=edition, capacity=1)
    participant = ParticipantFactory(edition=edition)
    client.force_login(participant.user)
    client.post(url(edition, "registration", pk=session.pk))
    assert SessionRegistration.objects.get(participant=participant).status == "confirmed"


def test_ask_view_creates_pending_question(client, edition):
    session = SessionFactory(edition=edition)
    participant = ParticipantFactory(edition=edition)
    client.force_login(participant.user)
    client.post(url(edition, "ask", pk=session.pk), {"text": "Quand ?"})
    assert list(Question.objects.values_list("text", "status")) == [("Quand ?", "pending")]


def test_session_page_hides_pending_questions_from_public(client, edition):
    session = SessionFactory(edition=edition)
    QuestionFactory(session=session, text="Visible", status="approved")
    QuestionFactory(session=session, text="Waiting", status="pending")
    response = client.get(url(edition, "session", pk=session.pk))
    assert [q.text for q in response.context["questions"]] == ["Visible"]


def test_moderate_view_by_participant_is_403(client, edition):
    session = SessionFactory(edition=edition)
    question = QuestionFactory(session=session)
    client.force_login(ParticipantFactory(edition=edition).user)
    response = client.post(
        url(edition, "moderate", pk=session.pk, question_pk=question.pk), {"action": "approve"}
    )
    assert (response.status_code, Question.objects.get(pk=question.pk).status) == (403, "pending")


def test_heartbeat_counts_viewer_once_per_minute(client, edition):
    now = dt.datetime.now(dt.UTC)
    session = SessionFactory(
        edition=edition,
        starts_at=now - dt.timedelta(minutes=5),
        ends_at=now + dt.timedelta(hours=1),
    )
    StreamFactory(session=session)
    first = client.post(url(edition, "heartbeat", pk=session.pk), HTTP_USER_AGENT="Viewer/1")
    client.post(url(edition, "heartbeat", pk=session.pk), HTTP_USER_AGENT="Viewer/1")
    assert (first.json()["mode"], ViewerPing.objects.count()) == ("live", 1)


def test_heartbeat_not_streaming_is_409(client, edition):
    session = SessionFactory(edition=edition)
    response = client.post(url(edition, "heartbeat", pk=session.pk))
    assert (response.status_code, ViewerPing.objects.count()) == (409, 0)


STAFF_PAGES = [
    ("manage_sessions", {}),
    ("manage_session_new", {}),
    ("manage_resources", {"resource": "forums"}),
    ("manage_resources", {"resource": "rooms"}),
    ("manage_resources", {"resource": "speakers"}),
    ("manage_resource_new", {"resource": "speakers"}),
]


@pytest.mark.parametrize(
    ("role", "expected"), [("programme", 200), ("admin", 200), ("sales", 403), ("analyst", 403)]
)
@pytest.mark.parametrize(("name", "kwargs"), STAFF_PAGES)
def test_staff_pages_permissions(client, edition, staff_user, role, expected, name, kwargs):
    client.force_login(staff_user(edition, role))
    assert client.get(url(edition, name, **kwargs)).status_code == expected


def test_staff_pages_anonymous_redirects_to_login(client, edition):
    response = client.get(url(edition, "manage_sessions"))
    assert (response.status_code, response["Location"].startswith("/accounts/login/")) == (
        302,
        True,
    )


def test_staff_unknown_resource_is_404(client, edition, staff_user):
    client.force_login(staff_user(edition, "programme"))
    assert client.get(url(edition, "manage_resources", resource="users")).status_code == 404


def test_schedule_editor_conflict_names_both_sessions(client, edition, staff_user):
    room = RoomFactory(edition=edition, name={"en": "Room A"})
    SessionFactory(edition=edition, room=room, title={"en": "Opening"}, starts_at=at(edition, 0, 9))
    client.force_login(staff_user(edition, "programme"))
    response = client.post(
        url(edition, "manage_session_new"),
        {
            "title_en": "Clash",
            "kind": "talk",
            "status": "published",
            "room": room.pk,
            "language": "en",
            "day": "2026-11-11",
            "start_time": "09:30",
            "end_time": "10:30",
        },
    )
    assert response.context["form"].errors["room"] == [
        "Room A is already taken by “Opening” (Wed 11 Nov 09:00–10:00) at the time of "
        "“Clash” (Wed 11 Nov 09:30–10:30)."
    ]


def test_schedule_editor_saves_local_time_as_utc(client, edition, staff_user):
    client.force_login(staff_user(edition, "programme"))
    client.post(
        url(edition, "manage_session_new"),
        {
            "title_en": "Talk",
            "kind": "talk",
            "status": "published",
            "language": "en",
            "day": "2026-11-12",
            "start_time": "14:00",
            "end_time": "15:00",
            "stream-status": "scheduled",
        },
    )
    from showfloor.programme.models import Session

    assert list(Session.objects.values_list("starts_at", flat=True)) == [
        dt.datetime(2026, 11, 12, 6, 0, tzinfo=dt.UTC)
    ]


def test_stream_go_live_then_end_records_times(client, edition, staff_user):
    session = SessionFactory(edition=edition)
    StreamFactory(session=session)
    client.force_login(staff_user(edition, "programme"))
    target = url(edition, "manage_stream_status", pk=session.pk)
    client.post(target, {"status": "live"})
    session.stream.refresh_from_db()
    live = (session.stream.status, session.stream.started_at is not None)
    client.post(target, {"status": "ended"})
    session.stream.refresh_from_db()
    assert (live, session.stream.status, session.stream.ended_at is not None) == (
        ("live", True),
        "ended",
        True,
    )


def test_stream_status_by_sales_is_403(client, edition, staff_user):
    session = SessionFactory(edition=edition)
    StreamFactory(session=session)
    client.force_login(staff_user(edition, "sales"))
    response = client.post(url(edition, "manage_stream_status", pk=session.pk), {"status": "live"})
    session.stream.refresh_from_db()
    assert (response.status_code, session.stream.status) == (403, "scheduled")


def test_programme_by_room_shows_each_sessions_day(client, edition):
    room = RoomFactory(edition=edition)
    SessionFactory(edition=edition, room=room, starts_at=at(edition, 1, 9))
    html = client.get(url(edition, "programme"), {"view": "room"}).content.decode()
    assert "Thursday 12 November, <time" in html


def test_speakers_page_filters_by_country_and_hides_unpublished(client, edition):
    published = SessionFactory(edition=edition)
    draft = SessionFactory(edition=edition, status="draft", starts_at=at(edition, 1, 9))
    for name, country, session in (
        ("Ana", "FR", published),
        ("Bo", "CN", published),
        ("Cy", "FR", draft),
    ):
        SessionSpeaker.objects.create(
            session=session, speaker=SpeakerFactory(edition=edition, name=name, country=country)
        )
    response = client.get(url(edition, "speakers"), {"country": "fr"})
    assert [s.name for s in response.context["speakers"]] == ["Ana"]


def test_programme_live_now_lists_streaming_sessions(client, edition):
    now = dt.datetime.now(dt.UTC)
    running = SessionFactory(
        edition=edition,
        title={"en": "Running"},
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(minutes=50),
    )
    StreamFactory(session=running)
    marked = SessionFactory(edition=edition, title={"en": "Marked live"})
    StreamFactory(session=marked, status="live")
    ended = SessionFactory(
        edition=edition,
        title={"en": "Ended early"},
        starts_at=now - dt.timedelta(minutes=10),
        ends_at=now + dt.timedelta(minutes=50),
    )
    StreamFactory(session=ended, status="ended")
    response = client.get(url(edition, "programme"))
    assert [s.title["en"] for s in response.context["live"]] == ["Marked live", "Running"]
