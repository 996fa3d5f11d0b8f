"""Parsing and page hygiene shared by every extractor.

Pages are parsed with selectolax's Lexbor parser (HTML5-conformant, and about 2.5 times faster
than lxml on the corpus for parse plus walk). ``sanitize`` then removes what a reader must never
show: scripts, styles, form controls, ``<marquee>`` tickers, ruby readings (``<rt>``/``<rp>``;
base text only) and hidden content however it is hidden, because hacked sites hide their spam
link farms with inline styles, attributes or ``<style>`` rules. ``clean_text`` makes any string
safe for a terminal: no control characters, no escape sequences, normalised whitespace.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser, LexborNode, SelectolaxError

from hnreader.extract.css import hidden_selectors, is_hiding_style, is_zero

__all__ = [
    "MAX_DEPTH",
    "LexborHTMLParser",
    "LexborNode",
    "clean_text",
    "collect_ruby",
    "has_visible_text",
    "hidden_selectors",
    "holds_link",
    "is_hiding_style",
    "parse_html",
    "ruby_annotations",
    "sanitize",
    "strip_controls",
]

# Never shown, never meaningful as article text.
_ALWAYS_DROPPED = (
    "script,style,noscript,template,marquee,object,embed,applet,select,textarea,input,button,rt,rp"
)
_ALWAYS_DROPPED_TAGS = frozenset(_ALWAYS_DROPPED.split(","))
_HIDDEN_MARKERS = "[hidden],[aria-hidden=true],[style],iframe"

_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0/C1 controls (tab, newline kept for now), bidi overrides and zero-width characters, which
# can reorder or hide what the terminal shows.
_CONTROL_CHARACTERS = (
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb"
)
_CONTROLS = re.compile(f"[{_CONTROL_CHARACTERS}]")
_VISIBLE = re.compile(rf"[^\s{_CONTROL_CHARACTERS}]")  # what clean_text keeps, escapes aside
# What strip_controls and the line-break handling of clean_text act on; text without any of it
# (most unprintable text is only unprintable for its U+3000 or U+00A0 spaces) just has its
# whitespace runs joined.
_NEEDS_CLEANING = re.compile(f"[{_CONTROL_CHARACTERS}\n\r\u2028\u2029]")
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WRAPPED_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\u3000]*\n[ \t\r\n\u3000]*(?=[{_CJK}])")
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\r": "\n"})

MAX_DEPTH = 150  # element nesting kept as structure; real pages stay well under 60
_TOO_DEEP = "* > " * MAX_DEPTH + "*"  # an element with MAX_DEPTH ancestors (evaluated in C)
_QUICK_WALK = 40  # elements walked by hand before a CSS query is the cheaper way
_FAIRLY_DEEP = "* > " * 30 + "*"  # none this deep means none too deep either
_MAX_FLATTENED = 64  # deep chains flattened per page; beyond that the rest stays as it is


def parse_html(text: str) -> LexborHTMLParser:
    """Parse a page (or fragment) with Lexbor, the HTML5 algorithm browsers use.

    Elements nested deeper than ``MAX_DEPTH`` (no real page comes close; hostile ones nest
    thousands of levels to exhaust recursion) are replaced by their text.
    """
    tree = LexborHTMLParser(text)
    if tree.css_first(_FAIRLY_DEEP) is None:
        return tree  # the usual case, decided by a query that gives up sooner
    for _ in range(_MAX_FLATTENED):
        deep = tree.css_first(_TOO_DEEP)
        if deep is None:
            break
        deep.replace_with(deep.text(deep=True, separator=" "))
    return tree


def strip_controls(text: str) -> str:
    """Remove escape sequences and control/bidi/zero-width characters; keep newlines and tabs."""
    if text.isprintable():  # every character removed here is unprintable (Cc, Cf or Cn)
        return text
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = text.replace("\r\n", "\n").translate(_LINE_SEPARATORS)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """One clean line: no controls or escapes, whitespace runs as one space, trimmed.

    Line breaks that only wrap Chinese text in the source vanish instead of becoming spaces.
    """
    if text.isprintable() or _NEEDS_CLEANING.search(text) is None:
        return " ".join(text.split())  # the common case: nothing to remove, no line breaks
    text = strip_controls(text)
    if "\n" in text:
        text = _WRAPPED_CJK.sub("", text)
    # str.split() splits on Unicode whitespace (incl. U+00A0, U+3000, U+2000-U+200A, U+202F,
    # U+205F): every run becomes one space, faster than a regex.
    return " ".join(text.split())


def has_visible_text(text: str) -> bool:
    """``bool(clean_text(text))``, without cleaning a whole page's text to find out."""
    if "\x1b" in text or "\x9b" in text:  # escape sequences also remove visible characters
        return bool(clean_text(text))
    return _VISIBLE.search(text) is not None


def holds_link(node: LexborNode) -> bool:
    """``node.css_first("a") is not None`` (the node itself counts), quicker on small nodes.

    A CSS query parses its selector on every call; walking a few elements by hand is cheaper.
    """
    for index, element in enumerate(node.traverse()):
        if element.tag == "a":
            return True
        if index >= _QUICK_WALK:
            return node.css_first("a") is not None
    return False


def ruby_annotations(tree: LexborHTMLParser | LexborNode) -> dict[int, tuple[tuple[str, str], ...]]:
    """The ``(base, reading)`` pairs of every ``<ruby>``, keyed by the element's ``mem_id``.

    Call it before ``sanitize`` (which drops the readings). Each ``<rt>`` reads the base text
    since the previous one, so ``<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>`` gives two pairs.
    """
    found: dict[int, tuple[tuple[str, str], ...]] = {}
    rubies = tree.tags("ruby") if isinstance(tree, LexborHTMLParser) else tree.css("ruby")
    for ruby in rubies:
        pairs: list[tuple[str, str]] = []
        base = ""
        for node in ruby.iter(include_text=True):
            if node.tag == "rt":
                reading = clean_text(node.text(deep=True))
                if base and reading:
                    pairs.append((base, reading))
                base = ""
            elif node.tag not in ("rp", "rtc"):
                base += clean_text(
                    node.text(deep=True) if node.is_element_node else node.text_content or ""
                )
        if pairs:
            found[ruby.mem_id] = tuple(pairs)
    return found


def collect_ruby(tree: LexborHTMLParser | LexborNode) -> list[tuple[str, str]]:
    """The ruby annotations of a tree as ``(base, reading)`` pairs, in document order."""
    return [pair for pairs in ruby_annotations(tree).values() for pair in pairs]


def sanitize(tree: LexborHTMLParser, *, drop_hidden: bool = True) -> int:
    """Remove never-shown elements and (unless ``drop_hidden`` is false) hidden ones in place.

    Returns how many subtrees were removed. Callers building navigation may pass
    ``drop_hidden=False`` because CSS-hidden dropdown submenus are real menus.
    """
    if drop_hidden:  # one query for both kinds; the tag tells which one a node matched
        doomed = [
            node
            for node in tree.css(_ALWAYS_DROPPED + "," + _HIDDEN_MARKERS)
            if node.tag in _ALWAYS_DROPPED_TAGS or _is_hidden(node)
        ]
        doomed.extend(_matching(tree, hidden_selectors(tree)))
    else:
        doomed = list(tree.css(_ALWAYS_DROPPED))
    return _remove_outermost(doomed)


def _is_hidden(node: LexborNode) -> bool:
    """Whether an element is hidden by its own attributes (or is an invisible iframe)."""
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    if node.tag == "iframe":
        return is_zero(attrs.get("width")) or is_zero(attrs.get("height"))
    return is_hiding_style(attrs.get("style") or "")


def _matching(tree: LexborHTMLParser, selectors: list[str]) -> Iterable[LexborNode]:
    """Elements matching any selector; a selector Lexbor rejects is skipped, not fatal."""
    if not selectors:
        return []
    try:
        return list(tree.css(", ".join(selectors)))
    except (ValueError, SelectolaxError):
        found: list[LexborNode] = []
        for selector in selectors:
            try:
                found.extend(tree.css(selector))
            except (ValueError, SelectolaxError):
                continue  # CSS our parser cannot evaluate cannot be applied; keep the content
        return found


def _remove_outermost(nodes: list[LexborNode]) -> int:
    """Decompose each node unless an ancestor is also going (its memory goes with it).

    Every node is judged on the intact tree first: walking up from a node inside a subtree
    already decomposed would read freed memory.
    """
    doomed = {node.mem_id for node in nodes}
    outermost: list[LexborNode] = []
    seen: set[int] = set()
    for node in nodes:
        if node.mem_id in seen:
            continue
        seen.add(node.mem_id)
        parent = node.parent
        covered = False
        while parent is not None:
            if parent.mem_id in doomed:
                covered = True
                break
            parent = parent.parent
        if not covered:
            outermost.append(node)
    for node in outermost:  # disjoint subtrees: none holds another
        node.decompose()
    return len(outermost)
