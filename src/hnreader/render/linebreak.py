"""Wrap text to a width in terminal cells by the rules of Chinese typesetting (禁则, kinsoku).

No line starts with closing punctuation (，。、；：？！）」』》 …) and none ends with an opening one
(（「『《 …); Latin words and numbers stay whole where they fit. Widths are terminal cells as
Rich measures them, so a CJK character counts two. Rich's own wrapping knows none of this.

The wrapping is lossless: ``"".join(wrap(text, width)) == text``. Only when no allowed break
exists in a whole line's worth of text (a word longer than the line, a run of punctuation) is
a line cut where the rules say it should not be, as every typesetter must.
"""

from __future__ import annotations

from functools import lru_cache

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


@lru_cache(maxsize=8192)
def _analyse(text: str) -> tuple[tuple[int, ...], tuple[bool, ...]]:
    """Each character's width and whether a line may start there.

    Cached: a pane resize wraps the same paragraphs again at another width.
    """
    if not text:
        return (), ()
    widths = tuple(_cell_width(char) for char in text)
    word = [_is_word_char(char) for char in text]
    # break_allowed() for every index, inlined: this runs over whole 20,000-character articles.
    allowed = (
        False,
        *(
            not (
                text[i] in NO_LINE_START
                or text[i - 1] in NO_LINE_END
                or text[i] == " "
                or (word[i - 1] and word[i])
                or widths[i] == 0
            )
            for i in range(1, len(text))
        ),
    )
    return widths, allowed


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
    widths, allowed = _analyse(text)
    lines: list[str] = []
    start = 0  # where the current line starts
    used = 0  # cells taken by text[start:index]
    last_break = -1  # the latest allowed break in (start, index]
    for index, width_here in enumerate(widths):
        if allowed[index] and index > start:
            last_break = index
        if used + width_here <= width:
            used += width_here
            continue
        if text[index] == " ":
            used += width_here  # a space hangs past the end of a full line, unseen
            continue
        while used + width_here > width and index > start:
            cut = last_break if last_break > start else index
            lines.append(text[start:cut])
            start = cut
            used = sum(widths[start:index])
            last_break = next((j for j in range(index, start, -1) if allowed[j]), -1)
        used += width_here
    lines.append(text[start:])
    return lines
