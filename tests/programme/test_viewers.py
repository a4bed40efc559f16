import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from showfloor.programme import services
from showfloor.programme.queries import viewer_stats
from tests.programme.factories import SessionFactory, StreamFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture
def streamed(edition):
    return StreamFactory(session=SessionFactory(edition=edition, starts_at=at(edition, 0, 9)))


def beat(session, visitor, moment):
    return services.record_heartbeat(session, visitor, now=moment)


def test_heartbeat_during_session_counts_live(streamed):
    assert beat(streamed.session, "a" * 32, at(streamed.session.edition, 0, 9, 10)) == "live"


def test_heartbeat_before_session_without_live_stream_is_refused(streamed):
    with pytest.raises(ValidationError):
        beat(streamed.session, "a" * 32, at(streamed.session.edition, 0, 8))
    assert viewer_stats(streamed.session).unique_viewers == 0


def test_heartbeat_after_session_with_replay_counts_replay(streamed):
    streamed.replay_url = "https://streams.example.org/replay/session.m3u8"
    streamed.save()
    assert beat(streamed.session, "a" * 32, at(streamed.session.edition, 0, 12)) == "replay"


def test_viewer_stats_peak_and_unique(streamed):
    session = streamed.session
    start = at(session.edition, 0, 9)
    # a watches 3 minutes (two beats a minute), b and c overlap with a in minute 1, d joins late.
    for offset, visitor in [
        (0, "a"),
        (0.5, "a"),
        (1, "a"),
        (1.5, "a"),
        (2, "a"),
        (1, "b"),
        (1, "c"),
        (1.5, "c"),
        (5, "d"),
    ]:
        beat(session, visitor * 32, start + dt.timedelta(minutes=offset))
    stats = viewer_stats(session)
    assert (stats.unique_viewers, stats.peak_concurrent, stats.peak_minute) == (
        4,
        3,
        start + dt.timedelta(minutes=1),
    )


def test_viewer_stats_replay_counted_apart(streamed):
    session = streamed.session
    streamed.replay_url = "/media/replay.m3u8"
    streamed.save()
    beat(session, "a" * 32, at(session.edition, 0, 9, 30))
    beat(session, "a" * 32, at(session.edition, 1, 9))
    beat(session, "b" * 32, at(session.edition, 1, 9))
    stats = viewer_stats(session)
    assert (stats.unique_viewers, stats.replay_viewers) == (1, 2)
