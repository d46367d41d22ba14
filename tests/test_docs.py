"""What the architecture page and the decision records say about the code is checked, not hoped:
the apps table names exactly the installed apps, and every file they name exists."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings

from geopark.core.plugins import geopark_apps

ROOT = Path(settings.BASE_DIR)
ARCHITECTURE = ROOT / "docs" / "architecture.md"
DOCS = [ARCHITECTURE, *sorted((ROOT / "docs" / "decisions").glob("*.md"))]
# A file or folder of the project named in backticks, by its path from the root or from geopark/.
FILE = re.compile(r"`((?:[\w.-]+/)+[\w.-]*)`")
# A module or model named by its dotted path from an app: `operations.pagecache`, `search.SearchDocument`.
DOTTED = re.compile(r"`(\w+)\.(\w+)[\w.]*(?:\(\))?`")
TOP = {"config", "docs", "tests", "bench", "data", "deploy", "static", "templates", "locale", "geopark"}


def _installed() -> set[str]:
    return {
        config.name.removeprefix("geopark.")
        for config in [*geopark_apps(), *(c for c in _all_configs() if c.name == "geopark.core")]
    }


def _all_configs():
    from django.apps import apps

    return apps.get_app_configs()


def test_the_apps_table_names_exactly_the_installed_apps():
    text = ARCHITECTURE.read_text(encoding="utf-8")
    table = set(re.findall(r"^\| `(\w+)` \|", text, flags=re.M))
    assert table == _installed()


def _named_files(path: Path) -> list[str]:
    folders = TOP | _installed()
    return [name for name in FILE.findall(path.read_text(encoding="utf-8")) if name.split("/")[0] in folders]


def _exists(name: str) -> bool:
    # Named from the project's root (`config/urls.py`) or from the apps' folder (`core/rows.py`).
    return any((base / name.rstrip("/")).exists() for base in (ROOT, ROOT / "geopark"))


def test_every_file_the_docs_name_exists():
    missing = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in DOCS
        for name in _named_files(path)
        if not _exists(name)
    ]
    assert missing == []


def _names_something(app: str, name: str) -> bool:
    from importlib.util import find_spec

    from django.apps import apps

    if find_spec(f"geopark.{app}.{name}") is not None:
        return True
    config = next(c for c in apps.get_app_configs() if c.name == f"geopark.{app}")
    return any(model.__name__ == name for model in config.get_models())


def test_every_module_and_model_the_docs_name_by_app_exists():
    apps = _installed()
    missing = [
        f"{path.relative_to(ROOT)}: {app}.{name}"
        for path in DOCS
        for app, name in DOTTED.findall(path.read_text(encoding="utf-8"))
        if app in apps and name not in {"py", "md", "toml", "csv", "html"} and not _names_something(app, name)
    ]
    assert missing == []
