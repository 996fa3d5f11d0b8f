"""A real ``hnreader sync`` killed at random moments, interrupted, or run beside a reader.

Every time the library passes ``PRAGMA integrity_check``, holds no row twice, and the next
sync completes the work. ``HNREADER_CRASH_LOOPS`` sets how many kills (default 5; the
recorded run in docs/RELIABILITY.md used 20).
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from hnreader.demo.content import demo_edition
from hnreader.demo.server import DemoServer
from hnreader.store import Store
from hnreader.store.database import DB_FILENAME

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs POSIX signals")

PORTAL = demo_edition().site("portal")
LOOPS = int(os.environ.get("HNREADER_CRASH_LOOPS", "5"))
HANG_GUARD = 120.0  # seconds; a guard against a hung child, not a timing assertion


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "config.toml"
    config.write_text("[network]\nrate_limit = 0\n", encoding="utf-8")
    return {**os.environ, "HNREADER_CONFIG": str(config)}


def start_sync(home: str, data_dir: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "hnreader", "sync", home, "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def stored_articles(data_dir: Path) -> int:
    path = data_dir / DB_FILENAME
    if not path.exists():
        return 0
    try:
        with closing(sqlite3.connect(path, timeout=10)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the tables do not exist yet
        return 0


def wait_for_articles(process: subprocess.Popen[str], data_dir: Path, count: int) -> None:
    """Wait until ``count`` articles are stored or the sync ends by itself."""
    deadline = time.monotonic() + HANG_GUARD
    while stored_articles(data_dir) < count and process.poll() is None:
        assert time.monotonic() < deadline, "the sync made no progress"
        time.sleep(0.02)


def assert_sound(data_dir: Path) -> int:
    """The library is intact and holds no duplicates; return how many articles it has."""
    with Store.open(data_dir) as store:
        assert store.notices == ()  # nothing was judged damaged and moved aside
        assert store.check_integrity() == []
    with closing(sqlite3.connect(data_dir / DB_FILENAME)) as conn:
        for table in ("articles", "lists", "trees", "assets"):
            total, distinct = conn.execute(
                f"SELECT count(*), count(DISTINCT url) FROM {table}"
            ).fetchone()
            assert total == distinct, table
        articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert conn.execute("SELECT count(*) FROM search_trigram").fetchone()[0] == articles
        # Every article keeps its raw page: saved in the same transaction.
        missing = "SELECT count(*) FROM articles WHERE url NOT IN (SELECT url FROM pages)"
        assert conn.execute(missing).fetchone()[0] == 0
    return int(articles)


def read_while_syncing(process: subprocess.Popen[str], data_dir: Path, page_url: str) -> int:
    """Read, search and mark in this process while the sync writes; return the reads done."""
    reads = 0
    with Store.open(data_dir) as reader:
        while process.poll() is None:
            for hit in reader.search("工作", limit=5):
                assert reader.get_article(hit.url) is not None
                reads += 1
            reader.mark_read(page_url)
            # Pacing, not synchronisation: the demo server shares this process's CPU.
            time.sleep(0.05)
    return reads


def test_kill_9_at_random_moments_never_damages_and_the_next_sync_completes(
    demo_server: DemoServer, tmp_path: Path, env: dict[str, str]
) -> None:
    home = demo_server.sites[1][1]
    data_dir = tmp_path / "data"
    chooser = random.Random(20261129)
    for _ in range(LOOPS):
        process = start_sync(home, data_dir, env)
        try:
            wait_for_articles(process, data_dir, chooser.randrange(len(PORTAL.articles)))
        finally:
            process.kill()
            process.communicate()
        if data_dir.joinpath(DB_FILENAME).exists():
            assert_sound(data_dir)
    # The last run completes the work while this process reads the same library: two
    # hnreader processes at once (a sync while the reader reads) both work.
    final = start_sync(home, data_dir, env)
    try:
        wait_for_articles(final, data_dir, 1)
        reads = read_while_syncing(final, data_dir, home + "read-while-syncing.html")
        out, err = final.communicate(timeout=HANG_GUARD)
    finally:
        final.kill()
    assert final.returncode == 0, err
    assert " 0 failed" in out
    assert reads > 0
    assert assert_sound(data_dir) == len(PORTAL.articles)


def test_ctrl_c_stops_cleanly_with_status_130(
    demo_server: DemoServer, tmp_path: Path, env: dict[str, str]
) -> None:
    process = start_sync(demo_server.sites[1][1], tmp_path, env)
    try:
        wait_for_articles(process, tmp_path, 5)
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=HANG_GUARD)
    finally:
        process.kill()
    if process.returncode == 0:
        pytest.skip("the sync finished before the interrupt arrived")
    assert process.returncode == 130, err
    assert "Traceback" not in err
    assert "Stopped" in out
    assert assert_sound(tmp_path) >= 5
