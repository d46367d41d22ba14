"""The HTTP benchmark's own logic: reading wrk's output (captured from real runs, in
tests/wrk_output/) and refusing to run without wrk."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from bench.http_bench import Row, WrkResult, parse_wrk, throughput_table

REPO = Path(__file__).resolve().parent.parent
CAPTURED = Path(__file__).resolve().parent / "wrk_output"


def test_parser_reads_throughput_and_latency_percentiles_of_a_real_run() -> None:
    result = parse_wrk((CAPTURED / "static-file.txt").read_text())

    assert result.requests_per_s == pytest.approx(1041.87)
    assert result.p50_ms == pytest.approx(46.58)
    assert result.p75_ms == pytest.approx(51.50)
    assert result.p90_ms == pytest.approx(58.11)
    assert result.p99_ms == pytest.approx(99.39)
    assert result.requests == 3147
    assert result.errors == 0


def test_parser_counts_error_responses_so_a_failing_url_is_not_reported_as_fast() -> None:
    result = parse_wrk((CAPTURED / "not-found.txt").read_text())

    assert result.non_2xx_3xx == 3429
    assert result.errors == 3429
    assert result.requests_per_s == pytest.approx(1697.07)


def test_parser_converts_microseconds_and_seconds_to_milliseconds_and_adds_socket_errors() -> None:
    output = (CAPTURED / "static-file.txt").read_text()
    output = output.replace("46.58ms", "812.00us").replace("99.39ms", "1.25s")
    output = output.replace(
        "Requests/sec:", "  Socket errors: connect 3, read 4, write 0, timeout 5\nRequests/sec:"
    )

    result = parse_wrk(output)

    assert result.p50_ms == pytest.approx(0.812)
    assert result.p99_ms == pytest.approx(1250.0)
    assert result.socket_errors == 12


def test_parser_refuses_output_without_latency_distribution() -> None:
    # What wrk prints when --latency is forgotten: a rate but no percentiles.
    output = "\n".join(
        line for line in (CAPTURED / "static-file.txt").read_text().splitlines() if "%" not in line
    )
    with pytest.raises(ValueError, match="latency distribution"):
        parse_wrk(output)


def _result(rate: float, p99: float, errors: int = 0) -> WrkResult:
    return WrkResult(rate, p99 / 2, p99 / 2, p99 / 2, p99, int(rate * 10), errors, 0)


def test_table_marks_a_page_that_misses_a_target_and_passes_one_that_meets_all() -> None:
    peer = Row("peer home", "/", 200, 1000, _result(100, 50))
    static = Row("static file", "/ceiling.html", 200, 1000, _result(2000, 10))
    fast = Row("home (vi)", "/vi/", 200, 1000, _result(1500, 15))
    slow = Row("map (vi)", "/vi/map/", 200, 1000, _result(900, 25))

    table = throughput_table([fast, slow, peer, static], peer, static, 50)

    fast_line = next(line for line in table.splitlines() if "/vi/`" in line)
    slow_line = next(line for line in table.splitlines() if "/vi/map/" in line)
    assert "| 15.0× | 75% |" in fast_line
    assert fast_line.endswith("✅ |")
    assert "❌" in slow_line
    assert "45% static" in slow_line
    assert "p99 25.0 ms" in slow_line


def test_harness_refuses_clearly_when_wrk_is_missing(tmp_path: Path) -> None:
    # An empty PATH: no wrk to find. The harness must say so before starting any server.
    env = {**os.environ, "PATH": str(tmp_path)}
    completed = subprocess.run(
        [sys.executable, str(REPO / "bench" / "http_bench.py"), "--quick"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert completed.returncode != 0
    assert "wrk is not installed" in completed.stderr
    assert "system-deps.sh --bench" in completed.stderr
    assert "Platform" not in completed.stdout


def test_static_server_serves_the_given_file_and_frees_its_port_on_exit(tmp_path: Path) -> None:
    from bench.servers import STATIC_FILE_PATH, _port_is_free, static_server

    port = 8190
    body = b"<!doctype html><title>ceiling</title>" * 100
    with static_server(port, content=body, root=tmp_path) as base:
        with urllib.request.urlopen(base + STATIC_FILE_PATH, timeout=10) as response:
            assert response.read() == body
        assert not _port_is_free(port)

    # The master and both workers are gone: nothing listens any more.
    assert _port_is_free(port)
    with pytest.raises(urllib.error.URLError):
        urllib.request.urlopen(base + STATIC_FILE_PATH, timeout=5)


def test_parser_reads_the_95th_percentile_that_the_lua_script_prints() -> None:
    output = (CAPTURED / "static-file.txt").read_text() + "Latency 95th percentile: 61250 us\n"

    assert parse_wrk(output).p95_ms == pytest.approx(61.25)
    # Without the script's line there is no 95th percentile, rather than a made-up one.
    assert parse_wrk((CAPTURED / "static-file.txt").read_text()).p95_ms is None
