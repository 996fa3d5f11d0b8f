"""Simplified ↔ traditional conversion for display (简/繁), through OpenCC."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from hnreader.config import Script


@cache
def _converter(config: str) -> Callable[[str], str]:
    import opencc  # imported on first use: building the dictionaries takes a moment

    converter: Any = opencc.OpenCC(config)
    lock = threading.Lock()  # OpenCC objects are not documented as thread-safe

    def convert(text: str) -> str:
        with lock:
            return str(converter.convert(text))

    return convert


def to_script(text: str, script: Script) -> str:
    """``text`` in ``script``: traditional converts simplified text; simplified converts back."""
    if not text:
        return text
    return _converter("s2t" if script == "traditional" else "t2s")(text)
