"""What the reader's prose says and where its lines go, before any widget draws it."""

from __future__ import annotations

import unicodedata

from rich.cells import cell_len

from hnreader.render.layout import (
    INDENT,
    MEDIUM_MEASURE,
    Piece,
    clean_text,
    display_text,
    lay_out,
    with_ruby,
)

PARAGRAPH = "为进一步加强基层社会治理，推动志愿服务常态化，各地结合实际开展了形式多样的活动。" * 3


def test_ruby_readings_follow_their_base_in_order() -> None:
    ruby = (("行", "xíng"), ("行", "háng"))
    assert with_ruby("银行行长", ruby) == "银行(xíng)行(háng)长"
    assert with_ruby("无注音", (("字", "zì"),)) == "无注音"


def test_display_text_strips_controls_adds_readings_and_converts_the_script() -> None:
    text = "\x1b[31m發展\u202e工作\x07"
    assert clean_text(text) == "[31m發展工作"
    assert display_text("发展", script="traditional") == "發展"
    assert display_text("發展", script="simplified") == "发展"
    shown = display_text("社會", script="simplified", ruby=(("會", "huì"),), show_ruby=True)
    assert shown == "社会(huì)"


def test_medium_uses_a_centred_measure_with_space_between_paragraphs() -> None:
    layout = lay_out([Piece("paragraph", PARAGRAPH), Piece("paragraph", "短。")], 120, 1)
    assert layout.width == MEDIUM_MEASURE
    assert layout.left == (120 - MEDIUM_MEASURE) // 2
    assert layout.lines[0].text.startswith(INDENT)
    assert all(cell_len(line.text) <= MEDIUM_MEASURE for line in layout.lines)
    assert [line.role for line in layout.lines].count("gap") == 1
    assert "".join(line.text for line in layout.lines if line.role != "gap") == (
        INDENT + PARAGRAPH + INDENT + "短。"
    )


def test_small_is_compact_at_full_width() -> None:
    layout = lay_out(
        [Piece("paragraph", PARAGRAPH), Piece("heading", "二、做法")], 120, 1, compact=True
    )
    assert layout.width == 120
    assert layout.left == 0
    assert "gap" not in [line.role for line in layout.lines]
    assert max(cell_len(line.text) for line in layout.lines) > MEDIUM_MEASURE


def test_enlarged_lines_take_scale_rows_and_fit_the_pane() -> None:
    layout = lay_out([Piece("title", "标题"), Piece("paragraph", PARAGRAPH)], 100, 4)
    assert layout.width == 25
    text_lines = [line for line in layout.lines if line.role != "gap"]
    assert all(line.rows == 4 for line in text_lines)
    assert layout.height == 4 * len(text_lines) + 1
    assert layout.line_at(0) == (layout.lines[0], 0)
    assert layout.line_at(3) == (layout.lines[0], 3)
    assert layout.line_at(4) == (layout.lines[1], 0)  # the gap
    assert layout.line_at(layout.height) is None


def test_clean_text_removes_exactly_the_control_characters_but_newline() -> None:
    every = "".join(chr(code) for code in range(0x250))
    kept = clean_text(every)
    expected = "".join(
        " " if c == "\t" else c for c in every if c in "\t\n" or unicodedata.category(c) != "Cc"
    )
    assert kept == expected
