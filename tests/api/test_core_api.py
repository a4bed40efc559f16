"""The core REST API: CRUD, authentication, scoping and error bodies."""

import json

import pytest

from showfloor.core.models import AuditEntry, Edition, Organization, Organizer
from showfloor.core.permissions import Actor
from showfloor.core.services import issue_api_token, revoke_api_token, seed_sectors
from tests.factories import (
    EditionFactory,
    ExpoFactory,
    OrganizationFactory,
    StaffRoleFactory,
    UserFactory,
)
from tests.utils import api_headers


def post(client, url, data, **extra):
    return client.post(url, json.dumps(data), content_type="application/json", **extra)


def patch(client, url, data, **extra):
    return client.patch(url, json.dumps(data), content_type="application/json", **extra)


EDITION_PAYLOAD = {
    "number": 23,
    "name": {"en": "CHITEC 2020", "zh-hans": "第二十三届北京科博会"},
    "slug": "chitec2020",
    "start_date": "2020-09-17",
    "end_date": "2020-09-20",
    "timezone": "Asia/Shanghai",
    "currency": "CNY",
    "city": "Beijing",
    "country": "CN",
}


@pytest.fixture
def organizer_admin(db):
    expo = ExpoFactory(slug="chitec")
    user = UserFactory(is_staff=True)
    StaffRoleFactory(user=user, organizer=expo.organizer, edition=None, role="admin")
    return user, expo


@pytest.mark.django_db
def test_anonymous_list_of_editions_hides_drafts(client):
    EditionFactory(slug="open", status="published")
    EditionFactory(slug="secret", status="draft")
    response = client.get("/api/v1/editions")
    assert response.status_code == 200
    assert [item["slug"] for item in response.json()["items"]] == ["open"]
    assert response.json()["count"] == 1


@pytest.mark.django_db
def test_edition_detail_has_every_field(client):
    edition = EditionFactory(slug="chtf2020", number=22, city="Shenzhen", country="CN")
    body = client.get("/api/v1/editions/chtf2020").json()
    assert body == {
        "id": edition.pk,
        "expo": edition.expo.slug,
        "number": 22,
        "name": edition.name,
        "slug": "chtf2020",
        "start_date": "2026-11-11",
        "end_date": "2026-11-15",
        "venue": {},
        "city": "Shenzhen",
        "country": "CN",
        "timezone": "Asia/Shanghai",
        "currency": "CNY",
        "languages": ["en", "fr", "zh-hans"],
        "default_language": "en",
        "mode": "hybrid",
        "status": "published",
        "theme": {},
    }


@pytest.mark.django_db
def test_draft_edition_is_not_found_for_anonymous(client):
    EditionFactory(slug="secret", status="draft")
    response = client.get("/api/v1/editions/secret")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "errors": []}


@pytest.mark.django_db
def test_create_edition_as_organizer_admin(client, organizer_admin):
    user, _expo = organizer_admin
    client.force_login(user)
    response = post(client, "/api/v1/editions", {"expo": "chitec", **EDITION_PAYLOAD})
    assert response.status_code == 201
    assert response.json()["slug"] == "chitec2020"
    assert Edition.objects.get(slug="chitec2020").status == "draft"
    assert AuditEntry.objects.filter(action="core.edition.create").count() == 1


@pytest.mark.django_db
def test_create_edition_ending_before_start_names_the_field(client, organizer_admin):
    user, _expo = organizer_admin
    client.force_login(user)
    payload = {"expo": "chitec", **EDITION_PAYLOAD, "end_date": "2020-09-01"}
    response = post(client, "/api/v1/editions", payload)
    assert response.status_code == 422
    assert response.json() == {
        "detail": "The last day (2020-09-01) is before the first day (2020-09-17).",
        "errors": [
            {
                "field": "end_date",
                "message": "The last day (2020-09-01) is before the first day (2020-09-17).",
            }
        ],
    }
    assert not Edition.objects.filter(slug="chitec2020").exists()


@pytest.mark.django_db
def test_create_edition_with_unknown_currency_and_timezone_lists_both(client, organizer_admin):
    user, _expo = organizer_admin
    client.force_login(user)
    payload = {"expo": "chitec", **EDITION_PAYLOAD, "currency": "RMB", "timezone": "China"}
    response = post(client, "/api/v1/editions", payload)
    assert response.status_code == 422
    fields = sorted(error["field"] for error in response.json()["errors"])
    assert fields == ["currency", "timezone"]


@pytest.mark.django_db
def test_create_edition_with_duplicate_number_is_refused(client, organizer_admin):
    user, expo = organizer_admin
    EditionFactory(expo=expo, number=23, slug="first")
    client.force_login(user)
    response = post(client, "/api/v1/editions", {"expo": "chitec", **EDITION_PAYLOAD})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "__all__", "message": "This expo already has an edition with this number."}
    ]


@pytest.mark.django_db
def test_malformed_payload_reports_the_field(client, organizer_admin):
    user, _expo = organizer_admin
    client.force_login(user)
    payload = {"expo": "chitec", **EDITION_PAYLOAD, "start_date": "17/09/2020"}
    response = post(client, "/api/v1/editions", payload)
    assert response.status_code == 422
    assert response.json()["detail"] == "The request is not valid."
    assert [error["field"] for error in response.json()["errors"]] == ["start_date"]


@pytest.mark.django_db
def test_create_edition_needs_authentication(client, organizer_admin):
    response = post(client, "/api/v1/editions", {"expo": "chitec", **EDITION_PAYLOAD})
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentication required: send a valid bearer token.",
        "errors": [],
    }


@pytest.mark.django_db
def test_edition_staff_cannot_create_editions(client, organizer_admin):
    _user, expo = organizer_admin
    edition = EditionFactory(expo=expo)
    sales = UserFactory()
    StaffRoleFactory(user=sales, organizer=expo.organizer, edition=edition, role="admin")
    client.force_login(sales)
    response = post(client, "/api/v1/editions", {"expo": "chitec", **EDITION_PAYLOAD})
    assert response.status_code == 403
    assert response.json()["detail"] == "You do not have permission to do this."


@pytest.mark.django_db
def test_patch_edition_with_a_token_of_that_edition(client):
    edition = EditionFactory(city="Shenzhen")
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="admin")
    _token, key = issue_api_token(Actor.system(), edition, "integration", user=user)
    response = patch(
        client, f"/api/v1/editions/{edition.slug}", {"city": "Chengdu"}, **api_headers(key)
    )
    assert response.status_code == 200
    assert response.json()["city"] == "Chengdu"
    assert AuditEntry.objects.get(action="core.edition.update").actor_label == "token:integration"


@pytest.mark.django_db
def test_token_of_another_edition_is_forbidden(client):
    edition = EditionFactory()
    other = EditionFactory()
    user = UserFactory(is_superuser=True)
    _token, key = issue_api_token(Actor.system(), other, "elsewhere", user=user)
    response = patch(client, f"/api/v1/editions/{edition.slug}", {"city": "X"}, **api_headers(key))
    assert response.status_code == 403
    edition.refresh_from_db()
    assert edition.city == ""


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["revoked", "unknown"])
def test_revoked_or_unknown_token_is_unauthenticated(client, kind):
    edition = EditionFactory()
    token, key = issue_api_token(
        Actor.system(), edition, "gate", permissions=["can_manage_edition"]
    )
    if kind == "revoked":
        revoke_api_token(Actor.system(), token)
    else:
        key = "sf_not-a-real-key"
    response = patch(client, f"/api/v1/editions/{edition.slug}", {"city": "X"}, **api_headers(key))
    assert response.status_code == 401


@pytest.mark.django_db
def test_delete_only_draft_editions(client):
    edition = EditionFactory(status="published")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = client.delete(f"/api/v1/editions/{edition.slug}")
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "status", "message": "Only a draft edition can be deleted."}
    ]
    edition.status = "draft"
    edition.save()
    assert client.delete(f"/api/v1/editions/{edition.slug}").status_code == 204
    assert not Edition.objects.filter(pk=edition.pk).exists()


@pytest.mark.django_db
def test_organizer_creation_is_for_superusers(client):
    client.force_login(UserFactory(is_staff=True))
    payload = {"name": "CCPIT Beijing", "slug": "ccpit-beijing"}
    assert post(client, "/api/v1/organizers", payload).status_code == 403
    client.force_login(UserFactory(is_superuser=True, is_staff=True, username="root"))
    response = post(client, "/api/v1/organizers", payload)
    assert response.status_code == 201
    assert response.json() == {
        "id": Organizer.objects.get().pk,
        "name": "CCPIT Beijing",
        "slug": "ccpit-beijing",
        "website": "",
    }


@pytest.mark.django_db
def test_expo_crud_by_organizer_admin(client, organizer_admin):
    user, expo = organizer_admin
    client.force_login(user)
    response = post(
        client,
        "/api/v1/expos",
        {"organizer_id": expo.organizer_id, "name": {"en": "Smart China Expo"}, "slug": "sce"},
    )
    assert response.status_code == 201
    response = patch(
        client, "/api/v1/expos/sce", {"name": {"en": "Smart China Expo", "zh-hans": "智博会"}}
    )
    assert response.json()["name"] == {"en": "Smart China Expo", "zh-hans": "智博会"}
    assert client.get("/api/v1/expos/sce").json()["slug"] == "sce"


@pytest.mark.django_db
def test_expo_with_unknown_language_in_its_name_is_refused(client, organizer_admin):
    user, expo = organizer_admin
    client.force_login(user)
    response = post(
        client,
        "/api/v1/expos",
        {"organizer_id": expo.organizer_id, "name": {"de": "Messe"}, "slug": "messe"},
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "name"


@pytest.mark.django_db
def test_organization_crud_through_an_edition(client):
    seed_sectors()
    edition = EditionFactory()
    sales = UserFactory()
    StaffRoleFactory(user=sales, organizer=edition.expo.organizer, edition=edition, role="sales")
    client.force_login(sales)
    url = f"/api/v1/editions/{edition.slug}/organizations"
    response = post(
        client,
        url,
        {
            "name": {"en": "H3C", "zh-hans": "新华三"},
            "country": "cn",
            "type": "company",
            "sectors": ["5g", "cloud-computing"],
        },
    )
    assert response.status_code == 201
    body = response.json()
    assert (body["country"], body["sectors"]) == ("CN", ["5g", "cloud-computing"])
    org_id = body["id"]
    response = patch(client, f"{url}/{org_id}", {"region": "Zhejiang", "sectors": ["ai"]})
    assert (response.json()["region"], response.json()["sectors"]) == ("Zhejiang", ["ai"])
    assert client.get(f"/api/v1/organizations/{org_id}").json()["name"]["zh-hans"] == "新华三"
    assert client.delete(f"{url}/{org_id}").status_code == 204
    assert not Organization.objects.filter(pk=org_id).exists()
    actions = list(AuditEntry.objects.filter(edition=edition).values_list("action", flat=True))
    assert sorted(actions) == [
        "core.organization.create",
        "core.organization.delete",
        "core.organization.update",
    ]


@pytest.mark.django_db
def test_organization_with_unknown_sector_is_refused(client):
    edition = EditionFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = post(
        client,
        f"/api/v1/editions/{edition.slug}/organizations",
        {"name": {"en": "X"}, "country": "FR", "sectors": ["warp-drive"]},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "sectors", "message": "Unknown sector code(s): warp-drive."}
    ]
    assert Organization.objects.count() == 0


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["programme", "press", "analyst"])
def test_organization_writes_need_manage_organizations(client, role):
    edition = EditionFactory()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
    client.force_login(user)
    response = post(
        client,
        f"/api/v1/editions/{edition.slug}/organizations",
        {"name": {"en": "X"}, "country": "FR"},
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_organization_list_filters(client):
    seed_sectors()
    OrganizationFactory(type="investor", country="CN")
    OrganizationFactory(type="company", country="DE")
    body = client.get("/api/v1/organizations?type=investor").json()
    assert [item["type"] for item in body["items"]] == ["investor"]
    assert client.get("/api/v1/organizations?country=de").json()["count"] == 1


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_organization_list_query_count(client, django_assert_num_queries, count):
    for _index in range(count):
        OrganizationFactory()
    with django_assert_num_queries(3):  # count, page, sectors prefetch
        response = client.get("/api/v1/organizations")
    assert response.json()["count"] == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_edition_list_query_count(client, django_assert_num_queries, count):
    for _index in range(count):
        EditionFactory()
    with django_assert_num_queries(2):  # count, page with expo joined
        response = client.get("/api/v1/editions")
    assert response.json()["count"] == count


@pytest.mark.django_db
def test_openapi_document_loads_and_lists_core_paths(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in [
        "/api/v1/editions",
        "/api/v1/editions/{edition_slug}",
        "/api/v1/organizers",
        "/api/v1/expos",
        "/api/v1/sectors",
        "/api/v1/organizations",
    ]:
        assert path in paths
    assert "BearerAuth" in json.dumps(response.json()["components"]) or "TokenAuth" in json.dumps(
        response.json()["components"]
    )


@pytest.mark.django_db
def test_patch_with_null_names_the_field_and_changes_nothing(client):
    edition = EditionFactory(city="Shenzhen")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = patch(client, f"/api/v1/editions/{edition.slug}", {"city": None, "country": None})
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "city", "message": "This field cannot be null."},
        {"field": "country", "message": "This field cannot be null."},
    ]
    edition.refresh_from_db()
    assert edition.city == "Shenzhen"


@pytest.mark.django_db
def test_page_size_is_bounded(client):
    response = client.get("/api/v1/organizers?limit=162053034360951898112")
    assert response.status_code == 422


@pytest.mark.django_db
def test_nul_character_is_refused_with_its_place(client):
    edition = EditionFactory()
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    response = post(
        client,
        f"/api/v1/editions/{edition.slug}/organizations",
        {"name": {"en": "A\x00B"}, "country": "FR"},
    )
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "name.en", "message": "The NUL character (U+0000) is not allowed."}
    ]
    response = client.get("/api/v1/organizations?country=F%00R")
    assert (response.status_code, response.json()["errors"][0]["field"]) == (422, "country")


@pytest.mark.django_db
def test_offset_beyond_what_a_database_can_hold_is_refused(client):
    response = client.get("/api/v1/organizations?offset=1980352858072721391616")
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "offset"
