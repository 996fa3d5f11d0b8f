"""How big each font step draws text, without loading the glyph painter (Pillow and a font).

The reader asks :func:`is_enlarged` at start-up and on every font change; only a step that is
enlarged needs :mod:`hnreader.render.glyphs`, so the first screen at 小 or 中 never imports
Pillow.
"""

from __future__ import annotations

from hnreader.config import FontStep

# Times the terminal's own character size: 1 is terminal text, more is drawn in braille glyphs.
SCALES: dict[FontStep, int] = {"small": 1, "medium": 1, "large": 3, "huge": 4}

ENLARGED_STEPS: frozenset[FontStep] = frozenset(step for step, scale in SCALES.items() if scale > 1)


def is_enlarged(step: FontStep) -> bool:
    """Whether ``step`` draws text with enlarged glyphs (大, 特大) rather than terminal text."""
    return SCALES[step] > 1
