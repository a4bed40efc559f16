"""Uploaded media: the type is sniffed from the content (never trusted from the name), sizes are
limited, Pillow's decompression-bomb guard applies, EXIF and other metadata are stripped, and a
panorama must be 2:1. Every refusal is a ValidationError saying why.

Derivatives (thumbnails, previews) are made later by exhibitors.tasks.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass
from pathlib import PurePath
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from showfloor.exhibitors.enums import MediaKind

MB = 1024 * 1024
# Largest accepted upload per kind, in bytes.
SIZE_LIMITS = {
    MediaKind.LOGO: 5 * MB,
    MediaKind.PHOTO: 20 * MB,
    MediaKind.PANORAMA: 60 * MB,
    MediaKind.VIDEO: 500 * MB,
    MediaKind.DOCUMENT: 30 * MB,
}
# Pixel budget per kind: a 16384×8192 panorama is 134 Mpx; photos are far smaller.
PIXEL_LIMITS = {
    MediaKind.LOGO: 16_000_000,
    MediaKind.PHOTO: 60_000_000,
    MediaKind.PANORAMA: 140_000_000,
}
# Pillow refuses anything past twice this while decoding; our own per-kind check comes first.
Image.MAX_IMAGE_PIXELS = max(PIXEL_LIMITS.values())
PANORAMA_RATIO_TOLERANCE = 0.01

IMAGE_TYPES = {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp", "image/gif": "gif"}
VIDEO_TYPES = {"video/mp4": "mp4", "video/webm": "webm"}
DOCUMENT_TYPES = {"application/pdf": "pdf"}
ACCEPTED = {
    MediaKind.LOGO: IMAGE_TYPES,
    MediaKind.PHOTO: IMAGE_TYPES,
    MediaKind.PANORAMA: {"image/jpeg": "jpg", "image/png": "png", "image/webp": "webp"},
    MediaKind.VIDEO: VIDEO_TYPES,
    MediaKind.DOCUMENT: DOCUMENT_TYPES,
}
# Extensions a name may carry for each sniffed type.
NAME_EXTENSIONS = {
    "image/jpeg": {"jpg", "jpeg", "jpe", "jfif"},
    "image/png": {"png"},
    "image/webp": {"webp"},
    "image/gif": {"gif"},
    "video/mp4": {"mp4", "m4v"},
    "video/webm": {"webm"},
    "application/pdf": {"pdf"},
}


@dataclass
class CleanFile:
    """A validated upload, ready to store."""

    content: ContentFile
    content_type: str
    size: int
    width: int | None = None
    height: int | None = None


def sniff(head: bytes) -> str:
    """The content type from the first bytes of a file; "" when unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp"
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return "image/gif"
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    if head[4:8] == b"ftyp":
        return "video/mp4"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "video/webm"
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"<svg") or (text.startswith(b"<?xml") and b"<svg" in head.lower()):
        return "image/svg+xml"
    if text.startswith((b"<!doctype html", b"<html", b"<script", b"<head", b"<body")):
        return "text/html"
    return ""


def _kind_label(kind: str) -> str:
    return str(MediaKind(kind).label).lower()


def _refuse(message: str, code: str, **params: object) -> ValidationError:
    return ValidationError({"file": [ValidationError(message, code=code, params=params)]})


def check_size(kind: str, size: int) -> None:
    limit = SIZE_LIMITS[MediaKind(kind)]
    if size > limit:
        raise _refuse(
            _("The file is %(size)s MB; a %(kind)s may be at most %(limit)s MB.")
            % {"size": f"{size / MB:.1f}", "kind": _kind_label(kind), "limit": limit // MB},
            "too_large",
        )
    if size == 0:
        raise _refuse(_("The file is empty."), "empty")


def check_type(kind: str, content_type: str, name: str) -> None:
    if content_type in ("image/svg+xml", "text/html"):
        raise _refuse(
            _(
                "SVG and HTML files are not accepted: they can carry scripts. Upload a PNG, JPEG "
                "or WebP image instead."
            ),
            "active_content",
        )
    accepted = ACCEPTED[MediaKind(kind)]
    if content_type not in accepted:
        found = content_type or _("an unrecognised format")
        raise _refuse(
            _("The content of this file is %(found)s; a %(kind)s must be one of: %(accepted)s.")
            % {"found": found, "kind": _kind_label(kind), "accepted": ", ".join(accepted)},
            "wrong_type",
        )
    extension = PurePath(name or "").suffix.lower().lstrip(".")
    if extension and extension not in NAME_EXTENSIONS[content_type]:
        raise _refuse(
            _(
                "The file is named “.%(extension)s” but its content is %(found)s; rename it to "
                ".%(expected)s or export it in the format its name says."
            )
            % {
                "extension": extension,
                "found": content_type,
                "expected": accepted[content_type],
            },
            "name_mismatch",
        )


def _open_image(kind: str, data: bytes) -> Image.Image:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
            width, height = image.size
            if width * height > PIXEL_LIMITS[MediaKind(kind)]:
                raise _refuse(
                    _(
                        "The image is %(width)s × %(height)s pixels (%(mpx)s megapixels); a "
                        "%(kind)s may have at most %(limit)s megapixels."
                    )
                    % {
                        "width": width,
                        "height": height,
                        "mpx": f"{width * height / 1e6:.0f}",
                        "kind": _kind_label(kind),
                        "limit": PIXEL_LIMITS[MediaKind(kind)] // 1_000_000,
                    },
                    "too_many_pixels",
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise _refuse(
            _(
                "The image declares more than %(limit)s megapixels: it is refused as a possible "
                "decompression bomb. Reduce it and upload it again."
            )
            % {"limit": PIXEL_LIMITS[MediaKind(kind)] // 1_000_000},
            "bomb",
        ) from exc
    except ValidationError:
        raise
    except (OSError, SyntaxError, ValueError) as exc:
        raise _refuse(
            _("The image could not be read: it is damaged or truncated."), "unreadable"
        ) from exc
    return image


def check_panorama(width: int, height: int) -> None:
    ratio = width / height if height else 0
    if abs(ratio - 2) > 2 * PANORAMA_RATIO_TOLERANCE:
        raise _refuse(
            _(
                "A 360° panorama must be equirectangular, twice as wide as it is high (2:1); this "
                "image is %(width)s × %(height)s (%(ratio)s:1)."
            )
            % {"width": width, "height": height, "ratio": f"{ratio:.2f}"},
            "panorama_ratio",
        )


def strip_metadata(image: Image.Image, content_type: str) -> bytes:
    """Re-encode the pixels only: EXIF (GPS position, camera serial), XMP and text chunks go."""
    if content_type == "image/gif":
        out = io.BytesIO()
        image.save(out, format="GIF", save_all=getattr(image, "is_animated", False))
        return out.getvalue()
    upright = ImageOps.exif_transpose(image)
    out = io.BytesIO()
    if content_type == "image/jpeg":
        upright.convert("RGB").save(out, format="JPEG", quality=90, optimize=True)
    elif content_type == "image/webp":
        upright.save(out, format="WEBP", quality=90)
    else:
        upright.save(out, format="PNG", optimize=False)
    return out.getvalue()


def read_limited(upload: IO[bytes], kind: str, declared_size: int | None) -> bytes:
    """Read an upload, refusing it as soon as it passes the kind's limit."""
    if declared_size is not None:
        check_size(kind, declared_size)
    limit = SIZE_LIMITS[MediaKind(kind)]
    data = upload.read(limit + 1)
    check_size(kind, len(data))
    return data


def validate_upload(kind: str, upload: IO[bytes], name: str, size: int | None = None) -> CleanFile:
    """Validate an uploaded file of `kind`; returns the bytes to store with a safe name."""
    if kind == MediaKind.VIDEO_LINK:
        raise _refuse(_("A hosted video is given by its address, not a file."), "link_only")
    data = read_limited(upload, kind, size)
    content_type = sniff(data[:64])
    check_type(kind, content_type, name)
    width = height = None
    if content_type in IMAGE_TYPES:
        image = _open_image(kind, data)
        width, height = image.size
        if kind == MediaKind.PANORAMA:
            check_panorama(width, height)
        data = strip_metadata(image, content_type)
    extension = ACCEPTED[MediaKind(kind)][content_type]
    stored = ContentFile(data, name=f"{secrets.token_hex(8)}.{extension}")
    return CleanFile(stored, content_type, len(data), width, height)


def validate_video_link(url: str) -> str:
    url = (url or "").strip()
    if not url.startswith("https://"):
        raise ValidationError(
            {"url": [_("Give the video's https:// address on the hosting service.")]}
        )
    return url


def derivative(data: bytes, max_size: tuple[int, int], quality: int = 82) -> bytes:
    """A reduced JPEG copy of an image (thumbnails and previews)."""
    with Image.open(io.BytesIO(data)) as image:
        image = ImageOps.exif_transpose(image)
        if image.mode not in ("RGB", "L"):
            background = Image.new("RGB", image.size, "white")
            rgba = image.convert("RGBA")
            background.paste(rgba, mask=rgba.split()[-1])
            image = background
        image.thumbnail(max_size, Image.Resampling.LANCZOS)
        out = io.BytesIO()
        image.convert("RGB").save(out, format="JPEG", quality=quality, optimize=True)
        return out.getvalue()
