"""Font step sizes: known without the glyph painter, and the same as the painter uses."""

from __future__ import annotations

import subprocess
import sys

from hnreader.config import FONT_STEPS
from hnreader.render import glyphs, scales


def test_only_large_and_huge_are_enlarged() -> None:
    assert [step for step in FONT_STEPS if scales.is_enlarged(step)] == ["large", "huge"]
    assert sorted(scales.ENLARGED_STEPS) == ["huge", "large"]
    assert [scales.SCALES[step] for step in FONT_STEPS] == [1, 1, 3, 4]


def test_the_painter_module_still_offers_the_same_names() -> None:
    assert glyphs.SCALES is scales.SCALES
    assert glyphs.is_enlarged is scales.is_enlarged


def _loaded_after(statement: str) -> set[str]:
    """Which of Pillow and OpenCC a fresh interpreter has loaded after ``statement``."""
    probe = f"{statement}\nimport sys\nprint(*sorted({{'PIL', 'opencc'}} & set(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", probe], check=True, capture_output=True, text=True, timeout=60
    )
    return set(result.stdout.split())


def test_sizes_and_simplified_text_need_neither_pillow_nor_opencc() -> None:
    assert _loaded_after("from hnreader.render.scales import is_enlarged") == set()
    convert = "from hnreader.render.script import to_script\nto_script({!r}, 'simplified')"
    assert _loaded_after(convert.format("湖南社会工作动态")) == set()
    assert _loaded_after(convert.format("湖南社會工作動態")) == {"opencc"}
