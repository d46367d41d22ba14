"""Synthetic data on top of a loaded geopark, to measure the platform at the scale a large geopark
reaches (10,000 sites, 100,000 news articles, 5 years of tourism figures). Never for a public site.

Everything made here is marked so that it can be found and removed again and nobody mistakes it
for real data: site codes and slugs and news slugs start with `syn-`; tourism establishments are
marked by `tourism.synthetic`. Texts are varied and multilingual (Vietnamese with its diacritics,
English, Chinese) because search and sorting behave differently on repetitive text.

Speed is the point, so nothing goes through `save()`: sites, search documents and their tokens are
bulk inserted, and news articles are written straight into Wagtail's page tree (treebeard's
materialised path: each child's `path` is its parent's plus a 4-character step, the parent's
`numchild` is raised once) and then into the NewsPage table. `tree_problems` checks the result
with treebeard's own `find_problems`."""

from __future__ import annotations

import datetime as dt
import json
import random
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Locale, Page, Revision

from geopark.content.models import NewsCategory, NewsIndexPage, NewsPage, NewsPageSite, NewsPageTag
from geopark.core.text import fold
from geopark.heritage.models import Precision, RouteStatus, Site, SiteType, TranslationStatus
from geopark.search.models import SearchDocument
from geopark.search.services import bulk_index, lookup_index_suspended
from geopark.territory.models import Commune, FormerCommune, Geopark

PREFIX = "syn-"
LANGS = ("vi", "en", "zh")
BATCH = 2000

# (items, desc, total) -> the same items, showing progress; the command passes tqdm.
Progress = Callable[..., Iterable]


def _quiet(items: Iterable, desc: str = "", total: int | None = None) -> Iterable:
    return items


class NotLoaded(RuntimeError):
    """The synthetic data goes on top of a loaded geopark; this says what is missing."""


@dataclass
class Outcome:
    sites: int = 0
    news: int = 0
    translations: int = 0
    documents: int = 0
    figures: int | None = None  # None: the tourism statistics are not available
    removed: dict[str, int] = field(default_factory=dict)


# --- Vocabulary ------------------------------------------------------------------------------

# Syllables of Tày, Nùng and Vietnamese place names as Lạng Sơn writes them, each with a Chinese
# character standing for its sound in the Chinese texts.
SYLLABLES = [
    ("Bắc", "北"),
    ("Lệ", "丽"),
    ("Đồng", "同"),
    ("Đăng", "登"),
    ("Nà", "那"),
    ("Khuổi", "奎"),
    ("Pác", "北"),
    ("Bó", "波"),
    ("Lũng", "垄"),
    ("Phja", "岜"),
    ("Mẫu", "母"),
    ("Sơn", "山"),
    ("Tân", "新"),
    ("Văn", "文"),
    ("Quan", "关"),
    ("Hữu", "友"),
    ("Liên", "联"),
    ("Chi", "支"),
    ("Lăng", "陵"),
    ("Mỏ", "某"),
    ("Nhài", "莱"),
    ("Keng", "庚"),
    ("Tao", "桃"),
    ("Thạch", "石"),
    ("Khánh", "庆"),
    ("Kỳ", "奇"),
    ("Cùng", "穷"),
    ("Tô", "苏"),
    ("Thị", "氏"),
    ("Nhị", "二"),
    ("Thanh", "清"),
    ("Pò", "坡"),
    ("Cốc", "谷"),
    ("Tém", "添"),
    ("Háng", "杭"),
    ("Hoa", "花"),
    ("Thám", "探"),
    ("Bình", "平"),
    ("Gia", "嘉"),
    ("Yên", "安"),
    ("Lộc", "禄"),
    ("Điềm", "恬"),
    ("Khau", "高"),
    ("Slưởng", "爽"),
    ("Nặm", "南"),
    ("Phai", "派"),
    ("Vệ", "卫"),
    ("Mạ", "麻"),
    ("Đèo", "刁"),
    ("Cao", "高"),
    ("Lộc", "鹿"),
    ("Xuân", "春"),
    ("Hòa", "和"),
    ("Thái", "泰"),
    ("Bản", "板"),
    ("Cầu", "桥"),
    ("Trì", "池"),
    ("Lạn", "烂"),
    ("Nghiêm", "严"),
    ("Mùng", "孟"),
    ("Vằng", "旺"),
    ("Phặc", "法"),
    ("Rừng", "林"),
    ("Đuổm", "敦"),
    ("Tràng", "长"),
    ("Định", "定"),
    ("Hội", "会"),
    ("Hoan", "欢"),
    ("Ải", "隘"),
    ("Chắp", "接"),
]

# Per type: (Vietnamese word, English word, Chinese word) the name is built with.
TYPE_WORDS: dict[str, list[tuple[str, str, str]]] = {
    SiteType.GEOMORPHOLOGICAL: [
        ("Hang", "Cave", "洞"),
        ("Động", "Grotto", "岩洞"),
        ("Núi", "Mountain", "山"),
        ("Thác", "Waterfall", "瀑布"),
        ("Thung lũng", "Valley", "山谷"),
    ],
    SiteType.GEOLOGICAL: [
        ("Vách đá", "Rock Face", "岩壁"),
        ("Mặt cắt", "Geological Section", "地质剖面"),
        ("Đá", "Rock", "石"),
    ],
    SiteType.PALAEONTOLOGICAL: [("Điểm hóa thạch", "Fossil Site", "化石点")],
    SiteType.ARCHAEOLOGICAL: [("Di chỉ", "Archaeological Site", "遗址"), ("Mái đá", "Rock Shelter", "岩厦")],
    SiteType.CULTURAL: [
        ("Chùa", "Pagoda", "寺"),
        ("Đền", "Temple", "庙"),
        ("Đình", "Communal House", "亭"),
        ("Thành cổ", "Old Citadel", "古城"),
    ],
    SiteType.BIODIVERSITY: [("Rừng", "Forest", "森林"), ("Hồ", "Lake", "湖")],
    SiteType.COMMUNITY_VILLAGE: [("Bản", "Village", "村"), ("Làng", "Village", "寨")],
    SiteType.VIEWPOINT: [("Đỉnh", "Peak", "峰"), ("Điểm ngắm cảnh", "Viewpoint", "观景台")],
    SiteType.MUSEUM: [("Nhà trưng bày", "Exhibition House", "展览馆")],
    SiteType.OTHER: [("Suối", "Stream", "溪"), ("Chợ", "Market", "市场")],
}
TYPE_SHARES = {
    SiteType.GEOMORPHOLOGICAL: 30,
    SiteType.GEOLOGICAL: 12,
    SiteType.PALAEONTOLOGICAL: 4,
    SiteType.ARCHAEOLOGICAL: 6,
    SiteType.CULTURAL: 20,
    SiteType.BIODIVERSITY: 8,
    SiteType.COMMUNITY_VILLAGE: 10,
    SiteType.VIEWPOINT: 5,
    SiteType.MUSEUM: 1,
    SiteType.OTHER: 4,
}

ROCKS = [
    ("đá vôi", "limestone", "石灰岩"),
    ("đá phiến sét", "shale", "页岩"),
    ("đá bazan", "basalt", "玄武岩"),
    ("đá cát kết", "sandstone", "砂岩"),
    ("đá granit", "granite", "花岗岩"),
    ("đá dolomit", "dolomite", "白云岩"),
]
AGES = [
    ("kỷ Devon", "Devonian", "泥盆纪"),
    ("kỷ Carbon", "Carboniferous", "石炭纪"),
    ("kỷ Permi", "Permian", "二叠纪"),
    ("kỷ Trias", "Triassic", "三叠纪"),
    ("kỷ Jura", "Jurassic", "侏罗纪"),
    ("kỷ Đệ Tứ", "Quaternary", "第四纪"),
]
FEATURES = [
    ("thạch nhũ", "stalactites", "钟乳石"),
    ("măng đá", "stalagmites", "石笋"),
    ("hóa thạch tay cuộn", "brachiopod fossils", "腕足类化石"),
    ("nếp uốn", "folds", "褶皱"),
    ("đứt gãy", "a fault", "断层"),
    ("suối ngầm", "an underground stream", "地下河"),
    ("rừng nguyên sinh", "primary forest", "原始森林"),
    ("ruộng bậc thang", "terraced fields", "梯田"),
]
PEOPLES = [
    ("người Tày", "the Tày", "岱依族"),
    ("người Nùng", "the Nùng", "侬族"),
    ("người Dao", "the Dao", "瑶族"),
    ("người Kinh", "the Kinh", "京族"),
]

# Sentences of site texts, with the same slots in every language.
SITE_SENTENCES = [
    (
        "{name} hình thành trong {rock} {age}.",
        "{name} formed in {rock} of the {age}.",
        "{name}形成于{age}{rock}中。",
    ),
    (
        "Du khách có thể thấy {feature} dọc lối đi.",
        "Visitors can see {feature} along the path.",
        "游客可沿步道看到{feature}。",
    ),
    (
        "{people} coi nơi này là chốn linh thiêng.",
        "{people} hold this place sacred.",
        "{people}视此地为圣地。",
    ),
    (
        "Từ trung tâm xã đi bộ khoảng {minutes} phút.",
        "About {minutes} minutes' walk from the commune centre.",
        "从乡中心步行约{minutes}分钟。",
    ),
    (
        "Các nhà khoa học đã khảo sát {feature} ở đây từ năm {year}.",
        "Scientists have studied {feature} here since {year}.",
        "科学家自{year}年起在此研究{feature}。",
    ),
    (
        "Mùa mưa nên cẩn thận vì đường trơn.",
        "Take care in the rainy season: the path is slippery.",
        "雨季路滑，请注意安全。",
    ),
]

NEWS_TITLES = [
    (
        "Lễ hội {place} năm {year} thu hút du khách",
        "{place} festival {year} draws visitors",
        "{year}年{place}节日吸引游客",
    ),
    ("Khảo sát địa chất tại {site}", "Geological survey at {site}", "{site}地质考察"),
    ("Tập huấn hướng dẫn viên ở {commune}", "Guide training in {commune}", "{commune}导游培训"),
    ("Trồng cây xanh quanh {site}", "Trees planted around {site}", "{site}周边植树"),
    ("Đoàn chuyên gia thăm {site}", "Experts visit {site}", "专家考察{site}"),
    ("Hội thảo về {feature} ở Lạng Sơn", "Seminar on {feature} in Lạng Sơn", "谅山{feature}研讨会"),
    (
        "Học sinh {commune} tìm hiểu {feature}",
        "Pupils of {commune} learn about {feature}",
        "{commune}学生了解{feature}",
    ),
    ("Làm mới biển chỉ dẫn tại {site}", "New signboards at {site}", "{site}更新指示牌"),
    (
        "{people} ở {commune} đón khách du lịch cộng đồng",
        "{people} of {commune} welcome community tourists",
        "{commune}{people}迎接社区游客",
    ),
]
NEWS_SENTENCES = [
    (
        "Sáng {day}/{month}, đông đảo người dân và du khách có mặt tại {site}.",
        "On the morning of {day}/{month}, many residents and visitors came to {site}.",
        "{month}月{day}日上午，众多居民和游客来到{site}。",
    ),
    (
        "Ban quản lý công viên địa chất cho biết số khách tăng so với năm {year}.",
        "The geopark's management board says visitors rose compared with {year}.",
        "地质公园管理委员会表示，游客人数比{year}年有所增加。",
    ),
    (
        "Các chuyên gia giới thiệu {feature} trong {rock} {age}.",
        "Experts presented {feature} in the {rock} of the {age}.",
        "专家介绍了{age}{rock}中的{feature}。",
    ),
    (
        "{people} ở {commune} giới thiệu hát Then và món ăn truyền thống.",
        "{people} of {commune} presented Then singing and traditional food.",
        "{commune}{people}展示了天曲和传统美食。",
    ),
    (
        "Hoạt động nằm trong kế hoạch phát triển du lịch bền vững của tỉnh.",
        "The event is part of the province's plan for sustainable tourism.",
        "该活动是全省可持续旅游发展计划的一部分。",
    ),
    (
        "Người tham gia được nhắc giữ gìn vệ sinh và không bẻ {feature}.",
        "Participants were asked to leave no litter and not to break {feature}.",
        "参与者被提醒保持清洁，不要破坏{feature}。",
    ),
]


def _pick(rng: random.Random, options: list[tuple[str, str, str]]) -> dict[str, str]:
    return dict(zip(LANGS, rng.choice(options), strict=True))


def _place_name(rng: random.Random) -> dict[str, str]:
    syllables = rng.sample(SYLLABLES, rng.choice((2, 2, 3)))
    vi = " ".join(s for s, _ in syllables)
    return {"vi": vi, "en": fold(vi).title(), "zh": "".join(c for _, c in syllables)}


def _sentences(
    rng: random.Random, pool: list[tuple[str, str, str]], slots: dict[str, dict[str, str]], n: int
) -> dict[str, str]:
    chosen = rng.sample(pool, n)
    texts = {}
    for i, lang in enumerate(LANGS):
        joiner = "" if lang == "zh" else " "
        texts[lang] = joiner.join(s[i].format(**{k: v[lang] for k, v in slots.items()}) for s in chosen)
    return texts


def _same(value: Any) -> dict[str, str]:
    return dict.fromkeys(LANGS, str(value))


# --- Sites ----------------------------------------------------------------------------------


def _site_rows(geopark: Geopark, n: int, rng: random.Random) -> Iterator[Site]:
    communes = [c for c in Commune.objects.of_province(geopark.province_code) if c.lat is not None] or list(
        Commune.objects.filter(lat__isnull=False)
    )
    former = list(FormerCommune.objects.filter(province_code=geopark.province_code)) or [None]
    types = list(TYPE_SHARES)
    weights = [TYPE_SHARES[t] for t in types]
    now = timezone.now()
    for i in range(1, n + 1):
        site_type = rng.choices(types, weights)[0]
        word = _pick(rng, TYPE_WORDS[site_type])
        place = _place_name(rng)
        name = {
            "vi": f"{word['vi']} {place['vi']}",
            "en": f"{place['en']} {word['en']}",
            "zh": f"{place['zh']}{word['zh']}",
        }
        commune = rng.choice(communes) if communes else None
        slots = {
            "name": name,
            "rock": _pick(rng, ROCKS),
            "age": _pick(rng, AGES),
            "feature": _pick(rng, FEATURES),
            "people": _pick(rng, PEOPLES),
            "minutes": _same(rng.randint(5, 90)),
            "year": _same(rng.randint(1995, 2024)),
        }
        summary = _sentences(rng, SITE_SENTENCES[:3], slots, 1)
        description = _sentences(rng, SITE_SENTENCES, slots, 3)
        significance = _sentences(rng, SITE_SENTENCES[:3], slots, 1)
        roll = rng.random()
        lat = lon = None
        uncertainty = None
        if roll < 0.5:
            precision = Precision.PUBLISHED
            lat = round(rng.uniform(geopark.min_lat, geopark.max_lat), 5)
            lon = round(rng.uniform(geopark.min_lon, geopark.max_lon), 5)
            uncertainty = rng.choice((50, 100, 250, 500))
        elif roll < 0.8 and commune is not None:
            precision = Precision.COMMUNE
        else:
            precision = Precision.UNKNOWN
        translated = rng.random() < 0.8
        values: dict[str, Any] = {}
        for lang in LANGS:
            keep = lang == "vi" or translated
            values[f"name_{lang}"] = name[lang] if keep else ""
            values[f"summary_{lang}"] = summary[lang] if keep else ""
            values[f"description_{lang}"] = description[lang] if keep else ""
            values[f"significance_{lang}"] = significance[lang] if keep else ""
        code = f"{PREFIX}{i:05d}"
        yield Site(
            geopark=geopark,
            code=code,
            slug=f"{code}-{fold(name['vi']).replace(' ', '-')}"[:120],
            site_type=site_type,
            route_status=RouteStatus.UNCONFIRMED,
            commune=commune,
            former_commune=rng.choice(former),
            locality_vi=f"Thôn {_place_name(rng)['vi']}",
            lat=lat,
            lon=lon,
            precision=precision,
            uncertainty_m=uncertainty,
            duration_minutes=rng.choice((None, 30, 60, 90, 120)),
            en_status=TranslationStatus.DRAFT if translated else TranslationStatus.MISSING,
            zh_status=TranslationStatus.DRAFT if translated else TranslationStatus.MISSING,
            live=True,
            has_unpublished_changes=False,
            first_published_at=now,
            last_published_at=now,
            **values,
        )


def _site_documents(sites: list[Site]) -> list[SearchDocument]:
    """What services.index_site writes for each site, built in memory."""
    docs = []
    for lang in LANGS:
        with translation.override(lang):
            url_pattern = reverse("heritage:site_detail", kwargs={"slug": "SLUG"})
        for site in sites:

            def text(base: str, site: Site = site, lang: str = lang) -> str:
                return getattr(site, f"{base}_{lang}") or getattr(site, f"{base}_vi")

            extra = [
                site.name_vi,
                site.code,
                site.locality_vi,
                site.former_district,
                site.commune.name if site.commune else "",
                site.former_commune.name if site.former_commune else "",
            ]
            body = [text("summary"), text("description"), text("significance"), text("access"), *extra]
            docs.append(
                SearchDocument(
                    lang=lang,
                    kind="site",
                    key=site.code,
                    title=text("name")[:300],
                    summary=text("summary")[:400],
                    url=url_pattern.replace("SLUG", site.slug),
                    title_folded=fold(text("name"))[:300],
                    body_folded=fold(" ".join(part for part in body if part)),
                )
            )
    return docs


def generate_sites(geopark: Geopark, n: int, rng: random.Random, progress: Progress = _quiet) -> int:
    rows = _site_rows(geopark, n, rng)
    made = 0
    for _ in progress(range(0, n, BATCH), desc="sites", total=(n + BATCH - 1) // BATCH):
        batch = [row for _, row in zip(range(BATCH), rows, strict=False)]
        created = Site.objects.bulk_create(batch)
        # bulk_create leaves the related objects unset on the instances; the index needs their names.
        for site, source in zip(created, batch, strict=True):
            site.commune, site.former_commune = source.commune, source.former_commune
        bulk_index(_site_documents(created))
        made += len(created)
    return made


# --- News -----------------------------------------------------------------------------------


@dataclass
class _Article:
    page: Page
    lead: str
    body: str
    date: dt.date
    category: NewsCategory | None


def _news_texts(
    rng: random.Random, sites: list[dict[str, str]], communes: list[dict[str, str]]
) -> dict[str, Any]:
    site = rng.choice(sites)
    commune = rng.choice(communes)
    date = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randint(0, 3650))
    slots = {
        "site": site,
        "commune": commune,
        "place": _place_name(rng),
        "feature": _pick(rng, FEATURES),
        "rock": _pick(rng, ROCKS),
        "age": _pick(rng, AGES),
        "people": _pick(rng, PEOPLES),
        "year": _same(date.year),
        "day": _same(date.day),
        "month": _same(date.month),
    }
    title = _sentences(rng, NEWS_TITLES, slots, 1)
    slots["year"] = _same(date.year - 1)  # "more visitors than last year"
    lead = _sentences(rng, NEWS_SENTENCES[:2], slots, 1)
    body = _sentences(rng, NEWS_SENTENCES, slots, 4)
    return {"title": title, "lead": lead, "body": body, "date": date}


def _paragraph(text: str) -> str:
    """A one-paragraph article body as the StreamField stores it (JSON)."""
    return json.dumps([{"type": "paragraph", "value": f"<p>{escape(text)}</p>", "id": str(uuid.uuid4())}])


def _insert_children(parent: Page, articles: list[_Article]) -> list[Page]:
    """Append `articles` (pages not yet saved) as the last children of `parent`: treebeard's path,
    depth and numchild, Wagtail's url_path, then the NewsPage rows. Returns the saved pages."""
    last = parent.get_last_child()
    step = last._get_lastpos_in_path() if last else 0
    for article in articles:
        step += 1
        article.page.path = Page._get_path(parent.path, parent.depth + 1, step)
        article.page.depth = parent.depth + 1
        article.page.url_path = f"{parent.url_path}{article.page.slug}/"
    pages = Page.objects.bulk_create([a.page for a in articles])
    NewsPage._base_manager._insert(
        [
            NewsPage(
                page_ptr_id=page.pk,
                lead=a.lead,
                date=a.date,
                category=a.category,
                image_alt="",
                body=_paragraph(a.body),
                data_checksum="",
            )
            for page, a in zip(pages, articles, strict=True)
        ],
        fields=NewsPage._meta.local_concrete_fields,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(pages))
    parent.numchild += len(pages)
    return pages


def _news_documents(
    pages: list[Page], articles: list[_Article], lang: str, index_url: str
) -> list[SearchDocument]:
    """What services.index_page writes for a news article, built in memory."""
    docs = []
    with translation.override(lang):
        for page, article in zip(pages, articles, strict=True):
            body = [article.lead, article.body, str(article.category.name) if article.category else ""]
            docs.append(
                SearchDocument(
                    lang=lang,
                    kind="news",
                    key=str(page.pk),
                    title=page.title[:300],
                    summary=article.lead[:400],
                    url=f"{index_url}{page.slug}/",
                    title_folded=fold(page.title)[:300],
                    body_folded=fold(" ".join(part for part in body if part)),
                )
            )
    return docs


def news_indexes() -> dict[str, NewsIndexPage]:
    return {index.locale.language_code: index for index in NewsIndexPage.objects.select_related("locale")}


def generate_news(
    n: int, rng: random.Random, *, translated_share: float = 0.1, progress: Progress = _quiet
) -> tuple[int, int]:
    """`n` articles under the Vietnamese news index; about `translated_share` of them also in each
    other language that has a news index (same translation key and slug, as wagtail-localize
    makes them). Returns (articles, translations)."""
    indexes = news_indexes()
    source = indexes.get(settings.LANGUAGE_CODE)
    if source is None:
        raise NotLoaded("No Vietnamese news index: run load_geopark first.")
    urls = {lang: index.get_url() or f"/{lang}/news/" for lang, index in indexes.items()}
    locales = {lang: Locale.objects.get(language_code=lang) for lang in indexes}
    content_type = ContentType.objects.get_for_model(NewsPage)
    categories = list(NewsCategory.objects.all()) or [None]
    sites = [
        {"vi": s.name_vi, "en": s.name_en or s.name_vi, "zh": s.name_zh or s.name_vi}
        for s in Site.objects.public().only("name_vi", "name_en", "name_zh")[:2000]
    ]
    communes = [_same(c.name) for c in Commune.objects.all()[:200]] or [_same("Lạng Sơn")]
    sites = sites or communes
    made = translations = 0
    for start in progress(range(0, n, BATCH), desc="news", total=(n + BATCH - 1) // BATCH):
        per_lang: dict[str, list[_Article]] = {lang: [] for lang in indexes}
        for i in range(start + 1, min(start + BATCH, n) + 1):
            texts = _news_texts(rng, sites, communes)
            slug = f"{PREFIX}{i:06d}-{fold(texts['title']['vi']).replace(' ', '-')}"[:255]
            key = uuid.uuid4()
            published = timezone.make_aware(dt.datetime.combine(texts["date"], dt.time(9, 0)))
            category = rng.choice(categories)
            in_other_languages = rng.random() < translated_share
            for lang in indexes:
                if lang != settings.LANGUAGE_CODE and not in_other_languages:
                    continue
                page = Page(
                    title=texts["title"][lang],
                    draft_title=texts["title"][lang],
                    slug=slug,
                    content_type=content_type,
                    locale=locales[lang],
                    translation_key=key,
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    numchild=0,
                )
                per_lang[lang].append(
                    _Article(page, texts["lead"][lang], texts["body"][lang], texts["date"], category)
                )
        for lang, articles in per_lang.items():
            if not articles:
                continue
            pages = _insert_children(indexes[lang], articles)
            bulk_index(_news_documents(pages, articles, lang, urls[lang]))
            if lang == settings.LANGUAGE_CODE:
                made += len(pages)
            else:
                translations += len(pages)
    return made, translations


# --- Checking and removing --------------------------------------------------------------------


def tree_problems() -> list[str]:
    """Under each news index, what treebeard's `find_problems` would report for its children
    (paths that do not extend the parent's, wrong depth, a wrong `numchild`), checked with a few
    queries instead of one per page; the tests run `Page.find_problems()` itself."""
    problems = []
    for index in NewsIndexPage.objects.all():
        children = Page.objects.filter(path__startswith=index.path).exclude(pk=index.pk)
        depth = index.depth + 1
        wrong = (
            children.exclude(depth=depth).count()
            + children.filter(depth=depth)
            .exclude(path__regex=rf"^{index.path}[0-9A-Z]{{{Page.steplen}}}$")
            .count()
        )
        if wrong:
            problems.append(f"{wrong} pages under {index.url_path} with a wrong path or depth")
        count = children.filter(depth=depth).count()
        if count != index.numchild:
            problems.append(f"{index.url_path} says it has {index.numchild} children, it has {count}")
    return problems


def synthetic_page_ids() -> list[int]:
    return list(
        Page.objects.filter(
            slug__startswith=PREFIX, content_type=ContentType.objects.get_for_model(NewsPage)
        ).values_list("pk", flat=True)
    )


def remove(progress: Progress = _quiet) -> dict[str, int]:
    """Delete everything `generate` made (and only that): `syn-` sites and news, their index
    entries and the tourism figures marked synthetic."""
    removed: dict[str, int] = {}
    with transaction.atomic():
        removed["search documents"] = (
            SearchDocument.objects.filter(kind="site", key__startswith=PREFIX)
            .delete()[1]
            .get(SearchDocument._meta.label, 0)
        )
        site_ids = list(Site.objects.filter(code__startswith=PREFIX).values_list("pk", flat=True))
        for start in progress(
            range(0, len(site_ids), BATCH), desc="removing sites", total=(len(site_ids) + BATCH - 1) // BATCH
        ):
            Site.objects.filter(pk__in=site_ids[start : start + BATCH]).delete()
        removed["sites"] = len(site_ids)
        page_ids = synthetic_page_ids()
        page_type = ContentType.objects.get_for_model(Page)
        for start in progress(
            range(0, len(page_ids), BATCH), desc="removing news", total=(len(page_ids) + BATCH - 1) // BATCH
        ):
            chunk = page_ids[start : start + BATCH]
            keys = [str(pk) for pk in chunk]
            removed["search documents"] += (
                SearchDocument.objects.filter(kind="news", key__in=keys)
                .delete()[1]
                .get(SearchDocument._meta.label, 0)
            )
            Revision.objects.filter(base_content_type=page_type, object_id__in=keys).delete()
            NewsPageTag.objects.filter(content_object_id__in=chunk).delete()
            NewsPageSite.objects.filter(page_id__in=chunk).delete()
            # Straight DELETEs: Django's cascade would load 100,000 pages to send signals nobody
            # needs here, and treebeard's tree-aware delete builds one condition per page.
            NewsPage.objects.filter(pk__in=chunk)._raw_delete(connection.alias)
            Page.objects.filter(pk__in=chunk)._raw_delete(connection.alias)
        removed["news pages"] = len(page_ids)
        for index in NewsIndexPage.objects.all():
            Page.objects.filter(pk=index.pk).update(numchild=index.get_children().count())
        figures = _remove_statistics()
        if figures is not None:
            removed["monthly figures"] = figures
    return removed


def _statistics_module():
    try:
        from geopark.tourism import synthetic
    except ImportError:  # the tourism app is optional for the rest of the synthetic data
        return None
    return synthetic


def _remove_statistics() -> int | None:
    module = _statistics_module()
    return None if module is None else module.remove_statistics()


def generate(
    *,
    sites: int,
    news: int,
    establishments: int,
    years: int,
    seed: int = 1,
    progress: Progress = _quiet,
    show_progress: bool = False,
) -> Outcome:
    """Remove earlier synthetic data, then add sites, news (with some translations), their search
    documents, and tourism statistics. The same seed gives the same data."""
    geopark = Geopark.objects.order_by("pk").first()
    if geopark is None:
        raise NotLoaded("No geopark: run load_geopark first.")
    if settings.LANGUAGE_CODE not in news_indexes():
        raise NotLoaded("No Vietnamese news index: run load_geopark first.")
    remove(progress)
    rng = random.Random(seed)
    outcome = Outcome()
    with transaction.atomic(), lookup_index_suspended(), _large_sqlite_cache():
        outcome.sites = generate_sites(geopark, sites, rng, progress)
        outcome.news, outcome.translations = generate_news(news, rng, progress=progress)
    outcome.documents = SearchDocument.objects.count()
    module = _statistics_module()
    if module is not None and establishments:
        outcome.figures = module.generate_statistics(establishments, years, seed, show_progress)
    refresh_statistics()
    return outcome


@contextmanager
def _large_sqlite_cache() -> Iterator[None]:
    """256 MB of SQLite page cache while inserting (they touch large tables all over), then the
    connection's own setting again (settings.SQLITE_CACHE_MB)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute("PRAGMA cache_size = -262144")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def refresh_statistics() -> None:
    """After a bulk load, what PostgreSQL's autovacuum would do in its own time, at once, so that
    measurements right after see a settled database: VACUUM ANALYZE gives the planner statistics and
    sets the visibility map, without which an index-only scan still reads the table (a search at
    scale took 600 ms instead of 30). SQLite keeps no statistics unless told to, and a site's
    database never is, so neither is this one."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return  # VACUUM cannot run inside a transaction (a test's); autovacuum will do it
    # The application's own tables: the database's shared catalogs belong to a superuser.
    tables = ", ".join(connection.ops.quote_name(t) for t in connection.introspection.table_names())
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM ANALYZE {tables}")
