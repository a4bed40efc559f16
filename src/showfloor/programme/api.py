"""REST endpoints of the programme: sessions, seats, questions and audiences."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status

from showfloor.api.auth import PUBLIC_AUTH
from showfloor.api.helpers import actor, edition_for
from showfloor.attendance.models import Participant
from showfloor.core.rules import Perm
from showfloor.core.schemas import ErrorOut
from showfloor.programme import queries, services
from showfloor.programme.enums import SessionStatus
from showfloor.programme.models import Forum, Session
from showfloor.programme.rules import can_moderate_questions
from showfloor.programme.schemas import (
    ModerationIn,
    QuestionIn,
    QuestionOut,
    RegistrationIn,
    RegistrationOut,
    SessionOut,
    ViewerStatsOut,
)

router = Router()
ERRORS: dict[int, Any] = {401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
BASE = "/editions/{edition_slug}/programme"


class SessionFilter(Schema):
    day: dt.date | None = None
    forum: str | None = None
    sector: str | None = None
    language: str | None = None


def session_out(session: Session) -> dict[str, Any]:
    stream = getattr(session, "stream", None) if hasattr(session, "stream") else None
    return {
        "id": session.pk,
        "guid": session.guid,
        "kind": session.kind,
        "status": session.status,
        "title": session.title,
        "abstract": session.abstract,
        "language": session.language,
        "interpretation": session.interpretation,
        "forum": session.forum.code if session.forum_id else None,
        "room": session.room.name if session.room_id else None,
        "starts_at": session.starts_at,
        "ends_at": session.ends_at,
        "capacity": session.effective_capacity,
        "people": [
            {
                "id": link.speaker_id,
                "name": link.speaker.name,
                "role": link.role,
                "organization": link.speaker.affiliation,
                "country": str(link.speaker.country),
            }
            for link in session.session_speakers.all()
        ],
        "sectors": [sector.code for sector in session.sectors.all()],
        "stream": (
            {
                "status": stream.status,
                "playback_url": stream.playback_url,
                "replay_url": stream.replay_url,
            }
            if stream is not None
            else None
        ),
        "url": session.urls.public,
    }


def _session(request: HttpRequest, edition_slug: str, session_id: int) -> Session:
    edition = edition_for(request, edition_slug)
    queryset = Session.objects.filter(edition=edition)
    if Perm.MANAGE_PROGRAMME not in request.edition_perms:  # type: ignore[attr-defined]
        queryset = queryset.exclude(status=SessionStatus.DRAFT)
    return get_object_or_404(queries.sessions_with_details(queryset), pk=session_id)


@router.get(f"{BASE}/sessions", response={200: list[SessionOut], **ERRORS}, auth=PUBLIC_AUTH)
def list_sessions(
    request: HttpRequest, edition_slug: str, filters: Query[SessionFilter]
) -> list[dict[str, Any]]:
    """The public programme: published, scheduled sessions in time order."""
    edition = edition_for(request, edition_slug)
    forum = None
    if filters.forum:
        forum = get_object_or_404(Forum.objects.filter(edition=edition), code=filters.forum)
    sessions = queries.public_sessions(
        edition, day=filters.day, forum=forum, sector=filters.sector, language=filters.language
    )
    return [session_out(session) for session in sessions]


@router.get(
    f"{BASE}/sessions/{{session_id}}", response={200: SessionOut, **ERRORS}, auth=PUBLIC_AUTH
)
def get_session(request: HttpRequest, edition_slug: str, session_id: int) -> dict[str, Any]:
    return session_out(_session(request, edition_slug, session_id))


def _participant(request: HttpRequest, session: Session, participant_id: int | None):
    if participant_id is None:
        participant = queries.participant_for(actor(request).user, session.edition)
        if participant is None:
            raise PermissionDenied("not a participant of this edition")
        return participant
    participant = Participant.objects.filter(edition=session.edition, pk=participant_id).first()
    if participant is None:
        raise PermissionDenied("may not act for this participant")
    return participant


def _registration_out(registration) -> dict[str, Any]:
    return {
        "id": registration.pk,
        "session_id": registration.session_id,
        "participant_id": registration.participant_id,
        "status": registration.status,
        "requested_at": registration.requested_at,
        "promoted_at": registration.promoted_at,
    }


@router.post(
    f"{BASE}/sessions/{{session_id}}/registration", response={200: RegistrationOut, **ERRORS}
)
def register(
    request: HttpRequest, edition_slug: str, session_id: int, payload: RegistrationIn
) -> dict[str, Any]:
    """Book a seat (or a place on the waiting list). Repeating the call changes nothing."""
    session = _session(request, edition_slug, session_id)
    participant = _participant(request, session, payload.participant_id)
    return _registration_out(services.register_for_session(actor(request), session, participant))


@router.delete(
    f"{BASE}/sessions/{{session_id}}/registration", response={200: RegistrationOut, **ERRORS}
)
def cancel(
    request: HttpRequest, edition_slug: str, session_id: int, participant_id: int | None = None
) -> dict[str, Any]:
    """Cancel a registration; the first person waiting takes the freed seat."""
    session = _session(request, edition_slug, session_id)
    participant = _participant(request, session, participant_id)
    registration = queries.registration_of(session, participant)
    if registration is None:
        raise PermissionDenied("no registration")
    services.cancel_registration(actor(request), registration)
    registration.refresh_from_db()
    return _registration_out(registration)


def _question_out(question) -> dict[str, Any]:
    return {
        "id": question.pk,
        "text": question.text,
        "author_name": question.author_name,
        "status": question.status,
        "answer": question.answer,
        "upvotes": question.upvotes,
        "created_at": question.created_at,
    }


@router.get(
    f"{BASE}/sessions/{{session_id}}/questions",
    response={200: list[QuestionOut], **ERRORS},
    auth=PUBLIC_AUTH,
)
def list_questions(request: HttpRequest, edition_slug: str, session_id: int):
    """Approved and answered questions; moderators also see those pending and hidden."""
    session = _session(request, edition_slug, session_id)
    moderator = can_moderate_questions(actor(request), session)
    return [_question_out(q) for q in queries.visible_questions(session, moderator)]


@router.post(f"{BASE}/sessions/{{session_id}}/questions", response={201: QuestionOut, **ERRORS})
def ask(request: HttpRequest, edition_slug: str, session_id: int, payload: QuestionIn):
    session = _session(request, edition_slug, session_id)
    question = services.ask_question(actor(request), session, payload.text)
    return Status(201, _question_out(question))


def _question(request: HttpRequest, edition_slug: str, session_id: int, question_id: int):
    session = _session(request, edition_slug, session_id)
    return get_object_or_404(session.questions.select_related("session__edition"), pk=question_id)


@router.post(
    f"{BASE}/sessions/{{session_id}}/questions/{{question_id}}/upvote",
    response={200: QuestionOut, **ERRORS},
)
def upvote(request: HttpRequest, edition_slug: str, session_id: int, question_id: int):
    """One vote per person: a repeated vote changes nothing."""
    question = _question(request, edition_slug, session_id, question_id)
    return _question_out(services.upvote_question(actor(request), question))


@router.post(
    f"{BASE}/sessions/{{session_id}}/questions/{{question_id}}/moderation",
    response={200: QuestionOut, **ERRORS},
)
def moderate(
    request: HttpRequest,
    edition_slug: str,
    session_id: int,
    question_id: int,
    payload: ModerationIn,
):
    question = _question(request, edition_slug, session_id, question_id)
    moderated = services.moderate_question(
        actor(request), question, payload.action, answer=payload.answer
    )
    return _question_out(moderated)


def _own_participant(request: HttpRequest, edition_slug: str):
    edition = edition_for(request, edition_slug)
    participant = queries.participant_for(actor(request).user, edition)
    if participant is None:
        raise PermissionDenied("not a participant of this edition")
    return participant


@router.get(f"{BASE}/agenda", response={200: list[SessionOut], **ERRORS})
def agenda(request: HttpRequest, edition_slug: str) -> list[dict[str, Any]]:
    """The caller's personal agenda, in time order."""
    participant = _own_participant(request, edition_slug)
    return [session_out(session) for session in queries.agenda_sessions(participant)]


@router.put(f"{BASE}/agenda/{{session_id}}", response={204: None, **ERRORS})
def agenda_add(request: HttpRequest, edition_slug: str, session_id: int):
    """Put a session in the caller's agenda (idempotent)."""
    participant = _own_participant(request, edition_slug)
    session = _session(request, edition_slug, session_id)
    services.add_to_agenda(actor(request), session, participant)
    return Status(204, None)


@router.delete(f"{BASE}/agenda/{{session_id}}", response={204: None, **ERRORS})
def agenda_remove(request: HttpRequest, edition_slug: str, session_id: int):
    participant = _own_participant(request, edition_slug)
    session = _session(request, edition_slug, session_id)
    services.remove_from_agenda(actor(request), session, participant)
    return Status(204, None)


@router.get(f"{BASE}/sessions/{{session_id}}/viewers", response={200: ViewerStatsOut, **ERRORS})
def viewers(request: HttpRequest, edition_slug: str, session_id: int):
    """Unique and peak concurrent live viewers, and replay viewers, of one session."""
    edition_for(request, edition_slug, Perm.MANAGE_PROGRAMME)
    session = _session(request, edition_slug, session_id)
    stats = queries.viewer_stats(session)
    return {"session_id": session.pk, **stats.__dict__}
