"""Simplified ↔ traditional conversion for display (简/繁), through OpenCC.

Start-up shows the first list in simplified script, and nearly every page of the sites we read
is simplified already: text that provably needs no conversion (:mod:`hnreader.simplified`)
is returned as it is, without loading OpenCC.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cache
from typing import Any

from hnreader.config import Script
from hnreader.simplified import unchanged_by_t2s


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
    if script == "simplified":
        if not _converter.cache_info().currsize:  # OpenCC not loaded: is it needed at all?
            needs_nothing = unchanged_by_t2s()
            if needs_nothing is not None and needs_nothing(text):
                return text
        return _converter("t2s")(text)
    return _converter("s2t")(text)
