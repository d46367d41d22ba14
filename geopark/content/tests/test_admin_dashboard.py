"""The admin dashboard's "N pages" is counted from the tree's parents, not page by page, and says
the same number Wagtail's own count would."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Page

from geopark.content.selectors import page_count

from . import factories

pytestmark = pytest.mark.django_db


def wagtails_count() -> int:
    """What Wagtail's summary counts: every page below the tree's root."""
    return Page.objects.descendant_of(Page.get_first_root_node()).count()


@pytest.fixture
def tree(home_pages):
    index = factories.news_index("vi")
    about = factories.standard_page("vi", title="Giới thiệu", slug="about", intro="Về công viên.")
    return {"index": index, "about": about}


def test_the_count_follows_additions_translations_moves_and_deletions(tree):
    assert page_count() == wagtails_count()
    articles = [factories.article(tree["index"]) for _ in range(3)]
    factories.translate(articles[0], "en")
    assert page_count() == wagtails_count()
    articles[1].move(tree["about"], pos="last-child")  # under a page that had no children
    assert page_count() == wagtails_count()
    tree["about"].refresh_from_db()
    tree["about"].delete()  # with the article moved under it
    assert page_count() == wagtails_count()
    assert page_count() > 0


@pytest.mark.parametrize("persona", ["admin_user", "editor"])
def test_the_dashboard_shows_the_count_in_the_same_queries_for_few_or_many_pages(
    client, request, persona, tree
):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("wagtailadmin_home")
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(12):
        factories.article(tree["index"])
    with CaptureQueriesContext(connection) as many:
        html = client.get(url).content.decode()
    assert len(few) == len(many)
    # Wagtail's summary line, in the admin's language (Vietnamese here: core.admin_strings).
    with translation.override("vi"):
        pages = ngettext(
            '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
            '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
            wagtails_count(),
        ).split(" <span")[0] % {"total": wagtails_count()}
    assert pages in " ".join(html.split())
    # No page is counted one by one (Wagtail's own summary counts every page of the tree).
    assert not [
        q
        for q in many.captured_queries
        if "COUNT(" in q["sql"] and "wagtailcore_page" in q["sql"] and "LIKE" in q["sql"]
    ]
