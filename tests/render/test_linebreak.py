"""Chinese line breaking: the rules hold, every line fits, and no text is lost."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from hnreader.render.linebreak import (
    NO_LINE_END,
    NO_LINE_START,
    _analyse,
    break_allowed,
    char_width,
    wrap,
)

IDEOGRAPHS = "湖南社会工作民政志愿服务基层治理网格社区"
CLOSING = "，。、；：？！）」』》"
OPENING = "（「『《"

# Text in which every unbreakable run is short: an ideograph with at most one closing mark
# after it, or one opening mark before it, or a short Latin word. At 6+ cells no line ever has
# to be cut against the rules, so the rules must hold strictly.
token = st.one_of(
    st.sampled_from(IDEOGRAPHS),
    st.tuples(st.sampled_from(IDEOGRAPHS), st.sampled_from(CLOSING)).map("".join),
    st.tuples(st.sampled_from(OPENING), st.sampled_from(IDEOGRAPHS)).map("".join),
    st.text("abcxyz0129", min_size=1, max_size=3).map(lambda word: f" {word} "),
)
prose = st.lists(token, min_size=1, max_size=80).map("".join)
anything = st.text(
    st.sampled_from(IDEOGRAPHS + CLOSING + OPENING + "abc XYZ 09-.…—“”\u3000"), max_size=200
)


@given(prose, st.integers(min_value=6, max_value=80))
def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(
    text: str, width: int
) -> None:
    lines = wrap(text, width)
    for line in lines[1:]:
        assert line[0] not in NO_LINE_START, lines
    for line in lines[:-1]:
        assert line.rstrip(" ")[-1:] not in NO_LINE_END, lines


@given(anything, st.integers(min_value=2, max_value=60))
def test_every_line_fits_and_the_text_is_kept(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines) == text
    assert all(cell_len(line.rstrip(" ")) <= width for line in lines)


@given(prose, st.integers(min_value=6, max_value=80))
def test_lines_are_filled_greedily(text: str, width: int) -> None:
    """A break is only made when the next allowed piece would not fit."""
    lines = wrap(text, width)
    for line, following in pairwise(lines):
        joined = line + following
        end = len(line)
        # The next place the line could have been broken instead, further on:
        later = next((j for j in range(end + 1, len(joined)) if break_allowed(joined, j)), None)
        if later is not None:
            assert cell_len(joined[:later].rstrip(" ")) > width, (line, following)


def test_closing_punctuation_pulls_the_character_before_it_down() -> None:
    assert wrap("一二三四，五六", 8) == ["一二三", "四，五六"]


def test_opening_punctuation_goes_down_with_what_it_opens() -> None:
    assert wrap("一二三「四五」", 8) == ["一二三", "「四五」"]


def test_latin_words_stay_whole() -> None:
    assert wrap("使用 hnreader 阅读", 12) == ["使用 ", "hnreader 阅", "读"]


def test_a_word_longer_than_the_line_is_cut() -> None:
    assert wrap("abcdefgh", 3) == ["abc", "def", "gh"]


def test_empty_text_is_one_empty_line_and_width_must_be_positive() -> None:
    assert wrap("", 10) == [""]
    with pytest.raises(ValueError, match="width"):
        wrap("字", 0)


@given(anything)
def test_the_fast_break_table_agrees_with_break_allowed(text: str) -> None:
    _, allowed = _analyse(text)
    assert list(allowed) == [break_allowed(text, i) for i in range(len(text))]


def _wrap_one_by_one(text: str, width: int) -> list[str]:
    """The greedy wrap, written plainly: place characters one at a time (the reference)."""
    lines: list[str] = []
    start = used = 0
    for index, char in enumerate(text):
        cells = char_width(char)
        if used + cells <= width or char == " ":
            used += cells  # fits, or a space hanging past the end of a full line
            continue
        while used + cells > width and index > start:
            breaks = [j for j in range(start + 1, index + 1) if break_allowed(text, j)]
            cut = breaks[-1] if breaks else index
            lines.append(text[start:cut])
            start = cut
            used = sum(char_width(c) for c in text[start:index])
        used += cells
    lines.append(text[start:])
    return lines


@given(
    st.text(
        st.sampled_from(IDEOGRAPHS + CLOSING + OPENING + "ab X9-. …“”\u3000\u0301"), max_size=300
    ),
    st.integers(min_value=1, max_value=40),
)
def test_wrap_agrees_with_placing_one_character_at_a_time(text: str, width: int) -> None:
    assert wrap(text, width) == (_wrap_one_by_one(text, width) if text else [""])
