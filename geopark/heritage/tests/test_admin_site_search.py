"""The admin's site list searches by code, by Vietnamese name with or without its diacritics (đ
included) and by English name, through the real list view."""

from __future__ import annotations

import pytest
from django.urls import reverse

from geopark.heritage.models import Site

from .factories import SiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sites(geopark):
    return {
        "dong-dang": SiteFactory(
            geopark=geopark, code="LS-017", name_vi="Ga Đồng Đăng", name_en="Dong Dang Station"
        ),
        "tam-thanh": SiteFactory(
            geopark=geopark, code="LS-002", name_vi="Động Tam Thanh", name_en="Tam Thanh Cave"
        ),
        "draft": SiteFactory(
            geopark=geopark,
            code="LS-099",
            name_vi="Hang Đá Chưa Duyệt",
            name_en="Unreviewed Cave",
            live=False,
        ),
    }


@pytest.mark.parametrize(
    ("query", "found", "not_found"),
    [
        ("LS-017", "LS-017", "LS-002"),  # the code
        ("ls-00", "LS-002", "LS-017"),  # the start of a code, any case
        ("Đồng Đăng", "LS-017", "LS-002"),  # the Vietnamese name as written
        ("dong dang", "LS-017", "LS-002"),  # … without diacritics, đ as d
        ("DONG DANG", "LS-017", "LS-002"),
        ("tam thanh cave", "LS-002", "LS-017"),  # the English name
        ("chua duyet", "LS-099", "LS-017"),  # a site not yet published is found too
    ],
)
def test_the_admin_site_list_finds_sites_by_code_and_name(client, admin_user, sites, query, found, not_found):
    client.force_login(admin_user)
    for view in ("list", "list_results"):
        response = client.get(reverse(Site.snippet_viewset.get_url_name(view)), {"q": query})
        assert response.status_code == 200
        html = response.content.decode()
        assert found in html
        assert not_found not in html


def test_an_editor_searches_the_site_list_too(client, editor, sites):
    client.force_login(editor)
    response = client.get(reverse(Site.snippet_viewset.get_url_name("list")), {"q": "ga dong dang"})
    assert response.status_code == 200
    assert "LS-017" in response.content.decode()
