import pytest

from tests.floorplan.factories import BoothFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "expected"), [("sales", 200), ("admin", 200), ("programme", 403)])
def test_booth_list_in_the_back_office_needs_space_permission(
    client, hall, staff_user, role, expected
):
    BoothFactory(hall=hall)
    client.force_login(staff_user(hall.edition, role))
    assert client.get("/admin/floorplan/booth/").status_code == expected


def test_booths_are_read_only_in_the_back_office(client, hall, staff_user):
    booth = BoothFactory(hall=hall)
    client.force_login(staff_user(hall.edition, "sales"))
    response = client.post(f"/admin/floorplan/booth/{booth.pk}/change/", {"code": "X"})
    booth.refresh_from_db()
    assert (response.status_code, booth.code) == (403, booth.code)
