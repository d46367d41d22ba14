"""Issue 18's quality bar, read as a visitor's browser renders the pages: every public page type, in
vi, en and zh, shows none of the inventory's bookkeeping and has a picture on every card.

The world is the unit test's inventory (a site known only to its commune, one with no position,
a stop in an unconfirmed order, a route with official figures), plus a news article, About and
Contact in three languages: small enough for one browser, one tab and one live server to read
39 pages in well under a minute."""

from __future__ import annotations

import pytest

from geopark.content.tests import factories as pages
from tests.test_visitor_pages_keep_bookkeeping_out import (  # noqa: F401 (fixtures used by name)
    LANGS,
    bookkeeping_phrases,
    fixed_today,
    inventory,
)

pytestmark = pytest.mark.browser

PAGE_TYPES = [
    "/{lang}/",
    "/{lang}/sites/",
    "/{lang}/sites/dong-lam/",
    "/{lang}/routes/",
    "/{lang}/routes/1-thuong-ngan/",
    "/{lang}/map/",
    "/{lang}/news/",
    "/{lang}/news/{article}/",
    "/{lang}/events/",
    "/{lang}/search/?q=bac+le",
    "/{lang}/about/",
    "/{lang}/contact/",
    "/{lang}/plan/",
]

# Every card on the page (site, route, event, news, partner, education cards are <article>s whose
# class names a card), with what its picture is: a loaded <img> (lazy ones are made eager and
# awaited, since a test does not scroll) or an inline SVG drawing with a size.
CARD_PICTURES = """async () => {
  const cards = [...document.querySelectorAll('main article[class~="card"], main article[class*="-card"]')];
  const imgs = cards.flatMap((card) => [...card.querySelectorAll('img')]);
  imgs.forEach((img) => { img.loading = 'eager'; });
  await Promise.all(imgs.map((img) => img.complete ? null : new Promise((done) => {
    img.addEventListener('load', done); img.addEventListener('error', done);
  })));
  return cards.map((card) => {
    const title = (card.querySelector('h2, h3, h4, h5') || card).textContent.trim().slice(0, 60);
    const img = [...card.querySelectorAll('img')].find((i) => i.naturalWidth > 0);
    const svg = [...card.querySelectorAll('svg')].find((s) => s.getBoundingClientRect().width > 0);
    return {card: card.className, title, picture: Boolean(img || svg)};
  });
}"""


@pytest.fixture
def visitor_world(inventory):  # noqa: F811 (the imported fixture, by name)
    """The inventory, and the Wagtail pages a visitor reads: news, About, Contact, in every language."""
    index = pages.news_index("vi")
    article = pages.article(
        index, slug="hoi-thao-dia-chat", title="Hội thảo địa chất", site_ids=[inventory["pinned"].pk]
    )
    about = pages.standard_page("vi", slug="about", title="Giới thiệu")
    contact = pages.contact_page("vi")
    for lang in ("en", "zh"):
        for page in (index, article, about, contact):
            pages.translate(page, lang)
    return {**inventory, "article": article}


def test_every_public_page_type_in_three_languages_keeps_bookkeeping_out_and_pictures_every_card(
    page, live_server, visitor_world
):
    leaks, bare, cards_seen = {}, {}, 0
    for lang in LANGS:
        phrases = bookkeeping_phrases(lang)
        for path in PAGE_TYPES:
            url = path.format(lang=lang, article=visitor_world["article"].slug)
            response = page.goto(live_server.url + url, wait_until="load")
            assert response.status == 200, url
            # The rendered page as read: its text and its attributes (titles, map labels, alt texts).
            html = " ".join(page.content().split())
            found = [phrase for phrase in phrases if phrase in html]
            if found:
                leaks[url] = found
            cards = page.evaluate(CARD_PICTURES)
            cards_seen += len(cards)
            missing = [f"{c['card']}: {c['title']}" for c in cards if not c["picture"]]
            if missing:
                bare[url] = missing
    assert leaks == {}
    assert bare == {}
    # The check looked at cards: the site list, the routes, the events and the news list have some.
    assert cards_seen >= 3 * 10


def test_the_picture_check_catches_a_card_whose_image_does_not_load(page):
    """The card check can fail: a card whose image is broken, and one with none, are caught."""
    page.set_content(
        '<main><article class="site-card"><img src="data:image/png;base64,AAAA" alt=""><h3>Broken</h3></article>'
        '<article class="event-card"><h3>Bare</h3></article>'
        '<article class="route-card"><svg width="40" height="20"></svg><h3>Drawn</h3></article></main>'
    )
    cards = page.evaluate(CARD_PICTURES)
    assert [(c["title"], c["picture"]) for c in cards] == [
        ("Broken", False),
        ("Bare", False),
        ("Drawn", True),
    ]
