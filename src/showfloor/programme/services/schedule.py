"""Forums, rooms and sessions, and the schedule rules: no room double-booked, no speaker in two
places at once, no session outside the edition's days. Each refusal names both sides."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from showfloor.core import audit
from showfloor.core.models import Edition, Sector
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import create_object, save_validated, update_object
from showfloor.programme.enums import SessionStatus, SpeakerRole, StreamStatus
from showfloor.programme.models import Forum, Room, Session, SessionSpeaker, Speaker, Stream

SESSION_FIELDS = (
    "forum",
    "room",
    "kind",
    "status",
    "title",
    "abstract",
    "language",
    "interpretation",
    "starts_at",
    "ends_at",
    "capacity",
    "registration_open",
)


def _span(session: Session | None, edition: Edition, start: dt.datetime, end: dt.datetime) -> str:
    """'“Title” (Wed 11 Nov 09:00–10:00)' in the edition's time zone."""
    local_start, local_end = start.astimezone(edition.tz), end.astimezone(edition.tz)
    when = "{} {}–{}".format(
        formats.date_format(local_start, "D j M"),
        local_start.strftime("%H:%M"),
        local_end.strftime("%H:%M"),
    )
    return f"“{session}” ({when})" if session is not None else f"({when})"


def _overlapping(edition: Edition, start: dt.datetime, end: dt.datetime, exclude: int | None):
    others = Session.objects.filter(edition=edition, starts_at__lt=end, ends_at__gt=start).exclude(
        status=SessionStatus.CANCELLED
    )
    return others.exclude(pk=exclude) if exclude else others


def schedule_conflicts(
    edition: Edition,
    *,
    title: str,
    starts_at: dt.datetime | None,
    ends_at: dt.datetime | None,
    room: Room | None,
    speakers: Sequence[Speaker],
    session_id: int | None = None,
) -> dict[str, list[str]]:
    """The reasons a session cannot take this place and time, by field; empty when it can."""
    if starts_at is None or ends_at is None or ends_at <= starts_at:
        return {}
    errors: dict[str, list[str]] = {}
    this = _span(None, edition, starts_at, ends_at)
    this = f"“{title}” {this}"
    first, _unused = edition.day_bounds(edition.start_date)
    _unused, last = edition.day_bounds(edition.end_date)
    if starts_at < first or ends_at > last:
        errors.setdefault("starts_at", []).append(
            _("%(this)s is outside the edition's days (%(first)s – %(last)s, %(tz)s).")
            % {
                "this": this,
                "first": formats.date_format(edition.start_date, "DATE_FORMAT"),
                "last": formats.date_format(edition.end_date, "DATE_FORMAT"),
                "tz": edition.timezone,
            }
        )
    others = _overlapping(edition, starts_at, ends_at, session_id)
    if room is not None:
        for other in others.filter(room=room).order_by("starts_at"):
            errors.setdefault("room", []).append(
                _("%(room)s is already taken by %(other)s at the time of %(this)s.")
                % {
                    "room": room,
                    "other": _span(other, edition, other.starts_at, other.ends_at),
                    "this": this,
                }
            )
    speaker_ids = [speaker.pk for speaker in speakers]
    if speaker_ids:
        clashes = (
            SessionSpeaker.objects.filter(speaker_id__in=speaker_ids, session__in=others)
            .select_related("speaker", "session")
            .order_by("session__starts_at", "speaker__name")
        )
        for link in clashes:
            other = link.session
            # `others` overlap this session, so they have their times.
            assert other.starts_at is not None
            assert other.ends_at is not None
            errors.setdefault("speakers", []).append(
                _("%(speaker)s is already at %(other)s, at the same time as %(this)s.")
                % {
                    "speaker": link.speaker,
                    "other": _span(other, edition, other.starts_at, other.ends_at),
                    "this": this,
                }
            )
    return errors


def _lock_schedule(edition: Edition, room: Room | None, speakers: Iterable[Speaker]) -> None:
    """Serialise concurrent schedulers of one room or one speaker (row locks, in pk order)."""
    if room is not None:
        list(Room.objects.select_for_update().filter(pk=room.pk))
    ids = sorted(speaker.pk for speaker in speakers)
    if ids:
        list(Speaker.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def _check_schedule(session: Session, speakers: Sequence[Speaker]) -> None:
    _lock_schedule(session.edition, session.room, speakers)
    if session.status == SessionStatus.CANCELLED:
        return
    errors = schedule_conflicts(
        session.edition,
        title=str(session),
        starts_at=session.starts_at,
        ends_at=session.ends_at,
        room=session.room,
        speakers=speakers,
        session_id=session.pk,
    )
    if errors:
        raise ValidationError(errors)


def _check_same_edition(edition: Edition, speakers: Sequence[Speaker]) -> None:
    if any(speaker.edition_id != edition.pk for speaker in speakers):
        raise ValidationError({"speakers": [_("A speaker belongs to another edition.")]})


@transaction.atomic
def create_session(
    actor: Actor,
    edition: Edition,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] = (),
    speakers: Sequence[Speaker] = (),
    moderators: Sequence[Speaker] = (),
) -> Session:
    require(actor, Perm.MANAGE_PROGRAMME, edition)
    people = [*speakers, *moderators]
    _check_same_edition(edition, people)
    session = Session(edition=edition, **values)
    session.full_clean()
    _check_schedule(session, people)
    session.save()
    session.sectors.set(list(sectors))
    _set_people(session, speakers, moderators)
    audit.record(
        actor,
        "programme.session.create",
        session,
        edition=edition,
        changes={key: [None, value] for key, value in values.items()},
    )
    return session


@transaction.atomic
def update_session(
    actor: Actor,
    session: Session,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] | None = None,
    speakers: Sequence[Speaker] | None = None,
    moderators: Sequence[Speaker] | None = None,
) -> Session:
    require(actor, Perm.MANAGE_PROGRAMME, session.edition)
    locked = Session.objects.select_for_update().get(pk=session.pk)
    changes = audit.apply_changes(locked, values)
    locked.full_clean()
    if speakers is None and moderators is None:
        people = list(locked.speakers.all())
    else:
        current: dict[str, list[Speaker]] = {role: [] for role in SpeakerRole.values}
        for link in locked.session_speakers.select_related("speaker"):
            current[link.role].append(link.speaker)
        speakers = current[SpeakerRole.SPEAKER] if speakers is None else speakers
        moderators = current[SpeakerRole.MODERATOR] if moderators is None else moderators
        people = [*speakers, *moderators]
    _check_same_edition(locked.edition, people)
    _check_schedule(locked, people)
    locked.save()
    if sectors is not None:
        locked.sectors.set(list(sectors))
    if speakers is not None or moderators is not None:
        before = sorted(str(s) for s in locked.speakers.all())
        _set_people(locked, speakers or [], moderators or [])
        after = sorted(str(s) for s in people)
        if before != after:
            changes["speakers"] = [before, after]
    if changes:
        audit.record(
            actor, "programme.session.update", locked, edition=locked.edition, changes=changes
        )
    session.refresh_from_db()
    return locked


def _set_people(
    session: Session, speakers: Sequence[Speaker], moderators: Sequence[Speaker]
) -> None:
    session.session_speakers.all().delete()
    links = [
        SessionSpeaker(session=session, speaker=speaker, role=SpeakerRole.SPEAKER, order=index)
        for index, speaker in enumerate(speakers)
    ]
    seen = {speaker.pk for speaker in speakers}
    links += [
        SessionSpeaker(session=session, speaker=speaker, role=SpeakerRole.MODERATOR, order=index)
        for index, speaker in enumerate(moderators)
        if speaker.pk not in seen
    ]
    SessionSpeaker.objects.bulk_create(links)


@transaction.atomic
def add_speaker(
    actor: Actor, session: Session, speaker: Speaker, role: str = SpeakerRole.SPEAKER
) -> SessionSpeaker:
    """Put one more person on a session, refusing if they are elsewhere at that time."""
    require(actor, Perm.MANAGE_PROGRAMME, session.edition)
    _check_same_edition(session.edition, [speaker])
    _check_schedule(session, [speaker])
    link, created = SessionSpeaker.objects.get_or_create(
        session=session,
        speaker=speaker,
        defaults={"role": role, "order": session.session_speakers.count()},
    )
    if created:
        audit.record(
            actor,
            "programme.sessionspeaker.create",
            link,
            edition=session.edition,
            changes={"speaker": [None, str(speaker)], "role": [None, role]},
        )
    return link


def create_forum(
    actor: Actor, edition: Edition, values: dict[str, Any], sectors: Iterable[Sector] = ()
) -> Forum:
    require(actor, Perm.MANAGE_PROGRAMME, edition)
    return create_object(actor, Forum, {"edition": edition, **values}, m2m={"sectors": sectors})


def update_forum(
    actor: Actor, forum: Forum, values: dict[str, Any], sectors: Iterable[Sector] | None = None
) -> Forum:
    require(actor, Perm.MANAGE_PROGRAMME, forum.edition)
    update_object(actor, forum, values, m2m={"sectors": sectors} if sectors is not None else None)
    return forum


def create_room(actor: Actor, edition: Edition, values: dict[str, Any]) -> Room:
    require(actor, Perm.MANAGE_PROGRAMME, edition)
    return create_object(actor, Room, {"edition": edition, **values})


def update_room(actor: Actor, room: Room, values: dict[str, Any]) -> Room:
    require(actor, Perm.MANAGE_PROGRAMME, room.edition)
    update_object(actor, room, values)
    return room


@transaction.atomic
def set_stream(actor: Actor, session: Session, values: dict[str, Any]) -> Stream:
    """Create or change a session's stream (live HLS address, replay address, status)."""
    require(actor, Perm.MANAGE_PROGRAMME, session.edition)
    stream = Stream.objects.select_for_update().filter(session=session).first()
    if stream is None:
        stream = Stream(session=session, **values)
        save_validated(stream)
        audit.record(
            actor,
            "programme.stream.create",
            stream,
            edition=session.edition,
            changes={key: [None, value] for key, value in values.items()},
        )
        return stream
    update_object(actor, stream, values, edition=session.edition)
    return stream


@transaction.atomic
def set_stream_status(actor: Actor, session: Session, status: str) -> Stream:
    """Go live or end the stream; the first start and the end are recorded."""
    require(actor, Perm.MANAGE_PROGRAMME, session.edition)
    stream = Stream.objects.select_for_update().filter(session=session).first()
    if stream is None:
        raise ValidationError(_("This session has no stream."), code="no_stream")
    values: dict[str, Any] = {"status": status}
    if status == StreamStatus.LIVE and stream.started_at is None:
        values["started_at"] = timezone.now()
    if status == StreamStatus.ENDED:
        values["ended_at"] = timezone.now()
    update_object(actor, stream, values, edition=session.edition)
    stream.refresh_from_db()
    return stream
