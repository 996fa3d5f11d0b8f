"""Whether text is already what OpenCC's traditional → simplified conversion would make it.

Nearly every page of the sites we read is in simplified script, yet loading OpenCC and building
its ``t2s`` converter costs more time (~0.1 s) and memory (~5 MB) than all the conversions after
it. So display (:mod:`hnreader.render.script`) asks here first while OpenCC is not loaded, and
loads it only for text that may change; once it is loaded, converting a text costs less than
this test of it. (Search folding always converts: in the sync's extraction processes the test
cost more CPU per article than OpenCC did, measured.)

OpenCC changes text only where a dictionary entry whose default replacement differs from its
key matches, and a match is a substring of the text. ``t2s_witnesses.txt`` (built by
``tests/test_simplified.py`` from the dictionaries ``t2s`` uses) holds every such key of one
character, and every longer one holding none of those characters (回覆 → 回复, while 覆 alone
stays): text containing none of them cannot match any changing entry, so its conversion is
the text itself.
The file also holds a fingerprint of those dictionaries; when the installed OpenCC's differ
(another version or another implementation), :func:`unchanged_by_t2s` gives no test and every
text goes through OpenCC.
"""

from __future__ import annotations

import hashlib
import importlib.util
from collections.abc import Callable
from functools import cache
from pathlib import Path

WITNESS_TABLE = Path(__file__).with_name("t2s_witnesses.txt")


@cache
def unchanged_by_t2s() -> Callable[[str], bool] | None:
    """A test that text is unchanged by OpenCC's ``t2s``; None if the table does not apply."""
    names, expected, characters, phrase_line = read_witness_table()
    data_dir = opencc_data_dir()
    if data_dir is None or fingerprint(data_dir, names) != expected:
        return None  # not the dictionaries the table describes: OpenCC decides every text
    changed_alone = frozenset(characters)
    phrases_with: dict[str, list[str]] = {}
    for phrase in phrase_line.split():
        for character in set(phrase):
            phrases_with.setdefault(character, []).append(phrase)
    in_phrases = frozenset(phrases_with)

    def unchanged(text: str) -> bool:
        # A text has a few hundred distinct characters: one pass to collect them, then
        # set operations on those, and substring searches only for phrases it could hold.
        present = set(text)
        if not changed_alone.isdisjoint(present):
            return False
        candidates = in_phrases.intersection(present)
        return not any(phrase in text for c in candidates for phrase in phrases_with[c])

    return unchanged


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


def read_witness_table(path: Path = WITNESS_TABLE) -> tuple[list[str], str, str, str]:
    """The table's dictionary files, their fingerprint, characters and phrases.

    Lines starting with ``#`` are comments; then ``files: NAME …``, ``fingerprint: HEX``, one
    line of the characters ``t2s`` changes on their own, and one of the phrases it changes
    that hold none of those characters, separated by spaces.
    """
    fields: dict[str, str] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line[:1] != "#"]
    for line in lines[:2]:
        key, _, value = line.partition(": ")
        fields[key] = value
    if set(fields) != {"files", "fingerprint"} or len(lines) != 4:
        raise ValueError(f"{path} is not a witness table (files, fingerprint, characters, phrases)")
    return fields["files"].split(), fields["fingerprint"], lines[2], lines[3]
