"""Saving and reading back articles, lists, trees, raw pages, assets and reading marks."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from datetime import UTC, datetime, timedelta, timezone

from store_samples import SITE, html_page, make_article

from hnreader.models import ArticleList, ListItem, Page, Section, SiteTree
from hnreader.store import ArticleRecord, Store


def _rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
        return conn.execute(sql).fetchall()


def test_an_article_and_its_page_round_trip_exactly(store: Store) -> None:
    article = make_article(1, "社区志愿者上门服务", "志愿者们走访了辖区老人。")
    page = html_page(article)
    fetched = datetime(2024, 12, 6, 9, 30, tzinfo=timezone(timedelta(hours=8)))
    store.save_article(article, page, fetched_at=fetched)

    stored = store.get_article(article.url)
    assert stored is not None
    assert stored.article == article
    assert stored.fetched_at == "2024-12-06T01:30:00+00:00"
    assert not stored.is_read
    assert not stored.is_bookmarked

    raw = store.get_page(article.url, "article")
    assert raw is not None
    assert raw.content == page.content
    assert raw.content_type == page.content_type
    assert (raw.etag, raw.last_modified) == ('"abc-1"', "Thu, 05 Dec 2024 08:12:53 GMT")
    assert store.get_page(article.url, "list") is None
    assert store.get_article(SITE + "/nothing.html") is None


def test_raw_html_is_stored_compressed(store: Store) -> None:
    article = make_article(2, "压缩", "重复的段落。" * 200)
    page = html_page(article)
    store.save_article(article, page)
    ((codec, stored_size),) = _rows(store, "SELECT codec, length(data) FROM blobs")
    assert codec == "zlib"
    assert isinstance(stored_size, int)
    assert stored_size < len(page.content) / 5


def test_saving_again_updates_in_place_and_keeps_reading_marks(store: Store) -> None:
    first = make_article(3, "初稿标题", "第一版正文。")
    store.save_article(first, html_page(first))
    store.mark_read(first.url)
    store.set_bookmark(first.url)
    (article_id,) = _rows(store, "SELECT id FROM articles")[0]

    second = make_article(3, "修订后的标题", "第二版正文。")
    store.save_article(second, html_page(second))

    assert _rows(store, "SELECT id, title FROM articles") == [(article_id, "修订后的标题")]
    assert store.counts()["pages"] == 1
    stored = store.get_article(first.url)
    assert stored is not None
    assert stored.article == second
    assert stored.is_read
    assert stored.is_bookmarked


def test_reading_marks_can_be_removed_and_queried_in_bulk(store: Store) -> None:
    articles = [make_article(n, f"标题{n}", "正文。") for n in range(3)]
    for article in articles:
        store.save_article(article)
    store.mark_read(articles[0].url)
    store.set_bookmark(articles[1].url)
    store.set_bookmark(articles[2].url)
    store.set_bookmark(articles[2].url, bookmarked=False)
    store.mark_read(articles[2].url)
    store.mark_read(articles[2].url, read=False)

    states = store.reading_states([a.url for a in articles] + [SITE + "/never.html"])
    assert states[articles[0].url].read_at is not None
    assert states[articles[0].url].bookmarked_at is None
    assert states[articles[1].url].bookmarked_at is not None
    assert states[articles[2].url].read_at is None
    assert states[articles[2].url].bookmarked_at is None
    assert SITE + "/never.html" not in states
    assert [s.article.url for s in store.bookmarks()] == [articles[1].url]


def test_assets_are_content_addressed_and_deduplicated(store: Store) -> None:
    logo = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8
    article = make_article(4, "有图片的文章", "正文。")
    assets = [
        Page(url=f"{SITE}/img/a.png", content=logo, content_type="image/png"),
        Page(url=f"{SITE}/img/same-logo.png", content=logo, content_type="image/png"),
        Page(url=f"{SITE}/files/4.docx", content=b"PK\x03\x04 doc", content_type=None),
    ]
    store.save_article(article, html_page(article), assets=assets)

    counts = store.counts()
    assert counts["assets"] == 3
    assert counts["blobs"] == 3  # the page, the logo once, the document
    first, second = store.get_asset(assets[0].url), store.get_asset(assets[1].url)
    assert first is not None
    assert second is not None
    assert first.content == second.content == logo
    assert first.sha256 == second.sha256
    assert first.content_type == "image/png"
    assert store.get_asset(SITE + "/img/missing.png") is None


def test_a_lone_asset_can_be_saved_and_unreferenced_bytes_pruned(store: Store) -> None:
    url = f"{SITE}/img/photo.jpg"
    old = store.save_asset(Page(url=url, content=b"old bytes", content_type="image/jpeg"))
    new = store.save_asset(Page(url=url, content=b"new bytes", content_type="image/jpeg"))
    assert old != new
    assert store.counts()["blobs"] == 2
    assert store.prune_blobs() == 1
    asset = store.get_asset(url)
    assert asset is not None
    assert asset.content == b"new bytes"


def test_lists_and_trees_round_trip(store: Store) -> None:
    article_list = ArticleList(
        url=f"{SITE}/xwzx/gzdt/index.html",
        section="工作动态",
        items=(ListItem("第一条", f"{SITE}/a/1.html", "2024-12-05"),),
        pages=(f"{SITE}/xwzx/gzdt/index.html", f"{SITE}/xwzx/gzdt/index_1.html"),
        next=f"{SITE}/xwzx/gzdt/index_1.html",
        warnings=("少了日期",),
    )
    tree = SiteTree("示例站", f"{SITE}/", (Section("新闻中心", f"{SITE}/xwzx/"),))
    list_page = Page(url=article_list.url, content=b"<html>list</html>")
    store.save_list(article_list, list_page)
    store.save_tree(tree, Page(url=tree.url, content=b"<html>home</html>"))

    saved_list = store.get_list(article_list.url)
    assert saved_list is not None
    assert saved_list.value == article_list
    saved_tree = store.get_tree(tree.url)
    assert saved_tree is not None
    assert saved_tree.value == tree
    assert [saved.value for saved in store.trees()] == [tree]
    assert store.get_list(f"{SITE}/other.html") is None

    shorter = ArticleList(url=article_list.url, section="工作动态", items=())
    store.save_list(shorter)
    saved_again = store.get_list(article_list.url)
    assert saved_again is not None
    assert saved_again.value == shorter
    assert _rows(store, "SELECT count(*) FROM list_items") == [(0,)]


def test_raw_pages_iterate_in_batches_by_kind(store: Store) -> None:
    for number in range(7):
        article = make_article(number, f"第{number}篇", "正文。")
        store.save_article(article, html_page(article))
    store.save_list(ArticleList(f"{SITE}/l.html", None, ()), Page(f"{SITE}/l.html", b"<ul></ul>"))

    every = list(store.iter_raw_pages(batch=3))
    assert len(every) == 8
    articles_only = list(store.iter_raw_pages("article", batch=2))
    assert {page.url for page in articles_only} == {make_article(n, "", "").url for n in range(7)}
    assert [page.kind for page in store.iter_raw_pages("list")] == ["list"]


def test_a_batch_is_saved_in_one_go_and_the_last_copy_of_a_url_wins(store: Store) -> None:
    records = [ArticleRecord(make_article(n, f"批量{n}", "正文。")) for n in range(5)]
    records.append(ArticleRecord(make_article(0, "批量0 新版", "正文。")))
    assert store.save_articles(records) == 5
    stored = store.get_article(records[0].article.url)
    assert stored is not None
    assert stored.article.title == "批量0 新版"


def test_naive_fetch_times_are_taken_as_utc(store: Store) -> None:
    article = make_article(9, "时间", "正文。")
    store.save_article(article, fetched_at=datetime(2024, 1, 2, 3, 4, 5))
    stored = store.get_article(article.url)
    assert stored is not None
    assert datetime.fromisoformat(stored.fetched_at) == datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)


def test_threads_share_one_store_with_a_connection_each(store: Store) -> None:
    errors: list[BaseException] = []

    def work(worker: int) -> None:
        try:
            for n in range(20):
                article = make_article(worker * 100 + n, f"线程{worker}文章{n}", "并发写入。")
                store.save_article(article, html_page(article))
                assert store.get_article(article.url) is not None
                store.search("并发写入")
        except BaseException as exc:  # collected and re-raised by the test
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert store.counts()["articles"] == 120
    assert store.check_integrity() == []
    assert len(store._connections) == 7  # six workers and the test's own thread
