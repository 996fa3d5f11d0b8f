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
import importlib.util
import re
import threading
import unicodedata
from array import array
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

from hnreader.store.errors import StoreError

# Runs of letters and digits: the bigram index is built over these, never across punctuation.
_WORD_RUN = re.compile(r"[^\W_]+")


@cache
def _opencc_identity() -> str:
    # Read from the name of the installed distribution's metadata directory next to the
    # module: importing importlib.metadata alone costs ~0.1 s, paid at every start that opens
    # a library. The metadata API remains the fallback for unusual installs.
    spec = importlib.util.find_spec("opencc")
    if spec is not None and spec.origin is not None:
        installed: dict[str, str] = {}
        for entry in Path(spec.origin).parent.parent.glob("*.dist-info"):
            name, _, version = entry.name.removesuffix(".dist-info").rpartition("-")
            installed[name.lower().replace("-", "_").replace(".", "_")] = version
        for distribution in _DISTRIBUTIONS:
            version = installed.get(distribution.lower().replace("-", "_"), "")
            if version:
                return f"{distribution}-{version}"
    return _identity_from_metadata()


# Either provides the ``opencc`` module; checked in this order.
_DISTRIBUTIONS = ("OpenCC", "opencc-python-reimplemented")


def _identity_from_metadata() -> str:
    import importlib.metadata

    for distribution in _DISTRIBUTIONS:
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


class _CharFolds(dict[int, str]):
    """Each character's own fold (NFKC, then case folded), filled on first use.

    A ``str.translate`` table: folding character by character then runs in C.
    """

    def __missing__(self, code: int) -> str:
        folded = unicodedata.normalize("NFKC", chr(code)).casefold()
        self[code] = folded
        return folded


_CHAR_FOLDS = _CharFolds()
# Full-width ASCII (U+FF01-U+FF5E) and the ideographic space, in most Chinese text, as NFKC
# maps them: one character each, so replacing them first changes no NFKC result, and the
# text is then usually normalised already, which NFKC checks far faster than it converts.
_NARROW_FORMS = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)}
_NARROW_FORMS["\u3000"] = " "
_WIDE_FORM = re.compile("[\uff01-\uff5e\u3000]")


def _narrowed(text: str) -> str:
    # One str.replace per distinct wide form found (a text uses a handful: ，：（）…): about
    # six times faster than str.translate, which looks up every character of CJK text.
    for wide in set(_WIDE_FORM.findall(text)):
        text = text.replace(wide, _NARROW_FORMS[wide])
    return text


def _fold_whole(text: str) -> str:
    return unicodedata.normalize("NFKC", _narrowed(text)).casefold()


def fold_with_origin(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text``; the second item maps folded offsets to original ones (None: identical)."""
    whole = _fold_whole(text)
    if len(whole) == len(text):
        return _simplify_same_length(whole), None
    pieces: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        piece = _CHAR_FOLDS[ord(char)]
        pieces.append(piece)
        origin.extend([index] * len(piece))
    return _simplify_same_length("".join(pieces)), origin


def fold(text: str) -> str:
    """The searchable form of ``text``: NFKC, case folded, simplified Chinese.

    Exactly ``fold_with_origin(text)[0]``, without the offsets (indexing needs none).
    """
    whole = _fold_whole(text)
    if len(whole) != len(text):
        whole = text.translate(_CHAR_FOLDS)
    return _simplify_same_length(whole)


# Each character as one array item, for laying out tokens with slice assignments in C.
_CODE_UNIT = next(code for code in ("I", "L") if array(code).itemsize == 4)
_SPACE = array(_CODE_UNIT, [ord(" ")])
_NOT_WORD_RUNS = re.compile(r"[\W_]+")
# A token cell starting with a space follows a cell ending in two: the cell of a separator.
_SEPARATOR_CELL = re.compile(r"   \S ")


def bigram_tokens(folded: str) -> str:
    """Space-separated tokens for one- and two-character search.

    Every run of letters and digits gives its overlapping two-character pieces and, last, its
    final character alone: so every character starts a token, and a one-character query is a
    prefix query. The store deletes old index entries by recomputing these tokens, so any
    change to them needs a schema migration that rebuilds the bigram index.
    """
    # Built without a Python step per character (over three times faster): the text, its
    # separators made single spaces, is laid out as three-character cells "<c><next> ", which
    # for a run's last character is "<c>  ", the run's final token; the cell of a separator,
    # " <next> ", is then cut out. Runs of spaces are left for the tokenizer to skip.
    text = _NOT_WORD_RUNS.sub(" ", folded).lstrip(" ")
    if not text:
        return ""
    chars = array(_CODE_UNIT, text.encode("utf-32-le", "surrogatepass"))
    cells = _SPACE * (3 * len(chars))
    cells[0::3] = chars
    cells[1:-3:3] = chars[1:]
    laid_out = cells.tobytes().decode("utf-32-le", "surrogatepass")
    return _SEPARATOR_CELL.sub("   ", laid_out)


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
