"""Trimming the edges of an article body: the repeated title, credits, meta lines, debris.

Templates often put the meta line (date, source, comment counts), labelled credits (作者：…,
责任编辑：…) or widget debris (图集, +1) inside the element that holds the text. They belong to
the metadata or to nothing, so they are taken off the first and last lines; what follows a
责任编辑 line near the end is comments and promotion and goes too.
"""

from __future__ import annotations

import re

from hnreader.extract.credits import is_credit_line
from hnreader.extract.dates import DATE_PATTERN
from hnreader.extract.metadata import parse_meta_line
from hnreader.extract.text_rules import META_LABEL_LINE
from hnreader.models import Block

__all__ = ["strip_edges"]

_EDITOR_LINE = re.compile(
    r"^[^。，！？]{0,12}?[（(【\[]?\s*(?:本文来源[:：].*)?(?:责任编辑|责编|責任編輯|責編)\s*[:：|｜/]"
)
_DATE_FIRST = re.compile(rf"^\s*(?:{DATE_PATTERN.pattern})")
_SENTENCE_END = re.compile(r"[。！？!?]")
_MAX_FRAGMENT = 4


def strip_edges(blocks: list[Block], title: str | None) -> tuple[list[Block], list[str]]:
    """The body without the title, credit lines, meta lines and fragments at its edges.

    Returns the kept blocks and the credit lines removed (for the meta line parser).
    """
    kept = list(blocks)
    credits: list[str] = []
    while kept and kept[0].text and (kept[0].text == title or _is_edge(kept[0], 150)):
        if kept[0].text != title:
            credits.append(kept[0].text)
        kept.pop(0)
    total = sum(len(block.text) for block in kept)
    after = 0
    for index in range(len(kept) - 1, max(-1, len(kept) - 16), -1):
        after += len(kept[index].text)
        if after > total * 0.3:
            break
        if _EDITOR_LINE.match(kept[index].text) and len(kept[index].text) <= 80:
            credits.extend(block.text for block in kept[index:] if block.text)
            del kept[index:]  # what follows the editor's credit is comments and promotion
            break
    while kept and kept[-1].text and _is_edge(kept[-1], 60):
        credits.insert(0, kept.pop().text)
    return kept, credits


def _is_edge(block: Block, limit: int) -> bool:
    """Credits, a meta line or a fragment: never the first or last line of an article."""
    text = block.text
    if (
        block.kind == "paragraph"
        and len(text) <= _MAX_FRAGMENT
        and not text.startswith(("（", "("))
    ):
        return True  # 图集, +1, 1/10: widget debris, not a paragraph
    if _DATE_FIRST.match(text) and len(text) <= 80 and not _SENTENCE_END.search(text):
        return True  # 2019年09月11日01:53 新浪科技 我有话说(1307人参与) 收藏本文
    return _is_credit(text, limit)


def _is_credit(text: str, limit: int) -> bool:
    """A short line that is labelled credits (作者：…, 责任编辑：…, 来源：… 时间：…)."""
    if len(text) > limit:
        return False
    if META_LABEL_LINE.match(text) or is_credit_line(text):
        return True
    parsed = parse_meta_line(text)
    return sum(v is not None for v in (parsed.source, parsed.published, parsed.author)) >= 2
