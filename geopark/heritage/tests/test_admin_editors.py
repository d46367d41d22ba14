"""Editors don't get lost in the site admin: the list says each site's state in words and finds
sites by code and name, the editor previews and links to the public page, a saved draft says who
sees what, and a text changed in one language flags the others for review."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from geopark.content.services import ensure_board_workflow
from geopark.heritage.models import Site
from geopark.users.services import APPROVERS

from .factories import SiteFactory
from .test_admin import form_for

pytestmark = pytest.mark.django_db


def url(name: str, *args) -> str:
    return reverse(Site.snippet_viewset.get_url_name(name), args=args)


def in_lang(lang: str, text: str) -> str:
    with translation.override(lang):
        return gettext(text)


@pytest.fixture
def board(editor, approver):
    ensure_board_workflow(approvers=Group.objects.get(name=APPROVERS))


def column_of(html: str, code: str) -> str:
    """The list's row of the site with this code, as text."""
    from bs4 import BeautifulSoup

    for row in BeautifulSoup(html, "html.parser").select("tbody tr"):
        text = " ".join(row.get_text(" ", strip=True).split())
        if code in text:
            return text
    raise AssertionError(f"{code} is not in the list")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_site_list_says_live_draft_changes_and_in_review_in_words(client, board, editor, geopark, lang):
    SiteFactory(geopark=geopark, code="S-LIVE")
    changed = SiteFactory(geopark=geopark, code="S-DRAFT")
    waiting = SiteFactory(geopark=geopark, code="S-REVIEW")
    SiteFactory(geopark=geopark, code="S-NEW", live=False)
    client.force_login(editor)
    client.post(url("edit", changed.pk), form_for(changed, name_en="Changed"))
    client.post(url("edit", waiting.pk), form_for(waiting, name_en="Waiting", **{"action-submit": "1"}))

    html = client.get(url("list"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()

    assert in_lang(lang, "Live") in column_of(html, "S-LIVE")
    assert in_lang(lang, "Draft changes") in column_of(html, "S-DRAFT")
    assert in_lang(lang, "In review") in column_of(html, "S-REVIEW")
    assert in_lang(lang, "Not yet published") in column_of(html, "S-NEW")
    assert "True" not in html
    assert "False" not in html
    if lang == "vi":
        assert "Draft changes" not in html


@pytest.mark.parametrize("query", ["ĐỒNG ĐĂNG", "đồng đăng", "Dong Dang", "ls-01"])
def test_the_site_list_finds_an_upper_case_đ_and_a_code_start(client, editor, geopark, query):
    SiteFactory(geopark=geopark, code="LS-017", name_vi="Ga Đồng Đăng", name_en="Station")
    SiteFactory(geopark=geopark, code="LS-200", name_vi="Động Tam Thanh", name_en="Tam Thanh Cave")
    client.force_login(editor)
    html = client.get(url("list"), {"q": query}).content.decode()
    assert "LS-017" in html
    assert "LS-200" not in html


def test_saving_a_draft_says_visitors_still_see_the_live_version(client, board, editor, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(editor)
    response = client.post(url("edit", site.pk), form_for(site, name_en="Changed"), follow=True)
    html = response.content.decode()
    expected = in_lang("vi", "Draft saved. Visitors still see the live version until it is published.")
    assert expected in html


def test_saving_a_draft_of_a_new_site_says_visitors_do_not_see_it_yet(client, board, editor, geopark):
    site = SiteFactory(geopark=geopark, live=False)
    client.force_login(editor)
    response = client.post(url("edit", site.pk), form_for(site, name_en="Changed"), follow=True)
    expected = in_lang("vi", "Draft saved. Visitors do not see this site until it is published.")
    assert expected in response.content.decode()


def test_the_site_editor_previews_and_links_to_the_public_page_in_vietnamese(client, editor, geopark):
    site = SiteFactory(geopark=geopark, slug="hang-gio")
    client.force_login(editor)
    html = client.get(url("edit", site.pk), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert 'href="/vi/sites/hang-gio/"' in html
    assert in_lang("en", "View on site") in html
    assert url("preview_on_edit", site.pk) in html
    preview = client.post(url("preview_on_edit", site.pk), form_for(site, name_vi="Hang Gió Mới"))
    assert preview.json()["is_valid"]
    assert "Hang Gió Mới" in client.get(url("preview_on_edit", site.pk)).content.decode()


def test_a_site_not_yet_published_has_no_view_on_site_link(client, editor, geopark):
    site = SiteFactory(geopark=geopark, slug="hang-moi", live=False)
    client.force_login(editor)
    html = client.get(url("edit", site.pk)).content.decode()
    assert "/vi/sites/hang-moi/" not in html


# Review flags: a text changed in one language flags the others that have a text of their own.


def publish(client, site, **changes):
    return client.post(url("edit", site.pk), form_for(site, **changes, **{"action-publish": "1"}))


def test_changing_the_vietnamese_text_flags_english_and_chinese_for_review(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark, name_zh="石洞", summary_zh="")
    client.force_login(admin_user)
    response = publish(client, site, summary_vi="Một hang động mới được khảo sát.")
    assert response.status_code == 302
    site.refresh_from_db()
    assert site.needs_review == ["en", "zh"]


def test_a_language_without_any_text_of_its_own_is_not_flagged(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark, name_zh="", summary_zh="", description_zh="")
    client.force_login(admin_user)
    publish(client, site, summary_vi="Một hang động mới được khảo sát.")
    site.refresh_from_db()
    assert site.needs_review == ["en"]


def test_changing_english_and_vietnamese_together_flags_only_chinese(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(admin_user)
    publish(client, site, summary_vi="Hang mới.", summary_en="A new cave.")
    site.refresh_from_db()
    assert site.needs_review == ["zh"]


def test_changing_the_english_text_flags_the_vietnamese_original(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(admin_user)
    publish(client, site, description_en="The cave lies in Devonian limestone.")
    site.refresh_from_db()
    assert site.needs_review == ["vi", "zh"]


def test_editing_a_flagged_language_clears_its_flag(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark, needs_review=["en", "zh"])
    client.force_login(admin_user)
    publish(client, site, summary_en="A limestone cave, newly surveyed.")
    site.refresh_from_db()
    # English was edited: its flag goes; Vietnamese now lags behind English.
    assert site.needs_review == ["vi", "zh"]


def test_confirming_a_flagged_language_clears_its_flag(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark, needs_review=["en", "zh"])
    client.force_login(admin_user)
    publish(client, site, review_confirmed_zh="on")
    site.refresh_from_db()
    assert site.needs_review == ["en"]


def test_a_save_that_changes_no_text_keeps_the_flags(client, admin_user, geopark):
    site = SiteFactory(geopark=geopark, needs_review=["en"])
    client.force_login(admin_user)
    publish(client, site, uncertainty_m=50)
    site.refresh_from_db()
    assert site.needs_review == ["en"]


def test_a_draft_carries_its_review_flags_until_it_is_published(client, board, editor, geopark):
    site = SiteFactory(geopark=geopark)
    client.force_login(editor)
    client.post(url("edit", site.pk), form_for(site, summary_vi="Hang mới."))
    site.refresh_from_db()
    assert site.needs_review == []  # the live row is unchanged
    assert site.get_latest_revision_as_object().needs_review == ["en", "zh"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_list_and_the_editor_show_which_languages_need_review(client, editor, geopark, lang):
    site = SiteFactory(geopark=geopark, code="S-FLAG", needs_review=["zh"])
    SiteFactory(geopark=geopark, code="S-CLEAN")
    client.force_login(editor)
    html = client.get(url("list"), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    chinese = in_lang(lang, "Chinese")
    assert chinese in column_of(html, "S-FLAG")
    assert chinese not in column_of(html, "S-CLEAN")
    editor_html = client.get(url("edit", site.pk), HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert (
        in_lang(
            lang,
            "The text in another language changed since this one was written: check it, then tick the box.",
        )
        in editor_html
    )
    assert 'name="review_confirmed_zh"' in editor_html


def test_a_browsers_line_endings_are_not_a_change_of_text(client, admin_user, geopark):
    # Browsers send a textarea's lines with CRLF: the same text, so no language is flagged or cleared.
    site = SiteFactory(geopark=geopark, description_vi="Dòng một.\nDòng hai.", needs_review=["en"])
    client.force_login(admin_user)
    publish(
        client, site, description_vi="Dòng một.\r\nDòng hai.", description_en=site.description_en + "\r\n"
    )
    site.refresh_from_db()
    assert site.needs_review == ["en"]
