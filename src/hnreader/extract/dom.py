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

__all__ = [
    "LexborHTMLParser",
    "LexborNode",
    "clean_text",
    "collect_ruby",
    "hidden_selectors",
    "is_hiding_style",
    "parse_html",
    "sanitize",
    "strip_controls",
]

# Never shown, never meaningful as article text.
_ALWAYS_DROPPED = (
    "script,style,noscript,template,marquee,object,embed,applet,select,textarea,input,button,rt,rp"
)
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
_CONTROLS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb]"
)
_CJK = "\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f"
_WRAPPED_CJK = re.compile(rf"(?<=[{_CJK}])[ \t\r\n\u3000]*\n[ \t\r\n\u3000]*(?=[{_CJK}])")
_SPACES = re.compile(r"[\s\u00a0\u3000\u2000-\u200a\u202f\u205f]+")
_LINE_SEPARATORS = str.maketrans({"\u2028": "\n", "\u2029": "\n", "\r": "\n"})

_DECLARATION = re.compile(r"([a-z-]+)\s*:\s*([^;]+)")
_NUMBER = re.compile(r"^(-?\d*\.?\d+)([a-z%]*)")
_STYLE_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_AT_BLOCK = re.compile(r"@[a-z-]+[^{;]*\{(?:[^{}]*\{[^{}]*\})*[^{}]*\}", re.IGNORECASE)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.DOTALL)
_MAY_HIDE = re.compile(  # a cheap pre-check with one branch per rule of is_hiding_style
    r"display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse)|(?:opacity|font-size|width|height)"
    r"\s*:\s*\.?0|:\s*-\d{3}|scale\(\s*0|rect\(\s*0"
)
_OFFSCREEN_PX = -500.0  # offsets at least this far left/up hide text off-screen


def parse_html(text: str) -> LexborHTMLParser:
    """Parse a page (or fragment) with Lexbor, the HTML5 algorithm browsers use."""
    return LexborHTMLParser(text)


def strip_controls(text: str) -> str:
    """Remove escape sequences and control/bidi/zero-width characters; keep newlines and tabs."""
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    if "\r" in text or "\u2028" in text or "\u2029" in text:
        text = text.replace("\r\n", "\n").translate(_LINE_SEPARATORS)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """One clean line: no controls or escapes, whitespace runs as one space, trimmed.

    Line breaks that only wrap Chinese text in the source vanish instead of becoming spaces.
    """
    text = strip_controls(text)
    if "\n" in text:
        text = _WRAPPED_CJK.sub("", text)
    return _SPACES.sub(" ", text).strip()


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
    if _is_zero(decls.get("opacity")) or _is_zero(decls.get("font-size")):
        return True
    if _is_zero(decls.get("max-height")) and "hidden" in decls.get("overflow", ""):
        return True
    zero_size = _is_zero(decls.get("width")) or _is_zero(decls.get("height"))
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
    """
    selectors: list[str] = []
    for style in tree.css("style"):
        css = _AT_BLOCK.sub("", _CSS_COMMENT.sub("", style.text(deep=True)))
        for selector_text, body in _STYLE_RULE.findall(css):
            if not is_hiding_style(body):
                continue
            for selector in selector_text.split(","):
                selector = selector.strip()
                if selector and ":" not in selector and selector not in ("html", "body", "*"):
                    selectors.append(selector)
    return selectors


def collect_ruby(tree: LexborHTMLParser | LexborNode) -> list[tuple[str, str]]:
    """The ruby annotations of a tree as ``(base, reading)`` pairs, in document order."""
    pairs: list[tuple[str, str]] = []
    for ruby in tree.css("ruby"):
        reading = " ".join(clean_text(rt.text(deep=True)) for rt in ruby.css("rt"))
        base = "".join(
            clean_text(node.text(deep=True))
            for node in ruby.iter(include_text=True)
            if node.tag not in ("rt", "rp")
        )
        if base and reading:
            pairs.append((base, reading))
    return pairs


def sanitize(tree: LexborHTMLParser, *, drop_hidden: bool = True) -> int:
    """Remove never-shown elements and (unless ``drop_hidden`` is false) hidden ones in place.

    Returns how many subtrees were removed. Callers building navigation may pass
    ``drop_hidden=False`` because CSS-hidden dropdown submenus are real menus.
    """
    doomed = list(tree.css(_ALWAYS_DROPPED))
    if drop_hidden:
        doomed.extend(node for node in tree.css(_HIDDEN_MARKERS) if _is_hidden(node))
        doomed.extend(_matching(tree, hidden_selectors(tree)))
    return _remove_outermost(doomed)


def _is_hidden(node: LexborNode) -> bool:
    """Whether an element is hidden by its own attributes (or is an invisible iframe)."""
    attrs = node.attributes
    if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
        return True
    if node.tag == "iframe":
        return _is_zero(attrs.get("width")) or _is_zero(attrs.get("height"))
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
    """Decompose each node unless an ancestor is also going (its memory goes with it)."""
    doomed = {node.mem_id for node in nodes}
    removed = 0
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
            node.decompose()
            removed += 1
    return removed


def _number(value: str | None) -> float | None:
    """The numeric part of a CSS length (``-9999px`` → -9999.0), or None."""
    if not value:
        return None
    match = _NUMBER.match(value.strip())
    return float(match.group(1)) if match else None


def _is_zero(value: str | None) -> bool:
    """Whether a CSS value or HTML size attribute is zero (``0``, ``0px``, ``.0``, ``0%``)."""
    number = _number(value)
    return number is not None and number == 0.0
