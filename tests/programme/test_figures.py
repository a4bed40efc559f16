import datetime as dt
from decimal import Decimal

import pytest

from showfloor.programme import services
from showfloor.programme.figures import key_figures
from showfloor.programme.models import SessionRegistration, SessionSpeaker
from tests.programme.factories import (
    ParticipantFactory,
    SessionFactory,
    SpeakerFactory,
    StreamFactory,
    at,
)

pytestmark = pytest.mark.django_db


def values(edition):
    return {figure.key: figure.value for figure in key_figures(edition)}


def test_key_figures_from_rows(edition):
    edition.country = "CN"
    edition.save()
    session = SessionFactory(edition=edition)
    other = SessionFactory(edition=edition, forum=session.forum, starts_at=at(edition, 1, 9))
    SessionFactory(edition=edition, status="draft")
    for country, target in (("CN", session), ("FR", session), ("DE", other), ("CN", other)):
        SessionSpeaker.objects.create(
            session=target, speaker=SpeakerFactory(edition=edition, country=country)
        )
    for index in range(3):
        SessionRegistration.objects.create(
            session=session,
            participant=ParticipantFactory(edition=edition),
            requested_at=session.starts_at - dt.timedelta(days=1),
            attended_at=session.starts_at if index < 2 else None,
        )
    StreamFactory(session=session, replay_url="/media/r.m3u8")
    start = session.starts_at
    for visitor, minute in (("a", 0), ("b", 0), ("a", 1), ("c", 3)):
        services.record_heartbeat(session, visitor * 32, now=start + dt.timedelta(minutes=minute))
    services.record_heartbeat(session, "d" * 32, now=start + dt.timedelta(hours=5))
    assert values(edition) == {
        "programme.forums": 1,
        "programme.sessions": 2,
        "programme.speakers": 4,
        "programme.speaker_countries": 3,
        "programme.speakers_international": Decimal("50.0"),
        "programme.attendance": 2,
        "programme.online_viewers": 3,
        "programme.peak_viewers": 2,
        "programme.replay_views": 1,
    }


def test_key_figures_empty_edition_are_zero(edition):
    assert set(values(edition).values()) == {0, Decimal("0.0")}


def test_key_figures_have_definitions_and_area(edition):
    assert {(bool(f.definition), f.area) for f in key_figures(edition)} == {(True, "programme")}
