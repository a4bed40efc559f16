"""The public shell: list of editions, edition home, language switch, media serving."""

import pytest
from django.urls import reverse

from tests.factories import EditionFactory, StaffRoleFactory, UserFactory


@pytest.mark.django_db
def test_home_lists_public_editions_only(client):
    EditionFactory(name={"en": "Open Fair"}, status="published")
    EditionFactory(name={"en": "Hidden Fair"}, status="draft")
    html = client.get("/").content.decode()
    assert "Open Fair" in html
    assert "Hidden Fair" not in html


@pytest.mark.django_db
def test_edition_home_shows_its_name_dates_and_venue(client):
    edition = EditionFactory(
        name={"en": "CHTF 2020", "zh-hans": "高交会2020"},
        venue={"en": "Shenzhen World"},
        slug="chtf2020",
    )
    response = client.get("/chtf2020/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "CHTF 2020" in html
    assert "Shenzhen World" in html
    assert response.context["edition"] == edition


@pytest.mark.django_db
def test_edition_home_in_chinese_shows_chinese_content(client):
    EditionFactory(name={"en": "CHTF 2020", "zh-hans": "高交会2020"}, slug="chtf2020")
    html = client.get("/chtf2020/", HTTP_ACCEPT_LANGUAGE="zh-hans").content.decode()
    assert "高交会2020" in html


@pytest.mark.django_db
def test_content_falls_back_to_the_editions_default_language(client):
    EditionFactory(name={"zh-hans": "智博会"}, default_language="zh-hans", slug="sce2021")
    html = client.get("/sce2021/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "智博会" in html


@pytest.mark.django_db
def test_draft_edition_is_404_for_the_public_and_visible_to_its_staff(client):
    edition = EditionFactory(status="draft", slug="next")
    assert client.get("/next/").status_code == 404
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="press")
    client.force_login(user)
    assert client.get("/next/").status_code == 200


@pytest.mark.django_db
def test_unknown_edition_is_404(client):
    assert client.get("/nothing-here/").status_code == 404


@pytest.mark.django_db
def test_language_switch_sets_the_language_and_returns(client):
    EditionFactory(slug="chtf2020")
    response = client.post(reverse("set_language"), {"language": "fr", "next": "/chtf2020/"})
    assert response.status_code == 302
    assert response["Location"] == "/chtf2020/"
    html = client.get("/chtf2020/").content.decode()
    assert 'lang="fr"' in html


@pytest.mark.django_db
@pytest.mark.parametrize(("role", "status"), [("analyst", 200), ("sales", 200), (None, 302)])
def test_dashboard_is_for_edition_staff(client, role, status):
    edition = EditionFactory()
    if role:
        user = UserFactory()
        StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
        client.force_login(user)
    response = client.get(reverse("analytics:dashboard", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == status


@pytest.mark.django_db
def test_dashboard_is_forbidden_to_a_signed_in_non_staff_user(client):
    edition = EditionFactory()
    client.force_login(UserFactory())
    response = client.get(reverse("analytics:dashboard", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == 403


def test_uploaded_svg_is_served_as_a_download(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "evil.svg").write_text("<svg onload='alert(1)'/>")
    (tmp_path / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    response = client.get("/media/evil.svg")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
    inline = client.get("/media/photo.png")
    assert inline["Content-Type"] == "image/png"
    assert not inline.get("Content-Disposition", "").startswith("attachment")


def test_media_path_traversal_is_404(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    (tmp_path / "secret.txt").write_text("no")
    assert client.get("/media/../secret.txt").status_code == 404
