import csv
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from openpyxl import load_workbook

from showfloor.attendance.models import Lead
from showfloor.attendance.services import capture_lead, update_lead
from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from showfloor.core.services import issue_api_token
from tests.attendance.factories import BadgeFactory, ExhibitorFactory, ParticipantFactory
from tests.factories import OrganizationMemberFactory, UserFactory
from tests.utils import api_headers


@pytest.fixture
def exhibitor(edition):
    return ExhibitorFactory(edition=edition)


@pytest.fixture
def member(exhibitor):
    return OrganizationMemberFactory(organization=exhibitor.organization).user


@pytest.fixture
def badge(edition):
    return BadgeFactory(
        participant__edition=edition, participant__first_name="Hui", participant__last_name="Zhou"
    )


def test_capture_lead_by_member_creates_lead(exhibitor, member, badge):
    lead, created = capture_lead(Actor.for_user(member), exhibitor, badge.secret, rating=4)
    assert (created, lead.participant, lead.rating, lead.scanned_by) == (
        True,
        badge.participant,
        4,
        member,
    )


def test_capture_lead_twice_returns_the_same_lead(exhibitor, member, badge):
    first, _ = capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    again, created = capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    assert (again.pk, created, Lead.objects.count()) == (first.pk, False, 1)


def test_capture_lead_revoked_badge_is_refused(exhibitor, member, badge):
    badge.revoked_at = badge.created_at
    badge.save()
    with pytest.raises(ValidationError) as error:
        capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    assert error.value.message_dict == {"secret": ["This badge is not valid."]}


def test_capture_lead_by_other_exhibitor_member_is_forbidden(edition, exhibitor, badge):
    other = OrganizationMemberFactory(organization=ExhibitorFactory(edition=edition).organization)
    with pytest.raises(PermissionDenied):
        capture_lead(Actor.for_user(other.user), exhibitor, badge.secret)


def test_capture_lead_unapproved_exhibitor_is_refused(edition, badge):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    member = OrganizationMemberFactory(organization=exhibitor.organization).user
    with pytest.raises(ValidationError):
        capture_lead(Actor.for_user(member), exhibitor, badge.secret)


def test_update_lead_sets_notes_and_tags(exhibitor, member, badge):
    lead, _ = capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    lead = update_lead(Actor.for_user(member), lead, notes="Wants a demo", tags=["call", "demo"])
    assert (lead.notes, lead.tags) == ("Wants a demo", ["call", "demo"])


def _who(kind, edition, exhibitor, member):
    """Callers of the permission matrix."""
    if kind == "member":
        return member
    if kind == "other_exhibitor":
        return OrganizationMemberFactory(
            organization=ExhibitorFactory(edition=edition).organization
        ).user
    if kind == "organiser_admin":
        return None
    return UserFactory()


LIST_MATRIX = [
    ("member", 200),
    ("other_exhibitor", 404),
    ("visitor", 404),
]


@pytest.mark.parametrize(("kind", "expected"), LIST_MATRIX)
def test_lead_list_api_permission_matrix(client, edition, exhibitor, member, badge, kind, expected):
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(_who(kind, edition, exhibitor, member))
    response = client.get(f"/api/v1/editions/{edition.slug}/exhibitors/{exhibitor.pk}/leads")
    assert response.status_code == expected


def test_lead_list_api_organiser_admin_cannot_read_leads(
    client, edition, exhibitor, member, badge, staff_user
):
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(staff_user(edition, StaffRoleName.ADMIN))
    response = client.get(f"/api/v1/editions/{edition.slug}/exhibitors/{exhibitor.pk}/leads")
    assert response.status_code == 404


def test_lead_list_api_unknown_exhibitor_answers_like_foreign_one(client, edition, member):
    client.force_login(member)
    response = client.get(f"/api/v1/editions/{edition.slug}/exhibitors/999999/leads")
    assert response.status_code == 404


def test_lead_capture_api_with_member_token(client, edition, exhibitor, member, badge):
    _token, key = issue_api_token(Actor.system(), edition, "booth app", user=member)
    response = client.post(
        f"/api/v1/editions/{edition.slug}/exhibitors/{exhibitor.pk}/leads",
        {"secret": badge.secret, "rating": 5, "tags": ["hot"]},
        content_type="application/json",
        **api_headers(key),
    )
    body = response.json()
    assert (response.status_code, body["last_name"], body["rating"], body["tags"]) == (
        201,
        "Zhou",
        5,
        ["hot"],
    )


def test_lead_capture_api_scanner_device_token_is_refused(client, edition, exhibitor, badge):
    _token, key = issue_api_token(
        Actor.system(), edition, "gate scanner", permissions=["can_scan_badges"]
    )
    response = client.post(
        f"/api/v1/editions/{edition.slug}/exhibitors/{exhibitor.pk}/leads",
        {"secret": badge.secret},
        content_type="application/json",
        **api_headers(key),
    )
    assert response.status_code == 404


@pytest.mark.parametrize("count", [1, 3])
def test_lead_list_api_query_count(
    client, edition, exhibitor, member, count, django_assert_num_queries
):
    for _ in range(count):
        capture_lead(
            Actor.for_user(member), exhibitor, BadgeFactory(participant__edition=edition).secret
        )
    client.force_login(member)
    # session, user, edition, roles, exhibitor, membership, leads
    with django_assert_num_queries(7):
        response = client.get(f"/api/v1/editions/{edition.slug}/exhibitors/{exhibitor.pk}/leads")
    assert len(response.json()) == count


def test_lead_export_csv_has_only_own_leads(client, edition, exhibitor, member, badge):
    other = ExhibitorFactory(edition=edition)
    other_member = OrganizationMemberFactory(organization=other.organization).user
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    capture_lead(
        Actor.for_user(other_member), other, BadgeFactory(participant__edition=edition).secret
    )
    client.force_login(member)
    response = client.get(f"/{edition.slug}/exhibitor/{exhibitor.pk}/leads/export.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[:2] for row in rows[1:]] == [["Hui", "Zhou"]]


def test_lead_export_xlsx_opens_with_one_row(client, edition, exhibitor, member, badge):
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(member)
    response = client.get(f"/{edition.slug}/exhibitor/{exhibitor.pk}/leads/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][:3] == ["Hui", "Zhou", badge.participant.email]


def test_lead_export_vcard_has_one_card(client, edition, exhibitor, member, badge):
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(member)
    body = client.get(f"/{edition.slug}/exhibitor/{exhibitor.pk}/leads/export.vcf").content.decode()
    assert (body.count("BEGIN:VCARD"), "FN:Hui Zhou" in body) == (1, True)


def test_lead_export_by_other_exhibitor_is_404(client, edition, exhibitor, member, badge):
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    outsider = OrganizationMemberFactory(
        organization=ExhibitorFactory(edition=edition).organization
    ).user
    client.force_login(outsider)
    response = client.get(f"/{edition.slug}/exhibitor/{exhibitor.pk}/leads/export.csv")
    assert response.status_code == 404


def test_scanned_by_api_shows_visitor_which_exhibitors_scanned(client, edition, exhibitor, member):
    user = UserFactory()
    badge = BadgeFactory(participant=ParticipantFactory(edition=edition, user=user))
    capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(user)
    body = client.get(f"/api/v1/editions/{edition.slug}/me/scanned-by").json()
    assert [row["exhibitor"] for row in body] == [str(exhibitor)]


@pytest.mark.parametrize("count", [1, 3])
def test_lead_page_query_count(
    client, edition, exhibitor, member, count, django_assert_num_queries
):
    for _ in range(count):
        capture_lead(
            Actor.for_user(member), exhibitor, BadgeFactory(participant__edition=edition).secret
        )
    client.force_login(member)
    # session, user, edition, roles, exhibitor, membership, leads
    with django_assert_num_queries(7):
        response = client.get(f"/{edition.slug}/exhibitor/{exhibitor.pk}/leads/")
    assert len(response.context["leads"]) == count


@pytest.mark.parametrize("count", [1, 3])
def test_scanned_by_api_query_count(client, edition, count, django_assert_num_queries):
    user = UserFactory()
    badge = BadgeFactory(participant=ParticipantFactory(edition=edition, user=user))
    for _ in range(count):
        exhibitor = ExhibitorFactory(edition=edition)
        member = OrganizationMemberFactory(organization=exhibitor.organization).user
        capture_lead(Actor.for_user(member), exhibitor, badge.secret)
    client.force_login(user)
    with django_assert_num_queries(6):
        response = client.get(f"/api/v1/editions/{edition.slug}/me/scanned-by")
    assert len(response.json()) == count
