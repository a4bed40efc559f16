import datetime as dt
from decimal import Decimal

import pytest

from showfloor.attendance.figures import attendance_index, key_figures, stand_count
from showfloor.attendance.models import Lead
from showfloor.attendance.services import scan_badge
from tests.attendance.factories import (
    AccessRuleFactory,
    BadgeFactory,
    ExhibitorFactory,
    GateFactory,
    ScannerDeviceFactory,
)


def _figures(edition):
    return {figure.key: figure for figure in key_figures(edition)}


@pytest.fixture
def visits(edition, show_day):
    """Two professionals and one public visitor enter; one professional is refused once."""
    AccessRuleFactory(edition=edition, participant_type="professional", reentry_allowed=False)
    gate = GateFactory(edition=edition, code="north")
    device = ScannerDeviceFactory(edition=edition, gate=gate)
    pros = BadgeFactory.create_batch(2, participant__edition=edition)
    public = BadgeFactory(participant__edition=edition, participant__type="public")
    for number, badge in enumerate([*pros, public, pros[0]]):
        scan_badge(device, nonce=f"n-{number:06}", secret=badge.secret)
    return pros, public


def test_key_figures_count_accepted_visits_only(edition, visits):
    figures = _figures(edition)
    assert (figures["attendance.visits"].value, figures["attendance.unique_visitors"].value) == (
        3,
        3,
    )


def test_key_figures_split_professional_and_public(edition, visits):
    figures = _figures(edition)
    assert (
        figures["attendance.professional_visits"].value,
        figures["attendance.public_visits"].value,
    ) == (2, 1)


def test_key_figures_per_day_and_per_gate(edition, visits, show_day):
    figures = _figures(edition)
    day = show_day.date().isoformat()
    assert figures[f"attendance.visits.{day}"].value == 3
    assert figures[f"attendance.visits.{edition.start_date.isoformat()}"].value == 0
    assert (
        figures["attendance.visits.gate.north"].value,
        figures["attendance.visits.gate.north"].public,
    ) == (3, False)


def test_key_figures_each_has_a_definition(edition, visits):
    assert all(str(figure.definition) for figure in key_figures(edition))


def test_stand_count_excludes_co_exhibitors_remote_and_unapproved(edition):
    host = ExhibitorFactory(edition=edition)
    ExhibitorFactory(edition=edition, host=host)
    ExhibitorFactory(edition=edition, attendance_mode="remote")
    ExhibitorFactory(edition=edition, attendance_mode="both")
    ExhibitorFactory(edition=edition, status="applied")
    assert stand_count(edition) == 2


def test_attendance_index_is_professional_booth_visits_per_stand_per_day(edition):
    stands = ExhibitorFactory.create_batch(2, edition=edition)
    for exhibitor in stands:
        for badge in BadgeFactory.create_batch(6, participant__edition=edition):
            Lead.objects.create(
                edition=edition,
                exhibitor=exhibitor,
                participant=badge.participant,
                day=edition.start_date,
                scanned_at=dt.datetime(2026, 11, 11, 3, tzinfo=dt.UTC),
            )
    public = BadgeFactory(participant__edition=edition, participant__type="public")
    Lead.objects.create(
        edition=edition,
        exhibitor=stands[0],
        participant=public.participant,
        day=edition.start_date,
        scanned_at=dt.datetime(2026, 11, 11, 3, tzinfo=dt.UTC),
    )
    # 12 professional booth visits / 2 stands / 5 days = 1.2 -> 1
    assert attendance_index(edition) == (
        Decimal(1),
        {"professional_booth_visits": 12, "stands": 2, "days": 5},
    )


def test_attendance_index_without_stands_is_zero(edition):
    assert attendance_index(edition)[0] == Decimal(0)
