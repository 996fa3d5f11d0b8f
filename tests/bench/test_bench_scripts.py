"""Smoke tests: every benchmark script runs at a tiny size and leaves a result table.

No timing is judged here (speed lives in the benchmarks' own reports); this only keeps the
scripts from rotting as the code they measure changes. Each script runs as its own process,
as ``bench/run_all.py`` runs it, with the cache in a temporary directory.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "bench"
TINY = {
    "search": ["--articles", "200", "--rounds", "1"],
    "store_size": ["--articles", "200"],
    "open_article": ["--runs", "1"],
    "startup": ["--articles", "200", "--runs", "1", "--timeout", "8"],
    "sync": ["--articles", "20", "--runs", "1"],
    "memory": ["--libraries", "200", "200", "--syncs", "10", "10"],
}


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("bench-cache")


def run(script: str, arguments: list[str], cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HNREADER_BENCH_CACHE": str(cache)}
    return subprocess.run(
        [sys.executable, str(BENCH / script), *arguments],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
        check=False,
    )


@pytest.mark.parametrize("name", list(TINY))
def test_benchmark_runs_and_reports(name: str, cache: Path) -> None:
    done = run(f"bench_{name}.py", TINY[name], cache)
    assert done.returncode == 0, done.stderr[-3000:]
    record = json.loads((cache / "results" / f"{name}.json").read_text())
    assert record["rows"], "a benchmark must report at least one figure"
    for row in record["rows"]:
        assert row["value"] > 0, row
    assert "| what | measured |" in done.stdout


def test_run_all_reports_every_saved_result(cache: Path) -> None:
    # Uses the results the tests above saved in the same cache.
    saved = sorted(path.stem for path in (cache / "results").glob("*.json"))
    if not saved:
        pytest.skip("run with the benchmark tests above")
    done = run("run_all.py", ["--report-only"], cache)
    assert done.returncode == 0, done.stderr[-3000:]
    for name in saved:
        title = json.loads((cache / "results" / f"{name}.json").read_text())["title"]
        assert f"## {title}" in done.stdout
    assert "- machine:" in done.stdout
