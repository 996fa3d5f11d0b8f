"""The generated model of the demo edition: size, spread, shapes and special pages."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from datetime import datetime
from urllib.parse import urljoin

from hnreader.demo.content import TODAY_ISO, demo_edition
from hnreader.demo.markup import relative
from hnreader.demo.model import FLAGS
from hnreader.demo.traditional import PINYIN, RUBY_ARTICLES, SIMPLIFIED_TO_TRADITIONAL

FLAGSHIP_ARTICLE = re.compile(r"^/content/646/\d+/\d{8}\.html$")
PORTAL_ARTICLE = re.compile(r"^/portal/(?:\w+/)+(\d{6})/t(\d{8})_\d+\.html$")


def test_at_least_150_articles_and_the_flagship_is_larger() -> None:
    flagship, portal = demo_edition().sites
    assert len(flagship.articles) + len(portal.articles) >= 150
    assert len(flagship.articles) > len(portal.articles) > 0


def test_articles_span_at_least_two_years_and_precede_the_header_date() -> None:
    times = [datetime.fromisoformat(a.published) for a in demo_edition().articles]
    assert (max(times) - min(times)).days >= 700
    assert len({t.year for t in times}) >= 2
    assert max(times).date().isoformat() < TODAY_ISO


def test_flagship_has_eight_top_sections_and_twelve_sub_sections() -> None:
    flagship = demo_edition().site("flagship")
    assert len(flagship.sections) >= 8
    assert sum(len(top.children) for top in flagship.sections) >= 12
    news = next(s for s in flagship.sections if s.name == "新闻中心")
    assert [c.name for c in news.children] == ["工作动态", "通知公告", "市州动态", "媒体聚焦"]


def test_article_urls_have_the_cms_shapes() -> None:
    flagship, portal = demo_edition().sites
    for article in flagship.articles:
        assert FLAGSHIP_ARTICLE.match(article.path), article.path
    for article in portal.articles:
        match = PORTAL_ARTICLE.match(article.path)
        assert match, article.path
        day = article.published[:10].replace("-", "")
        assert match.group(2) == day
        assert match.group(1) == day[:6]


def test_paths_and_titles_are_unique() -> None:
    articles = demo_edition().articles
    paths = [p for a in articles for p in a.pages]
    assert len(paths) == len(set(paths))
    for site in demo_edition().sites:
        titles = [a.title for a in site.articles]
        assert len(titles) == len(set(titles))


def test_every_article_has_the_page_furniture_data() -> None:
    for article in demo_edition().articles:
        assert article.title
        assert article.source
        assert article.author
        assert article.editor
        assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d", article.published)
        assert article.paragraphs, article.path
        assert all(p == p.strip() and p for p in article.paragraphs)
        assert article.flags <= FLAGS


def test_lists_are_newest_first_and_paged_by_twenty() -> None:
    for site in demo_edition().sites:
        for page in site.list_pages:
            dates = [a.published for a in page.items]
            assert dates == sorted(dates, reverse=True)
            last = page.path == page.pages[-1]
            assert len(page.items) == 20 or (last and 0 < len(page.items) <= 20)
            assert (page.next is None) == last


def test_every_special_page_kind_exists() -> None:
    found = {flag for a in demo_edition().articles for flag in a.flags}
    assert found == FLAGS


def test_the_long_article_has_15000_characters() -> None:
    long = [a for a in demo_edition().articles if "long" in a.flags]
    assert len(long) == 1
    assert len("".join(long[0].paragraphs)) >= 15000


def test_gbk_articles_need_gbk_and_fit_in_it() -> None:
    gbk = [a for a in demo_edition().articles if "gbk" in a.flags]
    assert len(gbk) >= 3
    assert any("喆" in a.text for a in gbk)
    for article in gbk:
        assert article.encoding == "gbk"
        (article.title + article.text).encode("gbk")
    mislabelled = [a for a in gbk if "mislabelled" in a.flags]
    assert mislabelled
    for article in mislabelled:
        assert article.declared_charset == "gb2312"
        assert any(char in article.text for char in "喆镕堃")


def test_ruby_texts_are_fully_converted_to_traditional() -> None:
    ruby = [a for a in demo_edition().articles if "ruby" in a.flags]
    assert len(ruby) == len(RUBY_ARTICLES)
    for article in ruby:
        text = article.title + article.text + "".join(article.breadcrumb)
        left = {char for char in text if char in SIMPLIFIED_TO_TRADITIONAL}
        assert not left, f"simplified characters left: {left}"
        text.encode("big5")  # characters outside Big5 would be simplified-only forms
        assert any(char in PINYIN for char in text)


def test_policy_pages_carry_the_six_document_fields() -> None:
    policies = [a for a in demo_edition().articles if "policy" in a.flags]
    assert len(policies) >= 3
    for article in policies:
        labels = [label for label, _ in article.fields]
        assert sorted(labels) == sorted(
            ["索引号", "发文字号", "发布机构", "成文日期", "主题分类", "有效性"]
        )
        assert article.site == "portal"


def test_hacked_pages_have_spam_and_keep_it_out_of_the_text() -> None:
    hacked = [a for a in demo_edition().articles if "hacked" in a.flags]
    assert len(hacked) >= 3
    for article in hacked:
        assert article.spam
        assert not any(spam in article.text for spam in article.spam)


def test_expected_article_resolves_paths_against_the_base_url() -> None:
    article = next(a for a in demo_edition().articles if a.images and a.attachments == ())
    expected = article.expected("http://127.0.0.1:9/")
    assert expected.url == "http://127.0.0.1:9" + article.path
    assert expected.paragraphs == article.paragraphs
    assert [i.src for i in expected.images] == [
        "http://127.0.0.1:9" + b.image_path for b in article.images
    ]


_DIGEST_SCRIPT = """
import json
from hnreader.demo.routes import routes
table = routes()
print(json.dumps({path: r.etag for path, r in sorted(table.items())}))
"""


def test_generation_is_identical_across_processes_and_hash_seeds() -> None:
    outputs = []
    for seed in ("1", "2"):
        result = subprocess.run(
            [sys.executable, "-c", _DIGEST_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        )
        outputs.append(json.loads(result.stdout))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 250


def test_relative_links_resolve_back_to_their_targets() -> None:
    pages = ["/portal/zwdt/zwyw/202502/t20250226_1.html", "/portal/index.html", "/portal/"]
    targets = [*pages, "/portal/zwdt/index.html", "/portal/zwdt/zwyw/202502/W1.png", "/robots.txt"]
    for page in pages:
        for target in targets:
            link = relative(page, target)
            assert link.startswith(".")
            assert urljoin("http://h" + page, link) == "http://h" + target, (page, target)
