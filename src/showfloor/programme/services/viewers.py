"""Viewer counting from the player's heartbeat, with the privacy-friendly visitor hash of
core.privacy (daily-rotating salt, no IP stored, no account needed).

The player posts a heartbeat every 30 seconds while the video plays; each one marks the viewer
as present during the current minute. The server, not the browser, decides whether that minute
counts as live or replay.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.programme.enums import StreamStatus, ViewMode
from showfloor.programme.models import Session, Stream, ViewerPing

HEARTBEAT_SECONDS = 30


def playback_mode(session: Session, stream: Stream | None, now: dt.datetime) -> str | None:
    """What the session's player shows now: the live stream, the replay, or nothing."""
    if stream is None:
        return None
    if stream.playback_url and stream.status == StreamStatus.LIVE:
        return ViewMode.LIVE
    during = (
        session.starts_at is not None
        and session.ends_at is not None
        and session.starts_at <= now <= session.ends_at
    )
    if stream.playback_url and during and stream.status == StreamStatus.SCHEDULED:
        return ViewMode.LIVE
    if stream.replay_url and (
        stream.status == StreamStatus.ENDED or (session.ends_at and now > session.ends_at)
    ):
        return ViewMode.REPLAY
    return None


def minute_of(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(second=0, microsecond=0)


def record_heartbeat(session: Session, visitor_hash: str, now: dt.datetime | None = None) -> str:
    """Count the viewer in this minute; repeated beats in the same minute count once."""
    now = now or timezone.now()
    try:
        stream = session.stream  # often loaded with the session (select_related)
    except Stream.DoesNotExist:
        stream = None
    mode = playback_mode(session, stream, now)
    if mode is None:
        raise ValidationError(_("This session is not streaming now."), code="not_streaming")
    ViewerPing.objects.bulk_create(
        [ViewerPing(session=session, mode=mode, visitor_hash=visitor_hash, minute=minute_of(now))],
        ignore_conflicts=True,
    )
    return mode
