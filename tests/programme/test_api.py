import pytest

from showfloor.core.services import issue_api_token
from showfloor.programme.models import AgendaItem, Question, SessionRegistration, SessionSpeaker
from tests.factories import UserFactory
from tests.programme.factories import (
    ParticipantFactory,
    QuestionFactory,
    SessionFactory,
    SpeakerFactory,
    at,
)
from tests.utils import api_headers

pytestmark = pytest.mark.django_db


def base(edition):
    return f"/api/v1/editions/{edition.slug}/programme"


@pytest.mark.parametrize("count", [1, 3])
def test_list_sessions_query_count_is_constant(client, edition, count, django_assert_num_queries):
    for index in range(count):
        session = SessionFactory(edition=edition, starts_at=at(edition, 0, 9 + index))
        SessionSpeaker.objects.create(session=session, speaker=SpeakerFactory(edition=edition))
    with django_assert_num_queries(4):
        response = client.get(f"{base(edition)}/sessions")
    assert len(response.json()) == count


def test_list_sessions_fields(client, edition):
    session = SessionFactory(edition=edition, title={"en": "Keynote"}, capacity=50)
    speaker = SpeakerFactory(edition=edition, name="Li Na", organization_name="SUSTech")
    SessionSpeaker.objects.create(session=session, speaker=speaker, role="moderator")
    (item,) = client.get(f"{base(edition)}/sessions").json()
    assert (item["title"], item["capacity"], item["starts_at"], item["people"]) == (
        {"en": "Keynote"},
        50,
        "2026-11-11T01:00:00Z",
        [
            {
                "id": speaker.pk,
                "name": "Li Na",
                "role": "moderator",
                "organization": "SUSTech",
                "country": "CN",
            }
        ],
    )


def test_list_sessions_hides_drafts(client, edition):
    SessionFactory(edition=edition, status="draft")
    assert client.get(f"{base(edition)}/sessions").json() == []


def test_register_via_api_as_participant(client, edition):
    session = SessionFactory(edition=edition, capacity=1)
    participant = ParticipantFactory(edition=edition)
    client.force_login(participant.user)
    response = client.post(
        f"{base(edition)}/sessions/{session.pk}/registration", {}, content_type="application/json"
    )
    assert (response.status_code, response.json()["status"]) == (200, "confirmed")


def test_register_via_api_anonymous_is_401(client, edition):
    session = SessionFactory(edition=edition)
    response = client.post(
        f"{base(edition)}/sessions/{session.pk}/registration", {}, content_type="application/json"
    )
    assert (response.status_code, SessionRegistration.objects.count()) == (401, 0)


def test_register_for_other_participant_via_api_is_403(client, edition):
    session = SessionFactory(edition=edition)
    other = ParticipantFactory(edition=edition)
    client.force_login(ParticipantFactory(edition=edition).user)
    response = client.post(
        f"{base(edition)}/sessions/{session.pk}/registration",
        {"participant_id": other.pk},
        content_type="application/json",
    )
    assert (response.status_code, SessionRegistration.objects.count()) == (403, 0)


def test_cancel_via_api_promotes_waiting(client, edition):
    session = SessionFactory(edition=edition, capacity=1)
    first, second = ParticipantFactory(edition=edition), ParticipantFactory(edition=edition)
    for participant in (first, second):
        client.force_login(participant.user)
        client.post(
            f"{base(edition)}/sessions/{session.pk}/registration",
            {},
            content_type="application/json",
        )
    client.force_login(first.user)
    response = client.delete(f"{base(edition)}/sessions/{session.pk}/registration")
    assert (
        response.json()["status"],
        SessionRegistration.objects.get(participant=second).status,
    ) == ("cancelled", "confirmed")


def test_moderation_via_api_with_programme_token(client, edition, system_actor):
    question = QuestionFactory(session=SessionFactory(edition=edition))
    _token, key = issue_api_token(
        system_actor, edition, "moderation", permissions=["can_manage_programme"]
    )
    response = client.post(
        f"{base(edition)}/sessions/{question.session_id}/questions/{question.pk}/moderation",
        {"action": "answer", "answer": "In 2027."},
        content_type="application/json",
        **api_headers(key),
    )
    assert (response.status_code, response.json()["status"], response.json()["answer"]) == (
        200,
        "answered",
        "In 2027.",
    )


def test_moderation_via_api_with_other_token_is_403(client, edition, system_actor):
    question = QuestionFactory(session=SessionFactory(edition=edition))
    _token, key = issue_api_token(system_actor, edition, "deals", permissions=["can_manage_deals"])
    response = client.post(
        f"{base(edition)}/sessions/{question.session_id}/questions/{question.pk}/moderation",
        {"action": "approve"},
        content_type="application/json",
        **api_headers(key),
    )
    assert (response.status_code, Question.objects.get(pk=question.pk).status) == (403, "pending")


def test_questions_list_public_sees_only_published(client, edition):
    session = SessionFactory(edition=edition)
    QuestionFactory(session=session, text="Shown", status="approved")
    QuestionFactory(session=session, text="Held", status="pending")
    response = client.get(f"{base(edition)}/sessions/{session.pk}/questions")
    assert [q["text"] for q in response.json()] == ["Shown"]


def test_viewers_endpoint_requires_programme_permission(client, edition, staff_user):
    session = SessionFactory(edition=edition)
    client.force_login(staff_user(edition, "sales"))
    denied = client.get(f"{base(edition)}/sessions/{session.pk}/viewers")
    client.force_login(staff_user(edition, "programme"))
    allowed = client.get(f"{base(edition)}/sessions/{session.pk}/viewers")
    assert (denied.status_code, allowed.json()) == (
        403,
        {
            "session_id": session.pk,
            "unique_viewers": 0,
            "peak_concurrent": 0,
            "peak_minute": None,
            "replay_viewers": 0,
        },
    )


@pytest.mark.parametrize("count", [1, 3])
def test_agenda_api_query_count(client, edition, count, django_assert_num_queries):
    participant = ParticipantFactory(edition=edition)
    for index in range(count):
        session = SessionFactory(edition=edition, starts_at=at(edition, 0, 9 + index))
        AgendaItem.objects.create(participant=participant, session=session)
    client.force_login(participant.user)
    client.get(f"{base(edition)}/agenda")
    with django_assert_num_queries(8):
        response = client.get(f"{base(edition)}/agenda")
    assert len(response.json()) == count


def test_agenda_api_put_twice_then_delete(client, edition):
    session = SessionFactory(edition=edition)
    participant = ParticipantFactory(edition=edition)
    client.force_login(participant.user)
    first = client.put(f"{base(edition)}/agenda/{session.pk}")
    client.put(f"{base(edition)}/agenda/{session.pk}")
    after_put = AgendaItem.objects.filter(participant=participant).count()
    client.delete(f"{base(edition)}/agenda/{session.pk}")
    assert (first.status_code, after_put, AgendaItem.objects.count()) == (204, 1, 0)


def test_agenda_api_without_participation_is_403(client, edition):
    client.force_login(UserFactory())
    assert client.get(f"{base(edition)}/agenda").status_code == 403


def test_ask_via_api_creates_pending_question(client, edition):
    session = SessionFactory(edition=edition)
    client.force_login(ParticipantFactory(edition=edition).user)
    response = client.post(
        f"{base(edition)}/sessions/{session.pk}/questions",
        {"text": "Et la 6G ?"},
        content_type="application/json",
    )
    assert (response.status_code, response.json()["status"], response.json()["text"]) == (
        201,
        "pending",
        "Et la 6G ?",
    )
