"""Key figures of the programme: forums, sessions, speakers (by country), in-person attendance,
online viewers and replay views, each computed from the rows with its definition."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from showfloor.core.models import Edition
from showfloor.core.reporting import Figure, percentage
from showfloor.programme.queries import programme_totals

AREA = "programme"


def key_figures(edition: Edition) -> list[Figure]:
    totals = programme_totals(edition)
    home = str(edition.country) or "CN"
    abroad = sum(n for code, n in totals.speaker_countries.items() if code and code != home)
    return [
        Figure(
            "programme.forums",
            _("Forums"),
            totals.forums,
            _("Forums with at least one published, scheduled session."),
            area=AREA,
        ),
        Figure(
            "programme.sessions",
            _("Programme sessions"),
            totals.sessions,
            _("Published sessions with a time (keynotes, panels, talks, ceremonies, pitches)."),
            area=AREA,
            inputs={"streamed": totals.streamed_sessions},
        ),
        Figure(
            "programme.speakers",
            _("Speakers"),
            totals.speakers,
            _("Distinct speakers and moderators on at least one published session."),
            area=AREA,
            inputs={"by_country": totals.speaker_countries},
        ),
        Figure(
            "programme.speaker_countries",
            _("Countries of speakers"),
            len([code for code in totals.speaker_countries if code]),
            _("Distinct countries of those speakers (speakers without a country not counted)."),
            area=AREA,
            inputs={"by_country": totals.speaker_countries},
        ),
        Figure(
            "programme.speakers_international",
            _("Speakers from abroad"),
            percentage(abroad, totals.speakers),
            _(
                "Speakers whose country is not the edition's, as a share of all speakers; "
                "rounded half-up to one decimal."
            ),
            unit="%",
            area=AREA,
            inputs={"abroad": abroad, "speakers": totals.speakers, "home": home},
        ),
        Figure(
            "programme.attendance",
            _("In-person session attendance"),
            totals.attended,
            _(
                "Seats booked for published sessions whose holder was checked in at the door "
                "(one per person and session)."
            ),
            area=AREA,
            inputs={"registrations": totals.registrations},
        ),
        Figure(
            "programme.online_viewers",
            _("Online unique viewers"),
            totals.unique_viewers,
            _(
                "Distinct viewers of live streams, from the player's heartbeat; a viewer is a "
                "pseudonymous hash that rotates daily, so a person watching on two days counts "
                "twice. No IP address or cookie is stored."
            ),
            area=AREA,
        ),
        Figure(
            "programme.peak_viewers",
            _("Peak concurrent online viewers"),
            totals.peak_concurrent,
            _("The most distinct viewers of live streams seen in any one minute, all sessions."),
            area=AREA,
        ),
        Figure(
            "programme.replay_views",
            _("Replay views"),
            totals.replay_views,
            _("Distinct (session, daily viewer) pairs watching a replay after the session."),
            area=AREA,
        ),
    ]
