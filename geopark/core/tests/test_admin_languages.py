"""The Vietnamese admin is in Vietnamese and the English admin in English, for a superuser and for an
editor: no two menu entries share a label, and the menu, the headings and the breadcrumbs of the
admin home (and its summary) and of every page the menu opens hold no word of the other language."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup

from geopark.heritage.tests.factories import SiteFactory

pytestmark = pytest.mark.django_db

# Letters only Vietnamese writes (đ, ư, ơ, ă and the tone marks): none belongs in the English admin.
VIETNAMESE = re.compile(
    r"[đăâêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ]", re.IGNORECASE
)
# Words of Wagtail's and the apps' menus and headings: none belongs in the Vietnamese admin.
ENGLISH = re.compile(
    r"\b(Pages?|Images?|Documents?|Search|Settings|Users?|Groups?|Sites?|Collections?|Redirects?|"
    r"Reports?|Help|Account|Log out|Dashboard|Snippets?|Workflows?|Tasks?|Locales?|Translations?|"
    r"Shortcuts|Guide|History|Summary|Locked|Aging|Usage|Live|Draft|Code|Name|Status|Title|"
    r"Updated|Filter|Add|Edit|Delete|new)\b"
)


def menu_entries(html: str) -> list[tuple[str, str | None]]:
    """Every entry of the admin's sidebar (submenus flattened) as (label, address)."""
    props = BeautifulSoup(html, "html.parser").find(id="wagtail-sidebar-props")
    entries: list[tuple[str, str | None]] = []

    def walk(node) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            if "_type" in node:
                walk(node.get("_args", []))
            elif "label" in node:
                entries.append((node["label"], node.get("url")))

    walk(json.loads(props.string)["modules"])
    return entries


def headings(html: str) -> list[str]:
    """A page's headings, breadcrumbs and (on the home) summary, each as one line of text."""
    soup = BeautifulSoup(html, "html.parser")
    found = soup.select("h1, h2, h3, [data-controller~='w-breadcrumbs'] nav a, .w-summary__list a")
    return [" ".join(h.get_text(" ", strip=True).split()) for h in found]


@pytest.fixture
def world(geopark):
    # Names in the language under test's neighbour would be data, not interface: keep them plain.
    SiteFactory(geopark=geopark, code="LS-1", name_vi="Hang A", name_en="Cave A", name_zh="A")


@pytest.mark.parametrize("persona", ["admin_user", "editor"])
@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_admin_speaks_one_language_and_names_each_menu_entry_once(client, world, request, persona, lang):
    client.force_login(request.getfixturevalue(persona))
    home = client.get("/admin/", HTTP_ACCEPT_LANGUAGE=lang)
    assert home.status_code == 200
    entries = menu_entries(home.content.decode())
    labels = [label for label, _url in entries]
    assert len(labels) > 5
    assert sorted({label for label in labels if labels.count(label) > 1}) == []

    other = VIETNAMESE if lang == "en" else ENGLISH
    leaks = {f"menu: {label}" for label in labels if other.search(label)}
    # A superuser's menu opens every page an editor's does: an editor's pages are not visited again.
    pages = (
        {url for _label, url in entries if url and url.startswith("/admin/")}
        if persona == "admin_user"
        else ()
    )
    for address in ["/admin/", *sorted(pages)]:
        response = client.get(address, HTTP_ACCEPT_LANGUAGE=lang)
        assert response.status_code in (200, 404), address  # the plan board without a plan: 404
        leaks |= {f"{address}: {text}" for text in headings(response.content.decode()) if other.search(text)}
    assert sorted(leaks) == []
