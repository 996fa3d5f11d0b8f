"""The store's JSON encoding gives back exactly the objects it was given."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from store_samples import make_article

from hnreader.models import (
    Article,
    ArticleList,
    Attachment,
    Block,
    Image,
    ListItem,
    Section,
    SiteTree,
)
from hnreader.store import StoredDataError
from hnreader.store.serialise import (
    article_from_json,
    article_list_from_json,
    article_list_to_json,
    article_to_json,
    site_tree_from_json,
    site_tree_to_json,
)

text = st.text(max_size=20)
maybe_text = st.none() | text
images = st.builds(Image, src=text, alt=maybe_text, caption=maybe_text)
blocks = st.one_of(
    st.builds(Block, kind=st.sampled_from(["paragraph", "heading"]), text=text),
    st.builds(Block, kind=st.just("image"), image=images),
    st.builds(
        Block,
        kind=st.just("table"),
        rows=st.lists(st.lists(text, max_size=3).map(tuple), max_size=3).map(tuple),
    ),
)
articles = st.builds(
    Article,
    url=text,
    title=maybe_text,
    source=maybe_text,
    published=maybe_text,
    author=maybe_text,
    editor=maybe_text,
    breadcrumb=st.lists(text, max_size=3).map(tuple),
    blocks=st.lists(blocks, max_size=5).map(tuple),
    attachments=st.lists(st.builds(Attachment, name=text, url=text, type=maybe_text)).map(tuple),
    fields=st.lists(st.tuples(text, text), max_size=3).map(tuple),
    encoding=maybe_text,
    warnings=st.lists(text, max_size=2).map(tuple),
)


@given(articles)
def test_any_article_round_trips(article: Article) -> None:
    assert article_from_json(article_to_json(article)) == article


def test_a_full_sample_article_round_trips() -> None:
    article = make_article(7, "标题", "第一段。", "第二段。")
    assert article_from_json(article_to_json(article)) == article


@given(
    st.builds(
        ArticleList,
        url=text,
        section=maybe_text,
        items=st.lists(st.builds(ListItem, title=text, url=text, date=maybe_text)).map(tuple),
        pages=st.lists(text, max_size=3).map(tuple),
        next=maybe_text,
        warnings=st.lists(text, max_size=2).map(tuple),
    )
)
def test_any_article_list_round_trips(article_list: ArticleList) -> None:
    assert article_list_from_json(article_list_to_json(article_list)) == article_list


def test_a_nested_site_tree_round_trips() -> None:
    tree = SiteTree(
        site="示例站",
        url="http://news.example.cn/",
        sections=(
            Section("新闻中心", "http://news.example.cn/xwzx/", (Section("工作动态", None),)),
            Section("联系我们", "http://news.example.cn/lxwm/"),
        ),
    )
    assert site_tree_from_json(site_tree_to_json(tree)) == tree


@pytest.mark.parametrize(
    ("stored", "complaint"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "not a JSON object"),
        ('{"v": 99}', "format 99"),
        ('{"v": 1, "url": "x"}', "missing a field"),
        (
            article_to_json(
                Article(url="u", title=None, blocks=(Block("paragraph", "x"),))
            ).replace('"paragraph"', '"poem"'),
            "unknown kind 'poem'",
        ),
    ],
)
def test_malformed_stored_articles_give_a_readable_error(stored: str, complaint: str) -> None:
    with pytest.raises(StoredDataError, match=complaint):
        article_from_json(stored)
