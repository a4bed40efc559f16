import json

import pytest
from django.core.exceptions import PermissionDenied

from showfloor.attendance.figures import key_figures
from showfloor.attendance.models import Participant
from showfloor.attendance.services import capture_lead, erase_participant, scan_badge
from showfloor.core.permissions import Actor
from tests.attendance.factories import (
    BadgeFactory,
    ExhibitorFactory,
    ScannerDeviceFactory,
)
from tests.factories import OrganizationMemberFactory


@pytest.fixture
def scanned(edition, show_day):
    """A visitor who entered once and was scanned at a booth."""
    badge = BadgeFactory(participant__edition=edition, participant__email="a@example.org")
    scan_badge(ScannerDeviceFactory(edition=edition), nonce="n-000001", secret=badge.secret)
    exhibitor = ExhibitorFactory(edition=edition)
    member = OrganizationMemberFactory(organization=exhibitor.organization).user
    capture_lead(Actor.for_user(member), exhibitor, badge.secret, notes="Met at booth")
    return badge.participant


def _figures(edition):
    return {figure.key: figure.value for figure in key_figures(edition)}


def test_erase_participant_keeps_counts(edition, scanned):
    before = _figures(edition)
    erase_participant(Actor.system(), scanned)
    assert _figures(edition) == before


def test_erase_participant_removes_personal_data(edition, scanned):
    erase_participant(Actor.system(), scanned)
    person = Participant.objects.get(pk=scanned.pk)
    assert (person.first_name, person.last_name, person.email, person.answers) == ("—", "", "", {})
    assert person.leads.get().notes == ""


def test_erase_participant_revokes_badges(edition, scanned):
    erase_participant(Actor.system(), scanned)
    assert scanned.badges.filter(revoked_at__isnull=True).count() == 0


def test_erase_participant_by_stranger_is_forbidden(edition, scanned):
    with pytest.raises(PermissionDenied):
        erase_participant(Actor(), scanned)


def test_manage_export_json_holds_scans_and_leads(client, edition, scanned):
    response = client.get(scanned.urls.data_export)
    data = json.loads(response.content)
    assert (data["participant"]["email"], len(data["entrance_scans"])) == ("a@example.org", 1)
    assert data["scanned_by_exhibitors"][0]["exhibitor"] == str(scanned.leads.get().exhibitor)


def test_manage_erase_via_link_erases(client, edition, scanned):
    client.post(scanned.urls.manage + "erase/", {"confirm": "erase"})
    assert Participant.objects.get(pk=scanned.pk).erased_at is not None


def test_manage_erase_without_confirmation_keeps_data(client, edition, scanned):
    client.post(scanned.urls.manage + "erase/", {})
    assert Participant.objects.get(pk=scanned.pk).erased_at is None


def test_manage_link_after_erasure_is_404(client, edition, scanned):
    erase_participant(Actor.system(), scanned)
    assert client.get(scanned.urls.manage).status_code == 404
