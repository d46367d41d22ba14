"""Pages are written in Vietnamese and translated with wagtail-localize. A reader asking for a page
that is not translated yet gets the original with a notice, never a 404; editors see which pages
are missing, in progress, up to date or out of date."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from geopark.content.models import FALLBACK_NOTICES
from geopark.content.selectors import Status, translation_pages, translation_status

from . import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(home_pages):
    index = factories.news_index("vi")
    factories.translate(index, "en", {"Tin tức": "News"})
    article = factories.article(index, title="Tin chưa dịch", slug="tin-chua-dich", lead="Chỉ có tiếng Việt.")
    about = factories.standard_page("vi", title="Giới thiệu", slug="about", intro="Về công viên.")
    return {"index": index, "article": article, "about": about}


def notice(lang: str) -> str:
    with translation.override(lang):
        return str(FALLBACK_NOTICES[lang]).replace("'", "&#x27;")


@pytest.mark.parametrize(
    ("lang", "path"),
    [
        ("en", "/en/news/tin-chua-dich/"),
        ("zh", "/zh/news/tin-chua-dich/"),
        ("zh", "/zh/news/"),
        ("en", "/en/about/"),
    ],
)
def test_an_untranslated_page_shows_the_original_with_a_notice(client, tree, lang, path):
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    assert notice(lang) in html
    assert f'<html lang="{lang}"' in html  # menus and the notice stay in the reader's language
    assert 'lang="vi"' in html  # the page's own text is marked as Vietnamese
    vi_path = "/vi/" + path.split("/", 2)[2]
    assert f'<link rel="canonical" href="http://testserver{vi_path}">' in html


def test_the_original_is_shown_in_its_own_language_without_a_notice(client, tree):
    html = client.get("/vi/news/tin-chua-dich/").content.decode()
    assert notice("en") not in html
    assert notice("zh") not in html
    assert "Tin chưa dịch" in html


def test_a_translation_still_in_draft_is_not_shown_the_original_is(client, tree):
    en = Locale.objects.get(language_code="en")
    TranslationCreator(None, [en]).create_translations(tree["article"])  # "Translate this page"
    draft = tree["article"].get_translation(en)
    assert not draft.live  # created as a draft until a translator publishes it
    response = client.get("/en/news/tin-chua-dich/")
    assert response.status_code == 200
    assert notice("en") in response.content.decode()


def test_a_published_translation_is_shown_without_a_notice(client, tree):
    factories.translate(
        tree["article"], "en", {"Tin chưa dịch": "Now translated", "Chỉ có tiếng Việt.": "In English."}
    )
    html = client.get("/en/news/tin-chua-dich/").content.decode()
    assert "Now translated" in html
    assert notice("en") not in html


def test_a_page_that_exists_in_no_language_is_still_a_404(client, tree):
    assert client.get("/en/news/no-such-article/").status_code == 404
    assert client.get("/vi/news/no-such-article/").status_code == 404


def test_translating_goes_through_wagtail_localize(tree):
    en_index = tree["index"].get_translation(Locale.objects.get(language_code="en"))
    source = TranslationSource.objects.get_for_instance(tree["index"])
    assert Translation.objects.filter(source=source, target_locale__language_code="en").exists()
    assert en_index.title == "News"
    assert en_index.live


def statuses(page) -> dict[str, str]:
    return next(row.statuses for row in translation_status(translation_pages()) if row.page.pk == page.pk)


def test_translation_status_tells_missing_in_progress_up_to_date_and_out_of_date(tree):
    article = tree["article"]
    assert statuses(article) == {"en": Status.MISSING, "zh": Status.MISSING}

    en = Locale.objects.get(language_code="en")
    TranslationCreator(None, [en]).create_translations(article)
    assert statuses(article)["en"] == Status.IN_PROGRESS  # a draft with nothing translated yet

    factories.translate(
        article,
        "en",
        {
            "Tin chưa dịch": "Not yet translated",
            "Chỉ có tiếng Việt.": "Only Vietnamese.",
            "Nội dung bài viết.": "The text.",
        },
    )
    assert statuses(article)["en"] == Status.UP_TO_DATE

    article.lead = "Đã sửa bản gốc."
    article.save_revision().publish()
    assert statuses(article)["en"] == Status.OUT_OF_DATE
    assert statuses(tree["index"]) == {"en": Status.UP_TO_DATE, "zh": Status.MISSING}


def test_the_translation_status_report_costs_a_fixed_number_of_queries(tree, django_assert_max_num_queries):
    for _ in range(10):
        factories.translate(factories.article(tree["index"]), "en")
    with django_assert_max_num_queries(10):
        translation_status(translation_pages())


def test_editors_see_the_translation_status_report(client, editor, tree):
    client.force_login(editor)
    response = client.get(reverse("translation_status"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tin chưa dịch" in html
    assert reverse("wagtail_localize:submit_page_translation", args=[tree["article"].pk]) in html
    assert reverse("translation_status") in client.get(reverse("wagtailadmin_home")).content.decode()


def test_the_report_works_out_one_page_of_originals_at_a_time(client, editor, tree, monkeypatch):
    from geopark.content import selectors
    from geopark.content.admin_views import TranslationStatusView

    # Four originals (home, news index, article, about) in pages of two, in tree order.
    monkeypatch.setattr(TranslationStatusView, "paginate_by", 2)
    worked_out = []
    real = selectors.translation_status
    monkeypatch.setattr(
        selectors, "translation_status", lambda pages: worked_out.append(len(pages)) or real(pages)
    )
    client.force_login(editor)
    url = reverse("translation_status_results")
    html_1, html_2 = client.get(url).content.decode(), client.get(url, {"p": 2}).content.decode()
    assert "Tin chưa dịch" in html_2
    assert "Tin chưa dịch" not in html_1
    assert "Giới thiệu" in html_2
    assert "Giới thiệu" not in html_1
    assert worked_out == [2, 2]  # the statuses of the listed originals only
    # Ten more translated articles: the first page costs the same queries as before.
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(10):
        factories.translate(factories.article(tree["index"]), "en")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(few) == len(many)
    for junk in ("abc", "0", "99999"):
        assert client.get(url, {"p": junk}).status_code == 200


def test_the_reports_count_of_originals_follows_additions_moves_deletions_and_translations(tree):
    from geopark.content.selectors import translation_page_count

    def counts() -> tuple[int, int]:
        return translation_page_count(), translation_pages().count()

    assert counts() == (4, 4)  # home, news index, article, about
    extra = [factories.article(tree["index"]) for _ in range(3)]
    factories.translate(extra[0], "en")  # a translation is not an original
    assert counts() == (7, 7)
    extra[1].move(tree["about"], pos="last-child")  # one level deeper, under a page that had none
    assert counts() == (7, 7)
    tree["about"].refresh_from_db()
    tree["about"].delete()  # with the page moved under it
    assert counts() == (5, 5)


def test_people_without_page_rights_do_not_see_the_report(client, visitor, tree):
    client.force_login(visitor)
    assert client.get(reverse("translation_status")).status_code in (302, 403)


def test_an_editor_can_send_a_page_for_translation(client, editor, tree):
    client.force_login(editor)
    url = reverse("wagtail_localize:submit_page_translation", args=[tree["about"].pk])
    assert client.get(url).status_code == 200
    en, zh = Locale.objects.get(language_code="en"), Locale.objects.get(language_code="zh")
    response = client.post(url, {"locales": [en.pk, zh.pk]})
    assert response.status_code == 302
    assert tree["about"].get_translations().filter(locale__in=[en, zh]).count() == 2
