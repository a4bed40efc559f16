import pytest

from showfloor.demo.generator import generate
from showfloor.programme.models import Forum, Session
from showfloor.programme.services import schedule_conflicts

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return generate("small", only=["programme"], log=lambda _line: None)


def test_demo_schedule_has_no_conflicts(demo):
    sessions = Session.objects.filter(edition=demo.edition).select_related("room")
    conflicts = {
        session.pk: errors
        for session in sessions
        if (
            errors := schedule_conflicts(
                demo.edition,
                title=str(session),
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                room=session.room,
                speakers=list(session.speakers.all()),
                session_id=session.pk,
            )
        )
    }
    assert (sessions.count() > 40, conflicts) == (True, {})


def test_demo_programme_has_forums_ceremonies_and_a_playable_stream(demo):
    kinds = set(Session.objects.filter(edition=demo.edition).values_list("kind", flat=True))
    local = Session.objects.filter(
        edition=demo.edition, stream__playback_url__startswith="/media/"
    ).count()
    assert (
        Forum.objects.filter(edition=demo.edition).count(),
        {"signing_ceremony", "award_ceremony", "keynote", "panel"} <= kinds,
        local,
    ) == (12, True, 1)
