"""Every user-facing string is translated into Vietnamese and Chinese, and none is left out."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.core.management import call_command

CATALOGUES = {
    lang: settings.BASE_DIR / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in ("vi", "zh")
}


def _ids(path) -> set:
    with open(path, "rb") as handle:
        return {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(handle) if m.id}


@pytest.mark.parametrize("lang", sorted(CATALOGUES))
def test_every_string_in_the_catalogue_is_translated_and_none_is_fuzzy(lang):
    with open(CATALOGUES[lang], "rb") as handle:
        catalogue = read_po(handle)
    untranslated = [
        m.id for m in catalogue if m.id and not (m.string if isinstance(m.string, str) else all(m.string))
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []


def test_no_string_in_the_code_is_missing_from_the_catalogues(tmp_path, settings, monkeypatch):
    if not shutil.which("xgettext"):
        pytest.skip("needs Debian's gettext (make system-deps installs it)")
    # makemessages writes into any locale/ folder it finds above the sources, so it runs on a
    # copy of the code that has none.
    for folder in ("geopark", "templates", "config"):
        shutil.copytree(
            settings.BASE_DIR / folder,
            tmp_path / "src" / folder,
            ignore=shutil.ignore_patterns("tests", "__pycache__", "migrations"),
        )
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    (tmp_path / "locale" / "vi").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "src")
    call_command("makemessages", locale=["vi"], verbosity=0, stdout=StringIO())
    extracted = _ids(tmp_path / "locale" / "vi" / "LC_MESSAGES" / "django.po")
    assert len(extracted) > 100
    missing = extracted - _ids(CATALOGUES["vi"])
    assert missing == set(), "run `make messages` and translate the new strings"


@pytest.mark.parametrize(
    ("message", "chinese"),
    [
        ("This field is required.", "这个字段是必填项。"),  # Django's forms
        ("Sort", "排序"),  # Wagtail's admin
    ],
)
def test_chinese_borrows_the_apps_simplified_chinese_catalogues(message, chinese):
    from django.utils import translation

    # Without the borrowed catalogue, Django's came in the default language (Vietnamese) and
    # Wagtail's in English: their "zh" catalogues are a fraction of their "zh_Hans" ones.
    with translation.override("zh"):
        assert translation.gettext(message) == chinese


def test_the_admins_javascript_messages_are_chinese_in_chinese(client, admin_user):
    import json

    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "zh"
    profile.save()
    client.force_login(admin_user)
    catalogue = client.get("/admin/jsi18n/").content.decode()
    assert f"{json.dumps('Are you sure?')}: {json.dumps('你确定吗？')}" in catalogue
