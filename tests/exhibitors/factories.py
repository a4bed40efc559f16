"""factory_boy factories for exhibitors, exhibits and media, and helpers that make images."""

from __future__ import annotations

import io
import struct
import zlib

import factory
from PIL import Image

from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact
from tests.factories import (
    EditionFactory,
    OrganizationFactory,
    OrganizationMemberFactory,
    UserFactory,
)


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibitor

    edition = factory.SubFactory(EditionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = "approved"
    attendance_mode = "onsite"
    profile = factory.LazyAttribute(
        lambda exhibitor: {"en": "We build robots.", "fr": "Nous fabriquons des robots."}
    )


class ExhibitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibit

    exhibitor = factory.SubFactory(ExhibitorFactory)
    edition = factory.SelfAttribute("exhibitor.edition")
    title = factory.Sequence(lambda n: {"en": f"Exhibit {n}", "zh-hans": f"展品{n}"})
    stage = "product"


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExhibitorContact

    exhibitor = factory.SubFactory(ExhibitorFactory)
    name = factory.Sequence(lambda n: f"Contact {n}")
    email = factory.Sequence(lambda n: f"contact{n}@example.org")
    is_public = True


def member_of(exhibitor, is_admin: bool = True, **user_fields):
    """A user who is a member of the exhibitor's organisation."""
    user = UserFactory(**user_fields)
    OrganizationMemberFactory(organization=exhibitor.organization, user=user, is_admin=is_admin)
    return user


def image_bytes(
    size: tuple[int, int] = (400, 200), fmt: str = "PNG", exif: bytes | None = None
) -> bytes:
    out = io.BytesIO()
    image = Image.new("RGB", size, (30, 120, 200))
    kwargs = {"exif": exif} if exif is not None else {}
    image.save(out, format=fmt, **kwargs)
    return out.getvalue()


def png_header(width: int, height: int) -> bytes:
    """A PNG whose header declares `width` × `height` pixels (a decompression bomb's shape)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00" * 64))
        + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (100, 140), "white").save(out, format="PDF")
    return out.getvalue()
