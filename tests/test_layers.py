"""The layer rule of docs/architecture.md holds in the code: checked, not hoped.

`lint-imports` (import-linter, the contracts in `.importlinter`) checks every import between the
apps; `make test` runs it too. It cannot see a model looked up by name (`apps.get_model("routes",
"RouteStop")`), which is how an app used to reach one above it unseen, so those lookups are checked
here. So are the two things that would let the contract drift: an app left out of it, and the
architecture page showing other layers than the contract's."""

from __future__ import annotations

import ast
import configparser
import shutil
import subprocess
import sys
from pathlib import Path

from django.apps import apps as django_apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
PACKAGE = ROOT / "geopark"
CONTRACTS = ROOT / ".importlinter"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    # No cache: the check takes well under a second, and a cache folder would litter the tree.
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def _layers() -> list[list[str]]:
    """The layers of the contract, top first, each a list of sibling modules."""
    config = configparser.ConfigParser()
    config.read(CONTRACTS, encoding="utf-8")
    lines = config["importlinter:contract:layers"]["layers"].strip().splitlines()
    return [[module.strip() for module in line.split("|")] for line in lines]


def _app_labels() -> dict[str, str]:
    """The project's apps: folder under geopark/ → app label (they differ: search is `sitesearch`)."""
    return {
        config.name.split(".")[1]: config.label
        for config in django_apps.get_app_configs()
        if config.name.startswith("geopark.")
    }


def _model_lookups(path: Path):
    """(line, app label) of each `get_model("label", …)` or `get_model("label.Model")` call."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        labels = [*node.args[:1], *(k.value for k in node.keywords if k.arg == "app_label")]
        for label in labels:
            if name == "get_model" and isinstance(label, ast.Constant) and isinstance(label.value, str):
                yield node.lineno, label.value.split(".")[0]


def test_the_imports_between_apps_follow_the_layer_contract():
    result = _lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_app_looks_up_another_apps_model_by_name():
    """Migrations are left out: there `apps.get_model` is how a migration reads historical models."""
    labels = _app_labels()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE)
        if "migrations" in relative.parts:
            continue
        own = labels.get(relative.parts[0])
        for line, label in _model_lookups(path):
            if label in labels.values() and label != own:
                found.append(f"geopark/{relative.as_posix()}:{line}: get_model({label!r}, …)")
    assert found == [], (
        "An app reaches another app's model by name, out of the import checker's sight; import it "
        "(an app below) or let the app above hand it over:\n" + "\n".join(found)
    )


def test_every_app_stands_in_the_layer_contract():
    named = {module for layer in _layers() for module in layer}
    apps = {f"geopark.{folder}" for folder in _app_labels()}
    assert apps - named == set(), "add the new app to a layer of .importlinter"
    assert named - apps == set()


def test_the_architecture_page_shows_the_layers_of_the_contract():
    picture = "\n".join(
        "    " + " | ".join(module.removeprefix("geopark.") for module in layer) for layer in _layers()
    )
    assert picture in (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")


def test_an_import_from_an_app_above_breaks_the_contract(tmp_path):
    """The contract can fail: a copy of the apps where `core` imports `routes` is refused."""
    shutil.copytree(
        PACKAGE, tmp_path / "geopark", ignore=shutil.ignore_patterns("*.html", "*.js", "*.css", "static")
    )
    shutil.copy(CONTRACTS, tmp_path / ".importlinter")
    geo = tmp_path / "geopark" / "core" / "geo.py"
    geo.write_text(
        geo.read_text(encoding="utf-8") + "\nfrom geopark.routes import models  # noqa\n", encoding="utf-8"
    )
    result = _lint_imports(tmp_path)
    assert result.returncode != 0
    assert "geopark.core is not allowed to import geopark.routes" in result.stdout
    assert "geopark.core.geo -> geopark.routes.models" in result.stdout
