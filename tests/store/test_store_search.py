"""Search: Chinese of any length, across scripts, with match spans and filters."""

from __future__ import annotations

import pytest
from store_samples import SITE, make_article

import hnreader.store.search as search_module
from hnreader.models import Article, ArticleList, ListItem
from hnreader.store import SearchHit, Store
from hnreader.store.textnorm import fold

SIMPLIFIED = make_article(
    1,
    "社区养老服务中心正式启用",
    "新建的养老服务中心为辖区老人提供助餐、助浴和日间照料。",
    "中心由街道与社会组织共同运营。",
    section="gzdt",
)
TRADITIONAL = make_article(
    2,
    "鄉村振興誌願隊報名開始",
    "誌願者將於週末前往山區學校開展閱讀活動。",
    section="tzgg",
)
ENGLISH_AND_DIGITS = make_article(
    3, "Open Data 开放日", "全年共接待来访群众２０２４人次，其中 AI 咨询占一成。", section="gzdt"
)
OTHER_SITE = Article(
    url="http://other.example.org/news/9.html",
    title="另一个网站的养老新闻",
    published="2023-01-01",
)


@pytest.fixture
def filled(store: Store) -> Store:
    for article in (SIMPLIFIED, TRADITIONAL, ENGLISH_AND_DIGITS, OTHER_SITE):
        store.save_article(article)
    store.save_list(
        ArticleList(
            url=f"{SITE}/xwzx/gzdt/index.html",
            section="工作动态",
            items=(
                ListItem("x", SIMPLIFIED.url, None),
                ListItem("y", ENGLISH_AND_DIGITS.url, None),
            ),
        )
    )
    return store


def _urls(hits: list[SearchHit]) -> set[str]:
    return {hit.url for hit in hits}


def _highlighted(text: str, spans: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in spans]


def test_a_chinese_phrase_of_three_or_more_characters(filled: Store) -> None:
    assert _urls(filled.search("养老服务")) == {SIMPLIFIED.url}
    assert _urls(filled.search("养老")) == {SIMPLIFIED.url, OTHER_SITE.url}
    assert filled.search("服务养老") == []


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("助浴", {SIMPLIFIED.url}),
        ("餐", {SIMPLIFIED.url}),
        ("营", {SIMPLIFIED.url}),  # the last character of a run of text
        ("启用", {SIMPLIFIED.url}),  # the last two characters of the title
        ("山", {TRADITIONAL.url}),
        ("ai", {ENGLISH_AND_DIGITS.url}),
        ("无", set()),
    ],
)
def test_one_and_two_character_queries(filled: Store, query: str, expected: set[str]) -> None:
    assert _urls(filled.search(query)) == expected


def test_a_simplified_query_finds_traditional_text(filled: Store) -> None:
    (hit,) = filled.search("志愿者将于")
    assert hit.url == TRADITIONAL.url
    assert _highlighted(hit.snippet.text, hit.snippet.spans) == ["誌願者將於"]
    assert _urls(filled.search("乡村")) == {TRADITIONAL.url}


def test_a_traditional_query_finds_simplified_text(filled: Store) -> None:
    (hit,) = filled.search("養老服務中心")
    assert hit.url == SIMPLIFIED.url
    assert _highlighted(hit.title or "", hit.title_spans) == ["养老服务中心"]
    assert _urls(filled.search("區")) == {SIMPLIFIED.url, TRADITIONAL.url}


def test_full_width_digits_and_letter_case_are_folded(filled: Store) -> None:
    (hit,) = filled.search("2024人次")
    assert _highlighted(hit.snippet.text, hit.snippet.spans) == ["２０２４人次"]
    assert _urls(filled.search("open DATA")) == {ENGLISH_AND_DIGITS.url}


def test_every_term_must_match(filled: Store) -> None:
    assert _urls(filled.search("老人 社会组织")) == {SIMPLIFIED.url}
    assert filled.search("老人 学校") == []
    assert _urls(filled.search("老 营")) == {SIMPLIFIED.url}


def test_hits_carry_what_the_result_list_shows(filled: Store) -> None:
    (hit,) = filled.search("日间照料")
    assert hit.title == SIMPLIFIED.title
    assert hit.published == SIMPLIFIED.published
    assert hit.section == "工作动态"
    assert hit.site == "news.example.cn"
    assert _highlighted(hit.snippet.text, hit.snippet.spans) == ["日间照料"]
    assert "\n" not in hit.snippet.text
    (unlisted,) = filled.search("山区学校")
    assert unlisted.section is None


def test_all_matches_are_highlighted_and_a_long_body_is_cut_around_them(store: Store) -> None:
    filler = "这是一段与检索无关的填充文字。" * 20
    article = make_article(5, "长文", filler + "关键词出现在这里，关键词又出现了。" + filler)
    store.save_article(article)
    (hit,) = store.search("关键词")
    snippet = hit.snippet
    assert snippet.text.startswith("…")
    assert snippet.text.endswith("…")
    assert len(snippet.text) <= 102
    assert _highlighted(snippet.text, snippet.spans) == ["关键词", "关键词"]
    assert hit.title_spans == ()


def test_filters_by_site_url_prefix_and_list_prefix(filled: Store) -> None:
    assert _urls(filled.search("养老", site="news.example.cn")) == {SIMPLIFIED.url}
    assert _urls(filled.search("养老", site="http://other.example.org/")) == {OTHER_SITE.url}
    assert _urls(filled.search("区", url_prefix=f"{SITE}/xwzx/tzgg/")) == {TRADITIONAL.url}
    in_section = filled.search("中心", list_url_prefix=f"{SITE}/xwzx/gzdt/")
    assert _urls(in_section) == {SIMPLIFIED.url}
    assert filled.search("学校", list_url_prefix=f"{SITE}/xwzx/gzdt/") == []


def test_re_saving_an_article_replaces_its_indexed_text(filled: Store) -> None:
    revised = make_article(1, "社区食堂开业", "食堂每天中午供应午餐。", section="gzdt")
    filled.save_article(revised)
    assert filled.search("养老服务") == []
    assert filled.search("助浴") == []
    assert _urls(filled.search("食堂")) == {revised.url}
    assert _urls(filled.search("午")) == {revised.url}
    assert filled.check_integrity() == []


@pytest.mark.parametrize("query", ['"', '" OR "', "NEAR(a b)", "a*", "养老 AND", "()", "。", ""])
def test_query_syntax_characters_are_plain_text(filled: Store, query: str) -> None:
    hits = filled.search(query)
    for hit in hits:
        assert fold(query.split()[0]) in fold(f"{hit.title} {hit.snippet.text}")


def test_limit_and_offset_page_through_results(store: Store) -> None:
    for number in range(5):
        store.save_article(make_article(number, f"通知{number}", "关于开展活动的通知。"))
    first = store.search("通知", limit=2)
    second = store.search("通知", limit=2, offset=2)
    rest = store.search("通知", limit=10, offset=4)
    urls = [hit.url for hit in first + second + rest]
    assert len(urls) == 5
    assert len(set(urls)) == 5


def test_a_match_in_the_title_ranks_above_one_in_the_body(store: Store) -> None:
    in_title = make_article(1, "垃圾分类宣传周", "本周开展了多项活动。")
    in_body = make_article(2, "社区简讯", "居委会组织了垃圾分类知识讲座。")
    store.save_article(in_title)
    store.save_article(in_body)  # stored later, so it would come first without ranking
    assert [hit.url for hit in store.search("垃圾分类")] == [in_title.url, in_body.url]


def test_a_one_character_query_lists_the_most_recently_stored_first(store: Store) -> None:
    older = make_article(1, "甲文", "春季植树。")
    newer = make_article(2, "乙文", "秋季植树。")
    store.save_article(older)
    store.save_article(newer)
    assert [hit.url for hit in store.search("树")] == [newer.url, older.url]


def test_pages_beyond_the_ranked_window_continue_newest_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(search_module, "RANKED_WINDOW", 3)
    for number in range(7):
        title = "防汛演练通知" if number == 1 else f"简讯{number}"
        store.save_article(make_article(number, title, "街道组织防汛演练。"))
    pages = [store.search("防汛演练", limit=2, offset=offset) for offset in range(0, 8, 2)]
    urls = [hit.url for page in pages for hit in page]
    numbers = [int(url.rsplit("_", 1)[1].split(".")[0]) for url in urls]
    # Only the newest three are ranked, and none has the phrase in its title: the title
    # match (1) outside the window keeps its place by age, and no page repeats or skips one.
    assert numbers == [6, 5, 4, 3, 2, 1, 0]


def test_the_title_match_leads_within_the_ranked_window(store: Store) -> None:
    for number in range(5):
        title = "防汛演练通知" if number == 1 else f"简讯{number}"
        store.save_article(make_article(number, title, "街道组织防汛演练。"))
    hits = store.search("防汛演练")
    assert hits[0].title == "防汛演练通知"
    assert [hit.title for hit in hits[1:]] == ["简讯4", "简讯3", "简讯2", "简讯0"]


def test_highlights_survive_folding_that_changes_the_length(store: Store) -> None:
    # "㈱" folds to three characters, so folded offsets are not the original's here.
    article = make_article(6, "㈱养老服务公司成立", "㈱㈱养老服务公司今天成立。")
    store.save_article(article)
    (hit,) = store.search("养老服务")
    assert _highlighted(hit.title or "", hit.title_spans) == ["养老服务"]
    assert _highlighted(hit.snippet.text, hit.snippet.spans) == ["养老服务"]
