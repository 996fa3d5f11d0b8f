"""Enlarged text for 大 and 特大: a CJK font rasterised into braille cells.

A CJK character normally takes 2 cells × 1 row. At 大 it is drawn ``3×`` that size (6 × 3
cells), at 特大 ``4×`` (8 × 4). Each cell holds a braille character, a 2 × 4 grid of dots, so a
character becomes a 12 × 12 (大) or 16 × 16 (特大) bitmap.

Why braille and not block elements: a cell is about twice as tall as it is wide, so braille
dots are square pixels, and 2 × 4 of them per cell give twice the resolution of quadrant
blocks (2 × 2, tall pixels) or half blocks (1 × 2). That lands 大 and 特大 on 12 and 16 dots —
the grids CJK bitmap fonts were designed on for decades — where a 12 × 6 quadrant bitmap
cannot draw 湖 or 鑫. Braille is also in every terminal font that has CJK, and one colour
suffices (foreground only), so themes and NO_COLOR still apply.

Glyphs are rendered 4× supersampled and thresholded, once per character and size, and cached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from hnreader.config import FontStep
from hnreader.render.linebreak import char_width
from hnreader.render.scales import SCALES as SCALES  # kept importable from here
from hnreader.render.scales import is_enlarged as is_enlarged

DOTS_WIDE, DOTS_HIGH = 2, 4  # the dots of one braille cell
SUPERSAMPLE = 1  # FreeType's anti-aliasing already gives each dot its ink coverage
INK_THRESHOLD = 0.38 * 255  # coverage from which a dot is inked: strokes stay whole at 12 dots
# Dot bits of U+2800 braille, by row then column.
_DOT_BITS = ((0x01, 0x08), (0x02, 0x10), (0x04, 0x20), (0x40, 0x80))

FONT_HINT = (
    "install a CJK font (fonts-noto-cjk or fonts-wqy-microhei on Debian/Ubuntu, "
    "google-noto-sans-cjk-fonts on Fedora) or set reader.font_path in the config file"
)
_KNOWN_FONTS = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
)
_WINDOWS_FONTS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc")


class FontUnavailable(Exception):
    """No usable CJK font: 大 and 特大 cannot be drawn. The message says what to install."""


def find_cjk_font(override: str | None = None) -> Path:
    """The CJK font to rasterise: ``override`` if given, else fontconfig's, else a usual path.

    Raises :class:`FontUnavailable` with a hint when there is none.
    """
    if override:
        path = Path(override).expanduser()
        if not path.is_file():
            raise FontUnavailable(f"the configured font {path} does not exist; {FONT_HINT}")
        return path
    for candidate in [*_fontconfig_fonts(), *_usual_fonts()]:
        if candidate.is_file():
            return candidate
    raise FontUnavailable(f"no CJK font found for 大/特大; {FONT_HINT}")


def _fontconfig_fonts() -> list[Path]:
    """Fonts fontconfig says cover Chinese, sans-serif (黑体) first: it reads best enlarged.

    ``fc-list :lang=zh``, not ``fc-match :lang=zh``: fc-match always names its best match,
    a Latin font (DejaVu Sans) when no installed font covers Chinese.
    """
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        listing = subprocess.run(
            [fc_list, ":lang=zh", "-f", "%{file}\n"],
            capture_output=True,
            text=True,
            timeout=10,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []  # fontconfig is one way among several; the usual paths come next
    files = sorted({line.strip() for line in listing.splitlines() if line.strip()})
    sans = [f for f in files if any(k in f.lower() for k in ("sans", "hei", "gothic"))]
    return [Path(f) for f in sans + [f for f in files if f not in sans]]


def _usual_fonts() -> list[Path]:
    paths = [Path(p) for p in _KNOWN_FONTS]
    if sys.platform == "win32":
        fonts = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        paths = [fonts / name for name in _WINDOWS_FONTS] + paths
    return paths


class GlyphPainter:
    """Draws text ``scale`` times the terminal's character size, as rows of braille cells."""

    def __init__(self, font_path: Path, scale: int) -> None:
        if scale < 2:
            raise ValueError(f"an enlarged scale is 2 or more, not {scale}")
        self.font_path = font_path
        self.scale = scale
        self.rows = scale  # terminal rows per line of enlarged text
        self._height = DOTS_HIGH * scale  # dots per character, top to bottom
        try:
            reference = ImageFont.truetype(str(font_path), 100)
        except OSError as exc:
            raise FontUnavailable(f"cannot read the font {font_path}: {exc}; {FONT_HINT}") from exc
        left, top, right, bottom = reference.getbbox("国")
        if right <= left or bottom <= top:
            raise FontUnavailable(f"the font {font_path} has no Chinese glyphs; {FONT_HINT}")
        # Size the font so an ideograph's ink fills the box less a one-dot gap between lines.
        ink = (self._height - 1) * SUPERSAMPLE
        size = max(1, round(100 * ink / max(bottom - top, right - left)))
        self._font = ImageFont.truetype(str(font_path), size)
        _, ink_top, _, ink_bottom = self._font.getbbox("国")
        self._y = (self._height * SUPERSAMPLE - (ink_bottom - ink_top)) / 2 - ink_top
        self._glyphs: dict[str, tuple[str, ...]] = {}
        # FreeType's first rendering at a size costs ~7 ms: pay it now, when the step is
        # chosen, rather than in the first article drawn at it.
        self.glyph("国")

    def columns(self, cells: int) -> int:
        """How many normal-size cells of text fit in ``cells`` terminal cells when enlarged."""
        return max(1, cells // self.scale)

    def glyph(self, char: str) -> tuple[str, ...]:
        """``char`` as :attr:`rows` strings of braille, each ``scale ×`` its normal width."""
        found = self._glyphs.get(char)
        if found is None:
            found = self._glyphs[char] = self._rasterise(char)
        return found

    def paint(self, text: str) -> list[str]:
        """One line of ``text`` enlarged: :attr:`rows` strings, ``scale ×`` its cell width."""
        glyphs = [self.glyph(char) for char in text if char_width(char) > 0]
        return ["".join(glyph[row] for glyph in glyphs) for row in range(self.rows)]

    def _rasterise(self, char: str) -> tuple[str, ...]:
        cells = char_width(char) * self.scale
        width, height = cells * DOTS_WIDE, self._height
        if char.isspace():
            return tuple(" " * cells for _ in range(self.rows))
        image = Image.new("L", (width * SUPERSAMPLE, height * SUPERSAMPLE), 0)
        centre = width * SUPERSAMPLE / 2
        ImageDraw.Draw(image).text((centre, self._y), char, font=self._font, fill=255, anchor="ma")
        if SUPERSAMPLE > 1:
            image = image.resize((width, height), Image.Resampling.BOX)
        dots = image.tobytes()
        return tuple(_braille_row(dots, width, row, cells) for row in range(self.rows))


# Dot value → 1 where it is inked, else 0; and a cell's dot bits → its braille character.
_INKED = bytes(1 if value >= INK_THRESHOLD else 0 for value in range(256))
_BRAILLE = {bits: chr(0x2800 + bits) for bits in range(1, 256)} | {0: " "}


def _braille_row(dots: bytes, width: int, row: int, cells: int) -> str:
    """Row ``row`` of a glyph bitmap (``width`` dots wide) as ``cells`` braille characters.

    Whole dot rows at a time, not dot by dot: each of a cell's eight dots has its own bit, so
    the dot rows (as 0/1 bytes, one per cell) can be weighted and added as big integers
    without one byte carrying into the next.
    """
    bits = 0
    for dy, row_bits in enumerate(_DOT_BITS):
        offset = (row * DOTS_HIGH + dy) * width
        line = dots[offset : offset + cells * DOTS_WIDE].translate(_INKED)
        for dx, bit in enumerate(row_bits):
            bits += int.from_bytes(line[dx::DOTS_WIDE], "big") * bit
    return bits.to_bytes(cells, "big").decode("latin-1").translate(_BRAILLE)


@cache
def painter(step: FontStep, font_path: str | None = None) -> GlyphPainter:
    """The shared, caching painter for an enlarged ``step`` (raises :class:`FontUnavailable`)."""
    if not is_enlarged(step):
        raise ValueError(f"{step} text is drawn by the terminal, not enlarged")
    return GlyphPainter(find_cjk_font(font_path), SCALES[step])
