"""Version 3 (history), multi-page articles, and keeping the library in shape."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from store_samples import SITE, html_page, make_article

from hnreader.models import ArticleList, ListItem, Page
from hnreader.store import Store
from hnreader.store.database import DB_FILENAME
from hnreader.store.schema import migrate
from hnreader.store.serialise import article_to_json

LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize("version", [1, 2])
def test_marks_from_an_earlier_version_survive_and_history_starts_empty(
    tmp_path: Path, version: int
) -> None:
    with closing(sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)) as conn:
        migrate(conn, target=version)
        article = make_article(1, "旧版本里的文章", "正文。")
        conn.execute(
            "INSERT INTO articles (url, site, title, published, data, fetched_at)"
            " VALUES (?, 'news.example.cn', ?, ?, ?, '2024-12-05T00:00:00+00:00')",
            (article.url, article.title, article.published, article_to_json(article)),
        )
        conn.execute(
            "INSERT INTO reading (url, read_at, bookmarked_at)"
            " VALUES (?, '2024-12-06', '2024-12-07')",
            (article.url,),
        )
    with Store.open(tmp_path) as store:
        stored = store.get_article(article.url)
        assert stored is not None
        assert (stored.read_at, stored.bookmarked_at, stored.opened_at) == (
            "2024-12-06",
            "2024-12-07",
            None,
        )
        assert store.history() == []
        store.record_opened(article.url)
        (opened,) = store.history()
        assert opened.article == article
        assert opened.is_bookmarked


def test_later_pages_of_an_article_are_kept_raw(store: Store) -> None:
    article = make_article(2, "分页文章", "第一页。")
    later = Page(article.url.replace(".html", "_2.html"), b"<p>second</p>", "text/html")
    store.save_article(article, html_page(article), continuation=[later])
    raw = store.get_page(later.url, "article")
    assert raw is not None
    assert raw.content == b"<p>second</p>"
    assert store.counts()["articles"] == 1


def _fill(store: Store, count: int, fetched_at: datetime) -> list[str]:
    urls = []
    for number in range(count):
        article = make_article(100 + number, f"文章{number}", "正文内容。" * 200)
        image = Page(f"{SITE}/img/{number}.png", bytes([number % 256]) * 5000, "image/png")
        store.save_article(article, html_page(article), assets=[image], fetched_at=fetched_at)
        urls.append(article.url)
    return urls


def test_pruning_by_age_keeps_bookmarks_marks_and_new_content(store: Store) -> None:
    old = _fill(store, 4, LONG_AGO)
    store.save_list(ArticleList(f"{SITE}/list.html", "工作动态", (ListItem("t", old[0], None),)))
    store.set_bookmark(old[0])
    store.mark_read(old[1])
    new_article = make_article(999, "新文章", "刚刚保存。")
    store.save_article(new_article, html_page(new_article))
    result = store.prune_older_than(datetime.now(UTC) - timedelta(days=30))
    assert result.articles == 3
    assert result.pages == 3  # the pruned articles' own; the bookmarked one keeps its page
    assert result.assets == 4
    remaining = {s.article.url for s in store.iter_articles()}
    assert remaining == {old[0], new_article.url}
    assert store.reading_states([old[1]])[old[1]].read_at is not None
    assert store.get_list(f"{SITE}/list.html") is not None  # fetched just now
    assert [hit.url for hit in store.search("文章1")] == []
    assert store.check_integrity() == []


def test_pruning_to_a_size_deletes_the_oldest_first(store: Store) -> None:
    oldest = _fill(store, 3, LONG_AGO)
    newer = _fill(store, 0, LONG_AGO)  # nothing: keeps the helper's shape obvious
    article = make_article(500, "较新的文章", "正文。")
    store.save_article(article, html_page(article), fetched_at=datetime(2024, 1, 1, tzinfo=UTC))
    before = store.stats().stored_bytes
    result = store.prune_to_size(before // 10)
    assert result.articles >= 3
    assert all(store.get_article(url) is None for url in [*oldest, *newer])
    everything = store.prune_to_size(0)
    assert store.counts()["articles"] == 0
    assert everything.articles == 1 or result.articles == 4
    assert store.check_integrity() == []


def test_clear_keeps_marks_and_vacuum_shrinks_the_file(store: Store) -> None:
    urls = _fill(store, 30, LONG_AGO)
    store.set_bookmark(urls[0])
    size = store.stats().file_bytes
    result = store.clear()
    assert result.articles == 30
    counts = store.counts()
    assert {k: v for k, v in counts.items() if k != "reading"} == dict.fromkeys(
        ["articles", "lists", "trees", "pages", "assets", "blobs"], 0
    )
    assert store.reading_states([urls[0]])[urls[0]].bookmarked_at is not None
    assert store.search("文章") == []
    store.vacuum()
    assert store.stats().file_bytes < size
    assert store.check_integrity() == []
    again = make_article(1, "清空之后", "还能保存。")
    store.save_article(again, html_page(again))
    assert [hit.url for hit in store.search("清空之后")] == [again.url]


def test_has_asset_and_iteration_in_batches(store: Store) -> None:
    urls = _fill(store, 5, LONG_AGO)
    assert store.has_asset(f"{SITE}/img/0.png")
    assert not store.has_asset(f"{SITE}/img/none.png")
    assert [s.article.url for s in store.iter_articles(batch=2)] == urls
