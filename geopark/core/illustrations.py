"""Drawn illustrations that stand in for a photograph until one is uploaded.

A record (site, route, event, news article, museum item, partner) gets a *motif* from its kind
(karst peaks, cave mouth, fossil, temple roof, stilt-house village, river, viewpoint, museum…) and
a *seed* from its code or slug. The seed chooses the composition (how many peaks, where the sun is,
which layers), the sky and a small shift of the land palette, so a list of 24 sites shows 24
different pictures, and the same record always shows the same one.

A picture is drawn once as a list of shapes (`Scene`) and rendered two ways from that one list: as a
compact SVG (cards and pages, served from a cacheable address) and as a PNG with Pillow (Open Graph
images: social networks do not read SVG). Pillow is already installed for Wagtail's renditions, so no
system library (Cairo, librsvg) is needed; see docs/decisions/0036-illustrations-and-image-rights.md.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import math
import random
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

# Bumped when the drawings change, so browsers and social networks fetch the new pictures (the
# addresses are cached for a year).
VERSION = "1"
WIDTH, HEIGHT = 400, 250
OG_WIDTH, OG_HEIGHT = 1200, 630

MOTIFS = (
    "karst",
    "cave",
    "fossil",
    "strata",
    "temple",
    "village",
    "river",
    "viewpoint",
    "museum",
    "forest",
    "route",
    "festival",
    "race",
)
SEED_RE = re.compile(r"^[A-Za-z0-9_-]{1,80}$")

# The land palette of static/css/site.css (forest, limestone, gold, water) and the route colours.
FOREST_900 = "#0f3324"
FOREST_800 = "#154a33"
FOREST_700 = "#1d5e40"
FOREST_500 = "#3f7656"
FOREST_100 = "#e2eee5"
STONE_50 = "#f6f5f1"
STONE_200 = "#d9d7ce"
STONE_600 = "#5b5f59"
GOLD_500 = "#d9a521"
GOLD_300 = "#ebcb6a"
GOLD_100 = "#fbf0cf"
WATER = "#6fa3c8"
ROUTE_COLOURS = {1: "#2e7d32", 2: "#c62828", 3: "#f9c846", 4: "#1e88e5"}

SKIES = (
    ("#f9e7b8", "#f6f5f1"),  # morning gold
    ("#d7e8ee", "#f3f6f1"),  # clear
    ("#e4ece4", "#fbf0cf"),  # mist over rice
    ("#f4d3b0", "#fbefd9"),  # dusk
    ("#cfe0e8", "#eef1e6"),  # cool morning
    ("#fbf0cf", "#f6f5f1"),  # pale
)


# --- Colours ------------------------------------------------------------------------------------


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    r, g, b = (max(0, min(255, round(c))) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def mix(a: str, b: str, t: float) -> str:
    ra, rb = _rgb(a), _rgb(b)
    return _hex(tuple(x + (y - x) * t for x, y in zip(ra, rb, strict=True)))


def shift(colour: str, hue_deg: float = 0.0, light: float = 0.0, sat: float = 0.0) -> str:
    r, g, b = (c / 255 for c in _rgb(colour))
    h, lum, s = colorsys.rgb_to_hls(r, g, b)
    h = (h + hue_deg / 360) % 1
    lum = max(0.0, min(1.0, lum + light))
    s = max(0.0, min(1.0, s + sat))
    return _hex(tuple(c * 255 for c in colorsys.hls_to_rgb(h, lum, s)))


@dataclass
class Palette:
    sky_top: str
    sky_bottom: str
    hue: float
    light: float

    def land(self, colour: str) -> str:
        return shift(colour, self.hue, self.light)

    def depth(self, t: float) -> str:
        """A ridge colour between the haze of the horizon (t=0) and the near forest (t=1)."""
        near = self.land(mix(FOREST_500, FOREST_900, max(0.0, t - 0.6) / 0.4) if t > 0.6 else FOREST_500)
        return mix(self.sky_bottom, near, 0.25 + 0.75 * t)


# --- The scene: shapes both renderers understand ------------------------------------------------


@dataclass
class Shape:
    kind: str  # "path", "circle", "stroke", "sky"
    fill: str = ""
    d: list[tuple[Any, ...]] = field(default_factory=list)
    opacity: float = 1.0
    width: float = 0.0
    circle: tuple[float, float, float] = (0.0, 0.0, 0.0)
    colours: tuple[str, str] = ("", "")


class Scene:
    def __init__(self) -> None:
        self.shapes: list[Shape] = []

    def sky(self, top: str, bottom: str) -> None:
        self.shapes.append(Shape("sky", colours=(top, bottom)))

    def path(self, d: list[tuple[Any, ...]], fill: str, opacity: float = 1.0) -> None:
        if d:
            self.shapes.append(Shape("path", fill=fill, d=d, opacity=opacity))

    def circle(self, cx: float, cy: float, r: float, fill: str, opacity: float = 1.0) -> None:
        self.shapes.append(Shape("circle", fill=fill, circle=(cx, cy, r), opacity=opacity))

    def stroke(self, d: list[tuple[Any, ...]], colour: str, width: float, opacity: float = 1.0) -> None:
        self.shapes.append(Shape("stroke", fill=colour, d=d, width=width, opacity=opacity))

    def rect(self, x: float, y: float, w: float, h: float, fill: str, opacity: float = 1.0) -> None:
        self.path([("M", x, y), ("L", x + w, y), ("L", x + w, y + h), ("L", x, y + h), ("Z",)], fill, opacity)

    def poly(self, points: list[tuple[float, float]], fill: str, opacity: float = 1.0) -> None:
        d: list[tuple[Any, ...]] = [("M", *points[0])] + [("L", *p) for p in points[1:]] + [("Z",)]
        self.path(d, fill, opacity)


# --- Building blocks ----------------------------------------------------------------------------


def tower(cx: float, top: float, w: float, base: float) -> list[tuple[Any, ...]]:
    """A karst tower: steep flanks and a rounded top, the shape of the peaks of Lang Son."""
    left, right = cx - w / 2, cx + w / 2
    shoulder = top + (base - top) * 0.12
    return [
        ("M", left, base),
        ("C", left + w * 0.05, shoulder, left + w * 0.16, top, cx, top),
        ("C", right - w * 0.16, top, right - w * 0.05, shoulder, right, base),
        ("Z",),
    ]


def ridge(
    rng: random.Random, base: float, low: float, high: float, wmin: float, wmax: float
) -> list[tuple[Any, ...]]:
    """A row of towers across the frame, with a band of ground beneath them."""
    d: list[tuple[Any, ...]] = []
    x = rng.uniform(-wmax * 0.6, 0)
    while x < WIDTH + wmax * 0.3:
        w = rng.uniform(wmin, wmax)
        top = rng.uniform(high, low)
        d += tower(x + w / 2, top, w, base + 2)
        # Now and then a gap, where the valley shows between the towers.
        x += w * rng.uniform(0.5, 1.25)
    d += [
        ("M", -2, base),
        ("L", WIDTH + 2, base),
        ("L", WIDTH + 2, HEIGHT + 2),
        ("L", -2, HEIGHT + 2),
        ("Z",),
    ]
    return d


def wave_band(rng: random.Random, y: float, amp: float, bottom: float) -> list[tuple[Any, ...]]:
    """A gently waving band from y down to `bottom` (fields, water, strata)."""
    n = 4
    step = (WIDTH + 40) / n
    d: list[tuple[Any, ...]] = [("M", -20, y)]
    for i in range(n):
        x1 = -20 + step * (i + 0.5)
        x2 = -20 + step * (i + 1)
        d.append(("Q", x1, y + rng.uniform(-amp, amp), x2, y + rng.uniform(-amp / 2, amp / 2)))
    d += [("L", WIDTH + 20, bottom), ("L", -20, bottom), ("Z",)]
    return d


def tree(scene: Scene, x: float, y: float, size: float, colour: str) -> None:
    scene.circle(x, y - size, size, colour)
    scene.circle(x - size * 0.7, y - size * 0.5, size * 0.7, colour)
    scene.circle(x + size * 0.7, y - size * 0.55, size * 0.75, colour)


def cloud(scene: Scene, x: float, y: float, s: float) -> None:
    for dx, dy, r in ((0, 0, 1.0), (-1.2, 0.35, 0.7), (1.25, 0.3, 0.75), (0.5, -0.45, 0.7)):
        scene.circle(x + dx * s, y + dy * s, r * s, "#ffffff", 0.85)


def backdrop(
    scene: Scene, rng: random.Random, pal: Palette, rows: int = 3, horizon: float = 0.5, sun: bool = True
) -> None:
    """Sky, sun and rows of karst towers fading into the haze."""
    scene.sky(pal.sky_top, pal.sky_bottom)
    if sun:
        scene.circle(rng.uniform(40, WIDTH - 40), rng.uniform(30, 70), rng.uniform(14, 24), GOLD_300, 0.85)
    for i in range(rows):
        t = (i + 1) / (rows + 1)
        base = HEIGHT * (horizon + 0.1 * i)
        scene.path(ridge(rng, base, base - 18, base - 48 - 22 * t, 26, 58), pal.depth(t * 0.7))
        # Haze lying in the valley in front of each row.
        scene.path(wave_band(rng, base - 8, 3, base + 4), pal.sky_bottom, 0.3)


# --- Motifs -------------------------------------------------------------------------------------


def draw_karst(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=rng.choice((2, 3)), horizon=0.42)
    scene.path(ridge(rng, HEIGHT * 0.8, HEIGHT * 0.6, HEIGHT * 0.3, 40, 90), pal.depth(0.9))
    # Rice fields in the valley, gold and green in turn.
    scene.path(wave_band(rng, HEIGHT * 0.8, 6, HEIGHT + 2), pal.land(GOLD_500))
    scene.path(wave_band(rng, HEIGHT * 0.88, 5, HEIGHT + 2), pal.land("#7fa64a"))
    scene.path(wave_band(rng, HEIGHT * 0.95, 4, HEIGHT + 2), pal.land(GOLD_300))
    for _ in range(rng.randint(2, 4)):
        tree(
            scene,
            rng.uniform(10, WIDTH - 10),
            HEIGHT * rng.uniform(0.84, 0.9),
            rng.uniform(5, 9),
            pal.land(FOREST_800),
        )


def draw_forest(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.45)
    for row, (y, colour) in enumerate(((0.72, FOREST_500), (0.86, FOREST_700), (1.0, FOREST_900))):
        for _ in range(9 + row * 2):
            tree(
                scene,
                rng.uniform(-10, WIDTH + 10),
                HEIGHT * y + rng.uniform(-6, 6),
                rng.uniform(12, 22),
                pal.land(colour),
            )


def draw_cave(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.45)
    # Limestone grey with a tinge of the forest that grows on it.
    rock = pal.land(mix("#8f9488", FOREST_500, rng.uniform(0.15, 0.45)))
    cx = rng.uniform(WIDTH * 0.4, WIDTH * 0.6)
    # The cliff: a broad tower, the valley and its peaks showing either side.
    cliff_w = WIDTH * rng.uniform(0.8, 1.05)
    cliff_top = rng.uniform(25, 55)
    scene.path(tower(cx, cliff_top, cliff_w, HEIGHT + 4), rock)
    # Streaks down the face where water runs over the limestone.
    for _ in range(rng.randint(3, 5)):
        x = cx + rng.uniform(-0.35, 0.35) * cliff_w
        scene.stroke(
            [("M", x, cliff_top + 25), ("L", x + rng.uniform(-6, 6), HEIGHT * rng.uniform(0.45, 0.6))],
            mix(rock, "#000000", 0.15),
            rng.uniform(3, 7),
            0.5,
        )
    for _ in range(5):
        tree(
            scene,
            cx + rng.uniform(-0.3, 0.3) * cliff_w,
            cliff_top + rng.uniform(4, 14),
            rng.uniform(6, 11),
            pal.land(FOREST_700),
        )
    for side in (-1, 1):
        tree(scene, cx + side * cliff_w * 0.52, HEIGHT - 8, rng.uniform(14, 20), pal.land(FOREST_800))
    # The mouth: an arch, darker inside, with stalactites along its lip.
    mw, mh = rng.uniform(110, 170), rng.uniform(90, 130)
    mx, base = cx + rng.uniform(-30, 30), HEIGHT + 2
    top = base - mh
    arch = [
        ("M", mx - mw / 2, base),
        ("C", mx - mw / 2, top + mh * 0.2, mx - mw * 0.3, top, mx, top),
        ("C", mx + mw * 0.3, top, mx + mw / 2, top + mh * 0.2, mx + mw / 2, base),
        ("Z",),
    ]
    scene.path(arch, "#2a2622")
    inner = [
        ("M", mx - mw * 0.32, base),
        ("C", mx - mw * 0.3, top + mh * 0.45, mx - mw * 0.1, top + mh * 0.3, mx + mw * 0.05, top + mh * 0.32),
        ("C", mx + mw * 0.25, top + mh * 0.35, mx + mw * 0.3, top + mh * 0.5, mx + mw * 0.3, base),
        ("Z",),
    ]
    scene.path(inner, "#14110f")
    for i in range(7):
        x = mx - mw * 0.35 + mw * 0.7 * i / 6 + rng.uniform(-4, 4)
        y = top + mh * (0.06 + 0.25 * abs(i - 3) / 3)
        length = rng.uniform(8, 22)
        scene.poly([(x - 5, y - 4), (x + 5, y - 4), (x, y + length)], mix(rock, "#000000", 0.25))
    # Light on the cave floor and stepping stones leading in.
    scene.path(wave_band(rng, HEIGHT * 0.93, 3, HEIGHT + 2), pal.land(mix(STONE_200, GOLD_300, 0.3)))
    for i in range(4):
        scene.circle(mx + rng.uniform(-20, 20), HEIGHT - 4 - i * 9, 6 - i, mix(STONE_200, "#2a2622", i * 0.2))


def _strata(scene: Scene, rng: random.Random, pal: Palette, top: float) -> None:
    colours = ["#c9a46a", "#b58a53", "#d8c3a0", "#9c7b55", "#cdb58c", "#a98b6a", "#e0cfae", "#8d6e4f"]
    rng.shuffle(colours)
    tilt = rng.uniform(-30, 30)
    y = top
    for i, colour in enumerate(colours):
        band = [
            ("M", -20, y - tilt / 2),
            ("Q", WIDTH / 2, y + rng.uniform(-10, 10), WIDTH + 20, y + tilt / 2),
        ]
        band += [("L", WIDTH + 20, HEIGHT + 2), ("L", -20, HEIGHT + 2), ("Z",)]
        scene.path(band, pal.land(colour) if i % 2 else colour)
        y += rng.uniform(14, 26)


def ammonite(scene: Scene, rng: random.Random, cx: float, cy: float, r: float) -> None:
    shell, line = "#efe2c4", "#6b4f2a"
    scene.circle(cx + 3, cy + 4, r, "#000000", 0.18)
    scene.circle(cx, cy, r, shell)
    # The coil: a logarithmic spiral, and the ribs across each whorl.
    turns = 3.2
    points = []
    ribs: list[tuple[Any, ...]] = []
    start = rng.uniform(0, math.tau)
    for i in range(0, 73):
        a = start + i / 72 * turns * math.tau
        rr = r * math.exp(-0.22 * (a - start))
        points.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        if i % 3 == 0 and i > 0:
            inner = rr * 0.72
            ribs += [
                ("M", cx + rr * math.cos(a), cy + rr * math.sin(a)),
                ("L", cx + inner * math.cos(a + 0.1), cy + inner * math.sin(a + 0.1)),
            ]
    d: list[tuple[Any, ...]] = [("M", *points[0])] + [("L", *p) for p in points[1:]]
    scene.stroke(d, line, 3)
    scene.stroke(ribs, line, 1.5, 0.7)


def brachiopod(scene: Scene, cx: float, cy: float, r: float, angle: float) -> None:
    shell, line = "#e7d6b2", "#6b4f2a"
    scene.circle(cx, cy, r, shell)
    ribs: list[tuple[Any, ...]] = []
    for i in range(7):
        a = angle - 1.0 + i * 2.0 / 6
        ribs += [
            ("M", cx - r * 0.9 * math.cos(angle), cy - r * 0.9 * math.sin(angle)),
            ("L", cx + r * math.cos(a), cy + r * math.sin(a)),
        ]
    scene.stroke(ribs, line, 1.2, 0.8)


def draw_fossil(scene: Scene, rng: random.Random, pal: Palette) -> None:
    scene.sky(pal.sky_top, pal.sky_bottom)
    scene.path(ridge(rng, HEIGHT * 0.35, HEIGHT * 0.25, HEIGHT * 0.05, 40, 90), pal.depth(0.3))
    _strata(scene, rng, pal, HEIGHT * 0.3)
    big = rng.uniform(48, 64)
    cx, cy = rng.uniform(WIDTH * 0.3, WIDTH * 0.7), rng.uniform(HEIGHT * 0.55, HEIGHT * 0.65)
    ammonite(scene, rng, cx, cy, big)
    for _ in range(rng.randint(2, 4)):
        x = rng.choice((rng.uniform(20, cx - big - 20), rng.uniform(cx + big + 20, WIDTH - 20)))
        brachiopod(
            scene, x, rng.uniform(HEIGHT * 0.5, HEIGHT * 0.9), rng.uniform(10, 18), rng.uniform(0, math.tau)
        )


def draw_strata(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.4)
    # An outcrop: a cliff face whose layers show, with a hammer for scale.
    x0 = rng.uniform(-40, 80)
    cliff = [
        ("M", x0, HEIGHT + 2),
        ("L", x0 + 30, HEIGHT * 0.32),
        ("C", x0 + 120, HEIGHT * 0.22, x0 + 260, HEIGHT * 0.3, x0 + 360, HEIGHT * 0.36),
        ("L", x0 + 420, HEIGHT + 2),
        ("Z",),
    ]
    scene.path(cliff, "#b8966a")
    y = HEIGHT * 0.36
    colours = ["#9c7b55", "#d8c3a0", "#8d6e4f", "#cdb58c", "#a98b6a"]
    tilt = rng.uniform(-25, 25)
    while y < HEIGHT:
        colour = colours[int(y) % len(colours)]
        band = [
            ("M", x0 + 20, y - tilt / 2),
            ("L", x0 + 400, y + tilt / 2),
            ("L", x0 + 400, y + tilt / 2 + 9),
            ("L", x0 + 20, y - tilt / 2 + 9),
            ("Z",),
        ]
        scene.path(band, pal.land(colour), 0.8)
        y += rng.uniform(16, 26)
    for _ in range(3):
        tree(scene, x0 + rng.uniform(60, 300), HEIGHT * 0.3, rng.uniform(7, 12), pal.land(FOREST_700))
    hx, hy = rng.uniform(WIDTH * 0.6, WIDTH * 0.85), HEIGHT * 0.86
    scene.stroke([("M", hx, hy), ("L", hx + 38, hy - 30)], "#6b4f2a", 5)
    scene.stroke([("M", hx + 28, hy - 42), ("L", hx + 50, hy - 16)], "#3a3f44", 8)


def roof(scene: Scene, cx: float, y: float, w: float, h: float, colour: str, ridge_colour: str) -> None:
    """A roof with upturned eaves, as on the temples and communal houses of the province."""
    lift = h * 0.45
    d = [
        ("M", cx - w / 2 - 8, y - lift),
        ("Q", cx - w / 2 + 6, y + 2, cx - w / 2 + 18, y),
        ("L", cx + w / 2 - 18, y),
        ("Q", cx + w / 2 - 6, y + 2, cx + w / 2 + 8, y - lift),
        ("Q", cx + w * 0.3, y - h * 0.75, cx + w * 0.25, y - h),
        ("L", cx - w * 0.25, y - h),
        ("Q", cx - w * 0.3, y - h * 0.75, cx - w / 2 - 8, y - lift),
        ("Z",),
    ]
    scene.path(d, colour)
    scene.rect(cx - w * 0.27, y - h - 4, w * 0.54, 5, ridge_colour)
    for side in (-1, 1):
        fx = cx + side * w * 0.27
        scene.path(
            [
                ("M", fx, y - h + 1),
                ("Q", fx + side * 8, y - h - 4, fx + side * 6, y - h - 12),
                ("L", fx, y - h - 3),
                ("Z",),
            ],
            ridge_colour,
        )


def draw_temple(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.4)
    ground = HEIGHT * 0.84
    scene.path(wave_band(rng, ground - 4, 4, HEIGHT + 2), pal.land("#7fa68c"))
    cx = rng.uniform(WIDTH * 0.38, WIDTH * 0.62)
    w = rng.uniform(170, 220)
    wall, pillar, tile = (
        "#f1e6cc",
        rng.choice(("#8c3b22", "#9b2f1f", "#7a3420")),
        rng.choice(("#5a3b2e", "#4a4036", "#6b3a2a")),
    )
    # Platform and steps.
    scene.rect(cx - w / 2 - 14, ground - 12, w + 28, 14, STONE_200)
    scene.rect(cx - 22, ground - 2, 44, 10, "#c7c3b6")
    body_top = ground - 62
    scene.rect(cx - w / 2 + 14, body_top, w - 28, 50, wall)
    for i in range(5):
        x = cx - w / 2 + 22 + (w - 44) * i / 4
        scene.rect(x - 3, body_top, 6, 50, pillar)
    scene.rect(cx - 16, body_top + 16, 32, 34, "#3b2a20")
    two_tiers = rng.random() < 0.55
    roof(scene, cx, body_top + 4, w + 20, 34, tile, pillar)
    if two_tiers:
        scene.rect(cx - w * 0.2, body_top - 44, w * 0.4, 18, wall)
        roof(scene, cx, body_top - 26, w * 0.62, 26, tile, pillar)
    for side in (-1, 1):
        tree(
            scene,
            cx + side * (w / 2 + rng.uniform(28, 60)),
            ground - 4,
            rng.uniform(14, 20),
            pal.land(FOREST_700),
        )
        # A lantern pillar either side of the steps.
        scene.rect(cx + side * 40 - 3, ground - 26, 6, 16, STONE_200)
        scene.circle(cx + side * 40, ground - 30, 5, GOLD_300)


def stilt_house(scene: Scene, x: float, ground: float, w: float, pal: Palette, rng: random.Random) -> None:
    wood, roof_c = (
        rng.choice(("#9a6b3c", "#a8773f", "#8a5d33")),
        rng.choice(("#5b4a3e", "#6b5a4a", "#4f5a55")),
    )
    floor = ground - w * 0.28
    for i in range(5):
        scene.rect(x + w * i / 4 - 2 - (w * 0.02 if i == 4 else 0), floor, 3.5, ground - floor, "#5a4030")
    scene.rect(x - 4, floor - 4, w + 8, 5, "#6b4a32")
    scene.rect(x, floor - w * 0.32, w, w * 0.32, wood)
    scene.rect(x + w * 0.18, floor - w * 0.22, w * 0.16, w * 0.12, "#3b2a20")
    scene.rect(x + w * 0.6, floor - w * 0.22, w * 0.16, w * 0.12, "#3b2a20")
    top = floor - w * 0.32
    scene.poly(
        [
            (x - w * 0.18, top + 4),
            (x + w * 0.22, top - w * 0.42),
            (x + w * 0.78, top - w * 0.42),
            (x + w * 1.18, top + 4),
        ],
        roof_c,
    )
    scene.stroke(
        [("M", x + w * 0.22, top - w * 0.42), ("L", x + w * 0.78, top - w * 0.42)],
        mix(roof_c, "#ffffff", 0.25),
        2,
    )
    # A ladder to the floor.
    scene.stroke([("M", x + w * 0.9, ground), ("L", x + w * 0.98, floor)], "#5a4030", 2)


def draw_village(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.38)
    for i, colour in enumerate((GOLD_500, "#8fb05a", GOLD_300, "#6f9a4a")):
        scene.path(wave_band(rng, HEIGHT * (0.6 + 0.1 * i), 6, HEIGHT + 2), pal.land(colour))
    # Bamboo clumps at the edges: thin stems bending, leaves as small dark crowns.
    for x in (rng.uniform(-10, 30), rng.uniform(WIDTH - 40, WIDTH)):
        lean = rng.choice((-1, 1))
        for k in range(5):
            tip = (x + k * 4 + lean * (14 + k * 3), HEIGHT * rng.uniform(0.3, 0.45))
            scene.stroke(
                [("M", x + k * 3, HEIGHT), ("Q", x + k * 3, HEIGHT * 0.6, *tip)], pal.land(FOREST_500), 2
            )
            scene.circle(tip[0], tip[1] + 4, 6, pal.land(FOREST_700), 0.9)
    n = rng.randint(2, 3)
    slot = (WIDTH - 60) / n
    for i in range(n):
        w = rng.uniform(62, 86)
        x = 30 + slot * i + rng.uniform(0, max(1, slot - w * 1.3))
        stilt_house(scene, x, HEIGHT * (0.8 + 0.04 * (i % 2)) + rng.uniform(-4, 4), w, pal, rng)


def draw_river(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.4)
    banks = pal.land("#7fa68c")
    scene.rect(-2, HEIGHT * 0.62, WIDTH + 4, HEIGHT * 0.4, banks)
    # The river winds from the horizon to the front of the picture.
    x = rng.uniform(WIDTH * 0.3, WIDTH * 0.7)
    sway = rng.choice((-1, 1)) * rng.uniform(60, 110)
    y0 = HEIGHT * 0.62
    water = mix(WATER, pal.sky_top, 0.25)
    d = [
        ("M", x - 10, y0),
        ("C", x + sway, y0 + 30, x - sway, HEIGHT * 0.85, x - sway * 0.3 - 120, HEIGHT + 2),
        ("L", x - sway * 0.3 + 120, HEIGHT + 2),
        ("C", x - sway + 80, HEIGHT * 0.85, x + sway + 20, y0 + 30, x + 10, y0),
        ("Z",),
    ]
    scene.path(d, water)
    for _ in range(5):
        yy = rng.uniform(y0 + 15, HEIGHT - 10)
        xx = x + (sway * (1 - (yy - y0) / (HEIGHT - y0)) * 0.5) - 10
        scene.stroke([("M", xx - 14, yy), ("L", xx + 14, yy)], "#ffffff", 1.5, 0.6)
    # A bamboo raft with a boatman.
    bx, by = x - sway * 0.15 + rng.uniform(-20, 20), HEIGHT * 0.86
    scene.rect(bx - 22, by, 44, 5, "#7a5a36")
    scene.circle(bx + 4, by - 14, 4, "#2d2a26")
    scene.poly([(bx - 4, by - 16), (bx + 4, by - 24), (bx + 12, by - 16)], GOLD_300)
    scene.stroke([("M", bx + 4, by - 10), ("L", bx + 4, by)], "#2d2a26", 4)
    scene.stroke([("M", bx - 12, by - 20), ("L", bx + 22, by + 10)], "#5a4030", 1.5)
    for side in (-1, 1):
        tree(
            scene,
            WIDTH / 2 + side * rng.uniform(130, 180),
            HEIGHT * 0.7,
            rng.uniform(10, 16),
            pal.land(FOREST_800),
        )


def draw_viewpoint(scene: Scene, rng: random.Random, pal: Palette) -> None:
    scene.sky(pal.sky_top, pal.sky_bottom)
    scene.circle(rng.uniform(60, WIDTH - 60), rng.uniform(40, 80), 20, GOLD_300, 0.9)
    layers = rng.randint(4, 5)
    for i in range(layers):
        t = i / layers
        base = HEIGHT * (0.42 + 0.1 * i)
        scene.path(ridge(rng, base, base - 20, base - 55, 50, 110), pal.depth(0.15 + 0.6 * t))
        if i < layers - 1:
            scene.path(wave_band(rng, base - 6, 3, base + 8), "#ffffff", 0.35)
    for _ in range(rng.randint(1, 3)):
        cloud(scene, rng.uniform(30, WIDTH - 30), rng.uniform(35, 90), rng.uniform(9, 14))
    # The summit in front, with a small pavilion or a flag at its top.
    left = rng.random() < 0.5
    px = WIDTH * (0.22 if left else 0.78)
    summit = [
        ("M", px - 170, HEIGHT + 2),
        ("C", px - 80, HEIGHT * 0.9, px - 40, HEIGHT * 0.72, px, HEIGHT * 0.7),
        ("C", px + 40, HEIGHT * 0.72, px + 80, HEIGHT * 0.9, px + 170, HEIGHT + 2),
        ("Z",),
    ]
    scene.path(summit, pal.land(FOREST_900))
    top = HEIGHT * 0.7
    if rng.random() < 0.5:
        scene.rect(px - 14, top - 20, 3, 20, "#3b2a20")
        scene.rect(px + 11, top - 20, 3, 20, "#3b2a20")
        roof(scene, px, top - 18, 40, 14, "#7a3420", GOLD_500)
    else:
        scene.stroke([("M", px, top), ("L", px, top - 34)], "#2d2a26", 2)
        scene.poly([(px, top - 34), (px + 20, top - 29), (px, top - 24)], "#c62828")
        scene.circle(px - 10, top - 12, 3.5, "#2d2a26")
        scene.stroke([("M", px - 10, top - 9), ("L", px - 10, top)], "#2d2a26", 4)


def draw_museum(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.42)
    ground = HEIGHT * rng.uniform(0.84, 0.9)
    scene.path(wave_band(rng, ground - 3, 3, HEIGHT + 2), pal.land(rng.choice(("#7fa68c", "#8fb05a"))))
    cx, w = rng.uniform(WIDTH * 0.36, WIDTH * 0.64), rng.uniform(170, 250)
    wall = rng.choice(("#efe7d6", "#e8e2d2", "#f3ead8", "#e9dcc3"))
    height = rng.uniform(55, 80)
    top = ground - height
    scene.rect(cx - w / 2, top, w, height, wall)
    scene.rect(cx - w / 2 - 10, ground - 4, w + 20, 6, STONE_200)
    glass = mix(WATER, "#ffffff", rng.uniform(0.2, 0.5))
    n = rng.randint(3, 6)
    tall = rng.random() < 0.5  # tall gallery windows, or a band of windows under the eaves
    for i in range(n):
        span = (w - 28) / n
        x = cx - w / 2 + 14 + i * span
        wh = height - 28 if tall else height * 0.35
        scene.rect(x + 3, top + 12, span - 6, wh, glass)
        scene.rect(x + 3, top + 12, 4, wh, "#ffffff", 0.5)
    scene.rect(cx - 14, ground - 40, 28, 40, "#3b2a20")
    # The roof: a slope like the karst the museum shows, a karst tower itself, or a flat slab.
    roof_colour = pal.land(rng.choice((FOREST_800, "#5a3b2e", STONE_600)))
    style = rng.randrange(3)
    if style == 0:
        peak = cx + rng.uniform(-0.3, 0.3) * w
        scene.poly(
            [(cx - w / 2 - 16, top + 2), (peak, top - rng.uniform(24, 40)), (cx + w / 2 + 16, top + 2)],
            roof_colour,
        )
    elif style == 1:
        scene.path(tower(cx, top - rng.uniform(30, 45), w + 30, top + 3), roof_colour)
    else:
        scene.rect(cx - w / 2 - 14, top - 8, w + 28, 10, roof_colour)
    ammonite(
        scene, rng, cx + rng.choice((-1, 1)) * (w / 2 - 30), ground - 52 if tall else top + height * 0.65, 12
    )
    flag_x = cx + rng.choice((-1, 1)) * (w / 2 + 24)
    scene.stroke([("M", flag_x, ground), ("L", flag_x, top - 30)], STONE_600, 2)
    scene.rect(flag_x, top - 30, 22, 13, rng.choice(("#c62828", "#1d5e40", GOLD_500)))
    for side in (-1, 1):
        if rng.random() < 0.8:
            tree(
                scene,
                cx + side * (w / 2 + rng.uniform(40, 70)),
                ground - 2,
                rng.uniform(11, 18),
                pal.land(FOREST_700),
            )


def draw_route(scene: Scene, rng: random.Random, pal: Palette, colour: str = "") -> None:
    backdrop(scene, rng, pal, rows=2, horizon=0.4)
    scene.path(ridge(rng, HEIGHT * 0.68, HEIGHT * 0.5, HEIGHT * 0.32, 46, 90), pal.depth(0.7))
    scene.path(wave_band(rng, HEIGHT * 0.66, 6, HEIGHT + 2), pal.land("#8fb05a"))
    scene.path(wave_band(rng, HEIGHT * 0.82, 5, HEIGHT + 2), pal.land(GOLD_300))
    colour = colour or ROUTE_COLOURS[1]
    # The road winds through the valley, the route's colour along it, its stops as pins.
    pts = [(-10, HEIGHT * rng.uniform(0.85, 0.95))]
    for i in range(1, 5):
        pts.append((WIDTH * i / 4, HEIGHT * rng.uniform(0.7, 0.95)))
    d: list[tuple[Any, ...]] = [("M", *pts[0])]
    for (x0, y0), (x1, y1) in zip(pts, pts[1:], strict=False):
        d.append(("C", x0 + 50, y0, x1 - 50, y1, x1, y1))
    scene.stroke(d, "#f6f5f1", 10)
    scene.stroke(d, colour, 4)
    for x, y in pts[1:-1]:
        scene.circle(x + 2, y - 15, 9, "#000000", 0.2)
        scene.path(
            [
                ("M", x, y),
                ("C", x - 6, y - 9, x - 9, y - 12, x - 9, y - 17),
                ("C", x - 9, y - 28, x + 9, y - 28, x + 9, y - 17),
                ("C", x + 9, y - 12, x + 6, y - 9, x, y),
                ("Z",),
            ],
            colour,
        )
        scene.circle(x, y - 18, 3.5, "#ffffff")


def draw_festival(scene: Scene, rng: random.Random, pal: Palette) -> None:
    backdrop(scene, rng, pal, rows=3, horizon=0.45)
    scene.path(wave_band(rng, HEIGHT * 0.85, 4, HEIGHT + 2), pal.land(GOLD_500))
    # Strings of lanterns across the sky, and flags on the hill.
    for k in range(2):
        y0 = rng.uniform(40, 70) + k * 45
        sag = rng.uniform(20, 40)
        scene.stroke([("M", -10, y0), ("Q", WIDTH / 2, y0 + sag * 2, WIDTH + 10, y0)], "#5a4030", 1.2)
        for i in range(1, 8):
            t = i / 8
            x = -10 + (WIDTH + 20) * t
            y = y0 + 2 * t * (1 - t) * sag * 2
            colour = rng.choice(("#c62828", "#d9a521", "#e0662a"))
            scene.stroke([("M", x, y), ("L", x, y + 5)], "#5a4030", 1)
            scene.circle(x, y + 12, 7, colour)
            scene.rect(x - 4, y + 4, 8, 2, "#5a4030")
            scene.rect(x - 1, y + 19, 2, 6, GOLD_500)
    for _ in range(rng.randint(3, 5)):
        fx = rng.uniform(20, WIDTH - 20)
        fy = HEIGHT * rng.uniform(0.78, 0.86)
        scene.stroke([("M", fx, fy), ("L", fx, fy - 40)], "#5a4030", 2)
        scene.poly(
            [(fx, fy - 40), (fx + 18, fy - 34), (fx, fy - 28)], rng.choice(("#c62828", GOLD_500, FOREST_700))
        )


def draw_race(scene: Scene, rng: random.Random, pal: Palette) -> None:
    draw_route(scene, rng, pal, colour="#e0662a")
    # Runners along the trail.
    for _ in range(3):
        x, y = rng.uniform(40, WIDTH - 40), HEIGHT * rng.uniform(0.92, 0.97)
        scene.circle(x, y - 22, 3.5, "#2d2a26")
        scene.stroke(
            [
                ("M", x, y - 18),
                ("L", x - 2, y - 8),
                ("L", x - 7, y),
                ("M", x - 2, y - 8),
                ("L", x + 5, y - 1),
                ("M", x - 6, y - 14),
                ("L", x + 6, y - 16),
            ],
            "#2d2a26",
            2.2,
        )


DRAW = {
    "karst": draw_karst,
    "forest": draw_forest,
    "cave": draw_cave,
    "fossil": draw_fossil,
    "strata": draw_strata,
    "temple": draw_temple,
    "village": draw_village,
    "river": draw_river,
    "viewpoint": draw_viewpoint,
    "museum": draw_museum,
    "route": draw_route,
    "festival": draw_festival,
    "race": draw_race,
}


def _rng(motif: str, seed: str) -> random.Random:
    digest = hashlib.sha256(f"{motif}:{seed}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def scene_for(motif: str, seed: str) -> Scene:
    rng = _rng(motif, seed)
    top, bottom = rng.choice(SKIES)
    pal = Palette(top, bottom, hue=rng.uniform(-14, 14), light=rng.uniform(-0.05, 0.04))
    scene = Scene()
    if motif == "route" and seed.isdigit():
        draw_route(scene, rng, pal, ROUTE_COLOURS.get(int(seed), ""))
    else:
        DRAW[motif](scene, rng, pal)
    return scene


# --- Renderers ----------------------------------------------------------------------------------


def _n(v: float) -> str:
    return str(round(v))


def _d(d: list[tuple[Any, ...]]) -> str:
    parts = []
    for cmd in d:
        parts.append(cmd[0] + " ".join(_n(v) for v in cmd[1:]))
    return "".join(parts)


def _svg(scene: Scene) -> str:
    body: list[str] = []
    defs = ""
    for shape in scene.shapes:
        op = f' opacity="{shape.opacity:g}"' if shape.opacity < 1 else ""
        if shape.kind == "sky":
            defs = (
                f'<defs><linearGradient id="s" x2="0" y2="1"><stop offset="0" stop-color="{shape.colours[0]}"/>'
                f'<stop offset="1" stop-color="{shape.colours[1]}"/></linearGradient></defs>'
            )
            body.append(f'<rect width="{WIDTH}" height="{HEIGHT}" fill="url(#s)"/>')
        elif shape.kind == "path":
            body.append(f'<path d="{_d(shape.d)}" fill="{shape.fill}"{op}/>')
        elif shape.kind == "circle":
            cx, cy, r = shape.circle
            body.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="{r:.3g}" fill="{shape.fill}"{op}/>')
        elif shape.kind == "stroke":
            body.append(
                f'<path d="{_d(shape.d)}" fill="none" stroke="{shape.fill}" stroke-width="{shape.width:g}" '
                f'stroke-linecap="round" stroke-linejoin="round"{op}/>'
            )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'preserveAspectRatio="xMidYMid slice">{defs}{"".join(body)}</svg>'
    )


@lru_cache(maxsize=4096)
def svg(motif: str, seed: str) -> str:
    """The picture as SVG text; a few kilobytes, drawn once per process for each (motif, seed)."""
    return _svg(scene_for(motif, seed))


def _bezier(p0, p1, p2, p3, steps: int = 12) -> list[tuple[float, float]]:
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        mt = 1 - t
        out.append(
            (
                mt**3 * p0[0] + 3 * mt * mt * t * p1[0] + 3 * mt * t * t * p2[0] + t**3 * p3[0],
                mt**3 * p0[1] + 3 * mt * mt * t * p1[1] + 3 * mt * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def _subpaths(d: list[tuple[Any, ...]]) -> list[list[tuple[float, float]]]:
    """The path as polylines (one per M), curves flattened."""
    subs: list[list[tuple[float, float]]] = []
    cur: list[tuple[float, float]] = []
    for cmd in d:
        op = cmd[0]
        if op == "M":
            if cur:
                subs.append(cur)
            cur = [(cmd[1], cmd[2])]
        elif op == "L":
            cur.append((cmd[1], cmd[2]))
        elif op == "C":
            cur += _bezier(cur[-1], (cmd[1], cmd[2]), (cmd[3], cmd[4]), (cmd[5], cmd[6]))
        elif op == "Q":
            p0, q, p = cur[-1], (cmd[1], cmd[2]), (cmd[3], cmd[4])
            c1 = (p0[0] + 2 / 3 * (q[0] - p0[0]), p0[1] + 2 / 3 * (q[1] - p0[1]))
            c2 = (p[0] + 2 / 3 * (q[0] - p[0]), p[1] + 2 / 3 * (q[1] - p[1]))
            cur += _bezier(p0, c1, c2, p)
    if cur:
        subs.append(cur)
    return subs


def render_png(
    motif: str, seed: str, width: int = OG_WIDTH, height: int = OG_HEIGHT, fmt: str = "PNG"
) -> bytes:
    """The same picture drawn with Pillow, covering width×height (cropped like `slice`)."""
    from PIL import Image, ImageDraw

    scene = scene_for(motif, seed)
    ss = 2  # drawn at twice the size and reduced: smooth edges without an anti-aliasing renderer
    scale = max(width / WIDTH, height / HEIGHT) * ss
    full_w, full_h = round(WIDTH * scale), round(HEIGHT * scale)
    img = Image.new("RGBA", (full_w, full_h), "#ffffff")
    draw = ImageDraw.Draw(img, "RGBA")

    def pt(p: tuple[float, float]) -> tuple[float, float]:
        return (p[0] * scale, p[1] * scale)

    for shape in scene.shapes:
        alpha = round(255 * shape.opacity)
        if shape.kind == "sky":
            # A two-pixel image stretched: the gradient without drawing each line.
            sky = Image.new("RGBA", (1, 2))
            sky.putdata([(*_rgb(shape.colours[0]), 255), (*_rgb(shape.colours[1]), 255)])
            img.paste(sky.resize((full_w, full_h), Image.BILINEAR))
        elif shape.kind == "path":
            for sub in _subpaths(shape.d):
                if len(sub) > 2:
                    draw.polygon([pt(p) for p in sub], fill=(*_rgb(shape.fill), alpha))
        elif shape.kind == "circle":
            cx, cy, r = (v * scale for v in shape.circle)
            draw.ellipse([cx - r, cy - r, cx + r, cy + r], fill=(*_rgb(shape.fill), alpha))
        elif shape.kind == "stroke":
            w = max(1, round(shape.width * scale))
            for sub in _subpaths(shape.d):
                draw.line([pt(p) for p in sub], fill=(*_rgb(shape.fill), alpha), width=w, joint="curve")
    img = img.resize((round(full_w / ss), round(full_h / ss)), Image.LANCZOS).convert("RGB")
    left = (img.width - width) // 2
    top = max(0, (img.height - height) // 3)
    img = img.crop((left, top, left + width, top + height))
    out = io.BytesIO()
    img.save(out, fmt)
    return out.getvalue()


# --- Which picture a record gets -----------------------------------------------------------------

# Words in a site's Vietnamese or English name that say more than its type does.
_NAME_MOTIFS = (
    (("hang ", "động", "ngườm", "thẩm", " cave", "cave ", "hố sụt"), "cave"),
    (("đền", "chùa", "miếu", "đình", "temple", "pagoda", "shrine"), "temple"),
    (("sông", "suối", "thác", "river", "stream", "waterfall"), "river"),
    (("đỉnh", "đèo", "peak", "pass"), "viewpoint"),
    (("bảo tàng", "nhà trưng bày", "museum", "exhibition"), "museum"),
    (("làng", "bản ", "village", "homestay"), "village"),
)
_SITE_TYPE_MOTIFS = {
    "geological": "strata",
    "geomorphological": "karst",
    "palaeontological": "fossil",
    "archaeological": "cave",
    "cultural": "temple",
    "biodiversity": "forest",
    "community_village": "village",
    "viewpoint": "viewpoint",
    "museum": "museum",
}
_EVENT_MOTIFS = {"festival": "festival", "race": "race", "seminar": "museum", "exhibition": "museum"}
_PARTNER_MOTIFS = {
    "accommodation": "village",
    "homestay": "village",
    "restaurant": "village",
    "producer": "village",
    "tour_operator": "viewpoint",
    "guide_service": "viewpoint",
    "transport": "route",
    "school": "museum",
}
_ANY = ("karst", "river", "viewpoint", "village", "temple", "forest")


def _pick(seed: str, choices: tuple[str, ...]) -> str:
    return choices[int(hashlib.sha256(seed.encode()).hexdigest()[:6], 16) % len(choices)]


def site_motif(site_type: str, name: str, seed: str) -> str:
    if site_type in ("palaeontological", "museum", "community_village"):
        return _SITE_TYPE_MOTIFS[site_type]
    lowered = f" {name.lower()} "
    for words, motif in _NAME_MOTIFS:
        if any(w in lowered for w in words):
            return motif
    return _SITE_TYPE_MOTIFS.get(site_type) or _pick(seed, ("karst", "river", "viewpoint"))


# A trail is drawn as where it leads: a lake, a village, a peak; else the land it crosses.
_TRAIL_MOTIFS = (
    (("hồ ", " lake"), "river"),
    (("làng", "village"), "village"),
    (("đỉnh", "peak"), "viewpoint"),
)


def trail_motif(name: str, seed: str) -> str:
    lowered = f" {name.lower()} "
    for words, motif in _TRAIL_MOTIFS:
        if any(w in lowered for w in words):
            return motif
    return _pick(seed, ("karst", "forest"))


def clean_seed(text: str) -> str:
    seed = re.sub(r"[^A-Za-z0-9_-]+", "-", str(text)).strip("-")[:80]
    return seed or "x"


def for_object(obj: Any) -> tuple[str, str]:
    """(motif, seed) for a record, from its kind and its code or slug. No query: only fields of the
    row itself are read."""
    label = getattr(getattr(obj, "_meta", None), "label_lower", "")
    if label == "heritage.site":
        seed = clean_seed(obj.code or obj.slug)
        return site_motif(obj.site_type, f"{obj.name_vi} {obj.name_en}", seed), seed
    if label == "routes.route":
        return "route", str(obj.number)
    if label == "events.event":
        return _EVENT_MOTIFS.get(obj.category, "karst"), clean_seed(obj.slug)
    if label == "museum.collectionitem":
        return "fossil", clean_seed(getattr(obj, "slug", "") or obj.pk)
    if label == "trails.trail":
        seed = clean_seed(obj.slug)
        return trail_motif(f"{obj.name_vi} {obj.name_en}", seed), seed
    if label == "partners.partner":
        seed = clean_seed(getattr(obj, "slug", "") or obj.pk)
        return _PARTNER_MOTIFS.get(getattr(obj, "kind", ""), "karst"), seed
    slug = getattr(obj, "slug", "") or getattr(obj, "pk", "") or "geopark"
    seed = clean_seed(slug)
    return _pick(seed, _ANY), seed


def page_motif(path: str) -> tuple[str, str]:
    """For a page that is not one record (a list, the home page): a landscape chosen by its address."""
    seed = clean_seed(path.strip("/").split("/", 1)[-1] or "home")
    return _pick(seed, ("karst", "river", "viewpoint")), seed
