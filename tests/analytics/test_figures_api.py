import pytest

from tests.factories import EditionFactory, StaffRoleFactory, UserFactory


@pytest.mark.django_db
def test_figures_are_listed_with_definitions_for_anyone(client):
    edition = EditionFactory()
    response = client.get(f"/api/v1/editions/{edition.slug}/figures")
    assert response.status_code == 200
    body = response.json()
    assert body, "every area contributes figures, even at zero"
    assert all(item["public"] for item in body)
    assert all(item["definition"] for item in body)
    assert all(isinstance(item["value"], str) for item in body)


@pytest.mark.django_db
def test_analysts_also_get_internal_figures(client):
    edition = EditionFactory()
    public = client.get(f"/api/v1/editions/{edition.slug}/figures").json()
    user = UserFactory()
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role="analyst")
    client.force_login(user)
    everything = client.get(f"/api/v1/editions/{edition.slug}/figures").json()
    assert {item["key"] for item in public} <= {item["key"] for item in everything}


@pytest.mark.django_db
def test_figures_of_a_draft_edition_are_not_found(client):
    edition = EditionFactory(status="draft")
    assert client.get(f"/api/v1/editions/{edition.slug}/figures").status_code == 404
