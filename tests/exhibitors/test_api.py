"""The REST API of exhibitors, exhibits and media: fields, query counts, the permission matrix
and upload refusals."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from showfloor.core import services as core_services
from showfloor.exhibitors import search
from showfloor.exhibitors.models import Exhibit, Media
from tests.exhibitors.factories import ExhibitFactory, ExhibitorFactory, image_bytes, member_of
from tests.factories import OrganizationFactory, SectorFactory
from tests.utils import api_headers

pytestmark = pytest.mark.django_db


def base(edition):
    return f"/api/v1/editions/{edition.slug}"


@pytest.mark.parametrize("count", [1, 3])
def test_list_exhibitors_query_count(client, edition, count, django_assert_num_queries):
    for _index in range(count):
        ExhibitorFactory(edition=edition).sectors.add(SectorFactory(code="ai"))
    with django_assert_num_queries(4):  # edition, count, page, sectors
        response = client.get(f"{base(edition)}/exhibitors")
    assert response.json()["count"] == count


def test_list_exhibitors_fields(client, edition):
    exhibitor = ExhibitorFactory(
        edition=edition,
        organization=OrganizationFactory(name={"en": "Acme", "zh-hans": "艾克米"}, country="FR"),
        hall="Hall 2",
        booth="2B01",
    )
    item = client.get(f"{base(edition)}/exhibitors").json()["items"][0]
    assert item == {
        "id": exhibitor.pk,
        "organization_id": exhibitor.organization_id,
        "name": {"en": "Acme", "zh-hans": "艾克米"},
        "country": "FR",
        "host_id": None,
        "status": "approved",
        "attendance_mode": "onsite",
        "profile": {"en": "We build robots.", "fr": "Nous fabriquons des robots."},
        "sectors": [],
        "hall": "Hall 2",
        "booth": "2B01",
        "pavilion_code": "",
        "pavilion_name": {},
        "contact_email": "",
        "contact_phone": "",
        "url": exhibitor.urls.public,
    }


def test_list_exhibitors_searches_chinese(client, edition):
    ExhibitorFactory(edition=edition, organization=OrganizationFactory(name={"zh-hans": "华为"}))
    ExhibitorFactory(edition=edition)
    search.rebuild_edition_index(edition)
    response = client.get(f"{base(edition)}/exhibitors", {"q": "华为"})
    assert [item["name"] for item in response.json()["items"]] == [{"zh-hans": "华为"}]


@pytest.mark.parametrize("count", [1, 3])
def test_list_exhibits_query_count(client, edition, count, django_assert_num_queries):
    for _index in range(count):
        ExhibitFactory(exhibitor=ExhibitorFactory(edition=edition))
    with django_assert_num_queries(4):  # edition, count, page, sectors
        response = client.get(f"{base(edition)}/exhibits")
    assert response.json()["count"] == count


# Permission matrix: who may do what to an exhibitor that is public (approved) or not.
def _who(kind, edition, exhibitor, staff_user):
    if kind == "anonymous":
        return None
    if kind == "owner":
        return member_of(exhibitor)
    if kind == "other_exhibitor":
        return member_of(ExhibitorFactory(edition=edition))
    return staff_user(edition, kind)


@pytest.mark.parametrize(
    ("status", "who", "method", "expected"),
    [
        ("approved", "anonymous", "get", 200),
        ("approved", "other_exhibitor", "get", 200),
        ("applied", "anonymous", "get", 404),
        ("applied", "other_exhibitor", "get", 404),
        ("applied", "owner", "get", 200),
        ("applied", "sales", "get", 200),
        ("approved", "anonymous", "patch", 401),
        ("approved", "other_exhibitor", "patch", 403),
        ("applied", "other_exhibitor", "patch", 404),
        ("approved", "owner", "patch", 200),
        ("approved", "sales", "patch", 200),
        ("approved", "programme", "patch", 403),
    ],
)
def test_exhibitor_permission_matrix(client, edition, staff_user, status, who, method, expected):
    exhibitor = ExhibitorFactory(edition=edition, status=status)
    user = _who(who, edition, exhibitor, staff_user)
    if user is not None:
        client.force_login(user)
    url = f"{base(edition)}/exhibitors/{exhibitor.pk}"
    if method == "get":
        response = client.get(url)
    else:
        response = client.patch(url, {"contact_phone": "+33 1"}, content_type="application/json")
    assert response.status_code == expected
    exhibitor.refresh_from_db()
    assert exhibitor.contact_phone == ("+33 1" if expected == 200 and method == "patch" else "")


def test_get_exhibitor_has_no_private_fields(client, edition):
    exhibitor = ExhibitorFactory(edition=edition, requested_space_m2=36)
    client.force_login(member_of(exhibitor))
    data = client.get(f"{base(edition)}/exhibitors/{exhibitor.pk}").json()
    assert "requested_space_m2" not in data


@pytest.mark.parametrize(("who", "expected"), [("owner", 200), ("other_exhibitor", 403)])
def test_get_application_only_for_its_team(client, edition, staff_user, who, expected):
    exhibitor = ExhibitorFactory(edition=edition, requested_space_m2=36)
    client.force_login(_who(who, edition, exhibitor, staff_user))
    response = client.get(f"{base(edition)}/exhibitors/{exhibitor.pk}/application")
    assert response.status_code == expected
    if expected == 200:
        assert (response.json()["requested_space_m2"], response.json()["contacts"]) == (36, [])


def test_apply_with_token_of_staff(client, edition, staff_user, system_actor):
    user = staff_user(edition, "sales")
    _token, key = core_services.issue_api_token(system_actor, edition, "crm", user=user)
    organization = OrganizationFactory()
    response = client.post(
        f"{base(edition)}/exhibitors",
        {"organization_id": organization.pk, "attendance_mode": "remote", "sectors": ["nope"]},
        content_type="application/json",
        **api_headers(key),
    )
    assert response.status_code == 422
    assert response.json() == {
        "detail": "Unknown sector code(s): nope.",
        "errors": [{"field": "sectors", "message": "Unknown sector code(s): nope."}],
    }


def test_review_by_token_without_permission_is_forbidden(client, edition, system_actor):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    _token, key = core_services.issue_api_token(
        system_actor, edition, "scanner", permissions=["can_scan_badges"]
    )
    response = client.post(
        f"{base(edition)}/exhibitors/{exhibitor.pk}/review",
        {"decision": "approve"},
        content_type="application/json",
        **api_headers(key),
    )
    assert response.status_code == 403
    exhibitor.refresh_from_db()
    assert exhibitor.status == "applied"


def test_create_exhibit_by_owner(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    response = client.post(
        f"{base(edition)}/exhibitors/{exhibitor.pk}/exhibits",
        {"title": {"fr": "Capteur"}, "stage": "idea", "seeking": ["partners"]},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert (response.json()["seeking"], Exhibit.objects.get().seeks_partners) == (
        ["partners"],
        True,
    )


def test_delete_exhibit_of_another_exhibitor_is_forbidden(client, edition):
    exhibit = ExhibitFactory(exhibitor=ExhibitorFactory(edition=edition))
    client.force_login(member_of(ExhibitorFactory(edition=edition)))
    response = client.delete(f"{base(edition)}/exhibits/{exhibit.pk}")
    assert response.status_code == 403
    assert Exhibit.objects.count() == 1


def test_unpublished_exhibit_of_another_exhibitor_is_not_found(client, edition):
    exhibit = ExhibitFactory(exhibitor=ExhibitorFactory(edition=edition), is_published=False)
    client.force_login(member_of(ExhibitorFactory(edition=edition)))
    response = client.patch(
        f"{base(edition)}/exhibits/{exhibit.pk}", {"stage": "idea"}, content_type="application/json"
    )
    assert response.status_code == 404


def test_upload_media_panorama_of_wrong_ratio_is_422_with_reason(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    response = client.post(
        f"{base(edition)}/exhibitors/{exhibitor.pk}/media",
        {"kind": "panorama", "file": SimpleUploadedFile("p.jpg", image_bytes((900, 300), "JPEG"))},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {
            "field": "file",
            "message": "A 360° panorama must be equirectangular, twice as wide as it is high "
            "(2:1); this image is 900 × 300 (3.00:1).",
        }
    ]
    assert Media.objects.count() == 0


def test_upload_media_photo_by_owner(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    response = client.post(
        f"{base(edition)}/exhibitors/{exhibitor.pk}/media",
        {"kind": "photo", "file": SimpleUploadedFile("p.png", image_bytes((300, 200)))},
    )
    assert response.status_code == 201
    assert (response.json()["kind"], response.json()["width"]) == ("photo", 300)


def test_delete_media_of_another_exhibitor_is_forbidden(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    media = Media.objects.create(
        edition=edition, exhibitor=exhibitor, kind="video_link", url="https://v.example/1"
    )
    client.force_login(member_of(ExhibitorFactory(edition=edition)))
    response = client.delete(f"{base(edition)}/media/{media.pk}")
    assert response.status_code == 403
    assert Media.objects.count() == 1


def test_video_link_by_owner(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    response = client.post(
        f"{base(edition)}/exhibitors/{exhibitor.pk}/media/link",
        {"url": "https://video.example.org/watch/1", "title": {"en": "Demo"}},
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["url"] == "https://video.example.org/watch/1"


def test_list_media_hides_media_of_unpublished_exhibits(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    hidden = ExhibitFactory(exhibitor=exhibitor, is_published=False)
    Media.objects.create(
        edition=edition, exhibitor=exhibitor, exhibit=hidden, kind="video_link", url="https://a.b"
    )
    response = client.get(f"{base(edition)}/exhibitors/{exhibitor.pk}/media")
    assert response.json() == []


def test_list_exhibitors_with_nul_in_query_is_refused(client, edition):
    ExhibitorFactory(edition=edition)
    response = client.get(f"{base(edition)}/exhibitors", {"q": "robot\x00"})
    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "q")


def test_list_exhibits_with_huge_offset_is_refused(client, edition):
    response = client.get(f"{base(edition)}/exhibits", {"offset": "1980352858072721391616"})
    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "offset")
