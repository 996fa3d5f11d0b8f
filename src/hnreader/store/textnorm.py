"""Text folding for search: one form for indexed text and queries, across scripts.

Both sides go through NFKC (full-width digits and letters become ASCII, compatibility
ideographs become unified ones), case folding, and OpenCC's traditional → simplified
conversion, so a query in either script finds text in either script.

OpenCC comes from whichever ``opencc`` module is installed: the ``opencc`` wheels (C++,
about 50 times faster) or ``opencc-python-reimplemented``; both have the same ``OpenCC`` class.
:data:`NORMALISER_ID` names the one in use, so the store can tell when its index was built with
another.

Snippets need offsets in the *original* text, so :func:`fold_with_origin` also returns, for
each folded character, the index of the original character it came from.
"""

from __future__ import annotations

import importlib
import re
import threading
import unicodedata
from collections.abc import Callable
from functools import cache
from typing import Any

from hnreader.store.errors import StoreError

# Runs of letters and digits: the bigram index is built over these, never across punctuation.
_WORD_RUN = re.compile(r"[^\W_]+")


@cache
def _opencc_identity() -> str:
    # Imported here: reading package metadata is only needed when a library is opened, and
    # importlib.metadata costs start-up time for every command that never opens one.
    import importlib.metadata

    for distribution in ("OpenCC", "opencc-python-reimplemented"):
        try:
            return f"{distribution}-{importlib.metadata.version(distribution)}"
        except importlib.metadata.PackageNotFoundError:
            continue
    return "opencc-unknown"


@cache
def _t2s() -> Callable[[str], str]:
    try:
        module: Any = importlib.import_module("opencc")
    except ImportError as exc:
        raise StoreError(
            "search needs OpenCC: install the 'opencc' package (or 'opencc-python-reimplemented')"
        ) from exc
    converter = module.OpenCC("t2s")
    lock = threading.Lock()

    def convert(text: str) -> str:
        # Neither implementation documents thread safety, and the store calls this from
        # worker threads.
        with lock:
            return str(converter.convert(text))

    return convert


def normaliser_id() -> str:
    """Which folding built an index: bump the prefix when the folding rules change."""
    return f"fold1+{_opencc_identity()}"


def _simplify_same_length(folded: str) -> str:
    convert = _t2s()
    simplified = convert(folded)
    if len(simplified) == len(folded):
        return simplified
    # A phrase rule changed the length: convert character by character so offsets still line up.
    chars = []
    for char in folded:
        converted = convert(char)
        chars.append(converted if len(converted) == 1 else char)
    return "".join(chars)


def fold_with_origin(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text``; the second item maps folded offsets to original ones (None: identical)."""
    whole = unicodedata.normalize("NFKC", text).casefold()
    if len(whole) == len(text):
        return _simplify_same_length(whole), None
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = unicodedata.normalize("NFKC", char).casefold()
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return _simplify_same_length("".join(pieces)), origin


def fold(text: str) -> str:
    """The searchable form of ``text``: NFKC, case folded, simplified Chinese."""
    return fold_with_origin(text)[0]


def bigram_tokens(folded: str) -> str:
    """Space-separated tokens for one- and two-character search.

    Every run of letters and digits gives its overlapping two-character pieces and, last, its
    final character alone: so every character starts a token, and a one-character query is a
    prefix query. The store deletes old index entries by recomputing these tokens, so any
    change here needs a schema migration that rebuilds the bigram index.
    """
    tokens: list[str] = []
    for match in _WORD_RUN.finditer(folded):
        run = match.group()
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
        tokens.append(run[-1])
    return " ".join(tokens)


def find_spans(folded: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    """Every occurrence of any folded ``terms`` in ``folded``, sorted and merged."""
    found: list[tuple[int, int]] = []
    for term in terms:
        if not term:
            continue
        start = folded.find(term)
        while start != -1:
            found.append((start, start + len(term)))
            start = folded.find(term, start + 1)
    found.sort()
    merged: list[tuple[int, int]] = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def to_original(
    spans: list[tuple[int, int]], origin: list[int] | None, original_length: int
) -> list[tuple[int, int]]:
    """Map spans over folded text back to spans over the original text."""
    if origin is None:
        return spans
    mapped: list[tuple[int, int]] = []
    for start, end in spans:
        first = origin[start]
        last = origin[end - 1] + 1 if end - 1 < len(origin) else original_length
        mapped.append((first, last))
    return mapped
