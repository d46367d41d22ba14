"""Load the geopark's pages and news from data/<geopark>/pages/*.toml and news/*.toml.

Each file is one page: its Vietnamese text is the original, written into the Vietnamese page tree;
its English and Chinese texts are entered as that page's wagtail-localize translations, so they
show in the translation editor like any translator's work. A file whose content has not changed
since it was last loaded is left alone (admin edits survive); a bad file is reported with its name,
line and reason, and the others still load."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.html import escape
from taggit.models import Tag
from wagtail.rich_text import RichText

from geopark.core.loading import LoadReport, Progress
from geopark.core.roles import APPROVERS
from geopark.heritage.models import Site
from geopark.territory.models import Geopark

from . import services
from .models import (
    ContactPage,
    HomePage,
    NewsCategory,
    NewsIndexPage,
    NewsPage,
    NewsTagName,
    StandardPage,
    VisitFact,
)

# Part of every file's checksum: raising it reloads files whose text is unchanged.
CONTENT_LOADER_VERSION = 1
SOURCE_LANG = settings.LANGUAGE_CODE
TARGET_LANGS = [code for code, _ in settings.LANGUAGES if code != SOURCE_LANG]
PAGE_TYPES = {"standard": StandardPage, "news_index": NewsIndexPage, "contact": ContactPage}
# Per page type, its plain translatable fields besides the title.
TEXT_FIELDS = {
    StandardPage: ["intro"],
    NewsIndexPage: ["intro"],
    ContactPage: ["intro", "thank_you", "organisation", "address", "office_hours"],
    NewsPage: ["lead"],
}
GEOPARK_TEXTS = {"summary", "recognition", "vision", "mission", "commitment"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class FileError(ValueError):
    """Why a file cannot be loaded, written for the person who maintains it."""

    def __init__(self, reason: str, line: int = 1) -> None:
        super().__init__(reason)
        self.line = line


@dataclass
class PageData:
    path: Path
    doc: dict[str, Any]
    text: str
    checksum: str
    languages: list[str] = field(default_factory=list)

    def line_of(self, needle: str) -> int:
        for number, line in enumerate(self.text.splitlines(), start=1):
            if needle in line:
                return number
        return 1

    def texts(self, key: str) -> dict[str, str]:
        value = self.doc.get(key, {})
        if isinstance(value, str):
            return {SOURCE_LANG: value}
        if not isinstance(value, dict):
            raise FileError(f"[{key}] must be a table of texts per language (vi, en, zh)", self.line_of(key))
        return {lang: str(text).strip() for lang, text in value.items()}


def read(path: Path) -> PageData:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
        doc = tomllib.loads(text)
    except UnicodeDecodeError:
        raise FileError("not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"line (\d+)", str(exc))
        raise FileError(f"not valid TOML: {exc}", int(match.group(1)) if match else 1) from None
    digest = hashlib.sha256(raw + f"\n#v{CONTENT_LOADER_VERSION}".encode()).hexdigest()
    data = PageData(path=path, doc=doc, text=text, checksum=digest)
    slug = doc.get("slug", "")
    if not isinstance(slug, str) or not _SLUG.match(slug):
        raise FileError("slug must be lower-case letters, digits and hyphens", data.line_of("slug"))
    titles = data.texts("title")
    if not titles.get(SOURCE_LANG):
        raise FileError(f"[title] needs the original text ({SOURCE_LANG})", data.line_of("title"))
    unknown = sorted(set(titles) - {SOURCE_LANG, *TARGET_LANGS})
    if unknown:
        raise FileError(f"unknown language(s) in [title]: {', '.join(unknown)}", data.line_of("title"))
    data.languages = [lang for lang in TARGET_LANGS if titles.get(lang)]
    return data


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]


def _rich_text(text: str) -> RichText:
    parts = []
    for para in _paragraphs(text):
        if para.startswith("## "):
            parts.append(f"<h2>{escape(para[3:].strip())}</h2>")
        else:
            parts.append(f"<p>{escape(' '.join(para.split()))}</p>")
    return RichText("".join(parts))


def build_body(
    data: PageData, *, allowed: set[str]
) -> tuple[list[tuple[str, Any]], dict[str, dict[str, str]]]:
    """The StreamField value in the original language, and per target language the strings that
    translate it (original → translation)."""
    body: list[tuple[str, Any]] = []
    strings: dict[str, dict[str, str]] = {lang: {} for lang in data.languages}
    for number, block in enumerate(data.doc.get("body", []), start=1):
        kind = block.get("type", "")
        where = f"body block {number} ({kind or 'no type'})"
        if kind not in allowed:
            raise FileError(
                f"{where}: type must be one of {', '.join(sorted(allowed))}", data.line_of("[[body]]")
            )
        if kind in ("paragraph", "heading", "quote"):
            _text_block(data, block, kind, where, body, strings)
        elif kind == "geopark_text":
            text = block.get("text", "")
            if text not in GEOPARK_TEXTS:
                raise FileError(
                    f"{where}: text must be one of {', '.join(sorted(GEOPARK_TEXTS))}",
                    data.line_of("[[body]]"),
                )
            body.append(("geopark_text", {"text": text, "show_heading": bool(block.get("heading", True))}))
        elif kind == "geopark_facts":
            body.append(("geopark_facts", None))
    return body, strings


def _text_block(
    data: PageData,
    block: dict[str, Any],
    kind: str,
    where: str,
    body: list[tuple[str, Any]],
    strings: dict[str, dict[str, str]],
) -> None:
    """A paragraph, heading or quote into `body`, and the strings that translate it into `strings`."""
    original = str(block.get(SOURCE_LANG, "")).strip()
    if not original:
        raise FileError(f"{where}: the original text ({SOURCE_LANG}) is missing", data.line_of("[[body]]"))
    if kind == "paragraph":
        body.append(("paragraph", _rich_text(original)))
    elif kind == "heading":
        body.append(("heading", original))
    else:
        # The attribution is a name (the same in every language) or a table per language.
        attribution = block.get("attribution", "")
        attributions = (
            attribution
            if isinstance(attribution, dict)
            else dict.fromkeys((SOURCE_LANG, *data.languages), attribution)
        )
        source_attribution = str(attributions.get(SOURCE_LANG, "")).strip()
        body.append(("quote", {"quote": original, "attribution": source_attribution}))
        for lang in data.languages:
            if source_attribution and attributions.get(lang):
                strings[lang][source_attribution] = str(attributions[lang]).strip()
    _text_block_strings(data, block, kind, where, original, strings)


def _text_block_strings(
    data: PageData,
    block: dict[str, Any],
    kind: str,
    where: str,
    original: str,
    strings: dict[str, dict[str, str]],
) -> None:
    """Per language, the block's translation: paragraph by paragraph for a paragraph block."""
    for lang in data.languages:
        translated = str(block.get(lang, "")).strip()
        if not translated:
            continue
        if kind == "paragraph":
            source_parts = [p.removeprefix("## ").strip() for p in _paragraphs(original)]
            target_parts = [p.removeprefix("## ").strip() for p in _paragraphs(translated)]
            if len(source_parts) != len(target_parts):
                raise FileError(
                    f"{where}: the {lang} text has {len(target_parts)} paragraphs, "
                    f"the original {len(source_parts)}",
                    data.line_of("[[body]]"),
                )
            for src, dst in zip(source_parts, target_parts, strict=True):
                strings[lang][" ".join(src.split())] = " ".join(dst.split())
        else:
            strings[lang][original] = translated


def _texts_and_strings(data: PageData, page_class: type) -> tuple[dict[str, Any], dict[str, dict[str, str]]]:
    values: dict[str, Any] = {"title": data.texts("title")[SOURCE_LANG]}
    strings: dict[str, dict[str, str]] = {lang: {} for lang in data.languages}
    for lang in data.languages:
        strings[lang][values["title"]] = data.texts("title")[lang]
    for name in TEXT_FIELDS[page_class]:
        texts = data.texts(name)
        values[name] = texts.get(SOURCE_LANG, "")
        if page_class is NewsPage and not values[name]:
            raise FileError(f"[{name}] needs the original text ({SOURCE_LANG})", data.line_of(name))
        for lang in data.languages:
            if values[name] and texts.get(lang):
                strings[lang][values[name]] = texts[lang]
    return values, strings


def _translate(
    page, data: PageData, strings: dict[str, dict[str, str]], refresh: bool, kind: str, report: LoadReport
) -> None:
    for lang in data.languages:
        outcome = services.translate_page(page=page, language=lang, strings=strings[lang], refresh=refresh)
        getattr(report, outcome)[f"{kind} translation"] += 1


def _files(folder: Path, report: LoadReport, *, exclude: tuple[str, ...] = ()) -> list[PageData]:
    found = []
    for path in sorted(folder.glob("*.toml")):
        if path.name in exclude:
            continue
        try:
            found.append(read(path))
        except FileError as exc:
            report.error(f"{folder.name}/{path.name}", exc.line, str(exc))
    return found


def load_pages(folder: Path, report: LoadReport) -> None:
    """pages/*.toml: standard pages (about …), the news index and the contact page."""
    if not folder.is_dir():  # a geopark without pages of its own
        return
    home = HomePage.objects.filter(locale__language_code=SOURCE_LANG).first()
    if home is None:
        report.error(folder.name, 0, "no home page: run the geopark load first")
        return
    # Parents before their children.
    files = sorted(_files(folder, report), key=lambda d: (bool(d.doc.get("parent")), d.doc.get("order", 0)))
    for data in files:
        name = f"{folder.name}/{data.path.name}"
        try:
            with transaction.atomic():
                page_class = PAGE_TYPES.get(data.doc.get("type", "standard"))
                if page_class is None:
                    raise FileError(f"type must be one of {', '.join(PAGE_TYPES)}", data.line_of("type"))
                parent = home
                if data.doc.get("parent"):
                    parent = StandardPage.objects.descendant_of(home).filter(slug=data.doc["parent"]).first()
                    if parent is None:
                        raise FileError(
                            f"parent page “{data.doc['parent']}” not found", data.line_of("parent")
                        )
                values, strings = _texts_and_strings(data, page_class)
                if page_class is StandardPage:
                    body, body_strings = build_body(
                        data, allowed={"paragraph", "heading", "quote", "geopark_text", "geopark_facts"}
                    )
                    values["body"] = body
                    for lang in data.languages:
                        strings[lang].update(body_strings[lang])
                if page_class is ContactPage:
                    values.update(_office(data))
                page, outcome = services.upsert_source_page(
                    parent=parent,
                    page_class=page_class,
                    slug=data.doc["slug"],
                    values=values,
                    checksum=data.checksum,
                )
                getattr(report, outcome)["page"] += 1
                _translate(page, data, strings, outcome != "unchanged", "page", report)
        except FileError as exc:
            report.error(name, exc.line, str(exc))


def _office(data: PageData) -> dict[str, Any]:
    """The contact page's fields that are the same in every language: phone, e-mail, website and
    the office's position. A field the file leaves out stays empty, and the page does not show it."""
    doc = data.doc
    values: dict[str, Any] = {}
    for name in ("phone", "email", "website"):
        value = doc.get(name, "")
        if not isinstance(value, str):
            raise FileError(f"{name} must be text", data.line_of(name))
        values[name] = value.strip()
    if values["email"]:
        try:
            validate_email(values["email"])
        except ValidationError:
            raise FileError("email is not an e-mail address", data.line_of("email")) from None
    if values["website"] and not values["website"].startswith(("https://", "http://")):
        raise FileError("website must start with https:// or http://", data.line_of("website"))
    lat, lon = doc.get("lat"), doc.get("lon")
    if (lat is None) != (lon is None):
        raise FileError("lat and lon go together", data.line_of("lat" if lat is not None else "lon"))
    if lat is not None:
        if not all(isinstance(v, int | float) for v in (lat, lon)) or not (
            -90 <= lat <= 90 and -180 <= lon <= 180
        ):
            raise FileError("lat and lon must be numbers in degrees", data.line_of("lat"))
    values["lat"], values["lon"] = lat, lon
    return values


VISIT_KINDS = set(VisitFact.Kind.values)


def _visit_values(row: dict[str, Any], number: int, sites: dict[str, int]) -> dict[str, Any]:
    where = f"fact {number}"
    key = row.get("key", "")
    if not isinstance(key, str) or not _SLUG.match(key):
        raise FileError(f"{where}: key must be lower-case letters, digits and hyphens")
    where = f"fact {number} ({key})"
    kind = row.get("kind", "")
    if kind not in VISIT_KINDS:
        raise FileError(f"{where}: kind must be one of {', '.join(sorted(VISIT_KINDS))}")
    texts = row.get("text", {})
    titles = row.get("title", {})
    if not isinstance(texts, dict) or not str(texts.get(SOURCE_LANG, "")).strip():
        raise FileError(f"{where}: [fact.text] needs the original text ({SOURCE_LANG})")
    if not isinstance(titles, dict) or (kind != VisitFact.Kind.LEAD and not titles.get(SOURCE_LANG)):
        raise FileError(f"{where}: [fact.title] needs the original text ({SOURCE_LANG})")
    sources = row.get("sources", [])
    if not sources or not isinstance(sources, list):
        raise FileError(f"{where}: sources must list where the fact comes from")
    site_code = row.get("site", "")
    values: dict[str, Any] = {
        "kind": kind,
        "sort_order": int(row.get("order", 0)),
        "site_id": sites.get(site_code) if site_code else None,
        "source": "\n".join(str(s).strip() for s in sources),
    }
    for lang in (SOURCE_LANG, *TARGET_LANGS):
        values[f"title_{lang}"] = " ".join(str(titles.get(lang, "")).split())
        values[f"text_{lang}"] = " ".join(str(texts.get(lang, "")).split())
    return values


def load_visit(path: Path, report: LoadReport) -> None:
    """visit.toml: what the home page tells a visitor, fact by fact. A fact whose row has not
    changed since the last load is left alone (admin edits survive); a fact the file no longer has
    is removed if the loader made it (one an editor added stays)."""
    if not path.exists():
        return
    name = path.name
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        report.error(name, 1, f"not valid TOML: {exc}")
        return
    sites = dict(Site.objects.values_list("code", "pk"))
    existing = {fact.key: fact for fact in VisitFact.objects.all()}
    seen = set()
    for number, row in enumerate(doc.get("fact", []), start=1):
        try:
            values = _visit_values(row, number, sites)
        except FileError as exc:
            report.error(name, 1, str(exc))
            if isinstance(row.get("key"), str):
                seen.add(row["key"])  # a bad row does not remove the fact loaded before
            continue
        key = row["key"]
        seen.add(key)
        if row.get("site") and values["site_id"] is None:
            report.warn(name, 1, f"fact {number} ({key}): no site with code {row['site']}; link left out")
        checksum = hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest()
        fact = existing.get(key)
        if fact is None:
            VisitFact.objects.create(key=key, data_checksum=checksum, **values)
            report.created["visitor fact"] += 1
        elif fact.data_checksum == checksum:
            report.unchanged["visitor fact"] += 1
        else:
            for field_name, value in values.items():
                setattr(fact, field_name, value)
            fact.data_checksum = checksum
            fact.save()
            report.updated["visitor fact"] += 1
    for key, fact in existing.items():
        if key not in seen and fact.data_checksum:
            fact.delete()
            report.updated["visitor fact removed"] += 1


def load_categories(path: Path, report: LoadReport) -> dict[str, NewsCategory]:
    """news/categories.toml: [[category]] tables with slug, vi, en, zh."""
    categories = {c.slug: c for c in NewsCategory.objects.all()}
    if not path.exists():
        return categories
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        report.error(f"news/{path.name}", 1, f"not valid TOML: {exc}")
        return categories
    for order, row in enumerate(doc.get("category", [])):
        slug = row.get("slug", "")
        if not _SLUG.match(slug) or not row.get(SOURCE_LANG):
            report.error(
                f"news/{path.name}", 1, f"category {order + 1}: needs a slug and a {SOURCE_LANG} name"
            )
            continue
        values = {f"name_{lang}": row.get(lang, "") for lang in (SOURCE_LANG, *TARGET_LANGS)}
        values["sort_order"] = order
        category = categories.get(slug)
        if category is None:
            categories[slug] = NewsCategory.objects.create(slug=slug, **values)
            report.created["news category"] += 1
        elif any(getattr(category, k) != v for k, v in values.items()):
            NewsCategory.objects.filter(pk=category.pk).update(**values)
            category.refresh_from_db()
            report.updated["news category"] += 1
        else:
            report.unchanged["news category"] += 1
    return categories


def load_tag_names(path: Path, report: LoadReport) -> set[str]:
    """news/tags.toml: [[tag]] tables with the key (`tag`) and its name in vi, en, zh. Returns the
    keys that have names, for the articles' check."""
    if not path.exists():
        return set()
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        report.error(f"news/{path.name}", 1, f"not valid TOML: {exc}")
        return set()
    known = set()
    existing = {n.tag.name: n for n in NewsTagName.objects.select_related("tag")}
    for number, row in enumerate(doc.get("tag", []), start=1):
        key = str(row.get("tag", "")).strip()
        if not key or not row.get(SOURCE_LANG):
            report.error(f"news/{path.name}", 1, f"tag {number}: needs a key (tag) and a {SOURCE_LANG} name")
            continue
        known.add(key)
        values = {f"name_{lang}": str(row.get(lang, "")).strip() for lang in (SOURCE_LANG, *TARGET_LANGS)}
        names = existing.get(key)
        if names is None:
            tag = Tag.objects.filter(name=key).first() or Tag.objects.create(name=key)
            NewsTagName.objects.create(tag=tag, **values)
            report.created["news tag"] += 1
        elif any(getattr(names, k) != v for k, v in values.items()):
            NewsTagName.objects.filter(pk=names.pk).update(**values)
            report.updated["news tag"] += 1
        else:
            report.unchanged["news tag"] += 1
    return known


def load_news(folder: Path, report: LoadReport) -> None:
    """news/*.toml: one article per file, under the Vietnamese news index."""
    if not folder.is_dir():
        return
    index = NewsIndexPage.objects.filter(locale__language_code=SOURCE_LANG).first()
    if index is None:
        report.error(folder.name, 0, "no news index page: add pages/news.toml")
        return
    categories = load_categories(folder / "categories.toml", report)
    named_tags = load_tag_names(folder / "tags.toml", report)
    sites = dict(Site.objects.values_list("code", "pk"))
    for data in _files(folder, report, exclude=("categories.toml", "tags.toml")):
        name = f"{folder.name}/{data.path.name}"
        try:
            with transaction.atomic():
                values, strings = _texts_and_strings(data, NewsPage)
                date = data.doc.get("date")
                if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
                    raise FileError("date must be a date like 2025-06-28", data.line_of("date"))
                values["date"] = date
                category_slug = data.doc.get("category", "")
                if category_slug and category_slug not in categories:
                    raise FileError(
                        f"unknown category “{category_slug}” (see categories.toml)", data.line_of("category")
                    )
                values["category"] = categories.get(category_slug)
                body, body_strings = build_body(data, allowed={"paragraph", "quote"})
                values["body"] = body
                for lang in data.languages:
                    strings[lang].update(body_strings[lang])
                site_ids = []
                for code in data.doc.get("sites", []):
                    if code in sites:
                        site_ids.append(sites[code])
                    else:
                        report.warn(name, data.line_of("sites"), f"no site with code {code}; link left out")
                tags = [str(t).strip() for t in data.doc.get("tags", []) if str(t).strip()]
                for tag in tags:
                    if named_tags and tag not in named_tags:
                        report.warn(
                            name,
                            data.line_of("tags"),
                            f"tag “{tag}” has no names in tags.toml; shown as written",
                        )
                page, outcome = services.upsert_source_page(
                    parent=index,
                    page_class=NewsPage,
                    slug=data.doc["slug"],
                    values=values,
                    checksum=data.checksum,
                    tags=tags,
                    site_ids=site_ids,
                )
                getattr(report, outcome)["news article"] += 1
                _translate(page, data, strings, outcome != "unchanged", "news", report)
        except FileError as exc:
            report.error(name, exc.line, str(exc))


def load(folder: Path, report: LoadReport, *, geopark: Geopark, progress: Progress) -> None:
    """The home page of each language, then the pages and news (which link to sites and need the
    roles), then the board's approval workflow."""
    created, unchanged = services.ensure_home_pages(geopark)
    report.created["home page"] += created
    report.unchanged["home page"] += unchanged
    load_pages(folder / "pages", report)
    load_news(folder / "news", report)
    load_visit(folder / "visit.toml", report)
    workflow_changed = services.ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))
    (report.created if workflow_changed else report.unchanged)["approval workflow"] += 1
