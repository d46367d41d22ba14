"""The deployment files in deploy/ hold together: compose (which cannot run here: no Docker
engine) wires two app nodes to the same database, Redis and bucket behind nginx; the systemd units
are valid; nginx accepts its configuration; every variable the settings read is documented."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from .conftest import REPO, nginx_config

DEPLOY = REPO / "deploy"
# Read by libraries or commands rather than by config/: the settings module gunicorn loads,
# dj-database-url's default variable, boto3's keys, ensure_admin's account.
READ_ELSEWHERE = {
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "AWS_ACCESS_KEY_ID",
    "AWS_SECRET_ACCESS_KEY",
    "GEOPARK_ADMIN_USERNAME",
    "GEOPARK_ADMIN_PASSWORD",
}


def variables_read_by_the_configuration() -> set[str]:
    pattern = re.compile(
        r'(?:os\.environ\.get|os\.getenv|env_bool|env_list|env_int)\(\s*"([A-Z0-9_]+)"'
        r'|os\.environ\["([A-Z0-9_]+)"\]'
    )
    names: set[str] = set()
    for path in [*sorted((REPO / "config" / "settings").glob("*.py")), REPO / "config" / "gunicorn.conf.py"]:
        for match in pattern.finditer(path.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


@pytest.fixture(scope="module")
def compose() -> dict:
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def test_compose_runs_two_identical_app_nodes_on_one_database_redis_and_bucket(compose):
    services = compose["services"]
    app1, app2 = services["app1"], services["app2"]
    assert app1["environment"] == app2["environment"]
    env = app1["environment"]
    assert env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    assert "@db:5432/" in env["DATABASE_URL"]
    assert env["REDIS_URL"].startswith("redis://redis:")
    assert env["GEOPARK_S3_BUCKET"] == "geopark-media"
    assert env["GEOPARK_S3_ENDPOINT_URL"] == "http://minio:9000"
    # A secret with a default would be the same on every installation.
    assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    for node in (app1, app2):
        assert node["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert "/healthz" in " ".join(node["healthcheck"]["test"])
    assert services["migrate"]["command"][-1].startswith("python manage.py migrate")
    assert set(services["nginx"]["depends_on"]) == {"app1", "app2"}


def test_compose_passes_the_nodes_only_variables_the_settings_know(compose):
    known = variables_read_by_the_configuration() | READ_ELSEWHERE
    for name in ("app1", "migrate"):
        unknown = set(compose["services"][name]["environment"]) - known
        assert not unknown, f"{name}: {sorted(unknown)} are read by nothing"


def test_compose_trusts_forwarded_addresses_from_its_nginx_only(compose):
    env = compose["services"]["app1"]["environment"]
    nginx_address = compose["services"]["nginx"]["networks"]["geopark"]["ipv4_address"]
    assert env["GEOPARK_TRUSTED_PROXIES"] == env["GUNICORN_FORWARDED_ALLOW_IPS"] == nginx_address


def test_compose_keeps_the_read_replica_optional(compose):
    replica = compose["services"]["db-replica"]
    assert replica["profiles"] == ["replica"]
    assert "pg_basebackup" in replica["command"][-1]
    assert compose["services"]["app1"]["environment"]["DATABASE_REPLICA_URL"] == "${DATABASE_REPLICA_URL:-}"


def test_compose_refers_only_to_files_that_exist(compose):
    build = compose["x-app"]["build"]
    assert (DEPLOY / build["context"] / build["dockerfile"]).is_file()
    for service in compose["services"].values():
        for volume in service.get("volumes", []):
            source = volume.split(":")[0]
            if source.startswith("./"):
                assert (DEPLOY / source).exists(), source


def test_every_variable_the_settings_read_is_documented():
    documented = (REPO / ".env.example").read_text() + (REPO / "docs" / "deployment.md").read_text()
    missing = sorted(name for name in variables_read_by_the_configuration() if name not in documented)
    assert not missing, f"add to .env.example and docs/deployment.md: {missing}"


def test_systemd_units_run_gunicorn_with_the_shared_configuration_and_pass_verification(tmp_path):
    node = (DEPLOY / "systemd" / "geopark@.service").read_text()
    assert "-c config/gunicorn.conf.py" in node
    assert (REPO / "config" / "gunicorn.conf.py").is_file()
    assert "EnvironmentFile=/etc/geopark/geopark.env" in node
    assert ":%i " in node  # the port is the instance name
    if shutil.which("systemd-analyze") is None:
        pytest.skip("systemd-analyze is not installed")
    # Verified with the executables pointed at this checkout's virtual environment.
    venv_bin = str(Path(sys.executable).parent) + "/"
    units = []
    for unit in sorted((DEPLOY / "systemd").iterdir()):
        text = unit.read_text().replace("/srv/geopark/app/.venv/bin/", venv_bin)
        name = "geopark@8301.service" if unit.name == "geopark@.service" else unit.name
        (tmp_path / name).write_text(text)
        units.append(str(tmp_path / name))
    result = subprocess.run(["systemd-analyze", "verify", *units], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "geopark" not in result.stderr, result.stderr


def test_nginx_accepts_the_shipped_configuration_and_its_limits_match_the_app(tmp_path):
    from django.conf import settings

    site = (DEPLOY / "nginx.conf").read_text()
    body_limit_mb = int(re.search(r"client_max_body_size (\d+)m;", site).group(1))
    assert body_limit_mb * 1024 * 1024 >= settings.GEOPARK_MAX_REQUEST_BYTES
    read_timeout = int(re.search(r"proxy_read_timeout (\d+)s;", site).group(1))
    gunicorn_timeout = int(
        re.search(r'"GUNICORN_TIMEOUT", "(\d+)"', (REPO / "config" / "gunicorn.conf.py").read_text()).group(1)
    )
    assert read_timeout > gunicorn_timeout
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx is None:
        if os.environ.get("GEOPARK_REQUIRE_SERVICES"):
            pytest.fail("GEOPARK_REQUIRE_SERVICES is set but nginx is missing")
        pytest.skip("nginx is not installed")
    config = nginx_config(tmp_path, [8301, 8302], 8398, 8399)
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_compose_switches_on_the_minio_media_location_with_the_sandbox_headers(compose, tmp_path):
    """The nginx service's own sed, run on the shipped file: the MinIO location comes out whole,
    with the download headers, documents refused, and a configuration nginx accepts."""
    script = compose["services"]["nginx"]["command"][-1]
    expressions = re.findall(r"-e (['\"])(.*?)\1", script)
    assert expressions
    command = ["sed"]
    for _quote, expression in expressions:
        command += ["-e", expression.replace("$$GEOPARK_HOST", "geopark.example.org")]
    site = subprocess.run(
        [*command, str(DEPLOY / "nginx.conf")], capture_output=True, text=True, check=True
    ).stdout
    assert not re.search(r"^ *#minio ", site, re.MULTILINE)
    block = site[site.index("location /geopark-media/media/ {") :]
    block = block[: block.index("\n    }\n")]
    assert "proxy_pass http://minio:9000;" in block
    assert """add_header Content-Security-Policy "sandbox; default-src 'none'" always;""" in block
    assert "add_header X-Content-Type-Options nosniff always;" in block
    assert "location /geopark-media/media/documents/ {\n            deny all;" in block
    nginx = shutil.which("nginx") or shutil.which("nginx", path="/usr/sbin:/sbin")
    if nginx is None:
        pytest.skip("nginx is not installed")
    # The compose host names resolve only inside its network; the upstream lines go back to
    # addresses nginx_config knows how to replace.
    site = site.replace("http://minio:9000", "http://127.0.0.1:9")
    site = re.sub(r"server app\d:8000 ", "server 127.0.0.1:8301 ", site)
    # (nginx_config drops the IPv6 listeners the sed removed already; it expects to find one.)
    site = site.replace("listen 80;", "listen 80;\n    listen [::]:80;", 1)
    config = nginx_config(tmp_path, [8301, 8302], 8396, 8397, site=site)
    result = subprocess.run(
        [nginx, "-t", "-p", str(tmp_path), "-c", str(config), "-e", str(tmp_path / "error.log")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
