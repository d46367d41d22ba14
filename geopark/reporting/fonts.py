"""The serif font every renderer uses: metric-compatible with Times New Roman (which Decree 30 names
and which may not be redistributed) and covering every Vietnamese letter.

Liberation Serif 2 (Debian `fonts-liberation2`, installed by scripts/system-deps.sh) is preferred:
same widths as Times New Roman, so a DOCX opened in Word with the real Times New Roman breaks its
lines where the PDF does. Liberation 1.07 (`fonts-liberation`) has no Vietnamese letters with two
marks (ệ, ữ), hence the explicit folder rather than a family name that fontconfig may resolve to it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

FAMILY = "Times New Roman"  # what the DOCX names; Word substitutes Liberation Serif where missing
STYLES = ("Regular", "Bold", "Italic", "BoldItalic")
CANDIDATES = [
    ("Liberation Serif", Path("/usr/share/fonts/truetype/liberation2"), "LiberationSerif-{style}.ttf"),
    ("Noto Serif", Path("/usr/share/fonts/truetype/noto"), "NotoSerif-{style}.ttf"),
    ("DejaVu Serif", Path("/usr/share/fonts/truetype/dejavu"), "DejaVuSerif{dash}{style}.ttf"),
]


class FontMissing(RuntimeError):
    pass


@cache
def serif() -> tuple[str, dict[str, Path]]:
    """(family name, {style: file}) of the first installed candidate with all four styles."""
    for family, folder, pattern in CANDIDATES:
        files = {}
        for style in STYLES:
            name = pattern.format(style=style, dash="-" if style != "Regular" else "")
            if family == "DejaVu Serif" and style == "Regular":
                name = "DejaVuSerif.ttf"
            files[style] = folder / name
        if all(path.is_file() for path in files.values()):
            return family, files
    raise FontMissing(
        "No serif font with Vietnamese letters is installed: run `bash scripts/system-deps.sh --runtime` "
        "(it installs fonts-liberation2)."
    )
