"""Title, meta line, breadcrumb and document fields of an article page.

The ``<title>`` element is untrusted (hacked sites hijack it), so the title comes from the page
heading, cross-checked with the ArticleTitle/og:title meta, the ``<title>`` and the breadcrumb.
Source, date, author and editor come from labelled patterns in the lines near the heading and
right after the body: never from the first date anywhere on the page (header bars say 今天是…).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from hnreader.extract.dates import parse_date
from hnreader.extract.dom import LexborHTMLParser, LexborNode, clean_text, holds_link
from hnreader.extract.meta_labels import KIND_OF, label_matches
from hnreader.extract.text_rules import RELATED_HEADING, is_boilerplate, is_spam

__all__ = [
    "MetaLine",
    "find_breadcrumb",
    "find_fields",
    "find_title",
    "head_meta",
    "parse_meta_line",
]

_SEP = "\u0001"  # joins text nodes so that labels and values stay apart
_NOT_CJK_BEFORE = r"(?<![\u4e00-\u9fff])"
_FIELD_LABELS = (
    "索引号|发文字号|文号|发布机构|发文机关|发文单位|成文日期|发布日期|主题分类|主题词|体裁分类"
    "|有效性|生效日期|废止日期|公开方式|公开范围|信息分类|组配分类|所属机构"
)
_SPACED_FIELD_LABELS = "|".join(r"\s*".join(label) for label in _FIELD_LABELS.split("|"))
_FIELD_FIRSTS = "".join(sorted({label[0] for label in _FIELD_LABELS.split("|")}))
_FIELD = re.compile(  # labels are often spaced out to align a table: 索 引 号
    # The lookahead on a label's first character lets the engine skip ahead to candidates.
    rf"(?=[{_FIELD_FIRSTS}]){_NOT_CJK_BEFORE}(?P<label>{_SPACED_FIELD_LABELS})\s*[:：]?\s*{_SEP}?\s*"
    rf"(?P<value>[^{_SEP}]*?)\s*(?={_SEP}|{_NOT_CJK_BEFORE}(?:{_SPACED_FIELD_LABELS})\s*[:：]|$)"
)
_NEXT_LABEL = re.compile(r"\s+\S{2,6}\s*[:：].*$")
_CRUMB_LABEL = re.compile(
    r"^\s*(?:您?(?:当前|现在|目前|當前|現在)?的?(?:所在)?位置|当前页面|当前栏目|所在位置)\s*[:：]?\s*"
)
_CRUMB_SPLIT = re.compile(r"\s*(?:>>|>|›|»|＞|→|/|\||｜)\s*")
_CRUMB_SKIP = frozenset(
    {
        "详情",
        "正文",
        "内容",
        "文章",
        "文章详情",
        "正文内容",
        "详细内容",
        "查看全文",
        "詳情",
        "內容",
        "",
    }
)
_CRUMB_SELECTORS = (
    '[class*="crumb"], [id*="crumb"], [class*="position"], [id*="position"], '
    '[class*="location"], [id*="location"], [class*="weizhi"], [class*="dqwz"], [id*="dqwz"]'
)
_TITLE_SELECTOR = (
    'h1, h2, h3, [class*="title"], [id*="title"], [class*="Title"], [class*="tit"], '
    '[class*="bt"], [class*="headline"], [class*="biaoti"], [id*="biaoti"]'
)
_FURNITURE_HEADING = re.compile(
    r"^(?:首页|广告|标签|全部|友情链接|相关|分享|上一篇|下一篇|热门|推荐|评论|登录|注册|搜索)"
)
_HEADING_WEIGHT = {"h1": 3.0, "h2": 2.0, "h3": 1.0}
_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜|--|—|–| - )\s*")
_KEY_DROP = re.compile(r"[\s\W_]+")
_ORGANISATION = re.compile(
    r"(?:网|报|社|台|中心|政府|委员会|局|厅|部|办公室|集团|公司|频道|日报|新闻)$"
)
_PAIRS = (("（", "）"), ("(", ")"), ("【", "】"), ("[", "]"), ("《", "》"), ("“", "”"))
_REPORTER_PREFIX = re.compile(r"^[^\s:：]{0,10}?(?:见习|特约|实习)?记者\s*")
_NEXT_PERSON_LABEL = re.compile(
    r"\s+(?:校对|审核|审校|编辑|责编|摄影|摄|来源|作者|通讯员)(?:\s|[:：/|]).*$"
)
_SPACED_NAME = re.compile(r"^([\u4e00-\u9fff])\s+([\u4e00-\u9fff])$")
_TRAILING_CODE = re.compile(r"(?:\s+[A-Z]{1,4}\d{2,}|_[A-Z]{1,4}\d{2,})+$")
_UNKNOWN = re.compile(
    r"^(?:未知|佚名|不详|无|暂无|匿名|本站|本网|网友|admin|管理员|系统管理员)$", re.IGNORECASE
)
_NOT_PERSON = re.compile(r"网|www|https?:|\.(?:com|cn|net|org)\b", re.IGNORECASE)
_SOURCE_TAIL = re.compile(r"\s+(?:\d|【|\[).*$")
_ANY_LETTER = re.compile(r"[^\W\d_]")
_SENTENCE_MARK = re.compile(r"[：:，。！？；]")


@dataclass(frozen=True, slots=True)
class MetaLine:
    """What the labelled meta line says (each part None when absent)."""

    source: str | None = None
    published: str | None = None
    author: str | None = None
    editor: str | None = None
    contributor: str | None = None  # 通讯员: the author when no writer is named


def head_meta(tree: LexborHTMLParser) -> dict[str, str]:
    """``<meta>`` name/property (lower-cased) → content, first occurrence wins."""
    found: dict[str, str] = {}
    for meta in tree.tags("meta"):  # a tag lookup: much cheaper than a CSS query
        attrs = meta.attributes
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        value = clean_text(attrs.get("content") or "")
        if key and value and key not in found:
            found[key] = value
    return found


def find_title(
    tree: LexborHTMLParser, meta: dict[str, str], crumbs: list[str]
) -> tuple[str | None, list[str]]:
    """The article title and warnings about how sure it is."""
    meta_title = meta.get("articletitle") or meta.get("og:title") or meta.get("title") or ""
    title_nodes = tree.tags("title")
    tag_title = clean_text(title_nodes[0].text()) if title_nodes else ""
    segments = [part for part in _TITLE_SPLIT.split(tag_title) if part]
    tag_key = _key(tag_title)
    segment_keys = {_key(part) for part in segments}
    site_names = {_key(part) for part in segments[1:]} | {_key(meta.get("og:site_name", ""))}
    meta_key = _key(meta_title) if meta_title else None
    crumb_key = _key(crumbs[-1]) if crumbs else None
    best: tuple[float, str] | None = None
    seen: set[int] = set()
    for order, node in enumerate(tree.css(_TITLE_SELECTOR)):
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        text = clean_text(node.text(deep=True))
        key = _key(text)
        if not 4 <= len(text) <= 120 or key in site_names or _is_furniture(text):
            continue
        score = _HEADING_WEIGHT.get(node.tag or "", 1.0)
        if key == meta_key:
            score += 4
        if key in segment_keys:
            score += 4
        elif len(key) >= 6 and key in tag_key:
            score += 3
        if crumb_key is not None and (key == crumb_key or crumb_key.startswith(key[:8])):
            score += 2
        if _inside_link(node):
            score -= 3
        score -= order * 0.001  # earlier wins a tie
        if best is None or score > best[0]:
            best = (score, text)
    if best is not None and best[0] >= 3:
        return best[1], []
    if meta_title and not is_spam(meta_title):
        return meta_title, []
    longest = max(segments, key=len) if segments else ""
    if len(longest) >= 4 and not is_spam(longest):
        return longest, ["title: no confirmed heading; taken from <title>, which can be hijacked"]
    if best is not None:
        return best[1], ["title: weak evidence, taken from a page heading"]
    return None, ["title: none found (the <title> looks hijacked or is empty)"]


def _is_furniture(text: str) -> bool:
    """Headings of boxes around the article (related, share, ads), or spam."""
    return (
        is_spam(text)
        or is_boilerplate(text)
        or RELATED_HEADING.match(text) is not None
        or _FURNITURE_HEADING.search(text) is not None
    )


def parse_meta_line(text: str) -> MetaLine:
    """Labelled source/date/author/editor in a stretch of text (lines joined by ``_SEP``)."""
    values: dict[str, str] = {}
    matches = label_matches(text)
    for index, match in enumerate(matches):
        label = match.group("label") or match.group("bare") or match.group("spaced")
        label = "".join((label or match.group("alone")).split())
        kind = KIND_OF.get(label, "other")
        if kind == "other" or kind in values:
            continue  # only the first value of each kind is kept: no need to read this one
        end = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        raw = text[match.end() : end]
        if kind == "date":
            value = parse_date(raw.replace(_SEP, " ")) or ""
        else:
            segments = [clean_text(part) for part in raw.split(_SEP, 2)[:2]]
            value = next((part for part in segments if part), "")
            value = "" if value.endswith((":", "：")) else _clip_name(value, kind)
        if value:
            values[kind] = value
    return MetaLine(
        values.get("source"),
        values.get("date"),
        values.get("author"),
        values.get("editor"),
        values.get("contributor"),
    )


def meta_author(meta: dict[str, str], source: str | None) -> str | None:
    """The ``<meta name=author>`` if it names a person rather than the site or the source."""
    author = meta.get("author", "")
    if not author or len(author) > 20 or author == source or _ORGANISATION.search(author):
        return None
    site = meta.get("og:site_name", "") + " " + meta.get("site", "")
    if author in site or _clip_name(author, "author") != author or _NOT_PERSON.search(author):
        return None
    return None if is_spam(author) else author


def find_breadcrumb(tree: LexborHTMLParser) -> list[str]:
    """The 当前位置 trail as names, without the label and without 详情/正文."""
    for node in _crumb_candidates(tree):
        if not holds_link(node) and node.parent is not None:
            node = node.parent  # the label sits in its own span next to the links
        text = clean_text(node.text(deep=True))
        if len(text) > 300 or not holds_link(node):
            continue
        links = [clean_text(a.text(deep=True)) for a in node.css("a")]
        if not _CRUMB_LABEL.match(text) and not _CRUMB_SPLIT.search(text) and len(links) < 2:
            continue
        crumbs = _CRUMB_SPLIT.split(_CRUMB_LABEL.sub("", text))
        if len(crumbs) < 2 <= len(links):
            crumbs = links  # separators drawn by CSS: the links are the trail
        crumbs = [c for c in (clean_text(c) for c in crumbs) if c not in _CRUMB_SKIP]
        crumbs = [c for c in crumbs if len(c) <= 30 and not is_spam(c)]
        if crumbs:
            return crumbs
    return []


def _crumb_candidates(tree: LexborHTMLParser) -> Iterator[LexborNode]:
    """Elements labelled 位置, then crumb-named ones with links (queried only if needed)."""
    yield from tree.css(':lexbor-contains("位置")')
    yield from (node for node in tree.css(_CRUMB_SELECTORS) if holds_link(node))


def find_fields(lines: list[str]) -> list[tuple[str, str]]:
    """Government document fields (索引号, 发文字号 …) from the page's text lines.

    A lone 发布日期 in a meta line is not a document table: at least two other labels must appear.
    """
    fields: dict[str, str] = {}
    for match in _FIELD.finditer(_SEP.join(lines)):
        label = "".join(match.group("label").split())
        value = _NEXT_LABEL.sub("", clean_text(match.group("value")))
        if value and label not in fields and len(value) <= 120:
            fields[label] = value
    if len([label for label in fields if label != "发布日期"]) < 2:
        return []
    return list(fields.items())


def _clip_name(value: str, kind: str) -> str:
    """A source or person's name, without what trails it on the same line."""
    value = _TRAILING_CODE.sub("", _strip_unbalanced(value.strip(" ，,;；|｜")))
    if kind != "source":
        value = _NEXT_PERSON_LABEL.sub("", _REPORTER_PREFIX.sub("", value))
        value = _SPACED_NAME.sub(r"\1\2", value)  # 钱　进: a two-character name spaced out
        if _UNKNOWN.match(value) or not _ANY_LETTER.search(value):
            return ""
        if len(value) > 20 or _SENTENCE_MARK.search(value):
            return ""  # a sentence or headline, not a name
    if kind == "source":
        value = _SOURCE_TAIL.sub("", value)
    limit = 40 if kind == "source" else 30
    if len(value) > limit:
        value = value.split(" ")[0][:limit]
    return "" if is_spam(value) else value.rstrip("。.")


def _strip_unbalanced(value: str) -> str:
    """Drop brackets at the ends that have no partner inside: （记者 张三） → 记者 张三."""
    for opening, closing in _PAIRS:
        if value.endswith(closing) and opening not in value:
            value = value[: -len(closing)].rstrip()
        if value.startswith(opening) and closing not in value:
            value = value[len(opening) :].lstrip()
    return value


def _key(text: str) -> str:
    """A comparison key: no whitespace or punctuation."""
    return _KEY_DROP.sub("", text).lower()


def _inside_link(node: LexborNode) -> bool:
    """Whether a heading is or holds a link (list entries, not the page's own heading)."""
    if holds_link(node):
        return True
    parent = node.parent
    for _ in range(3):
        if parent is None:
            return False
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False
