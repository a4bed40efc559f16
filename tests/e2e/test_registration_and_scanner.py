"""Journey: a professional visitor registers, downloads the badge PDF, its QR code decodes; the
printed badge is shown to the web scanner's camera at the gate and the visitor is let in; the
gate then loses the network, keeps scanning from its queue and syncs when it is back."""

from __future__ import annotations

import datetime as dt
import subprocess

import httpx
import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from showfloor.attendance.models import Badge, EntryScan
from showfloor.core.enums import StaffRoleName
from tests.attendance.factories import RegistrationFormFactory
from tests.e2e.conftest import CHROMIUM, SCREENSHOTS
from tests.e2e.helpers import login


def _register_and_download(page, live_server, edition, tmp_path):
    page.goto(f"{live_server.url}/{edition.slug}/register/professional/")
    page.fill("#id_first_name", "Ying")
    page.fill("#id_last_name", "Zhang")
    page.fill("#id_email", "ying@example.org")
    page.fill("#id_organization_name", "Shenzhen Robotics")
    page.check("#id_consent")
    page.click("button[type=submit]")
    page.wait_for_selector("#badge-download")
    with page.expect_download() as download:
        page.click("#badge-download")
    pdf = tmp_path / "badge.pdf"
    download.value.save_as(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "110", "-png", "-singlefile", str(pdf), str(tmp_path / "badge")],
        check=True,
    )
    return tmp_path / "badge.png"


def _video_of(png, tmp_path):
    """A Y4M clip of the printed badge, for Chromium's fake camera."""
    video = tmp_path / "badge.y4m"
    subprocess.run(
        [
            "ffmpeg",
            "-loglevel",
            "error",
            "-y",
            "-loop",
            "1",
            "-i",
            str(png),
            "-t",
            "1",
            "-r",
            "5",
            "-vf",
            "scale=480:-2,format=yuv420p",
            str(video),
        ],
        check=True,
    )
    return video


@pytest.mark.django_db(transaction=True)
def test_visitor_registers_and_is_scanned_in_at_the_gate(
    page, live_server, edition, staff_user, tmp_path
):
    # The first request imports every app (slow on a busy machine): not what this test measures.
    httpx.get(f"{live_server.url}/accounts/login/", timeout=120)
    today = timezone.now().astimezone(edition.tz).date()
    edition.start_date, edition.end_date = (
        today - dt.timedelta(days=1),
        today + dt.timedelta(days=3),
    )
    edition.save()
    RegistrationFormFactory(edition=edition)
    staff_user(edition, StaffRoleName.REGISTRATION, username="gatekeeper")
    badge_png = _register_and_download(page, live_server, edition, tmp_path)

    decoded = [result.text for result in zxingcpp.read_barcodes(Image.open(badge_png))]
    badge = Badge.objects.get(participant__email="ying@example.org", revoked_at__isnull=True)
    assert decoded == [badge.secret]

    # A second browser of the same Playwright, with a fake camera that films the printed badge.
    browser = page.context.browser.browser_type.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=[
            "--no-sandbox",
            "--use-fake-device-for-media-stream",
            "--use-fake-ui-for-media-stream",
            f"--use-file-for-fake-video-capture={_video_of(badge_png, tmp_path)}",
        ],
    )
    context = browser.new_context(viewport={"width": 420, "height": 860})
    context.grant_permissions(["camera"], origin=live_server.url)
    gate = context.new_page()
    gate.set_default_timeout(20_000)
    try:
        login(gate, live_server, "gatekeeper")
        gate.goto(f"{live_server.url}/{edition.slug}/manage/attendance/scanner/")
        gate.wait_for_selector("#list-status[data-ready='1']")
        gate.click("#camera-start")
        gate.wait_for_selector("#scan-result[data-result='accepted']")
        assert EntryScan.objects.filter(badge=badge, result="accepted", offline=False).count() == 1
        gate.evaluate("navigator.serviceWorker.ready.then(() => true)")

        context.set_offline(True)
        gate.reload()  # the service worker serves the page without the network
        gate.wait_for_selector("#manual-form")
        gate.fill("#manual-secret", badge.secret)
        gate.click("#manual-form button")
        gate.wait_for_selector("#queue-status[data-count='1']")
        assert gate.get_attribute("#scan-result", "data-result") == "accepted"

        context.set_offline(False)
        gate.wait_for_selector("#queue-status[data-count='0']")
        assert list(EntryScan.objects.filter(badge=badge).values_list("offline", "result")) == [
            (False, "accepted"),
            (True, "accepted"),
        ]
    except Exception:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        gate.screenshot(path=str(SCREENSHOTS / "scanner-gate.png"), full_page=True)
        raise
    finally:
        context.close()
        browser.close()
