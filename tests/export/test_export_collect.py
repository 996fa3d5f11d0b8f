"""Choosing articles from the library: one URL, or a section's stored list pages."""

from __future__ import annotations

import pytest
from export_samples import ARTICLES, UNSTORED_URL

from hnreader.export import ExportError, embedded_image, section_articles, single_article
from hnreader.store import Store


def test_a_section_gives_its_stored_articles_in_list_order(store: Store) -> None:
    selection = section_articles(store, "新闻中心/工作动态")
    assert selection.title == "示例社工网 · 工作动态"
    assert selection.articles == ARTICLES
    assert selection.missing == (UNSTORED_URL,)
    assert section_articles(store, "示例社工网/新闻中心/工作动态/").articles == ARTICLES


def test_since_keeps_recent_articles(store: Store) -> None:
    assert section_articles(store, "新闻中心/工作动态", since="2025-03-10").articles == ARTICLES[:2]
    with pytest.raises(ExportError, match="no stored articles published since 2026-01-01"):
        section_articles(store, "新闻中心/工作动态", since="2026-01-01")
    with pytest.raises(ExportError, match="--since wants a date"):
        section_articles(store, "新闻中心/工作动态", since="上周")


def test_unknown_section_suggests_a_close_path(store: Store) -> None:
    with pytest.raises(ExportError, match="did you mean '新闻中心/工作动态'"):
        section_articles(store, "新闻中心/工作动")


def test_single_article_and_missing_one(store: Store) -> None:
    assert single_article(store, ARTICLES[2].url).articles == (ARTICLES[2],)
    with pytest.raises(ExportError, match="is not in the library"):
        single_article(store, UNSTORED_URL)


def test_stored_images_become_data_uris(store: Store) -> None:
    image = ARTICLES[0].images[0].src
    assert (embedded_image(store, image) or "").startswith("data:image/png;base64,iVBORw0KGgo")
    assert embedded_image(store, ARTICLES[0].images[1].src) is None
