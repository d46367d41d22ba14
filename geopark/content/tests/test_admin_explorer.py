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
        GroupPagePermission.objects.create(
            group=group, page=tree["index"], permission=Permission.objects.get(codename=codename)
        )
    user.groups.add(group)
    return user


@pytest.fixture
def two_sections_writer(db, tree):
    """Tâm keeps the news and the about page: page rights on each, and none on the home page."""
    user = get_user_model().objects.create_user("tam", "tam@example.org", "tam-secret-pw")
    group = Group.objects.create(name="Section keepers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in (tree["index"], tree["about"]):
        GroupPagePermission.objects.create(
            group=group, page=page, permission=Permission.objects.get(codename="change_page")
        )
    user.groups.add(group)
    return user


def listed(client, parent: Page | None) -> tuple[set[int], list[str]]:
    """The pages the explorer lists under `parent` (None: the tree's root), and its statements."""
    url = (
        reverse("wagtailadmin_explore", args=[parent.pk]) if parent else reverse("wagtailadmin_explore_root")
    )
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return {page.pk for page in response.context["pages"]}, [q["sql"] for q in queries.captured_queries]


def wagtails_answer(user, parent: Page) -> set[int]:
    explorable = PagePermissionPolicy().explorable_instances(user)
    return set(
        parent.get_children()
        .filter(pk__in=explorable.values_list("pk", flat=True))
        .values_list("pk", flat=True)
    )


@pytest.mark.parametrize("persona", ["admin_user", "editor", "news_writer"])
def test_the_explorer_lists_the_children_wagtail_would_list_for_each_role(client, request, persona, tree):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    home = tree["index"].get_parent()
    parents = (
        [tree["index"]] if persona == "news_writer" else [Page.get_first_root_node(), home, tree["index"]]
    )
    for parent in parents:
        pages, _ = listed(client, parent)
        assert pages == wagtails_answer(user, parent)
    assert {a.pk for a in tree["articles"]} <= listed(client, tree["index"])[0]
    if persona == "news_writer":  # above the news, Wagtail sends him down to it
        response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
        assert response.status_code == 302
        assert response["Location"] == reverse("wagtailadmin_explore", args=[tree["index"].pk])


def test_browsing_reads_the_children_without_a_list_of_every_page_in_the_same_queries(
    client, admin_user, tree
):
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
    row = html[start : html.index("</tr>", start)]
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
        assert [any(translate in link for link in answers[p.pk]) for p in tree["articles"]] == [
            True,
            False,
            True,
        ]
        assert [any(sync in link for link in answers[p.pk]) for p in tree["articles"]] == [False, True, True]
    else:
        assert not any(answers.values())


def counts_pages(queries: list[str]) -> bool:
    return any(sql.startswith("SELECT COUNT(*)") and '"wagtailcore_page"' in sql for sql in queries)


def test_a_listing_counts_its_pages_from_the_tree_when_every_child_is_listed(client, admin_user, tree):
    client.force_login(admin_user)
    for _ in range(52):  # 55 articles: two pages of 50
        factories.article(tree["index"])
    url = reverse("wagtailadmin_explore", args=[tree["index"].pk])
    with CaptureQueriesContext(connection) as queries:
        first = client.get(url)
    assert not counts_pages([q["sql"] for q in queries.captured_queries])
    assert first.context["paginator"].count == 55
    assert first.context["paginator"].num_pages == 2
    second = client.get(url, {"p": 2})
    shown = [page.pk for page in first.context["pages"]] + [page.pk for page in second.context["pages"]]
    assert sorted(shown) == sorted(tree["index"].get_children().values_list("pk", flat=True))
    # Last updated first, as Wagtail orders it (read from the index of content 0006).
    stamps = [page.latest_revision_created_at for page in first.context["pages"]]
    assert stamps == sorted(stamps, reverse=True)
    # A search counts what it finds.
    found = client.get(url, {"q": "zzz-nothing"})
    assert found.context["paginator"].count == 0


def test_a_listing_of_only_some_children_counts_those(client, two_sections_writer, tree):
    factories.standard_page("vi", title="Liên hệ", slug="lien-he", intro="Địa chỉ.")  # not his
    client.force_login(two_sections_writer)
    home = tree["index"].get_parent()
    home.refresh_from_db()
    response = client.get(reverse("wagtailadmin_explore", args=[home.pk]))
    assert response.status_code == 200
    assert {page.pk for page in response.context["pages"]} == {tree["index"].pk, tree["about"].pk}
    assert response.context["paginator"].count == 2 < home.numchild


def test_searching_the_explorer_still_finds_pages(client, admin_user, tree):
    client.force_login(admin_user)
    url = reverse("wagtailadmin_explore", args=[tree["index"].get_parent().pk])
    response = client.get(url, {"q": "Giới thiệu"})
    assert response.status_code == 200
    found = {page.pk for page in response.context["pages"]}
    assert tree["about"].pk in found
    assert tree["index"].pk not in found
