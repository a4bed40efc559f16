"""Journey: a participant opens the programme in French, adds a session to their agenda, opens
the session page and watches its live stream: a real HLS stream that the test makes with ffmpeg
and the live server serves from MEDIA_ROOT, played by hls.js in Chromium."""

from pathlib import Path

import pytest
from django.conf import settings

from showfloor.programme.hls import ffmpeg_available, make_test_stream
from showfloor.programme.models import AgendaItem, ViewerPing
from tests.e2e.helpers import login
from tests.programme.factories import (
    ParticipantFactory,
    SessionFactory,
    SpeakerFactory,
    StreamFactory,
    at,
)


@pytest.mark.skipif(not ffmpeg_available(), reason="ffmpeg makes the HLS test stream")
@pytest.mark.django_db(transaction=True)
def test_participant_adds_session_and_watches_live_stream(page, live_server, edition):
    playlist = make_test_stream(Path(settings.MEDIA_ROOT) / "programme" / "e2e", seconds=6)
    session = SessionFactory(
        edition=edition,
        title={"en": "Opening keynote", "fr": "Conférence d'ouverture"},
        starts_at=at(edition, 0, 9),
    )
    session.speakers.add(SpeakerFactory(edition=edition, name="Claire Dubois"))
    StreamFactory(
        session=session,
        status="live",
        playback_url=settings.MEDIA_URL + playlist.relative_to(settings.MEDIA_ROOT).as_posix(),
    )
    participant = ParticipantFactory(edition=edition, language="fr")
    login(page, live_server, participant.user.username)

    page.goto(f"{live_server.url}/{edition.slug}/programme/?day=2026-11-11")
    with page.expect_navigation():
        page.select_option("#lang-select", "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator(".view-tabs a").first.inner_text() == "Par jour"

    card = page.locator(".programme-group .session-card", has_text="Conférence d'ouverture")
    card.get_by_role("button", name="Ajouter à mon agenda").click()
    page.wait_for_selector(".message-success")
    assert page.locator(".message-success").inner_text() == "Ajouté à votre agenda."
    assert list(AgendaItem.objects.values_list("participant_id", "session_id")) == [
        (participant.pk, session.pk)
    ]

    card.get_by_role("link", name="Conférence d'ouverture").click()
    page.wait_for_selector("#session-player")
    assert page.locator("#watch-title").inner_text() == "Regarder en direct"
    page.wait_for_function(
        "() => { const v = document.getElementById('session-player');"
        " return v.getAttribute('data-state') === 'playing' && v.currentTime > 1.5; }",
        timeout=20_000,
    )
    state = page.evaluate(
        "() => { const v = document.getElementById('session-player');"
        " return [v.readyState >= 2, v.videoWidth, v.videoHeight]; }"
    )
    assert state == [True, 320, 240]
    page.wait_for_function(
        "() => document.getElementById('session-player').getAttribute('data-heartbeats') === '1'"
    )
    assert list(ViewerPing.objects.values_list("session_id", "mode")) == [(session.pk, "live")]
