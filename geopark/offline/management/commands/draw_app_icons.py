"""Draws the installable app's icons (static/img/app/) from the geopark's mark (static/img/favicon.svg).

Run once when the mark changes; the PNGs are committed. Pillow has no SVG renderer, so the mark's
three shapes are written here as the same cubic curves, flattened into polygons and drawn four times
larger than asked, then reduced (smooth edges without an SVG library)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

# static/img/favicon.svg, in its 40 × 40 box: (fill, path as commands).
GOLD = "#d9a521"
FOREST = "#1f5a3d"
LIGHT_GOLD = "#e9c45a"
# The theme's darkest green (site.css --forest-900), behind the mark where an icon must be opaque.
BACKGROUND = "#0f3324"
MOUNTAINS = [
    ("M", 3, 27),
    ("C", 6, 26, 6, 14, 10, 13),
    ("C", 14, 12, 13, 24, 16, 24),
    ("C", 19, 24, 18, 8, 23, 8),
    ("C", 28, 8, 27, 22, 30, 22),
    ("C", 33, 22, 33, 16, 36, 16),
    ("L", 38, 26),
    ("C", 36, 33, 29, 39, 20, 39),
    ("C", 11, 39, 5, 33, 3, 27),
]
FIELDS = [
    ("M", 4, 30),
    ("C", 14, 28, 26, 32, 37, 29),
    ("C", 35, 33, 31, 36, 27, 38),
    ("C", 20, 40, 11, 38, 6, 34),
]
SUPERSAMPLE = 4


def _polygon(commands, scale: float, dx: float, dy: float) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for command in commands:
        kind, *xy = command
        if kind in ("M", "L"):
            points.append((xy[0], xy[1]))
            continue
        x0, y0 = points[-1]
        x1, y1, x2, y2, x3, y3 = xy
        for step in range(1, 25):
            t = step / 24
            a, b, c, d = (1 - t) ** 3, 3 * (1 - t) ** 2 * t, 3 * (1 - t) * t**2, t**3
            points.append((a * x0 + b * x1 + c * x2 + d * x3, a * y0 + b * y1 + c * y2 + d * y3))
    return [(x * scale + dx, y * scale + dy) for x, y in points]


def draw(size: int, *, mark_share: float, background: str | None) -> Image.Image:
    """The mark filling `mark_share` of a `size` square, on `background` (None: transparent)."""
    big = size * SUPERSAMPLE
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    scale = big * mark_share / 40
    offset = (big - 40 * scale) / 2
    pen.ellipse([offset + scale, offset + scale, offset + 39 * scale, offset + 39 * scale], fill=GOLD)
    pen.polygon(_polygon(MOUNTAINS, scale, offset, offset), fill=FOREST)
    pen.polygon(_polygon(FIELDS, scale, offset, offset), fill=LIGHT_GOLD)
    return image.resize((size, size), Image.Resampling.LANCZOS)


# name: (size, share of the square the mark fills, background). A maskable icon keeps its mark inside
# the central circle of 80 % (the "safe zone" a launcher's mask never cuts); Apple's has no
# transparency (iOS would fill it with black).
ICONS = {
    "icon-192.png": (192, 1.0, None),
    "icon-512.png": (512, 1.0, None),
    "icon-maskable-512.png": (512, 0.72, BACKGROUND),
    "apple-touch-icon.png": (180, 0.84, BACKGROUND),
}


class Command(BaseCommand):
    help = "Draw the installable app's icons into static/img/app/ from the geopark's mark."

    def handle(self, *args, **options) -> None:
        folder = Path(settings.BASE_DIR) / "static" / "img" / "app"
        folder.mkdir(parents=True, exist_ok=True)
        for name, (size, share, background) in ICONS.items():
            draw(size, mark_share=share, background=background).save(folder / name, optimize=True)
            self.stdout.write(f"{name}: {size} × {size}")
