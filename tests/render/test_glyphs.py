"""Enlarged glyphs: 大 and 特大 really draw text 3× and 4× the terminal's own size."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rich.cells import cell_len

from hnreader.render.glyphs import (
    DOTS_HIGH,
    DOTS_WIDE,
    INK_THRESHOLD,
    SCALES,
    FontUnavailable,
    GlyphPainter,
    _braille_row,
    find_cjk_font,
    is_enlarged,
    painter,
)

LINE = "湖南社会工作，服务基层。"


def _ink_box(rows: list[str]) -> tuple[int, int]:
    """How many rows and columns between the first and last inked cell (blank: " ")."""
    inked_rows = [y for y, row in enumerate(rows) if row.strip()]
    inked_cols = [x for row in rows for x, char in enumerate(row) if char != " "]
    return (
        inked_rows[-1] - inked_rows[0] + 1,
        max(inked_cols) - min(inked_cols) + 1,
    )


@pytest.mark.parametrize(("step", "scale"), [("large", 3), ("huge", 4)])
def test_a_line_of_chinese_occupies_scale_times_the_rows_and_columns(step: str, scale: int) -> None:
    # At 中 the terminal draws the line in one row and cell_len(LINE) columns.
    rows, columns = 1, cell_len(LINE)
    drawn = painter(step)  # type: ignore[arg-type]
    enlarged = drawn.paint(LINE)
    assert len(enlarged) == scale * rows
    assert {cell_len(row) for row in enlarged} == {scale * columns}
    # …and the ink really fills that area: not a small glyph in a big box.
    ink_rows, ink_columns = _ink_box(enlarged)
    assert ink_rows == scale * rows
    assert ink_columns >= 0.9 * scale * columns
    assert all(char == " " or 0x2800 < ord(char) <= 0x28FF for row in enlarged for char in row)


def test_glyphs_differ_by_character_and_are_cached() -> None:
    drawn = painter("large")
    assert drawn.glyph("湖") != drawn.glyph("南")
    assert drawn.glyph("湖") is drawn.glyph("湖")
    assert drawn.glyph(" ") == ("   ",) * 3  # a space is blank, its own width × 3
    assert painter("large") is drawn


def test_latin_letters_are_half_as_wide_as_ideographs() -> None:
    drawn = painter("huge")
    assert cell_len(drawn.glyph("A")[0]) == 4
    assert cell_len(drawn.glyph("字")[0]) == 8


def test_only_large_and_huge_are_enlarged() -> None:
    assert [step for step in SCALES if is_enlarged(step)] == ["large", "huge"]
    with pytest.raises(ValueError, match="not enlarged"):
        painter("medium")


def test_a_configured_font_path_wins_and_a_missing_one_says_what_to_do(tmp_path: Path) -> None:
    found = find_cjk_font()
    assert find_cjk_font(str(found)) == found
    with pytest.raises(FontUnavailable, match="fonts-noto-cjk"):
        find_cjk_font(str(tmp_path / "missing.ttc"))


def test_a_file_that_is_no_font_is_unavailable(tmp_path: Path) -> None:
    fake = tmp_path / "fake.ttf"
    fake.write_bytes(b"not a font")
    with pytest.raises(FontUnavailable, match="cannot read the font"):
        GlyphPainter(fake, 3)


def _braille_dot_by_dot(dots: bytes, width: int, row: int, cells: int) -> str:
    """The braille of one glyph row, one dot at a time (the reference)."""
    chars = []
    for cell in range(cells):
        bits = 0
        for dy, dot_bits in enumerate(((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))):
            for dx, bit in enumerate(dot_bits):
                offset = (row * DOTS_HIGH + dy) * width + cell * DOTS_WIDE + dx
                if dots[offset] >= INK_THRESHOLD:
                    bits |= bit
        chars.append(chr(0x2800 + bits) if bits else " ")
    return "".join(chars)


@given(st.integers(min_value=1, max_value=8), st.integers(min_value=1, max_value=4), st.data())
def test_braille_rows_agree_with_reading_dot_by_dot(
    cells: int, rows: int, data: st.DataObject
) -> None:
    width = cells * DOTS_WIDE
    levels = st.sampled_from([0, 96, 97, 255]) | st.integers(min_value=0, max_value=255)
    dots = bytes(
        data.draw(
            st.lists(levels, min_size=width * rows * DOTS_HIGH, max_size=width * rows * DOTS_HIGH)
        )
    )
    for row in range(rows):
        assert _braille_row(dots, width, row, cells) == _braille_dot_by_dot(dots, width, row, cells)
