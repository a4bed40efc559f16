from __future__ import annotations

import pytest

from tests.awards.factories import AwardFactory
from tests.factories import OrganizationFactory


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/admin/awards/award/",
        "/admin/awards/entry/",
        "/admin/awards/jurymember/",
        "/admin/deals/agreement/",
        "/admin/deals/sectorgroup/",
        "/admin/guests/invitation/",
        "/admin/guests/visitslot/",
        "/admin/guests/delegation/",
    ],
)
def test_admin_changelists_open_for_an_admin(client, edition, staff_user, path):
    AwardFactory(edition=edition)
    client.force_login(staff_user(edition, "admin"))

    response = client.get(path)

    assert response.status_code == 200


@pytest.mark.django_db
def test_admin_awards_hidden_from_sales(client, edition, staff_user):
    client.force_login(staff_user(edition, "sales"))

    response = client.get("/admin/awards/award/")

    assert response.status_code == 403


@pytest.mark.django_db
def test_admin_entry_nomination_checks_eligibility(client, edition, staff_user):

    award = AwardFactory(edition=edition, eligibility="exhibitors")
    client.force_login(staff_user(edition, "jury_secretary"))

    response = client.post(
        "/admin/awards/entry/add/",
        {"award": award.pk, "organization": OrganizationFactory().pk},
    )

    assert response.context["adminform"].form.errors == {
        "exhibitor": ["Only approved exhibitors of the edition may enter this award."]
    }
