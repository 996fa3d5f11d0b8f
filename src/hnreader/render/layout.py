"""Lay an article's prose out for a pane: displayed text, wrapped lines and the rows they take.

This is the toolkit-free half of the reader: it decides what each line says (script, ruby
readings, first-line indent) and how many terminal rows it needs at a font step, so the
widget only has to draw the rows that are on screen.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import Literal

from hnreader.config import Script
from hnreader.render.linebreak import wrap
from hnreader.render.script import to_script

INDENT = "\u3000\u3000"  # two ideographic spaces: the first-line indent of Chinese prose
MEDIUM_MEASURE = 76  # cells: 38 Chinese characters, a comfortable line (中)

Role = Literal["title", "heading", "paragraph", "gap"]

# C0 and C1 control characters (category Cc) but the newline, and the bidirectional
# overrides and isolates, which can make text display other than it reads.
_UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f]")


def clean_text(text: str) -> str:
    """``text`` safe for a terminal: control characters gone, tabs as spaces, newlines kept."""
    return _UNSAFE.sub("", text.replace("\t", " ").replace("\r\n", "\n"))


def with_ruby(text: str, ruby: tuple[tuple[str, str], ...]) -> str:
    """``text`` with each ruby reading shown after its base, as ``字(zì)``, in order."""
    parts: list[str] = []
    position = 0
    for base, reading in ruby:
        found = text.find(base, position) if base else -1
        if found < 0:
            continue  # a pair the text no longer has: show the text as it is
        end = found + len(base)
        parts.append(f"{text[position:end]}({reading})")
        position = end
    parts.append(text[position:])
    return "".join(parts)


def display_text(
    text: str,
    *,
    script: Script | None = None,
    ruby: tuple[tuple[str, str], ...] = (),
    show_ruby: bool = False,
) -> str:
    """Page text as the reader shows it: cleaned, readings added if asked, in ``script``.

    ``script`` None leaves the text in the script the page uses.
    """
    shown = clean_text(text)
    if show_ruby and ruby:
        shown = with_ruby(shown, ruby)
    return shown if script is None else to_script(shown, script)


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of prose to lay out: the title, a subheading or a paragraph (already displayed)."""

    role: Role
    text: str


@dataclass(frozen=True, slots=True)
class Line:
    """One laid-out line: its text at normal size and the terminal rows it takes."""

    role: Role
    text: str
    rows: int


@dataclass(frozen=True, slots=True)
class Layout:
    """The lines of some prose at one width and scale, with a row → line index."""

    lines: tuple[Line, ...]
    width: int  # the cells the text is wrapped to (before enlarging)
    scale: int
    left: int  # blank cells before each line, to centre the measure in the pane
    _starts: tuple[int, ...] = ()

    @property
    def height(self) -> int:
        """Terminal rows of the whole layout."""
        return self._starts[-1] if self._starts else 0

    def line_at(self, row: int) -> tuple[Line, int] | None:
        """The line drawn on terminal row ``row`` and which of its rows that is."""
        if not 0 <= row < self.height:
            return None
        index = bisect_right(self._starts, row) - 1
        return self.lines[index], row - self._starts[index]


def lay_out(pieces: list[Piece], pane: int, scale: int, *, compact: bool = False) -> Layout:
    """Wrap ``pieces`` for a pane ``pane`` cells wide, each normal cell drawn ``scale`` wide.

    ``compact`` (小) uses the full width with no space between paragraphs; otherwise (中)
    the measure is about 38 Chinese characters, centred, with a blank row between paragraphs.
    Enlarged text (``scale`` > 1) is wrapped to the pane with the same rules.
    """
    pane = max(pane, 1)
    measure = pane if compact else min(pane, MEDIUM_MEASURE)
    width = max(2, pane // scale) if scale > 1 else measure
    lines: list[Line] = []
    for piece in pieces:
        if lines and not compact:
            lines.append(Line("gap", "", 1))
        first = True
        for hard_line in piece.text.split("\n"):
            text = INDENT + hard_line if piece.role == "paragraph" and first else hard_line
            first = False
            lines.extend(Line(piece.role, part.rstrip(" "), scale) for part in wrap(text, width))
    left = max(0, (pane - width * scale) // 2)
    starts = (0, *accumulate(line.rows for line in lines))
    return Layout(tuple(lines), width, scale, left, starts)
