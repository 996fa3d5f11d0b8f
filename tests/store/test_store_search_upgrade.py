"""Search in a library made by an earlier version: the bigram index rebuilt with a prefix index."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from store_samples import make_article

from hnreader.store import Store
from hnreader.store.database import DB_FILENAME
from hnreader.store.schema import LATEST_VERSION, index_article, migrate, search_row
from hnreader.store.serialise import article_to_json

OLDER = make_article(1, "社区食堂开业", "食堂每天中午供应午餐。")
NEWER = make_article(2, "鄉村學校開學", "山區學校迎來新學期。")


def _library_at(path: Path, version: int) -> None:
    """A library at ``version`` holding OLDER and NEWER, indexed as that version did."""
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        migrate(conn, target=version)
        for article in (OLDER, NEWER):
            cursor = conn.execute(
                "INSERT INTO articles (url, site, title, published, data, fetched_at)"
                " VALUES (?, 'news.example.cn', ?, ?, ?, '2024-12-05T00:00:00+00:00')",
                (article.url, article.title, article.published, article_to_json(article)),
            )
            assert cursor.lastrowid is not None
            index_article(conn, cursor.lastrowid, search_row(article))


@pytest.mark.parametrize("version", range(2, LATEST_VERSION))
def test_short_queries_still_find_articles_indexed_before_the_upgrade(
    tmp_path: Path, version: int
) -> None:
    _library_at(tmp_path / DB_FILENAME, version)
    with Store.open(tmp_path) as store:
        assert [hit.url for hit in store.search("午")] == [OLDER.url]
        assert [hit.url for hit in store.search("学")] == [NEWER.url]
        assert [hit.url for hit in store.search("食堂")] == [OLDER.url]
        assert [hit.url for hit in store.search("区")] == [NEWER.url, OLDER.url]
        assert store.check_integrity() == []


def test_re_saving_after_the_upgrade_replaces_the_migrated_index_entries(tmp_path: Path) -> None:
    _library_at(tmp_path / DB_FILENAME, LATEST_VERSION - 1)
    with Store.open(tmp_path) as store:
        store.save_article(make_article(1, "社区书屋开放", "书屋周末开放。"))
        assert store.search("午") == []
        assert store.search("食堂") == []
        assert [hit.url for hit in store.search("屋")] == [OLDER.url]
        assert store.check_integrity() == []
    with closing(sqlite3.connect(tmp_path / DB_FILENAME)) as conn:
        (sql,) = conn.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'search_bigram'"
        ).fetchone()
    assert "prefix" in sql
