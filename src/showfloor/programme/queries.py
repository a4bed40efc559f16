"""Read side of the programme, shared by the pages, the API, the exports and the figures."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet

from showfloor.attendance.models import Participant
from showfloor.core.models import Edition
from showfloor.programme.enums import (
    QuestionStatus,
    RegistrationStatus,
    SessionStatus,
    SpeakerRole,
    StreamStatus,
    ViewMode,
)
from showfloor.programme.models import (
    AgendaItem,
    Forum,
    Question,
    Room,
    Session,
    SessionRegistration,
    SessionSpeaker,
    Speaker,
    ViewerPing,
)


def participant_for(user, edition: Edition) -> Participant | None:
    """The signed-in user's registration in the edition, if any."""
    if user is None or not user.is_authenticated:
        return None
    return Participant.objects.filter(edition=edition, user=user).order_by("id").first()


def sessions_with_details(queryset: QuerySet[Session]) -> QuerySet[Session]:
    people = SessionSpeaker.objects.select_related("speaker__organization").order_by(
        "role", "order", "id"
    )
    return queryset.select_related("edition", "forum__edition", "room", "stream").prefetch_related(
        Prefetch("session_speakers", queryset=people), "sectors"
    )


def public_sessions(
    edition: Edition,
    *,
    day: dt.date | None = None,
    forum: Forum | None = None,
    room: Room | None = None,
    sector: str | None = None,
    language: str | None = None,
) -> QuerySet[Session]:
    """Published, scheduled sessions, filtered; by day in the edition's time zone."""
    queryset = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, starts_at__isnull=False
    )
    if day is not None:
        start, end = edition.day_bounds(day)
        queryset = queryset.filter(starts_at__gte=start, starts_at__lt=end)
    if forum is not None:
        queryset = queryset.filter(forum=forum)
    if room is not None:
        queryset = queryset.filter(room=room)
    if sector:
        queryset = queryset.filter(
            Q(sectors__code=sector) | Q(forum__sectors__code=sector)
        ).distinct()
    if language:
        queryset = queryset.filter(
            Q(language=language) | Q(interpretation__icontains=f'"{language}"')
        )
    return sessions_with_details(queryset).order_by("starts_at", "room__order", "id")


def live_sessions(edition: Edition, now: dt.datetime) -> QuerySet[Session]:
    """Sessions streaming now: marked live, or under way with a stream not yet ended."""
    under_way = Q(starts_at__lte=now, ends_at__gt=now, stream__status=StreamStatus.SCHEDULED)
    queryset = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, stream__isnull=False
    ).filter(Q(stream__status=StreamStatus.LIVE) | under_way)
    return sessions_with_details(queryset.exclude(stream__playback_url="")).order_by(
        "starts_at", "id"
    )


def sessions_for_export(edition: Edition, session_ids: list[int] | None = None):
    queryset = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, starts_at__isnull=False
    )
    if session_ids is not None:
        queryset = queryset.filter(pk__in=session_ids)
    return sessions_with_details(queryset).order_by("starts_at", "room__order", "id")


def agenda_sessions(participant: Participant) -> QuerySet[Session]:
    ids = AgendaItem.objects.filter(participant=participant).values("session_id")
    return sessions_with_details(
        Session.objects.filter(pk__in=ids, status=SessionStatus.PUBLISHED)
    ).order_by("starts_at", "id")


def agenda_ids(participant: Participant | None) -> set[int]:
    if participant is None:
        return set()
    return set(
        AgendaItem.objects.filter(participant=participant).values_list("session_id", flat=True)
    )


def registration_of(session: Session, participant: Participant | None):
    if participant is None:
        return None
    return SessionRegistration.objects.filter(session=session, participant=participant).first()


def seat_counts(session: Session) -> dict[str, int]:
    counts = dict(session.registrations.values_list("status").annotate(n=Count("id")).order_by())
    return {
        "confirmed": counts.get(RegistrationStatus.CONFIRMED, 0),
        "waitlisted": counts.get(RegistrationStatus.WAITLISTED, 0),
    }


def visible_questions(session: Session, moderator: bool) -> QuerySet[Question]:
    queryset = session.questions.all()
    if not moderator:
        queryset = queryset.filter(status__in=[QuestionStatus.APPROVED, QuestionStatus.ANSWERED])
    return queryset.order_by("-upvotes", "created_at", "id")


def speakers_of(session: Session, role: str = SpeakerRole.SPEAKER) -> list[Speaker]:
    return [link.speaker for link in session.session_speakers.all() if link.role == role]


@dataclass(frozen=True)
class ViewerStats:
    unique_viewers: int
    peak_concurrent: int
    peak_minute: dt.datetime | None
    replay_viewers: int


def viewer_stats(session: Session) -> ViewerStats:
    """Unique live viewers (distinct daily visitor hashes), the most viewers seen in one minute,
    and distinct replay viewers."""
    pings = ViewerPing.objects.filter(session=session)
    live = pings.filter(mode=ViewMode.LIVE)
    per_minute = list(
        live.values_list("minute").annotate(n=Count("id")).order_by("-n", "minute")[:1]
    )
    return ViewerStats(
        unique_viewers=live.values("visitor_hash").distinct().count(),
        peak_concurrent=per_minute[0][1] if per_minute else 0,
        peak_minute=per_minute[0][0] if per_minute else None,
        replay_viewers=pings.filter(mode=ViewMode.REPLAY).values("visitor_hash").distinct().count(),
    )


def programme_days(edition: Edition) -> list[dt.date]:
    return edition.days


def public_speakers(edition: Edition, country: str | None = None) -> QuerySet[Speaker]:
    """Speakers and moderators of published sessions, by name."""
    queryset = Speaker.objects.filter(
        edition=edition, sessions__status=SessionStatus.PUBLISHED
    ).distinct()
    if country:
        queryset = queryset.filter(country=country)
    return queryset.select_related("organization").order_by("name", "id")


def speaker_countries(edition: Edition) -> Counter[str]:
    """Speakers who appear in the published programme, by country (blank when unknown)."""
    rows = (
        Speaker.objects.filter(edition=edition, sessions__status=SessionStatus.PUBLISHED)
        .values_list("id", "country")
        .distinct()
    )
    return Counter(country or "" for _id, country in rows)


@dataclass(frozen=True)
class ProgrammeTotals:
    forums: int
    sessions: int
    streamed_sessions: int
    speakers: int
    speaker_countries: dict[str, int]
    attended: int
    registrations: int
    unique_viewers: int
    peak_concurrent: int
    replay_views: int


def programme_totals(edition: Edition) -> ProgrammeTotals:
    """The edition's programme figures, all computed from rows (see figures.py for words)."""
    published = Session.objects.filter(
        edition=edition, status=SessionStatus.PUBLISHED, starts_at__isnull=False
    )
    pings = ViewerPing.objects.filter(session__edition=edition)
    live = pings.filter(mode=ViewMode.LIVE)
    peak = list(
        live.values("minute")
        .annotate(n=Count("visitor_hash", distinct=True))
        .order_by("-n")
        .values_list("n", flat=True)[:1]
    )
    registrations = SessionRegistration.objects.filter(session__in=published)
    countries = speaker_countries(edition)
    return ProgrammeTotals(
        forums=Forum.objects.filter(edition=edition, sessions__in=published).distinct().count(),
        sessions=published.count(),
        streamed_sessions=published.filter(stream__isnull=False).count(),
        speakers=sum(countries.values()),
        speaker_countries=dict(countries.most_common()),
        attended=registrations.filter(attended_at__isnull=False).count(),
        registrations=registrations.exclude(status=RegistrationStatus.CANCELLED).count(),
        unique_viewers=live.values("visitor_hash").distinct().count(),
        peak_concurrent=peak[0] if peak else 0,
        replay_views=pings.filter(mode=ViewMode.REPLAY)
        .values("session_id", "visitor_hash")
        .distinct()
        .count(),
    )
