"""Each list page and API list reads a constant number of queries for 1 and 3 items."""

import pytest
from django.urls import reverse

from showfloor.programme.models import AgendaItem, SessionSpeaker
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


@pytest.fixture
def world(edition, staff_user):
    forum = ForumFactory(edition=edition, code="ai")
    room = RoomFactory(edition=edition)
    participant = ParticipantFactory(edition=edition)
    return {
        "edition": edition,
        "forum": forum,
        "room": room,
        "participant": participant,
        "staff": staff_user(edition, "programme"),
    }


def add_items(world, count):
    edition = world["edition"]
    sessions = []
    for index in range(count):
        session = SessionFactory(
            edition=edition,
            forum=world["forum"],
            room=world["room"],
            starts_at=at(edition, 0, 9 + index),
        )
        SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory(edition=edition))
        StreamFactory(session=session)
        AgendaItem.objects.create(participant=world["participant"], session=session)
        QuestionFactory(session=sessions[0] if sessions else session, status="approved")
        sessions.append(session)
    return sessions


def page(world, name, sessions, **kwargs):
    return reverse(f"programme:{name}", kwargs={"edition_slug": world["edition"].slug, **kwargs})


CASES = [
    # (url name, kwargs builder, who, queries)
    ("forum", lambda w, s: {"code": "ai"}, None, 6),
    ("room", lambda w, s: {"pk": w["room"].pk}, None, 5),
    ("speakers", lambda w, s: {}, None, 3),
    ("agenda", lambda w, s: {}, "participant", 9),
    ("session", lambda w, s: {"pk": s[0].pk}, None, 7),
    ("manage_sessions", lambda w, s: {}, "staff", 5),
    ("manage_resources", lambda w, s: {"resource": "speakers"}, "staff", 5),
]


@pytest.mark.parametrize("count", [1, 3])
@pytest.mark.parametrize(("name", "kwargs", "who", "queries"), CASES)
def test_list_page_query_count(
    client, world, django_assert_num_queries, count, name, kwargs, who, queries
):
    sessions = add_items(world, count)
    if who == "participant":
        client.force_login(world["participant"].user)
    elif who == "staff":
        client.force_login(world["staff"])
    url = page(world, name, sessions, **kwargs(world, sessions))
    client.get(url)
    with django_assert_num_queries(queries):
        response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("count", [1, 3])
def test_api_questions_query_count(client, world, django_assert_num_queries, count):
    sessions = add_items(world, count)
    url = f"/api/v1/editions/{world['edition'].slug}/programme/sessions/{sessions[0].pk}/questions"
    with django_assert_num_queries(5):
        response = client.get(url)
    assert len(response.json()) == count
