"""Pages: the catalogue (search, facets, query counts), the virtual booth, the exhibitor's own
space and the staff review, with who may see what."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from showfloor.exhibitors import search
from showfloor.exhibitors.models import Exhibit, Exhibitor, Media
from tests.exhibitors.factories import (
    ContactFactory,
    ExhibitFactory,
    ExhibitorFactory,
    image_bytes,
    member_of,
)
from tests.factories import OrganizationFactory, OrganizationMemberFactory, SectorFactory

pytestmark = pytest.mark.django_db


def catalogue_url(edition, **params):
    url = reverse("exhibitors:catalogue", kwargs={"edition_slug": edition.slug})
    return url + ("?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else "")


def make_exhibitors(edition, count):
    sector = SectorFactory(code="ai", name={"en": "AI"})
    made = []
    for index in range(count):
        exhibitor = ExhibitorFactory(
            edition=edition,
            organization=OrganizationFactory(
                name={"en": f"Robot Maker {index}", "zh-hans": f"机器人公司{index}"}
            ),
        )
        exhibitor.sectors.add(sector)
        ExhibitFactory(exhibitor=exhibitor, seeks_investment=True)
        made.append(exhibitor)
    search.rebuild_edition_index(edition)
    return made


@pytest.mark.parametrize("count", [1, 3])
def test_catalogue_query_count_is_constant(client, edition, count, django_assert_num_queries):
    make_exhibitors(edition, count)
    # edition, count, page, card sectors, logos, facet sector labels, five facets.
    with django_assert_num_queries(11):
        response = client.get(catalogue_url(edition, q="机器人"))
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [1, 3])
def test_catalogue_exhibits_query_count_is_constant(
    client, edition, count, django_assert_num_queries
):
    make_exhibitors(edition, count)
    with django_assert_num_queries(11):
        response = client.get(catalogue_url(edition, show="exhibits"))
    assert response.context["page"].paginator.count == count


def test_catalogue_hides_applications_and_rejected(client, edition):
    ExhibitorFactory(edition=edition, status="applied")
    ExhibitorFactory(edition=edition, status="rejected")
    visible = ExhibitorFactory(edition=edition)
    response = client.get(catalogue_url(edition))
    assert [item.pk for item in response.context["page"].object_list] == [visible.pk]


def test_catalogue_facets_count_sectors_and_seeking(client, edition):
    make_exhibitors(edition, 2)
    response = client.get(catalogue_url(edition))
    facets = response.context["facets"]
    assert [(item.value, item.count) for item in facets["sector"]] == [("ai", 2)]
    assert [(item.value, item.count) for item in facets["seeking"]] == [("investment", 2)]
    assert [(item.value, item.count) for item in facets["country"]] == [("CN", 2)]


def test_catalogue_filters_by_pavilion_and_mode(client, edition):
    ExhibitorFactory(edition=edition, pavilion_code="sco", pavilion_name={"en": "SCO"})
    remote = ExhibitorFactory(edition=edition, attendance_mode="remote", pavilion_code="sco")
    response = client.get(catalogue_url(edition, pavilion="sco", mode="remote"))
    assert [item.pk for item in response.context["page"].object_list] == [remote.pk]
    assert [(item.label, item.count) for item in response.context["facets"]["pavilion"]] == [
        ("SCO", 1)
    ]


def test_booth_page_shows_profile_contacts_and_meeting_action(client, edition):
    exhibitor = ExhibitorFactory(edition=edition, contact_email="hello@robots.example")
    ContactFactory(exhibitor=exhibitor, name="Wang Fang")
    ContactFactory(exhibitor=exhibitor, name="Secret Person", is_public=False)
    response = client.get(exhibitor.urls.public)
    text = response.content.decode()
    assert response.status_code == 200
    assert ("We build robots." in text, "Wang Fang" in text, "Secret Person" in text) == (
        True,
        True,
        False,
    )
    assert 'id="request-meeting"' in text
    assert "hello@robots.example" in text


def test_booth_page_of_an_application_is_not_found_for_the_public(client, edition):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    assert client.get(exhibitor.urls.public).status_code == 404


def test_booth_page_of_an_unknown_exhibitor_is_not_found(client, edition):
    url = reverse("exhibitors:booth", kwargs={"edition_slug": edition.slug, "pk": 99999})
    assert client.get(url).status_code == 404


def test_booth_page_of_an_application_is_previewed_by_its_team(client, edition):
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    client.force_login(member_of(exhibitor))
    response = client.get(exhibitor.urls.public)
    assert response.status_code == 200
    assert response.context["public"] is False


def test_booth_page_of_co_exhibitor_links_to_host(client, edition):
    host = ExhibitorFactory(edition=edition)
    co = ExhibitorFactory(edition=edition, host=host)
    text = client.get(co.urls.public).content.decode()
    assert host.urls.public in text


def test_booth_page_shows_the_panorama_viewer(client, edition, django_capture_on_commit_callbacks):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    upload = SimpleUploadedFile("pano.jpg", image_bytes((1000, 500), "JPEG"))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse(
                "exhibitors:media_upload",
                kwargs={"edition_slug": edition.slug, "pk": exhibitor.pk},
            ),
            {"kind": "panorama", "file": upload},
        )
    assert response.status_code == 302
    media = Media.objects.get()
    text = client.get(exhibitor.urls.public).content.decode()
    assert f'data-panorama="{media.preview.url}"' in text


def test_booth_page_cache_is_refreshed_after_a_change(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    owner = member_of(exhibitor)
    assert "Quantum" not in client.get(exhibitor.urls.public).content.decode()
    client.force_login(owner)
    client.post(
        reverse(
            "exhibitors:exhibit_create", kwargs={"edition_slug": edition.slug, "pk": exhibitor.pk}
        ),
        {"title_en": "Quantum sensor", "stage": "prototype", "is_published": "on"},
    )
    client.logout()
    assert "Quantum sensor" in client.get(exhibitor.urls.public).content.decode()


def test_media_upload_refusal_is_shown_on_the_page(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    upload = SimpleUploadedFile("photo.jpg", image_bytes(fmt="PNG"))
    response = client.post(
        reverse(
            "exhibitors:media_upload", kwargs={"edition_slug": edition.slug, "pk": exhibitor.pk}
        ),
        {"kind": "photo", "file": upload},
    )
    assert response.status_code == 422
    assert response.context["media_form"].errors["file"] == [
        "The file is named “.jpg” but its content is image/png; rename it to .png or export it "
        "in the format its name says."
    ]


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("my_exhibitor", "get"),
        ("update_profile", "post"),
        ("exhibit_create", "get"),
        ("media_upload", "post"),
        ("contact_add", "post"),
        ("withdraw", "post"),
    ],
)
def test_exhibitor_space_of_another_exhibitor_is_not_found(client, edition, name, method):
    target = ExhibitorFactory(edition=edition)
    client.force_login(member_of(ExhibitorFactory(edition=edition)))
    url = reverse(f"exhibitors:{name}", kwargs={"edition_slug": edition.slug, "pk": target.pk})
    response = getattr(client, method)(url)
    assert response.status_code == 404
    target.refresh_from_db()
    assert target.status == "approved"


def test_exhibitor_space_requires_login(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    response = client.get(exhibitor.urls.manage)
    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


def test_apply_page_creates_an_application(client, edition):
    organization = OrganizationFactory()
    member = OrganizationMemberFactory(organization=organization)
    client.force_login(member.user)
    response = client.post(
        reverse("exhibitors:apply", kwargs={"edition_slug": edition.slug}),
        {
            "organization": organization.pk,
            "attendance_mode": "both",
            "profile_en": "Sensors",
            "contact_name": "Zhang San",
            "requested_space_m2": "36",
        },
    )
    exhibitor = Exhibitor.objects.get()
    assert response.status_code == 302
    assert (exhibitor.status, exhibitor.requested_space_m2, exhibitor.attendance_mode) == (
        "applied",
        36,
        "both",
    )
    assert exhibitor.contacts.get().name == "Zhang San"


def test_exhibit_form_saves_seeking(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    client.post(
        reverse(
            "exhibitors:exhibit_create", kwargs={"edition_slug": edition.slug, "pk": exhibitor.pk}
        ),
        {
            "title_zh-hans": "智能传感器",
            "stage": "scaling",
            "seeking": ["investment", "buyers"],
            "is_published": "on",
        },
    )
    assert Exhibit.objects.get().seeking == ["investment", "buyers"]


@pytest.mark.parametrize(("role", "status"), [("sales", 200), ("programme", 403)])
def test_staff_list_needs_manage_exhibitors(client, edition, staff_user, role, status):
    client.force_login(staff_user(edition, role))
    response = client.get(reverse("exhibitors:staff_list", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == status


@pytest.mark.parametrize("count", [1, 3])
def test_staff_list_query_count_is_constant(
    client, edition, staff_user, count, django_assert_num_queries
):
    client.force_login(staff_user(edition, "sales"))
    for _index in range(count):
        ExhibitorFactory(edition=edition, status="applied")
    url = reverse("exhibitors:staff_list", kwargs={"edition_slug": edition.slug})
    # session, user, edition, staff roles, page count, page, status counts.
    with django_assert_num_queries(7):
        response = client.get(url)
    assert len(response.context["page"].object_list) == count


def test_staff_review_page_rejects_with_reason(client, edition, staff_user):
    client.force_login(staff_user(edition, "sales"))
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    response = client.post(exhibitor.urls.review, {"decision": "reject", "reason": "Off topic"})
    exhibitor.refresh_from_db()
    assert response.status_code == 302
    assert (exhibitor.status, exhibitor.review_reason) == ("rejected", "Off topic")


def test_staff_review_page_without_reason_shows_the_error(client, edition, staff_user):
    client.force_login(staff_user(edition, "sales"))
    exhibitor = ExhibitorFactory(edition=edition, status="applied")
    response = client.post(exhibitor.urls.review, {"decision": "reject", "reason": ""})
    assert response.status_code == 422
    assert response.context["form"].errors["reason"] == [
        "Say why: the exhibitor sees this reason and needs it to act."
    ]


def test_catalogue_speaks_chinese(client, edition):
    ExhibitorFactory(edition=edition)
    response = client.get(catalogue_url(edition), HTTP_ACCEPT_LANGUAGE="zh-hans")
    text = response.content.decode()
    assert ("网上展会" in text, "公司" in text) == (True, True)


def test_catalogue_exhibits_tab_facets_count_exhibits(client, edition):
    exhibitor = ExhibitorFactory(edition=edition, pavilion_code="sco", pavilion_name={"en": "SCO"})
    ExhibitFactory(exhibitor=exhibitor, seeks_buyers=True)
    ExhibitFactory(exhibitor=exhibitor, seeks_buyers=True)
    response = client.get(catalogue_url(edition, show="exhibits"))
    facets = response.context["facets"]
    assert [(item.value, item.count) for item in facets["seeking"]] == [("buyers", 2)]
    assert [(item.label, item.count) for item in facets["pavilion"]] == [("SCO", 2)]
    assert [(item.value, item.count) for item in facets["country"]] == [("CN", 2)]
