"""Compile locale/*/LC_MESSAGES/*.po to .mo with Babel, so no gettext install is needed to run; and
build the borrowed catalogues (settings.BORROWED_TRANSLATIONS, see there)."""

from __future__ import annotations

from pathlib import Path

import django
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

# Server-side messages, and those of the admin's JavaScript (served by Django's JavaScript catalogue).
DOMAINS = ("django", "djangojs")


def borrowed_sources(source_locale: str, domain: str) -> list[Path]:
    """Catalogues of Django and the installed apps in `source_locale`, from the one Django reads
    first to the one it reads last (an earlier app in INSTALLED_APPS wins, Django's own loses)."""
    folders = [Path(app.path) / "locale" for app in apps.get_app_configs()]
    folders.append(Path(django.__file__).parent / "conf" / "locale")
    return [
        p for folder in folders if (p := folder / source_locale / "LC_MESSAGES" / f"{domain}.po").exists()
    ]


def borrow(source_locale: str, domain: str, target: Path) -> bool:
    """Merge the translated messages of `borrowed_sources` into `target` (a .mo); False when it
    is already newer than every source."""
    sources = borrowed_sources(source_locale, domain)
    if target.exists() and all(target.stat().st_mtime >= s.stat().st_mtime for s in sources):
        return False
    merged = Catalog(locale=source_locale)
    for source in reversed(sources):  # the first source is read last, so its translation stays
        with source.open("rb") as handle:
            for message in read_po(handle, locale=source_locale):
                translated = message.string if isinstance(message.string, str) else all(message.string)
                if message.id and translated and not message.fuzzy:
                    merged[message.id] = message
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("wb") as handle:
        write_mo(handle, merged, use_fuzzy=False)
    return True


class Command(BaseCommand):
    help = "Compile the project's .po translation catalogues into .mo files (pure Python)."

    def handle(self, *args, **options) -> None:
        compiled = 0
        for folder in settings.LOCALE_PATHS:
            for po_path in sorted(Path(folder).glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                with po_path.open("rb") as handle:
                    catalog = read_po(handle, locale=po_path.parent.parent.name.replace("zh", "zh_Hans"))
                with mo_path.open("wb") as handle:
                    write_mo(handle, catalog, use_fuzzy=False)
                compiled += 1
        for code, source_locale in settings.BORROWED_TRANSLATIONS.items():
            for domain in DOMAINS:
                target = Path(settings.BORROWED_LOCALE_DIR) / code / "LC_MESSAGES" / f"{domain}.mo"
                compiled += borrow(source_locale, domain, target)
        self.stdout.write(f"translations: {compiled} catalogue(s) compiled")
