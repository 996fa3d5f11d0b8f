"""Saving in batches: rows prepared on any thread, indexes kept exact on re-saves."""

from __future__ import annotations

import importlib.metadata
import random
import re
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from store_samples import SITE, html_page, make_article

from hnreader.models import Page
from hnreader.store import ArticleRecord, Store, textnorm
from hnreader.store.textnorm import bigram_tokens, fold, fold_with_origin

_RUN = re.compile(r"[^\W_]+")


def _records(first: int, count: int, phrase: str, body_word: str = "") -> list[ArticleRecord]:
    records = []
    for number in range(first, first + count):
        body = f"{phrase}的正文{body_word}，第{number}段。"
        article = make_article(number, f"{phrase}第{number}篇", body)
        shared_logo = Page(f"{SITE}/img/logo.png", b"\x89PNG logo bytes" * 50, "image/png")
        later = Page(article.url.replace(".html", "_1.html"), f"{phrase}续页".encode() * 30)
        records.append(ArticleRecord(article, html_page(article), (shared_logo,), None, (later,)))
    return records


def test_rows_prepared_on_many_threads_save_like_save_articles(tmp_path: Path) -> None:
    records = _records(0, 12, "社区志愿服务")
    with ThreadPoolExecutor(max_workers=4) as pool:
        batches = list(pool.map(Store.prepare_articles, [records[:4], records[4:8], records[8:]]))
    with Store.open(tmp_path / "prepared") as prepared, Store.open(tmp_path / "direct") as direct:
        assert sum(prepared.save_prepared(rows) for rows in batches) == 12
        assert direct.save_articles(records) == 12
        for store in (prepared, direct):
            assert store.counts()["pages"] == 24  # each article's page and its later page
            assert store.counts()["assets"] == 1  # the logo, stored once
            assert store.check_integrity() == []
        for query in ("志愿服务", "社", "第7篇"):
            assert [hit.url for hit in prepared.search(query, limit=50)] == [
                hit.url for hit in direct.search(query, limit=50)
            ]
        for record in records:
            saved = prepared.get_article(record.article.url)
            assert saved is not None
            assert saved.article == record.article


def test_re_saving_a_batch_replaces_every_indexed_text(store: Store) -> None:
    store.save_articles(_records(0, 6, "垃圾分类宣传", "鼓"))
    # Half the batch again with new text, and three new articles, in one transaction.
    store.save_articles(_records(3, 6, "消防安全检查", "查"))
    assert len(store.search("垃圾分类", limit=50)) == 3
    assert len(store.search("消防安全", limit=50)) == 6
    # Characters of the bodies only, as the bigram index answers them: the replaced
    # articles' old text is gone from it too.
    assert {hit.url for hit in store.search("鼓", limit=50)} == {
        record.article.url for record in _records(0, 3, "")
    }
    assert {hit.url for hit in store.search("查", limit=50)} == {
        record.article.url for record in _records(3, 6, "")
    }
    assert store.counts()["articles"] == 9
    assert store.check_integrity() == []


def _plain_bigram_tokens(folded: str) -> list[str]:
    """The tokens as the index defines them, written the obvious way."""
    tokens: list[str] = []
    for run in _RUN.findall(folded):
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        tokens.append(run[-1])
    return tokens


def test_bigram_tokens_are_every_pair_and_each_runs_last_character() -> None:
    rng = random.Random(6)
    alphabet = "社区服务ab1 ，。_\n-é\u0301\u3000Ｘ"
    texts = ["", " ", "，", "a", "社区", "社 区", "_社_", "a   b"]
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14))) for _ in range(3000)]
    for text in texts:
        folded = fold(text)
        assert bigram_tokens(folded).split() == _plain_bigram_tokens(folded), repr(text)


def test_folding_without_offsets_equals_folding_with_them() -> None:
    # Texts whose NFKC form changes length take the character-by-character path.
    texts = [
        "ﬁ连字…与①②",
        "e\u0301 與 ＡＢＣ…",
        "全角，标点：无变化",
        "臺灣後面的發展",
        "㍻㈱ Straße İ",
        "\u3000ｈｅｌｌｏ　世界",
    ]
    for text in texts:
        assert fold(text) == fold_with_origin(text)[0]


def test_the_text_converter_is_named_as_its_installed_metadata_says() -> None:
    identity = textnorm._opencc_identity()
    name, _, version = identity.rpartition("-")
    assert importlib.metadata.version(name) == version
    assert identity == textnorm._identity_from_metadata()


def test_rows_prepared_apart_may_repeat_a_url_and_the_last_wins(store: Store) -> None:
    first = Store.prepare_articles(_records(0, 2, "望月湖"))
    again = Store.prepare_articles(_records(1, 2, "凤鸣村"))
    store.save_articles(_records(1, 1, "旧文"))  # article 1 is stored and indexed already
    assert store.save_prepared([*first, *again]) == 4
    assert {hit.url for hit in store.search("凤鸣村", limit=50)} == {
        record.article.url for record in _records(1, 2, "")
    }
    assert len(store.search("望月湖", limit=50)) == 1
    assert store.search("旧文") == []
    assert store.check_integrity() == []
