"""The Chinese texts the dataset ships follow docs/decisions/0039-chinese-names-and-typography.md:
full-width punctuation between Chinese characters, and a space between a Latin-script word (a
Vietnamese name without a Chinese form, an acronym, an address) and Chinese characters, so that
"Keng Tao洞" is never glued. Reads the files only: no database."""

from __future__ import annotations

import csv
import re
import tomllib
from collections.abc import Iterator
from pathlib import Path

from django.conf import settings

DATA = settings.BASE_DIR / "data" / "langson"
CJK = "\u3400-\u9fff"
# Vietnamese letters included (Lân, Thẩm …); digits are not: "2026年", "4公里" are written so.
LATIN = "A-Za-zÀ-ỹ"
HALF_WIDTH = re.compile(rf"[{CJK}][,.:;!?()\"]|[,:;!?()\"][{CJK}]")
GLUED = re.compile(rf"[{LATIN}][{CJK}]|[{CJK}][{LATIN}]")


def chinese_texts(folder: Path) -> Iterator[tuple[str, str]]:
    """(where, text) for every Chinese text: CSV columns ending in _zh, TOML values under a zh key."""
    for path in sorted(folder.rglob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                for column, value in row.items():
                    if column and column.endswith("_zh") and value:
                        yield f"{path.relative_to(folder)}:{line} {column}", value
    for path in sorted(folder.rglob("*.toml")):
        yield from _toml_texts(tomllib.loads(path.read_text(encoding="utf-8")), str(path.relative_to(folder)))


def _toml_texts(node: object, where: str, chinese: bool = False) -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _toml_texts(value, f"{where}.{key}", chinese or key == "zh" or key.endswith("_zh"))
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _toml_texts(value, f"{where}[{number}]", chinese)
    elif chinese and isinstance(node, str):
        yield where, node


def problems(folder: Path) -> list[str]:
    found = []
    for where, text in chinese_texts(folder):
        for pattern, what in ((HALF_WIDTH, "half-width punctuation"), (GLUED, "Latin glued to Chinese")):
            for match in pattern.finditer(text):
                found.append(f"{where}: {what}: …{text[max(0, match.start() - 8) : match.end() + 8]}…")
    return found


def test_the_shipped_chinese_texts_have_full_width_punctuation_and_no_glued_latin_words():
    texts = list(chinese_texts(DATA))
    assert len(texts) > 500  # the scan reads the dataset, not an empty folder
    assert problems(DATA) == []


def test_the_scan_finds_half_width_punctuation_and_glued_names(tmp_path):
    (tmp_path / "sites.csv").write_text(
        'code,name_zh,summary_zh\nX-1,Keng Tao洞,"溶洞,很深."\nX-2,Keng Tao 洞,溶洞，很深。\n',
        encoding="utf-8",
    )
    (tmp_path / "news.toml").write_text('[title]\nvi = "Tin"\nzh = "谅山(越南)新闻"\n', encoding="utf-8")
    found = problems(tmp_path)
    assert any("sites.csv:2 name_zh: Latin glued" in p for p in found)
    assert any("sites.csv:2 summary_zh: half-width" in p for p in found)
    assert any("news.toml.title.zh: half-width" in p for p in found)
    assert not any("sites.csv:3" in p for p in found)


def untranslated(folder: Path) -> list[str]:
    """News and page files whose title, lead or a body block has no Chinese text."""
    missing = []
    for path in sorted([*folder.glob("news/20*.toml"), *folder.glob("pages/*.toml")]):
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
        parts = [doc.get("title", {}), *([doc["lead"]] if "lead" in doc else [])]
        parts += [
            block for block in doc.get("body", []) if block.get("type") in ("paragraph", "heading", "quote")
        ]
        if any(isinstance(part, dict) and part.get("vi") and not part.get("zh") for part in parts):
            missing.append(path.name)
    return missing


def test_every_shipped_news_article_and_page_is_written_in_chinese():
    assert untranslated(DATA) == []
