import subprocess

import pytest
import zxingcpp
from django.core.exceptions import PermissionDenied
from PIL import Image

from showfloor.attendance.badges import render_badges_pdf
from showfloor.attendance.models import Badge
from showfloor.attendance.services import issue_badge, reprint_badge
from showfloor.core.permissions import Actor
from tests.attendance.factories import BadgeFactory, ParticipantFactory


def decode_pdf(pdf: bytes, tmp_path) -> list[str]:
    """Rasterise every page with pdftoppm and read every QR code with zxing-cpp."""
    source = tmp_path / "badges.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        ["pdftoppm", "-r", "150", "-png", str(source), str(tmp_path / "page")], check=True
    )
    texts = []
    for png in sorted(tmp_path.glob("page*.png")):
        texts += [result.text for result in zxingcpp.read_barcodes(Image.open(png))]
    return texts


def test_issue_badge_is_idempotent(edition):
    participant = ParticipantFactory(edition=edition)
    first = issue_badge(Actor.system(), participant)
    assert issue_badge(Actor.system(), participant) == first


def test_issue_badge_secret_is_long_and_random(edition):
    badges = [issue_badge(Actor.system(), ParticipantFactory(edition=edition)) for _ in range(2)]
    assert len(badges[0].secret) == 32
    assert badges[0].secret != badges[1].secret


def test_issue_badge_by_stranger_is_forbidden(edition):
    with pytest.raises(PermissionDenied):
        issue_badge(Actor(), ParticipantFactory(edition=edition))


def test_reprint_badge_revokes_previous_secret(edition):
    participant = ParticipantFactory(edition=edition)
    first = issue_badge(Actor.system(), participant)
    second = reprint_badge(Actor.system(), participant)
    first.refresh_from_db()
    assert (first.revoked_reason, second.revoked_at, second.secret != first.secret) == (
        "reprinted",
        None,
        True,
    )


def test_render_badges_pdf_a6_qr_decodes_to_secret_only(edition, tmp_path):
    badge = BadgeFactory(participant__edition=edition, participant__first_name="Wei")
    assert decode_pdf(render_badges_pdf([badge], "a6"), tmp_path) == [badge.secret]


def test_render_badges_pdf_label_sheet_holds_every_badge(edition, tmp_path):
    badges = [BadgeFactory(participant__edition=edition) for _ in range(3)]
    decoded = decode_pdf(render_badges_pdf(badges, "labels"), tmp_path)
    assert sorted(decoded) == sorted(badge.secret for badge in badges)


def test_badge_secret_hash_is_stored_on_save(edition):
    badge = BadgeFactory(participant__edition=edition)
    assert Badge.objects.filter(secret_hash=badge.secret_hash).count() == 1
    assert len(badge.secret_hash) == 64
