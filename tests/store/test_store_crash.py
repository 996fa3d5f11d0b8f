"""A writer killed with SIGKILL at any moment leaves a sound library with no duplicates."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from hnreader.store import Store

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

ARTICLES = 60  # the writer cycles over these URLs, so re-runs are upserts
ASSETS_PER_ARTICLE = 2

_WRITER = f"""
import itertools, sys
from hnreader.models import Article, ArticleList, Block, ListItem, Page
from hnreader.store import ArticleRecord, Store

store = Store.open(sys.argv[1])
round_number = int(sys.argv[2])
site = "http://crash.example.cn"
for step in itertools.count():
    n = step % {ARTICLES}
    url = f"{{site}}/a/{{n}}.html"
    body = f"第{{round_number}}轮第{{step}}次写入的正文，内容足够长。" * 40
    article = Article(url=url, title=f"崩溃测试{{n}}", blocks=(Block("paragraph", body),))
    assets = tuple(
        Page(url=f"{{site}}/img/{{n}}-{{k}}.png", content=f"{{step}}-{{k}}".encode() * 500)
        for k in range({ASSETS_PER_ARTICLE})
    )
    page = Page(url=url, content=body.encode() * 3, content_type="text/html")
    if step % 7 == 3:
        store.save_articles([ArticleRecord(article, page, assets)])
    else:
        store.save_article(article, page, assets=assets)
    store.save_list(ArticleList(f"{{site}}/list.html", "测试", (ListItem("t", url, None),)))
    store.mark_read(url)
"""


def _article_count(path: Path) -> int:
    # Connections are always closed: a leaked one keeps POSIX locks that unrelated file
    # handles in this process could release, which would make the test itself unsafe.
    if not path.exists():
        return 0
    try:
        with closing(sqlite3.connect(path, timeout=10, isolation_level=None)) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the writer has not created the tables yet
        return 0


def _run_writer_and_kill(data_dir: Path, round_number: int, kill_after: int) -> None:
    """Start a writer, let it commit at least ``kill_after`` more saves, then SIGKILL it."""
    before = _article_count(data_dir / "library.sqlite3")
    writer = subprocess.Popen(
        [sys.executable, "-c", _WRITER, str(data_dir), str(round_number)],
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120  # a hang guard, not a timing assertion
    try:
        while _article_count(data_dir / "library.sqlite3") < min(before + kill_after, ARTICLES):
            if writer.poll() is not None:
                pytest.fail(
                    f"the writer stopped by itself: {writer.stderr and writer.stderr.read()}"
                )
            if time.monotonic() > deadline:
                pytest.fail("the writer made no progress")
            time.sleep(0.01)
        # Let it run on into the middle of some later transaction.
        time.sleep(0.05 * (round_number % 3))
    finally:
        os.kill(writer.pid, signal.SIGKILL)
        writer.wait()
    assert writer.returncode == -signal.SIGKILL


def _check(data_dir: Path) -> None:
    with Store.open(data_dir) as store:
        assert store.notices == ()  # nothing was judged damaged or moved aside
        assert store.check_integrity() == []
        path = store.path
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:

        def one(sql: str) -> int:
            return int(conn.execute(sql).fetchone()[0])

        articles = one("SELECT count(*) FROM articles")
        assert articles == one("SELECT count(DISTINCT url) FROM articles")
        assert one("SELECT count(*) FROM search_trigram") == articles
        # Atomicity: every saved article has its raw page and all of its assets.
        assert one("SELECT count(*) FROM pages WHERE kind = 'article'") == articles
        assert one("SELECT count(*) FROM assets") == articles * ASSETS_PER_ARTICLE
        assert one("SELECT count(*) FROM pages WHERE blob NOT IN (SELECT sha256 FROM blobs)") == 0
        assert one("SELECT count(*) FROM lists") <= 1


def test_sigkill_during_writes_never_damages_or_duplicates(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    for round_number, kill_after in enumerate((1, 15, 40, 60, 60)):
        _run_writer_and_kill(data_dir, round_number, kill_after)
        _check(data_dir)
    with Store.open(data_dir) as store:
        assert len(store.search("崩溃测试")) == 20
        hits = store.search("写入的正文", limit=100)
        assert len(hits) == ARTICLES
