"""Draw an equirectangular (2:1) panorama of a hall from its plan, seen from a camera point.

Used by the demo (no photographer on hand) and by tests: booths stand as coloured blocks at their
real positions, so the hotspots placed by `services.place_tour_hotspots` from the same camera
fall on them. Yaw 0 (the middle of the image) looks towards −y, the top of the plan.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal

from PIL import Image, ImageDraw, ImageFont

from showfloor.floorplan import geometry
from showfloor.floorplan.models import Booth

EYE = 1.6
WALL_HEIGHT = 2.5
HALL_HEIGHT = 14.0
FONT_PATH = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype(FONT_PATH, size)
    except OSError:
        return ImageFont.load_default(size=size)


class _Projector:
    def __init__(self, width: int, camera: tuple[float, float]) -> None:
        self.width, self.height = width, width // 2
        self.cx, self.cy = camera

    def uv(self, x: float, y: float, z: float) -> tuple[float, float, float]:
        """Image position of a plan point at height z, and its distance."""
        dx, dy = x - self.cx, y - self.cy
        distance = math.hypot(dx, dy) or 1e-6
        yaw = math.atan2(dx, -dy)
        pitch = math.atan2(z - EYE, distance)
        u = (yaw / (2 * math.pi) + 0.5) * self.width
        v = (0.5 - pitch / math.pi) * self.height
        return u, v, distance

    def quad(
        self, a: tuple[float, float], b: tuple[float, float], bottom: float, top: float
    ) -> list[tuple[float, float]] | None:
        """A vertical wall from a to b, sampled so its edges curve as they should."""
        steps = 12
        line = [
            (a[0] + (b[0] - a[0]) * i / steps, a[1] + (b[1] - a[1]) * i / steps)
            for i in range(steps + 1)
        ]
        upper = [self.uv(x, y, top)[:2] for x, y in line]
        lower = [self.uv(x, y, bottom)[:2] for x, y in reversed(line)]
        us = [u for u, _v in upper]
        if max(us) - min(us) > self.width / 2:
            return None  # crosses the seam behind the viewer; skipped rather than smeared
        return upper + lower


def _shade(colour: str, factor: float) -> tuple[int, int, int]:
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return (int(red * factor), int(green * factor), int(blue * factor))


def draw(
    outline: Sequence[geometry.Point],
    booths: Iterable[tuple[Booth, str]],
    camera: tuple[Decimal, Decimal],
    width: int = 2048,
    radius: float = 45.0,
) -> bytes:
    """A JPEG of the hall around `camera`; `booths` pairs each booth with its fill colour."""
    projector = _Projector(width, (float(camera[0]), float(camera[1])))
    height = projector.height
    image = Image.new("RGB", (width, height))
    pixels = ImageDraw.Draw(image)
    for row in range(height):
        if row < height // 2:
            shade = 40 + int(60 * row / (height / 2))
            colour = (shade, shade + 8, shade + 22)
        else:
            shade = 150 + int(70 * (row - height / 2) / (height / 2))
            colour = (shade, shade - 4, shade - 12)
        pixels.line([(0, row), (width, row)], fill=colour)
    corners = [(float(x), float(y)) for x, y in outline]
    for index, start in enumerate(corners):
        end = corners[(index + 1) % len(corners)]
        wall = projector.quad(start, end, 0, HALL_HEIGHT)
        if wall:
            pixels.polygon(wall, fill=(214, 219, 226), outline=(120, 130, 140))
    blocks = []
    for booth, fill in booths:
        points = [(float(x), float(y)) for x, y in booth.points]
        cx = sum(x for x, _y in points) / len(points)
        cy = sum(y for _x, y in points) / len(points)
        distance = math.hypot(cx - projector.cx, cy - projector.cy)
        if 2.0 < distance <= radius:
            blocks.append((distance, booth, points, fill))
    label_font = _font(max(12, width // 90))
    for distance, booth, points, fill in sorted(blocks, key=lambda item: -item[0]):
        for index, start in enumerate(points):
            end = points[(index + 1) % len(points)]
            wall = projector.quad(start, end, 0, WALL_HEIGHT)
            if wall:
                light = 0.75 + 0.25 * abs(
                    math.cos(math.atan2(end[1] - start[1], end[0] - start[0]))
                )
                pixels.polygon(wall, fill=_shade(fill, light), outline=(40, 50, 60))
        centre = geometry.centroid(booth.points)
        u, v, _d = projector.uv(float(centre[0]), float(centre[1]), WALL_HEIGHT + 0.4)
        if distance < radius * 0.7:
            pixels.text((u, v), booth.code, fill=(255, 255, 255), font=label_font, anchor="mb")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=82)
    return buffer.getvalue()
