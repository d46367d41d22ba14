"""Setting up the page tree: one home page per language, under Wagtail's root."""

from __future__ import annotations

from django.conf import settings
from django.db import transaction
from wagtail.models import Locale, Page, Site

from geopark.territory.models import Geopark

from .models import HomePage


@transaction.atomic
def ensure_locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code, _ in settings.LANGUAGES}


@transaction.atomic
def ensure_home_pages(geopark: Geopark) -> tuple[int, int]:
    """Make sure the default-language home page exists, is the Wagtail site root, and has a
    translation in every other language. Returns (created, unchanged)."""
    locales = ensure_locales()
    root = Page.get_first_root_node()
    if root is None:
        # Wagtail's migrations create the tree's root; a flushed database lacks it.
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locales[settings.LANGUAGE_CODE]))
    created = unchanged = 0
    home = HomePage.objects.filter(locale=locales[settings.LANGUAGE_CODE]).first()
    if home is None:
        home = HomePage(title=geopark.name_vi, slug="home", locale=locales[settings.LANGUAGE_CODE])
        # Wagtail's first migration leaves a "Welcome" page with the slug we want; move it aside.
        for page in root.get_children().filter(slug="home"):
            page.slug = f"welcome-{page.pk}"
            page.save()
        root.add_child(instance=home)
        home.save_revision().publish()
        created += 1
    else:
        unchanged += 1
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True, site_name=geopark.name_vi)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = geopark.name_vi
        site.save()
    for code, locale in locales.items():
        if code == settings.LANGUAGE_CODE:
            continue
        if home.get_translations().filter(locale=locale).exists():
            unchanged += 1
            continue
        translated = home.copy_for_translation(locale)
        translated.title = getattr(geopark, f"name_{code}") or geopark.name_vi
        translated.save_revision().publish()
        created += 1
    # The welcome page Wagtail installs is of no use to visitors.
    for page in root.get_children().exclude(pk__in=HomePage.objects.values("pk")).filter(slug__startswith="welcome"):
        if not page.get_children().exists():
            page.delete()
    return created, unchanged
