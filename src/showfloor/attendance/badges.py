"""Printable badges: a QR code that carries only the badge secret, rendered with segno, laid out
in HTML and printed to PDF by WeasyPrint, one per A6 page or eight per A4 label sheet."""

from __future__ import annotations

from collections.abc import Sequence

import segno
from django.template.loader import render_to_string
from django.utils import translation
from weasyprint import HTML

from showfloor.attendance.models import Badge

FORMATS = ("a6", "labels")


def qr_svg_data_uri(secret: str) -> str:
    """The QR code of a secret as an SVG data URI (error correction M, quiet zone kept)."""
    return segno.make(secret, error="m", micro=False).svg_data_uri(scale=4, border=4)


def render_badges_pdf(badges: Sequence[Badge], layout: str = "a6", language: str = "en") -> bytes:
    """One PDF for many badges (bulk printing) or one."""
    if layout not in FORMATS:
        raise ValueError(f"unknown badge layout {layout!r}")
    items = [{"badge": badge, "qr": qr_svg_data_uri(badge.secret)} for badge in badges]
    with translation.override(language):
        html = render_to_string(
            f"attendance/badges/{layout}.html",
            {"items": items, "edition": badges[0].edition if badges else None},
        )
    return HTML(string=html).write_pdf()
