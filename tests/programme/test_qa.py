import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.core.permissions import Actor
from showfloor.programme import services
from showfloor.programme.models import Question, SessionSpeaker
from tests.factories import UserFactory
from tests.programme.factories import (
    ParticipantFactory,
    QuestionFactory,
    SessionFactory,
    SpeakerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def session(edition):
    return SessionFactory(edition=edition)


def moderator_of(session):
    user = UserFactory()
    speaker = SpeakerFactory(edition=session.edition, user=user)
    SessionSpeaker.objects.create(session=session, speaker=speaker, role="moderator")
    return user


def test_ask_question_as_participant_is_pending(session):
    participant = ParticipantFactory(edition=session.edition)
    question = services.ask_question(Actor.for_user(participant.user), session, " Why 5G? ")
    assert (question.status, question.text, question.author_name) == (
        "pending",
        "Why 5G?",
        participant.full_name,
    )


def test_ask_question_without_participation_is_denied(session):
    with pytest.raises(PermissionDenied):
        services.ask_question(Actor.for_user(UserFactory()), session, "Hello?")
    assert Question.objects.count() == 0


def test_ask_question_empty_text_is_refused(session):
    participant = ParticipantFactory(edition=session.edition)
    with pytest.raises(ValidationError) as caught:
        services.ask_question(Actor.for_user(participant.user), session, "   ")
    assert list(caught.value.message_dict) == ["text"]


def test_upvote_twice_counts_once(session):
    question = QuestionFactory(session=session, status="approved")
    voter = ParticipantFactory(edition=session.edition)
    services.upvote_question(Actor.for_user(voter.user), question)
    assert services.upvote_question(Actor.for_user(voter.user), question).upvotes == 1


def test_upvote_pending_question_is_refused(session):
    question = QuestionFactory(session=session, status="pending")
    voter = ParticipantFactory(edition=session.edition)
    with pytest.raises(ValidationError):
        services.upvote_question(Actor.for_user(voter.user), question)
    assert Question.objects.get(pk=question.pk).upvotes == 0


MODERATION_CASES = [
    ("programme staff", "approve", "approved"),
    ("admin staff", "hide", "hidden"),
    ("session moderator", "approve", "approved"),
    ("session moderator", "answer", "answered"),
    ("participant", "approve", PermissionDenied),
    ("sales staff", "approve", PermissionDenied),
    ("moderator of another session", "hide", PermissionDenied),
    ("anonymous", "approve", PermissionDenied),
]


def actor_for(who, session, staff_user):
    if who == "programme staff":
        return Actor.for_user(staff_user(session.edition, "programme"))
    if who == "admin staff":
        return Actor.for_user(staff_user(session.edition, "admin"))
    if who == "sales staff":
        return Actor.for_user(staff_user(session.edition, "sales"))
    if who == "session moderator":
        return Actor.for_user(moderator_of(session))
    if who == "moderator of another session":
        return Actor.for_user(moderator_of(SessionFactory(edition=session.edition)))
    if who == "participant":
        return Actor.for_user(ParticipantFactory(edition=session.edition).user)
    return Actor.for_user(None)


@pytest.mark.parametrize(("who", "action", "expected"), MODERATION_CASES)
def test_moderate_question_rights(session, staff_user, who, action, expected):
    question = QuestionFactory(session=session)
    actor = actor_for(who, session, staff_user)
    if expected is PermissionDenied:
        with pytest.raises(PermissionDenied):
            services.moderate_question(actor, question, action, answer="Soon.")
        assert Question.objects.get(pk=question.pk).status == "pending"
    else:
        moderated = services.moderate_question(actor, question, action, answer="Soon.")
        assert Question.objects.get(pk=moderated.pk).status == expected


def test_moderate_answer_without_text_is_refused(session, staff_user):
    question = QuestionFactory(session=session)
    actor = Actor.for_user(staff_user(session.edition, "programme"))
    with pytest.raises(ValidationError) as caught:
        services.moderate_question(actor, question, "answer", answer=" ")
    assert list(caught.value.message_dict) == ["answer"]
