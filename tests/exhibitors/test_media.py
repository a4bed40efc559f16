"""Media uploads: content sniffing, limits, the decompression-bomb guard, EXIF stripping, the
panorama ratio, and the previews made in the background."""

from __future__ import annotations

import io
import os

import pytest
from django.core.exceptions import ValidationError
from PIL import Image

from showfloor.core.permissions import Actor
from showfloor.exhibitors import services
from showfloor.exhibitors.models import Media
from tests.exhibitors.factories import (
    ExhibitorFactory,
    image_bytes,
    member_of,
    pdf_bytes,
    png_header,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def exhibitor(edition):
    return ExhibitorFactory(edition=edition)


@pytest.fixture
def owner(exhibitor):
    return Actor.for_user(member_of(exhibitor))


def upload(actor, exhibitor, kind, data, name, size=None):
    return services.add_media(
        actor, exhibitor, kind, upload=io.BytesIO(data), filename=name, size=size
    )


def refusal(excinfo) -> tuple[str, str]:
    error = excinfo.value.error_dict["file"][0]
    return error.code, error.messages[0]


def test_upload_photo_is_stored_with_sniffed_extension_and_previews(
    owner, exhibitor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        media = upload(owner, exhibitor, "photo", image_bytes((800, 600), "JPEG"), "stand.JPG")
    media.refresh_from_db()
    assert (media.content_type, media.width, media.height, media.status) == (
        "image/jpeg",
        800,
        600,
        "ready",
    )
    assert media.file.name.endswith(".jpg")
    with Image.open(media.thumbnail.path) as thumbnail:
        assert thumbnail.size == (480, 360)


def test_upload_png_named_jpg_is_refused_saying_why(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "photo", image_bytes(fmt="PNG"), "holiday.jpg")
    code, message = refusal(excinfo)
    assert code == "name_mismatch"
    assert message == (
        "The file is named “.jpg” but its content is image/png; rename it to .png or export it "
        "in the format its name says."
    )
    assert Media.objects.count() == 0


def test_upload_decompression_bomb_is_refused(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "photo", png_header(100_000, 100_000), "bomb.png")
    code, message = refusal(excinfo)
    assert code == "bomb"
    assert "decompression bomb" in message
    assert Media.objects.count() == 0


def test_upload_image_over_the_kind_pixel_budget_is_refused_with_its_size(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "logo", png_header(8000, 4000), "logo.png")
    assert refusal(excinfo) == (
        "too_many_pixels",
        "The image is 8000 × 4000 pixels (32 megapixels); a logo may have at most 16 megapixels.",
    )


def test_upload_one_gigabyte_image_is_refused_before_reading(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "photo", b"", "huge.jpg", size=1024**3)
    assert refusal(excinfo) == (
        "too_large",
        "The file is 1024.0 MB; a photo may be at most 20 MB.",
    )


def test_upload_panorama_three_to_one_is_refused(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "panorama", image_bytes((1200, 400), "JPEG"), "pano.jpg")
    assert refusal(excinfo) == (
        "panorama_ratio",
        "A 360° panorama must be equirectangular, twice as wide as it is high (2:1); this image "
        "is 1200 × 400 (3.00:1).",
    )


def test_upload_panorama_two_to_one_is_accepted(owner, exhibitor):
    media = upload(owner, exhibitor, "panorama", image_bytes((1600, 800), "JPEG"), "pano.jpg")
    assert (media.kind, media.width, media.height) == ("panorama", 1600, 800)


def test_upload_svg_is_refused_as_active_content(owner, exhibitor):
    svg = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script/></svg>'
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "logo", svg, "logo.png")
    assert refusal(excinfo)[0] == "active_content"


def test_upload_html_disguised_as_pdf_is_refused(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "document", b"<!DOCTYPE html><html><script>", "doc.pdf")
    assert refusal(excinfo)[0] == "active_content"


def test_upload_unknown_content_is_refused_naming_accepted_types(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        upload(owner, exhibitor, "document", b"just some text", "notes.pdf")
    assert refusal(excinfo) == (
        "wrong_type",
        "The content of this file is an unrecognised format; a document (pdf) must be one of: "
        "application/pdf.",
    )


def test_upload_exif_is_stripped(owner, exhibitor):
    exif = Image.Exif()
    exif[0x8825] = {2: (22.0, 32.0, 0.0)}  # GPS position
    exif[0x010F] = "SpyCam"  # camera make
    data = image_bytes((300, 200), "JPEG", exif=exif.tobytes())
    with Image.open(io.BytesIO(data)) as original:
        assert dict(original.getexif()) != {}
    media = upload(owner, exhibitor, "photo", data, "photo.jpg")
    with Image.open(media.file.path) as stored:
        assert dict(stored.getexif()) == {}


def test_upload_pdf_document_is_ready_without_previews(owner, exhibitor):
    media = upload(owner, exhibitor, "document", pdf_bytes(), "brochure.pdf")
    assert (media.content_type, media.status, media.thumbnail.name) == (
        "application/pdf",
        "ready",
        "",
    )


def test_video_link_requires_https(owner, exhibitor):
    with pytest.raises(ValidationError) as excinfo:
        services.add_media(owner, exhibitor, "video_link", url="http://video.example.org/1")
    assert excinfo.value.message_dict == {
        "url": ["Give the video's https:// address on the hosting service."]
    }


def test_upload_by_another_exhibitor_is_denied(exhibitor, edition):
    stranger = Actor.for_user(member_of(ExhibitorFactory(edition=edition)))
    with pytest.raises(services.PermissionDenied):
        upload(stranger, exhibitor, "photo", image_bytes(fmt="PNG"), "x.png")
    assert Media.objects.count() == 0


def test_delete_media_removes_its_files(owner, exhibitor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        media = upload(owner, exhibitor, "photo", image_bytes((800, 600), "PNG"), "a.png")
    media.refresh_from_db()
    paths = [media.file.path, media.thumbnail.path, media.preview.path]
    with django_capture_on_commit_callbacks(execute=True):
        services.delete_media(owner, media)
    assert [os.path.exists(path) for path in paths] == [False, False, False]
