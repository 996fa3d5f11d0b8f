"""Hiding by CSS: inline declarations and ``<style>`` rules that make content invisible.

Hacked sites hide their spam link farms, and templates hide print-only or script-revealed
parts; a reader must not show either. ``is_hiding_style`` judges one set of declarations;
``hidden_selectors`` finds the rules of a page's ``<style>`` blocks that hide, fast enough for
portal pages with hundreds of kilobytes of CSS.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from selectolax.lexbor import LexborHTMLParser

__all__ = ["hidden_selectors", "is_hiding_style", "is_zero"]

# Anchored at a declaration's start, so that a megabyte of junk costs linear time, not quadratic.
_DECLARATION = re.compile(r"(?:^|[;{}/])\s*([a-z-]+)\s*:\s*([^;]+)")
_NUMBER = re.compile(r"^(-?\d*\.?\d+)([a-z%]*)")
_BRACE = re.compile(rb"[{}]")
_AT_RULE = re.compile(rb"@[a-z-]+[^{;}]*\{")
_CSS_COMMENT_BYTES = re.compile(rb"/\*.*?\*/", re.DOTALL)
# Keywords that every hiding declaration contains (one per branch of is_hiding_style).
_HIDE_WORDS: tuple[tuple[bytes, re.Pattern[bytes] | None], ...] = (
    (b"none", re.compile(rb"display\s*:\s*none")),
    (b"hidden", None),  # visibility:hidden, or overflow:hidden with a zero size
    (b"collapse", None),
    (b"opacity", re.compile(rb"opacity\s*:\s*0*\.?0+(?![.\d])")),
    (b"font-size", re.compile(rb"font-size\s*:\s*0*\.?0+(?![.\d])")),
    (b"scale(", None),
    (b"rect(", None),
    (b":-", None),
    (b": -", None),
)  # keywords every hiding declaration contains, each with a quick check around it
_MAX_CSS = 2_000_000  # characters of one <style> read for hiding rules; the rest is ignored
_MAY_HIDE = re.compile(  # a cheap pre-check with one branch per rule of is_hiding_style
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|(?:opacity|font-size|width|height)"
    r"\s*:\s*\.?0|:\s*-\d{3}|scale\(\s*0|rect\(\s*0"
)
_OFFSCREEN_PX = -500.0  # offsets at least this far left/up hide text off-screen


def is_hiding_style(style: str) -> bool:
    """Whether CSS declarations (an inline ``style`` or a rule body) hide their element."""
    style = style.lower()
    if not _MAY_HIDE.search(style):
        return False  # the common case, decided without parsing the declarations
    decls = {name: value.strip() for name, value in _DECLARATION.findall(style)}
    if decls.get("display", "").startswith("none"):
        return True
    if decls.get("visibility", "").split(" ")[0] in ("hidden", "collapse"):
        return True
    if is_zero(decls.get("opacity")) or is_zero(decls.get("font-size")):
        return True
    if is_zero(decls.get("max-height")) and "hidden" in decls.get("overflow", ""):
        return True
    zero_size = is_zero(decls.get("width")) or is_zero(decls.get("height"))
    if zero_size and "hidden" in decls.get("overflow", decls.get("overflow-y", "")):
        return True
    if "scale(0" in decls.get("transform", "") or decls.get("clip", "").startswith("rect(0"):
        return True
    for offset in ("left", "top", "text-indent", "margin-left", "margin-top", "right"):
        value = _number(decls.get(offset))
        if value is not None and value <= _OFFSCREEN_PX:
            return True
    return False


def hidden_selectors(tree: LexborHTMLParser) -> list[str]:
    """Selectors of ``<style>`` rules that hide, outside ``@media`` and other at-rules.

    Rules with pseudo-classes (``:hover`` menus) are skipped: they hide only until used.
    Portal pages carry hundreds of kilobytes of CSS, so the work is done on ASCII-lowered bytes
    (fast substring search) and only the rules around a hiding keyword are looked at.
    """
    selectors: list[str] = []
    for style in tree.tags("style"):  # a tag lookup: much cheaper than a CSS query
        data = style.text(deep=True)[:_MAX_CSS].encode("utf-8", "replace")
        if b"/*" in data:
            data = _CSS_COMMENT_BYTES.sub(b" ", data)
        lower = data.lower()  # bytes.lower changes ASCII only: offsets stay put
        hints = _hint_positions(lower)
        if not hints:
            continue  # most style blocks hide nothing: no need to map their at-rules
        nested = _at_rule_blocks(lower)
        looked: set[int] = set()
        for hint in hints:
            start = lower.rfind(b"{", 0, hint)
            if start == -1 or start in looked or lower.rfind(b"}", 0, hint) > start:
                continue  # the keyword sits in a selector, or this rule was seen
            looked.add(start)
            inside = bisect_right(nested, (start, len(lower))) - 1
            if inside >= 0 and nested[inside][0] <= start < nested[inside][1]:
                continue  # inside @media, @supports …: applies only sometimes
            end = lower.find(b"}", hint)
            body = lower[start + 1 : end if end != -1 else len(lower)]
            if not is_hiding_style(body.decode("utf-8", "replace")):
                continue
            begin = max(lower.rfind(mark, 0, start) for mark in (b"}", b"{", b";")) + 1
            selector_text = data[begin:start].decode("utf-8", "replace")
            if selector_text.lstrip().startswith("@"):
                continue
            for selector in selector_text.split(","):
                selector = selector.strip()
                if selector and ":" not in selector and selector not in ("html", "body", "*"):
                    selectors.append(selector)
    return selectors


def _hint_positions(css: bytes) -> list[int]:
    """Offsets of declarations that may hide (display:none, opacity:0, left:-9999px …).

    Each keyword is found with a fast substring search and then checked on the spot, so the
    thousands of ``border:none`` and ``font-size:14px`` of a portal's CSS cost next to nothing.
    """
    positions: list[int] = []
    for word, check in _HIDE_WORDS:
        at = css.find(word)
        while at != -1:
            if check is None or check.search(css, max(0, at - 24), at + 24):
                positions.append(at)
            at = css.find(word, at + 1)
    return sorted(positions)


def _at_rule_blocks(css: bytes) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of the blocks of at-rules (``@media … { … }``)."""
    blocks: list[tuple[int, int]] = []
    at = css.find(b"@")
    while at != -1:
        rule = _AT_RULE.match(css, at)
        if rule is None or (at > 0 and css[at - 1 : at] not in b" \t\r\n;{}"):
            at = css.find(b"@", at + 1)
            continue  # an @ inside a value (url(logo@2x.png)), not an at-rule
        depth, end = 0, len(css)
        for brace in _BRACE.finditer(css, rule.end() - 1):
            depth += 1 if brace.group() == b"{" else -1
            if depth == 0:
                end = brace.end()
                break
        blocks.append((at, end))
        at = css.find(b"@", end)
    return blocks


def _number(value: str | None) -> float | None:
    """The numeric part of a CSS length (``-9999px`` → -9999.0), or None."""
    if not value:
        return None
    match = _NUMBER.match(value.strip())
    return float(match.group(1)) if match else None


def is_zero(value: str | None) -> bool:
    """Whether a CSS value or HTML size attribute is zero (``0``, ``0px``, ``.0``, ``0%``)."""
    number = _number(value)
    return number is not None and number == 0.0
