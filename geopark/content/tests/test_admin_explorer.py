"""The page explorer lists a page's children, only those the person may explore, and asks the
database for them by depth (content.explorer) rather than through every page's id."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail_localize import wagtail_hooks as localize_hooks

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_pages):
    index = factories.news_index("vi")
    articles = [factories.article(index) for _ in range(3)]
    about = factories.standard_page("vi", title="Giới thiệu", slug="about", intro="Về công viên.")
    return {"index": index, "articles": articles, "about": about}


@pytest.fixture
def news_writer(db, tree):
    """Nam writes news and nothing else: page rights on the news index only."""
    user = get_user_model().objects.create_user("nam", "nam@example.org", "nam-secret-pw")
    group = Group.objects.create(name="News writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(group=group, page=tree["index"],
                                           permission=Permission.objects.get(codename=codename))
    user.groups.add(group)
    return user


def listed(client, parent: Page | None) -> tuple[set[int], list[str]]:
    """The pages the explorer lists under `parent` (None: the tree's root), and its statements."""
    url = reverse("wagtailadmin_explore", args=[parent.pk]) if parent else reverse("wagtailadmin_explore_root")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return {page.pk for page in response.context["pages"]}, [q["sql"] for q in queries.captured_queries]


def wagtails_answer(user, parent: Page) -> set[int]:
    explorable = PagePermissionPolicy().explorable_instances(user)
    return set(parent.get_children().filter(pk__in=explorable.values_list("pk", flat=True))
               .values_list("pk", flat=True))


@pytest.mark.parametrize("persona", ["admin_user", "editor", "news_writer"])
def test_the_explorer_lists_the_children_wagtail_would_list_for_each_role(client, request, persona, tree):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    home = tree["index"].get_parent()
    parents = [tree["index"]] if persona == "news_writer" else [Page.get_first_root_node(), home, tree["index"]]
    for parent in parents:
        pages, _ = listed(client, parent)
        assert pages == wagtails_answer(user, parent)
    assert {a.pk for a in tree["articles"]} <= listed(client, tree["index"])[0]
    if persona == "news_writer":  # above the news, Wagtail sends him down to it
        response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_explore", args=[tree["index"].pk])


def test_browsing_reads_the_children_without_a_list_of_every_page_in_the_same_queries(client, admin_user, tree):
    client.force_login(admin_user)
    _, few = listed(client, tree["index"])
    for _ in range(12):
        factories.article(tree["index"])
    pages, many = listed(client, tree["index"])
    assert len(pages) == 15
    assert len(few) == len(many)
    assert not [sql for sql in many if '"wagtailcore_page"."id" IN (SELECT' in sql]


def row_links(html: str, page: Page) -> list[str]:
    """The wagtail-localize links in the page's row of the listing (its menu of buttons)."""
    start = html.index(f'href="{reverse("wagtailadmin_pages:edit", args=[page.pk])}"')
    row = html[start:html.index("</tr>", start)]
    return sorted(set(re.findall(r'href="(/admin/localize/[^"?]*)', row)))


def localizes_answer(page: Page, user) -> list[str]:
    buttons = localize_hooks.page_listing_more_buttons(Page.objects.get(pk=page.pk), user)
    return sorted({button.url.split("?")[0] for button in buttons})


@pytest.mark.parametrize("persona", ["admin_user", "news_writer"])
def test_each_rows_menu_offers_to_translate_or_sync_as_wagtail_localize_would(client, request, persona, tree):
    """Its two buttons, answered from the listing's own query: for a page never translated, one
    translated into every language, one translated into some; for someone who may translate and
    someone who may not."""
    user = request.getfixturevalue(persona)
    client.force_login(user)
    untouched, everywhere, partly = tree["articles"]
    for lang in ("en", "zh"):
        factories.translate(everywhere, lang)
    factories.translate(partly, "en")
    html = client.get(reverse("wagtailadmin_explore", args=[tree["index"].pk])).content.decode()
    answers = {page.pk: row_links(html, page) for page in tree["articles"]}
    assert answers == {page.pk: localizes_answer(page, user) for page in tree["articles"]}
    if persona == "admin_user":  # the cases are the ones meant
        translate, sync = "/submit/page/", "/update/"
        assert [any(translate in link for link in answers[p.pk]) for p in tree["articles"]] == [True, False, True]
        assert [any(sync in link for link in answers[p.pk]) for p in tree["articles"]] == [False, True, True]
    else:
        assert not any(answers.values())


def test_searching_the_explorer_still_finds_pages(client, admin_user, tree):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_explore", args=[tree["index"].get_parent().pk])
    response = client.get(url, {"q": "Giới thiệu"})
    assert response.status_code == 200
