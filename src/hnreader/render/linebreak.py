"""Wrap text to a width in terminal cells by the rules of Chinese typesetting (禁则, kinsoku).

No line starts with closing punctuation (，。、；：？！）」』》 …) and none ends with an opening one
(（「『《 …); Latin words and numbers stay whole where they fit. Widths are terminal cells as
Rich measures them, so a CJK character counts two. Rich's own wrapping knows none of this.

The wrapping is lossless: ``"".join(wrap(text, width)) == text``. Only when no allowed break
exists in a whole line's worth of text (a word longer than the line, a run of punctuation) is
a line cut where the rules say it should not be, as every typesetter must.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from functools import lru_cache
from itertools import accumulate

from rich.cells import get_character_cell_size

# Characters that must not begin a line: closing brackets and quotes, sentence and clause
# punctuation, ellipsis and dash (their halves must not be parted), iteration marks.
NO_LINE_START = frozenset(
    "，。、；：？！）」』》〉】〕〗〙〛｝］’”…‥—～·・‰％℃°々〻ゝゞヽヾー"
    ",.;:?!)]}%"
    "ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
)
# Characters that must not end a line: opening brackets and quotes.
NO_LINE_END = frozenset("（「『《〈【〔〖〘〚｛［‘“([{")


@lru_cache(maxsize=4096)
def _cell_width(char: str) -> int:
    return int(get_character_cell_size(char))


def char_width(char: str) -> int:
    """The width of one character in terminal cells (2 for CJK, 1 for Latin, 0 for combining)."""
    return _cell_width(char)


def _is_word_char(char: str) -> bool:
    """Whether ``char`` belongs to a Latin-like word (letters, digits) that should stay whole."""
    return char.isascii() and (char.isalnum() or char in "-_'./@#&+")


def break_allowed(text: str, index: int) -> bool:
    """Whether a line may start at ``text[index]`` (so break between it and the one before)."""
    if index <= 0 or index >= len(text):
        return False
    before, after = text[index - 1], text[index]
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if after == " ":  # a space stays at the end of the line it follows
        return False
    if _is_word_char(before) and _is_word_char(after):
        return False
    return _cell_width(after) > 0  # never part a combining mark from its base


class _WidthTable(dict[int, int]):
    """Code point → cell width, filled on first sight: the table ``str.translate`` reads."""

    def __missing__(self, code: int) -> int:
        width = self[code] = _cell_width(chr(code))
        return width


_WIDTHS = _WidthTable()
_WORD_RUN = re.compile(r"[A-Za-z0-9\-_'./@#&+]{2,}")  # what _is_word_char accepts, 2+ long
_STARTS_BARRED = re.compile(f"[{re.escape(''.join(NO_LINE_START))} ]")
_ENDS_BARRED = re.compile(f"[{re.escape(''.join(NO_LINE_END))}]")
_NOT_SPACE = re.compile("[^ ]")


@lru_cache(maxsize=8192)
def _analyse(text: str) -> tuple[bytes, bytes]:
    """Each character's width and whether a line may start there (1 or 0), as bytes.

    Cached: a pane resize wraps the same paragraphs again at another width. Built with
    ``str.translate`` and regular expressions rather than a loop over characters: this runs
    over whole 20,000-character articles when one is opened.
    """
    if not text:
        return b"", b""
    widths = text.translate(_WIDTHS).encode("latin-1")
    allowed = bytearray(b"\x01") * len(text)
    allowed[0] = 0
    for match in _STARTS_BARRED.finditer(text):
        allowed[match.start()] = 0
    for match in _ENDS_BARRED.finditer(text, 0, len(text) - 1):
        allowed[match.start() + 1] = 0
    for match in _WORD_RUN.finditer(text):
        allowed[match.start() + 1 : match.end()] = bytes(match.end() - match.start() - 1)
    zero = widths.find(0)
    while zero >= 0:  # never part a combining mark from its base
        allowed[zero] = 0
        zero = widths.find(0, zero + 1)
    return widths, bytes(allowed)


@lru_cache(maxsize=8192)
def _cumulative(text: str) -> array[int]:
    """Cells taken by ``text[:i]`` for every ``i`` from 0 to ``len(text)`` (compact: cached)."""
    return array("l", accumulate(_analyse(text)[0], initial=0))


def wrap(text: str, width: int) -> list[str]:
    """``text`` cut into lines of at most ``width`` cells, breaking only where allowed.

    Newlines are not interpreted: split paragraphs first. A single character wider than
    ``width`` gets a line of its own, and spaces may hang past the end of a full line (they
    are invisible there; strip them when drawing). Always returns at least one line.
    """
    if width < 1:
        raise ValueError(f"width must be at least 1 cell, not {width}")
    if not text:
        return [""]
    _, allowed = _analyse(text)
    cells = _cumulative(text)
    lines: list[str] = []
    start = 0  # where the current line starts
    index = 0  # the next character not yet placed
    # Jump from one overflow to the next: the first character past the line's width that is
    # not a space (spaces hang past the end, unseen). Greedy, so the same as going one by one.
    while True:
        past = bisect_right(cells, cells[start] + width, index + 1)
        if past > len(text):
            break
        found = _NOT_SPACE.search(text, past - 1)
        if found is None:
            break
        index = found.start()
        while cells[index + 1] - cells[start] > width and index > start:
            last_break = allowed.rfind(1, start + 1, index + 1)
            cut = last_break if last_break > start else index
            lines.append(text[start:cut])
            start = cut
        index += 1
    lines.append(text[start:])
    return lines
