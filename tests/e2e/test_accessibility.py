"""An automated WCAG 2.1 A/AA audit of every public page type with axe-core, in a real browser.

axe-core (MPL-2.0, vendored in tests/e2e/vendor/ with its licence) is injected into each page after
it has loaded. The public pages' Content-Security-Policy forbids inline scripts, which is how
Playwright injects a script file, so the audit's browser context bypasses CSP; nothing else runs
differently from what a visitor gets."""

from __future__ import annotations

from pathlib import Path

import pytest

from geopark.events.models import DatePrecision, Event
from geopark.heritage.models import Precision, Site
from geopark.routes.models import Route

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
BLOCKING = {"serious", "critical"}


def public_paths() -> list[str]:
    """One page of every public type, with records from the shipped dataset."""
    from django.apps import apps

    pinned = Site.objects.public().pinned().order_by("code").first()
    area = Site.objects.public().filter(precision=Precision.COMMUNE).order_by("code").first()
    route = Route.objects.order_by("number").first()
    dated = Event.objects.published().filter(date_precision=DatePrecision.DAY).order_by("start_date").first()
    tba = Event.objects.published().filter(date_precision=DatePrecision.YEAR).order_by("slug").first()
    paths = [
        "/{lang}/",
        "/{lang}/sites/",
        f"/{{lang}}/sites/{pinned.slug}/",
        f"/{{lang}}/sites/{area.slug}/",
        "/{lang}/routes/",
        f"/{{lang}}/routes/{route.number}-{route.slug}/",
        "/{lang}/map/",
        "/{lang}/search/",
        "/{lang}/search/?q=hang",
        "/{lang}/events/",
        f"/{{lang}}/events/month/?month={dated.start_date:%Y-%m}",
        "/{lang}/events/past/",
        f"/{{lang}}/events/{dated.slug}/",
        f"/{{lang}}/events/{tba.slug}/",
        "/{lang}/education/",
        "/{lang}/plan/",
    ]
    if apps.is_installed("geopark.museum"):
        paths.append("/{lang}/collection/")
        item = apps.get_model("museum", "CollectionItem").objects.public().order_by("pk").first()
        if item is not None:
            paths.append(f"/{{lang}}/collection/{item.slug}/")
    if apps.is_installed("geopark.content"):
        from wagtail.models import Page

        for model_name in ("newsindexpage", "newspage", "standardpage", "contactpage"):
            page = (
                Page.objects.live()
                .public()
                .filter(content_type__model=model_name, locale__language_code="vi")
                .order_by("path")
                .first()
            )
            if page is not None:
                # The page's address without its language prefix, so each language's tree is audited.
                paths.append("/{lang}/" + page.url.split("/", 2)[2])
    return paths


def audit(page, url: str) -> list[str]:
    page.goto(url, wait_until="load")
    if page.locator("[data-map]").count():
        page.wait_for_function(
            "document.querySelector('[data-map]').classList.contains('is-live')", timeout=15_000
        )
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG_TAGS,
    )
    problems = []
    for violation in result["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:4]]
            problems.append(
                f"{url}: {violation['id']} ({violation['impact']}): {violation['help']} → {targets}"
            )
    return problems


@pytest.fixture
def audit_page(browser, request):
    width, height = request.param
    context = browser.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize(
    ("audit_page", "lang"),
    [((1366, 900), "vi"), ((390, 844), "en")],
    indirect=["audit_page"],
    ids=["desktop-vi", "phone-en"],
)
def test_every_public_page_type_passes_axe_wcag_aa(audit_page, live_server, langson, lang):
    paths = public_paths()
    assert len(paths) >= 15
    problems: list[str] = []
    for path in paths:
        problems += audit(audit_page, live_server.url + path.format(lang=lang))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("audit_page", [(1366, 900)], indirect=True)
def test_the_audit_reports_what_it_should(audit_page):
    """The audit can fail: an image without a text alternative and an unlabelled field are caught."""
    audit_page.set_content(
        '<html lang="en"><head><title>t</title></head><body><main><h1>T</h1>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text"></main></body></html>'
    )
    audit_page.add_script_tag(path=str(AXE))
    result = audit_page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_TAGS
    )
    found = {v["id"] for v in result["violations"] if v["impact"] in BLOCKING}
    assert {"image-alt", "label"} <= found
