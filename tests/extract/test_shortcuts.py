"""Shortcuts taken for speed give exactly what the full computations they skip would give."""

from __future__ import annotations

import random
from pathlib import Path

from selectolax.lexbor import LexborNode

from hnreader.demo.routes import routes
from hnreader.extract import dom
from hnreader.extract.body import locate_body
from hnreader.extract.dates import find_dates, parse_date
from hnreader.extract.decode import decode_html
from hnreader.extract.dom import clean_text, parse_html, sanitize
from hnreader.extract.list_items import row_groups
from hnreader.extract.list_rows import remembered_rows
from hnreader.extract.list_scoring import (
    _PAGER_TOKEN,
    _TOKEN,
    _known_parts,
    _score,
    best_group,
    pager_surroundings,
    surroundings,
)
from hnreader.extract.tree_breadcrumb import _MARKER, _named, _tokens

DATA = Path(__file__).resolve().parents[1] / "data"


def _strings(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(count)]


def _clean_text_in_full(text: str) -> str:
    """``clean_text`` without its fast paths: controls stripped, wrapped lines joined."""
    text = dom.strip_controls(text)
    if "\n" in text:
        text = dom._WRAPPED_CJK.sub("", text)
    return " ".join(text.split())


def test_clean_text_matches_the_full_cleaning() -> None:
    """Wide spaces, line breaks, controls and escapes: the fast path never changes a result."""
    pieces = [
        "中文",
        "ab",
        " ",
        "\u3000",
        "\u00a0",
        "\n",
        "\r\n",
        "\t",
        "\x07",
        "\x1b[31m",
        "\u2028",
    ]
    pieces += ["\u200b", "\u202e", "\x1c", "\x85", "。"]
    changed = 0
    for text in _strings(pieces, 20_000, 21):
        expected = _clean_text_in_full(text)
        assert clean_text(text) == expected, repr(text)
        changed += expected != " ".join(text.split())
    assert changed > 1_000  # the strings really need cleaning beyond joining spaces


def test_parse_date_is_the_first_of_all_dates() -> None:
    """Stopping at the first date (digits or Chinese numerals) finds the earliest one."""
    pieces = [
        "2024-05-06",
        "2024年5月6日",
        "二〇二四年五月六日",
        "２０２４－０５－０６",
        "年",
        " ",
        "，",
    ]
    pieces += ["13:45", "2019.1.1", "2024-13-40", "三月", "发布于", "二〇二三年十二月三十一日"]
    found = 0
    for text in _strings(pieces, 20_000, 22):
        every = find_dates(text)
        assert parse_date(text) == (every[0][1] if every else None), text
        found += bool(every)
    assert found > 10_000


def _pages() -> list[tuple[str, str]]:
    """The test data's pages and the demo site's pages, decoded, with their URLs."""
    site = "http://www.example.gov.cn/"
    found = [(p.read_bytes(), None, site + p.name) for p in sorted(DATA.glob("*/*.html"))]
    for path, resource in sorted(routes().items()):
        if resource.body and resource.content_type.startswith("text/html"):
            found.append((resource.body, resource.content_type, "http://d" + path))
    pages = []
    for content, content_type, url in found:
        try:
            pages.append((decode_html(content, content_type).text, url))
        except ValueError:
            continue  # not a page (the binary-content fixtures)
    return pages


def test_best_group_is_the_first_of_the_highest_scores() -> None:
    """Groups passed over by their bound never hold the best score (nor tie it earlier)."""
    compared = 0
    for html, url in _pages():
        tree = parse_html(html)
        sanitize(tree)
        if tree.body is None:
            continue
        with remembered_rows():
            groups = row_groups(tree.body, url)
            near = pager_surroundings(tree.body)
            scores = [_score(group, _known_parts(group, url, near)) for group in groups]
            chosen = best_group(groups, url, near)
        if not groups or max(scores) <= 0:
            assert chosen is None
            continue
        assert chosen is groups[scores.index(max(scores))]
        compared += len(groups) > 1
    assert compared >= 10  # pages with a real choice between groups


def test_a_template_body_matches_ids_case_blind_in_quirks_mode() -> None:
    """Without a doctype ids match in any case; the quick pre-check must not lose that."""
    prose = "社区志愿者走进独居老人家中，帮助打扫卫生、检查电器线路，并送去生活用品。"
    html = f'<html><body><div id="ZOOM"><p>{prose}</p></div><div>{prose[:10]}</div></body></html>'
    tree = parse_html(html)
    sanitize(tree)
    location = locate_body(tree, html)
    assert location is not None
    assert location.method == "template:#zoom"
    strict = "<!DOCTYPE html>" + html
    tree = parse_html(strict)
    sanitize(tree)
    location = locate_body(tree, strict)
    assert location is not None
    assert not location.method.startswith("template")


def _pager_surroundings_in_full(root: LexborNode) -> set[int]:
    """``pager_surroundings`` reading every named element and every link's own text."""
    pagers = []
    for node in root.css("[class], [id]"):
        marker = f"{node.attributes.get('class') or ''} {node.attributes.get('id') or ''}"
        if any(_PAGER_TOKEN.match(t) for t in _TOKEN.split(marker.lower()) if t):
            pagers.append(node)
    for anchor in root.css("a, span"):
        text = clean_text(anchor.text(deep=False) or "")
        if anchor.parent is not None and text in ("下一页", "上一页", "尾页", "末页"):
            pagers.append(anchor.parent)
    return surroundings(pagers)  # the walk up is shared: what is checked here is the search


def test_pager_surroundings_match_reading_every_element() -> None:
    """The Lexbor pre-selection (case-blind names, 页 in own text) loses no pager."""
    extra = """<div class="XPager"><a href="?p=2">下一页</a></div><div id="FENYE_box">x</div>
    <ul class="list-fy"><li><span>尾页</span></li></ul><p><a>末<b>x</b>页</a></p>"""
    with_pager = 0
    for html, _url in [*_pages(), (f"<html><body>{extra}</body></html>", "")]:
        tree = parse_html(html)
        sanitize(tree)
        if tree.body is None:
            continue
        expected = _pager_surroundings_in_full(tree.body)
        assert pager_surroundings(tree.body) == expected
        with_pager += bool(expected)
    assert with_pager >= 5


def test_breadcrumb_candidates_match_reading_every_named_element() -> None:
    """Lexbor's case-blind pre-selection of crumb-named elements loses none, in page order."""
    extra = """<div class="Bread-nav" id="x">a</div><p id="CurPos">b</p>
    <div class="weizh\u0130">c</div><span class="nav PATHway">d</span><div class="plain">e</div>"""
    named = 0
    for html, _url in [*_pages(), (f"<html><body>{extra}</body></html>", "")]:
        tree = parse_html(html)
        sanitize(tree)
        if tree.body is None:
            continue
        every = tree.body.css("[class], [id]")
        named_ones = [n for n in every if any(_MARKER.match(t) for t in _tokens(n) if t)]
        expected = list(dict.fromkeys(n.mem_id for n in named_ones))
        assert list(dict.fromkeys(n.mem_id for n in _named(tree.body))) == expected
        named += len(expected)
    assert named >= 10
