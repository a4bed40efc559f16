import pytest
from django.urls import reverse

from showfloor.attendance.models import Badge, Participant, ScannerDevice
from showfloor.attendance.services import register_device
from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from tests.attendance.factories import BadgeFactory, RegistrationFormFactory
from tests.factories import SectorFactory


def test_register_page_creates_participant_and_redirects_to_manage_link(client, edition):
    RegistrationFormFactory(edition=edition)
    sector = SectorFactory(code="ai")
    response = client.post(
        f"/{edition.slug}/register/professional/",
        {
            "first_name": "Lei",
            "email": "lei@example.org",
            "attendance_mode": "onsite",
            "sectors": [sector.pk],
            "consent": "on",
        },
    )
    participant = Participant.objects.get()
    assert (response.status_code, response["Location"]) == (302, participant.urls.manage)
    assert list(participant.sectors.all()) == [sector]


def test_register_page_without_consent_shows_error(client, edition):
    RegistrationFormFactory(edition=edition)
    response = client.post(
        f"/{edition.slug}/register/professional/",
        {"first_name": "Lei", "email": "lei@example.org", "attendance_mode": "onsite"},
    )
    assert list(response.context["form"].errors) == ["consent"]


def test_register_page_closed_form_is_404(client, edition):
    RegistrationFormFactory(edition=edition, is_open=False)
    assert client.get(f"/{edition.slug}/register/professional/").status_code == 404


def test_manage_badge_pdf_is_a_pdf(client, edition):
    badge = BadgeFactory(participant__edition=edition)
    response = client.get(badge.participant.urls.badge_pdf)
    assert (response["Content-Type"], response.content[:5]) == ("application/pdf", b"%PDF-")


def test_manage_unknown_key_is_404(client, edition):
    assert client.get(f"/{edition.slug}/registration/not-a-key/").status_code == 404


def test_scanner_service_worker_scope_covers_the_scanner_page(client, edition):
    kwargs = {"edition_slug": edition.slug}
    worker, page = (
        reverse("attendance:scanner_sw", kwargs=kwargs),
        reverse("attendance:scanner", kwargs=kwargs),
    )
    response = client.get(worker)
    assert (response.status_code, response["Content-Type"]) == (200, "application/javascript")
    assert page.startswith(worker.rsplit("/", 1)[0] + "/")


def test_scanner_page_creates_web_device_for_staff(client, edition, staff_user):
    user = staff_user(edition, StaffRoleName.REGISTRATION)
    client.force_login(user)
    response = client.get(f"/{edition.slug}/manage/attendance/scanner/")
    assert (response.status_code, ScannerDevice.objects.get().user) == (200, user)


@pytest.mark.parametrize(
    ("role", "expected"),
    [(StaffRoleName.REGISTRATION, 200), (StaffRoleName.ADMIN, 200), (StaffRoleName.SALES, 403)],
)
def test_scanner_page_permission(client, edition, staff_user, role, expected):
    client.force_login(staff_user(edition, role))
    assert client.get(f"/{edition.slug}/manage/attendance/scanner/").status_code == expected


def test_device_list_registers_device_and_shows_key_once(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    response = client.post(f"/{edition.slug}/manage/attendance/devices/", {"name": "Gate A"})
    key = response.context["new_key"]
    device = ScannerDevice.objects.get()
    assert (key.startswith("sf_"), device.token.permissions) == (True, ["can_scan_badges"])
    assert key not in client.get(f"/{edition.slug}/manage/attendance/devices/").content.decode()


def test_badge_reprint_view_revokes_old_badge(client, edition, staff_user):
    badge = BadgeFactory(participant__edition=edition)
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    client.post(f"/{edition.slug}/manage/attendance/participants/{badge.participant.pk}/reprint/")
    assert Badge.objects.filter(participant=badge.participant, revoked_at__isnull=True).count() == 1
    badge.refresh_from_db()
    assert badge.revoked_reason == "reprinted"


def test_badges_pdf_bulk_for_staff(client, edition, staff_user):
    BadgeFactory.create_batch(2, participant__edition=edition)
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    response = client.get(f"/{edition.slug}/manage/attendance/badges.pdf?layout=labels")
    assert (response.status_code, response.content[:5]) == (200, b"%PDF-")


@pytest.mark.parametrize("count", [1, 3])
def test_device_list_query_count(client, edition, staff_user, count, django_assert_num_queries):
    for number in range(count):
        register_device(Actor.system(), edition, f"Gate {number}")
    client.force_login(staff_user(edition, StaffRoleName.REGISTRATION))
    with django_assert_num_queries(5):
        response = client.get(f"/{edition.slug}/manage/attendance/devices/")
    assert len(response.context["devices"]) == count
