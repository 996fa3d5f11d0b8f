"""What the cheaper saving path must keep exact: folding, compression, and bulk validators."""

from __future__ import annotations

import sqlite3
import sys
import unicodedata
import zlib
from contextlib import closing
from dataclasses import replace

import pytest
from store_samples import SITE, html_page, make_article

from hnreader.models import ArticleList, Page
from hnreader.store import ArticleRecord, Store
from hnreader.store import rows as store_rows
from hnreader.store.records import ArticleValidators
from hnreader.store.textnorm import fold, fold_with_origin

# Every full-width ASCII form and the ideographic space: the forms folding narrows itself.
WIDE_FORMS = [chr(code) for code in range(0xFF01, 0xFF5F)] + ["\u3000"]


def _nfkc_folded(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


@pytest.mark.parametrize("wide", WIDE_FORMS)
def test_each_wide_form_folds_as_nfkc_says(wide: str) -> None:
    # Between ideographs, repeated, and next to a form NFKC itself must still handle (ﬁ).
    text = f"社区{wide}服务{wide}{wide}ﬁ"
    expected = fold(f"社区{_nfkc_folded(wide)}服务{_nfkc_folded(wide) * 2}fi")
    assert fold(text) == expected
    assert fold_with_origin(text)[0] == expected


def test_text_full_of_wide_forms_folds_as_nfkc_says() -> None:
    text = "".join(f"第{index}条{wide}" for index, wide in enumerate(WIDE_FORMS))
    assert fold(text) == fold(_nfkc_folded(text))
    assert len(fold(text)) == len(text)


def _large_page(number: int) -> Page:
    article = make_article(number, "大页面", *(f"第{n}段：社区服务的记录。" for n in range(400)))
    return html_page(article)


def test_large_pages_compress_in_the_zlib_format_and_round_trip(store: Store) -> None:
    page = _large_page(1)
    blob = store_rows.blob_row(page.content)
    assert blob.codec == "zlib"
    assert len(blob.data) < len(page.content) / 5
    assert zlib.decompress(blob.data) == page.content  # the standard library reads it
    article = make_article(1, "大页面", "正文。")
    store.save_article(article, page)
    raw = store.get_page(article.url, "article")
    assert raw is not None
    assert raw.content == page.content


def test_without_isa_l_pages_compress_with_zlib_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    content = _large_page(2).content
    store_rows._large_compressor.cache_clear()
    monkeypatch.setitem(sys.modules, "isal", None)  # as if it were not installed
    try:
        blob = store_rows.blob_row(content)
    finally:
        store_rows._large_compressor.cache_clear()
    assert blob.codec == "zlib"
    assert blob.data == zlib.compress(content, 1)
    assert store_rows.unpack_blob(blob.sha256, blob.size, blob.codec, blob.data) == content


def test_validators_of_many_urls_in_one_call(store: Store) -> None:
    with_page = [make_article(n, f"标题{n}", "正文。") for n in range(3)]
    for article in with_page:
        store.save_article(article, html_page(article))
    bare = make_article(10, "没有原始页面", "正文。")
    store.save_article(bare)
    only_page_url = f"{SITE}/list-only.html"  # a raw page stored as a list is no article
    store.save_list(
        ArticleList(only_page_url, None, ()), Page(only_page_url, b"<html></html>", "text/html")
    )
    unknown = [f"{SITE}/unknown/{n}.html" for n in range(600)]  # more than one chunk

    asked = [a.url for a in with_page] + [bare.url, only_page_url, with_page[0].url, *unknown]
    found = store.article_validators(asked)

    assert set(found) == {a.url for a in with_page} | {bare.url}
    for article in with_page:
        page = html_page(article)
        raw = store.get_page(article.url, "article")
        assert raw is not None
        validators = found[article.url]
        assert (validators.etag, validators.last_modified) == (raw.etag, raw.last_modified)
        assert validators.size == len(page.content)
        assert validators.same_content(page.content)
        assert not validators.same_content(page.content + b" ")
        assert not validators.same_content(page.content[:-1] + b"!")
    assert found[bare.url] == ArticleValidators()
    assert not found[bare.url].same_content(b"")
    assert store.article_validators([]) == {}


def test_validators_follow_a_page_saved_again(store: Store) -> None:
    article = make_article(20, "会更新", "第一版。")
    store.save_article(article, html_page(article))
    before = store.article_validators([article.url])[article.url]
    newer = replace(html_page(article), content=b"<html>second</html>", headers={"ETag": '"v2"'})
    store.save_articles([ArticleRecord(article, newer)])
    after = store.article_validators([article.url])[article.url]
    assert after != before
    assert (after.etag, after.last_modified) == ('"v2"', None)
    assert after.same_content(b"<html>second</html>")


def _vocabulary(store: Store) -> list[tuple[object, ...]]:
    with closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
        conn.execute("CREATE VIRTUAL TABLE temp.tri USING fts5vocab(main, search_trigram, row)")
        conn.execute("CREATE VIRTUAL TABLE temp.bi USING fts5vocab(main, search_bigram, row)")
        return [
            *conn.execute("SELECT 'tri', term, doc, cnt FROM tri ORDER BY term"),
            *conn.execute("SELECT 'bi', term, doc FROM bi ORDER BY term"),
        ]


def _index_pages(store: Store) -> int:
    with closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
        return sum(
            int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("search_trigram_data", "search_bigram_data")
        )


def test_saving_the_same_text_again_leaves_the_index_alone(store: Store) -> None:
    articles = [make_article(n, f"第{n}次社区议事", f"居民代表{n}人参加。") for n in range(30, 34)]
    store.save_articles([ArticleRecord(a, html_page(a)) for a in articles])
    before, pages = _vocabulary(store), _index_pages(store)

    # New page bytes (a counter in the page, say), the same text: nothing to index.
    store.save_articles(
        [ArticleRecord(a, replace(html_page(a), content=b"<p>v2</p>")) for a in articles]
    )
    assert (_vocabulary(store), _index_pages(store)) == (before, pages)
    raw = store.get_page(articles[0].url, "article")
    assert raw is not None
    assert raw.content == b"<p>v2</p>"

    changed = replace(articles[0], title="改过的标题")
    store.save_articles([ArticleRecord(a, html_page(a)) for a in (changed, *articles[1:])])
    assert store.check_integrity() == []
    assert [hit.url for hit in store.search("议事", limit=10)] == [a.url for a in articles[3:0:-1]]
    assert [hit.url for hit in store.search("改过的")] == [changed.url]
    assert _vocabulary(store) != before

    store.save_articles([ArticleRecord(articles[0], html_page(articles[0]))])
    assert _vocabulary(store) == before
    assert store.check_integrity() == []
