"""The README's set-up commands on a fresh clone of a stock Debian/Ubuntu machine.

`make setup` runs in a scratch copy of the files it reads, with Debian's own Python first on PATH
and no uv anywhere: that Python refuses `pip install` outside a virtual environment (PEP 668, its
stdlib holds an EXTERNALLY-MANAGED file), as on Debian 12 and Ubuntu 24.04. `npm ci` checks the
Lighthouse lock file against its package.json in a scratch copy. Both reach the package
registries (uv and pip use their caches when they can), so they are services tests."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from pgcluster import unavailable

REPO = Path(__file__).resolve().parent.parent
SYSTEM_PYTHON = Path("/usr/bin/python3")

pytestmark = pytest.mark.services


def _stock_env(**extra: str) -> dict[str, str]:
    """The environment of someone who has just cloned the repository: the system's PATH only (no
    uv, no pyenv), and no virtual environment or uv setting inherited from this test run."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("UV_", "VIRTUAL_ENV", "PYTHON", "PIP_", "CONDA", "MAKE", "MFLAGS"))
    }
    env["PATH"] = "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin"
    env.update(extra)
    return env


def _externally_managed(python: Path) -> bool:
    if not python.exists():
        return False
    stdlib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return (Path(stdlib) / "EXTERNALLY-MANAGED").exists()


def test_make_setup_works_with_a_system_python_that_refuses_pip_installs(tmp_path):
    if not _externally_managed(SYSTEM_PYTHON) or shutil.which("python3", path=_stock_env()["PATH"]) is None:
        unavailable(
            "needs a Debian/Ubuntu system Python marked EXTERNALLY-MANAGED (PEP 668) at /usr/bin/python3"
        )
    if shutil.which("uv", path=_stock_env()["PATH"]):
        unavailable("uv is installed system-wide: the bootstrap would not be exercised")
    clone = tmp_path / "clone"
    clone.mkdir()
    for name in ("Makefile", "pyproject.toml", "uv.lock"):
        shutil.copy2(REPO / name, clone / name)
    shutil.copytree(REPO / "scripts", clone / "scripts")

    result = subprocess.run(
        ["make", "setup"], cwd=clone, env=_stock_env(), capture_output=True, text=True, timeout=1200
    )

    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "externally-managed-environment" not in result.stderr
    assert (clone / "var" / "bootstrap" / "bin" / "uv").exists()
    django = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-c", "import django, wagtail"],
        capture_output=True,
        text=True,
    )
    assert django.returncode == 0, django.stderr
    # Nothing was installed into the system's Python.
    assert subprocess.run([str(SYSTEM_PYTHON), "-m", "uv", "--version"], capture_output=True).returncode != 0
    # A second run finds everything in place.
    again = subprocess.run(
        ["make", "setup"], cwd=clone, env=_stock_env(), capture_output=True, text=True, timeout=120
    )
    assert again.returncode == 0, again.stderr[-3000:]
    assert "pip install" not in again.stdout


def test_the_lighthouse_lock_file_installs_as_it_is(tmp_path):
    npm = shutil.which("npm")
    if npm is None:
        unavailable("npm is not installed (make bench-lighthouse needs Node.js 20+)")
    for name in ("package.json", "package-lock.json"):
        shutil.copy2(REPO / "bench" / "lighthouse" / name, tmp_path / name)
    # `npm ci` refuses a lock file that is out of step with package.json before it installs
    # anything; --dry-run stops right after that check and the resolution of the tree.
    result = subprocess.run(
        [npm, "ci", "--dry-run", "--no-audit", "--no-fund"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert not (tmp_path / "node_modules").exists()
