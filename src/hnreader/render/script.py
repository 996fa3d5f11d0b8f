"""Simplified ↔ traditional conversion for display (简/繁), through OpenCC.

Start-up shows the first list in simplified script, and nearly every page of the sites we read
is simplified already, yet loading OpenCC and building its traditional → simplified converter
costs more than all the conversions after it. So text that provably needs nothing is returned
as it is, without OpenCC:

OpenCC changes text only where a dictionary entry whose replacement differs from its key
matches. ``t2s_witnesses.txt`` (built by ``tests/render/test_script_witnesses.py`` from the
dictionaries ``t2s`` uses) holds one character of every such key, so text containing none of
those characters cannot match any of them: its conversion is the text itself, phrase rules
included. The file also holds a fingerprint of those dictionaries; when the installed OpenCC's
differ (another version or another implementation), every text goes through OpenCC as before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import threading
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from hnreader.config import Script

WITNESS_TABLE = Path(__file__).with_name("t2s_witnesses.txt")


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
        needs_nothing = _needs_no_simplifying()
        if needs_nothing is not None and needs_nothing(text):
            return text
        return _converter("t2s")(text)
    return _converter("s2t")(text)


def opencc_data_dir() -> Path | None:
    """Where the installed OpenCC keeps its configurations and dictionaries (None if unknown)."""
    spec = importlib.util.find_spec("opencc")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        return None
    directory = Path(next(iter(spec.submodule_search_locations))) / "clib" / "share" / "opencc"
    return directory if directory.is_dir() else None


def fingerprint(data_dir: Path, names: list[str]) -> str | None:
    """A digest of the files ``names`` in ``data_dir`` (None if one is missing)."""
    digest = hashlib.blake2b(digest_size=16)
    for name in names:
        try:
            content = (data_dir / name).read_bytes()
        except OSError:
            return None
        digest.update(f"{name}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()


def read_witness_table(path: Path = WITNESS_TABLE) -> tuple[list[str], str, str]:
    """The table's dictionary files, their fingerprint and its witness characters.

    Lines starting with ``#`` are comments; then ``files: NAME …``, ``fingerprint: HEX`` and
    one line of characters.
    """
    fields: dict[str, str] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    for line in lines[:2]:
        key, _, value = line.partition(": ")
        fields[key] = value
    if set(fields) != {"files", "fingerprint"} or len(lines) != 3:
        raise ValueError(f"{path} is not a witness table (files, fingerprint, characters)")
    return fields["files"].split(), fields["fingerprint"], lines[2]


@cache
def _needs_no_simplifying() -> Callable[[str], bool] | None:
    """A test that text is unchanged by OpenCC's ``t2s``; None if the table does not apply."""
    names, expected, characters = read_witness_table()
    data_dir = opencc_data_dir()
    if data_dir is None or fingerprint(data_dir, names) != expected:
        return None  # not the dictionaries the table describes: OpenCC decides every text
    return frozenset(characters).isdisjoint
