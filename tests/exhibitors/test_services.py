"""Exhibitor onboarding and review, co-exhibitors, location, exhibits and team: the services."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from showfloor.core.models import AuditEntry, OrganizationMember
from showfloor.core.permissions import Actor
from showfloor.exhibitors import services
from showfloor.exhibitors.models import Exhibit, Exhibitor
from tests.exhibitors.factories import ExhibitFactory, ExhibitorFactory, member_of
from tests.factories import OrganizationFactory, SectorFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sales(edition, staff_user):
    return Actor.for_user(staff_user(edition, "sales"))


def test_apply_by_member_creates_application_with_contact(edition):
    organization = OrganizationFactory()
    user = UserFactory()
    OrganizationMember.objects.create(organization=organization, user=user)
    sector = SectorFactory(code="ai")
    exhibitor = services.apply_exhibitor(
        Actor.for_user(user),
        edition,
        organization,
        sectors=[sector],
        contacts=[{"name": "Li Wei", "email": "li@example.org"}],
        attendance_mode="remote",
        profile={"zh-hans": "人工智能"},
    )
    assert (exhibitor.status, exhibitor.attendance_mode) == ("applied", "remote")
    assert [s.code for s in exhibitor.sectors.all()] == ["ai"]
    assert list(exhibitor.contacts.values_list("name", flat=True)) == ["Li Wei"]
    assert AuditEntry.objects.filter(action="exhibitors.exhibitor.apply").count() == 1


def test_apply_by_non_member_is_denied(edition):
    with pytest.raises(PermissionDenied):
        services.apply_exhibitor(Actor.for_user(UserFactory()), edition, OrganizationFactory())
    assert Exhibitor.objects.count() == 0


def test_apply_twice_is_refused(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition)
    with pytest.raises(ValidationError) as excinfo:
        services.apply_exhibitor(sales, edition, exhibitor.organization)
    assert excinfo.value.message_dict == {
        "organization": ["This organisation already exhibits in this edition."]
    }


def test_co_exhibitor_shares_the_host_location(edition, sales):
    host = ExhibitorFactory(edition=edition, hall="Hall 9", booth="9B21")
    co = services.apply_exhibitor(sales, edition, OrganizationFactory(), host=host)
    assert (co.host_id, co.hall, co.booth) == (host.pk, "Hall 9", "9B21")


def test_co_exhibitor_of_a_co_exhibitor_is_refused(edition, sales):
    host = ExhibitorFactory(edition=edition)
    co = ExhibitorFactory(edition=edition, host=host)
    with pytest.raises(ValidationError) as excinfo:
        services.apply_exhibitor(sales, edition, OrganizationFactory(), host=co)
    assert excinfo.value.message_dict == {
        "host": ["The main exhibitor is itself a co-exhibitor; choose the stand holder."]
    }


def test_review_reject_requires_a_reason(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    with pytest.raises(ValidationError) as excinfo:
        services.review_exhibitor(sales, exhibitor, "reject", "  ")
    assert excinfo.value.message_dict == {
        "reason": ["Say why: the exhibitor sees this reason and needs it to act."]
    }


def test_review_request_changes_then_resubmit_then_approve(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    owner = Actor.for_user(member_of(exhibitor))
    services.review_exhibitor(sales, exhibitor, "request_changes", "Add an English profile.")
    assert (exhibitor.status, exhibitor.review_reason) == (
        "changes_requested",
        "Add an English profile.",
    )
    services.resubmit_exhibitor(owner, exhibitor)
    assert exhibitor.status == "applied"
    services.review_exhibitor(sales, exhibitor, "approve")
    assert (exhibitor.status, exhibitor.review_reason) == ("approved", "")


def test_review_by_a_member_is_denied(edition):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    with pytest.raises(PermissionDenied):
        services.review_exhibitor(Actor.for_user(member_of(exhibitor)), exhibitor, "approve")


def test_review_withdrawn_cannot_be_approved(edition, sales):
    exhibitor = ExhibitorFactory(edition=edition, status="withdrawn")
    with pytest.raises(ValidationError) as excinfo:
        services.review_exhibitor(sales, exhibitor, "approve")
    assert excinfo.value.message_dict == {
        "decision": ["An application that is “Withdrawn” cannot be given “Approve”."]
    }


def test_withdraw_host_with_co_exhibitors_is_refused(edition):
    host = ExhibitorFactory(edition=edition)
    ExhibitorFactory(edition=edition, host=host)
    with pytest.raises(ValidationError):
        services.withdraw_exhibitor(Actor.for_user(member_of(host)), host)
    host.refresh_from_db()
    assert host.status == "approved"


def test_set_exhibitor_location_propagates_to_co_exhibitors(edition, sales):
    host = ExhibitorFactory(edition=edition)
    co = ExhibitorFactory(edition=edition, host=host)
    services.set_exhibitor_location(
        sales,
        host,
        hall="Hall 4",
        booth="4A01",
        pavilion_code="sco",
        pavilion_name={"en": "SCO pavilion", "zh-hans": "上合组织展区"},
    )
    co.refresh_from_db()
    assert (co.hall, co.booth, co.pavilion_code, co.pavilion_name["en"]) == (
        "Hall 4",
        "4A01",
        "sco",
        "SCO pavilion",
    )


def test_set_exhibitor_location_by_exhibitor_is_denied(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    with pytest.raises(PermissionDenied):
        services.set_exhibitor_location(
            Actor.for_user(member_of(exhibitor)),
            exhibitor,
            hall="Hall 1",
            booth="1A01",
            pavilion_code="",
            pavilion_name={},
        )


def test_update_exhibitor_by_other_exhibitor_is_denied(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    other = Actor.for_user(member_of(ExhibitorFactory(edition=edition)))
    with pytest.raises(PermissionDenied):
        services.update_exhibitor(other, exhibitor, {"profile": {"en": "Hacked"}})


def test_update_exhibitor_refuses_status_field(edition):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    owner = Actor.for_user(member_of(exhibitor))
    with pytest.raises(ValidationError) as excinfo:
        services.update_exhibitor(owner, exhibitor, {"status": "approved"})
    assert excinfo.value.message_dict == {"status": ["This field cannot be changed here."]}


def test_create_exhibit_requires_a_title(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    owner = Actor.for_user(member_of(exhibitor))
    with pytest.raises(ValidationError) as excinfo:
        services.create_exhibit(owner, exhibitor, {"title": {}})
    assert excinfo.value.message_dict == {"title": ["This field cannot be blank."]}
    assert Exhibit.objects.count() == 0


def test_delete_exhibit_by_another_exhibitor_is_denied(edition):
    exhibit = ExhibitFactory(exhibitor=ExhibitorFactory(edition=edition))
    other = Actor.for_user(member_of(ExhibitorFactory(edition=edition)))
    with pytest.raises(PermissionDenied):
        services.delete_exhibit(other, exhibit)
    assert Exhibit.objects.count() == 1


def test_team_member_added_by_admin_may_manage(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    admin = Actor.for_user(member_of(exhibitor, is_admin=True))
    newcomer = UserFactory()
    services.add_team_member(admin, exhibitor, newcomer)
    services.update_exhibitor(Actor.for_user(newcomer), exhibitor, {"contact_phone": "+86 1"})
    exhibitor.refresh_from_db()
    assert exhibitor.contact_phone == "+86 1"


def test_team_member_added_by_non_admin_is_denied(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    plain = Actor.for_user(member_of(exhibitor, is_admin=False))
    with pytest.raises(PermissionDenied):
        services.add_team_member(plain, exhibitor, UserFactory())


def test_remove_last_admin_is_refused(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    user = member_of(exhibitor, is_admin=True)
    member = OrganizationMember.objects.get(user=user)
    with pytest.raises(ValidationError):
        services.remove_team_member(Actor.for_user(user), exhibitor, member)
    assert OrganizationMember.objects.filter(pk=member.pk).count() == 1
