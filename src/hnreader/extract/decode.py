"""Bytes to text: the encoding of a Chinese web page, decided from evidence, checked strictly.

Order of evidence: a byte-order mark, then the labels (HTTP ``Content-Type`` header and the
page's ``<meta>``/XML declaration), then charset-normalizer. Labels lie often enough on Chinese
sites (a server default of UTF-8 in front of a GBK page, or ISO-8859-1 in front of anything), so
a label is only accepted when the bytes decode strictly with it. GB2312 and GBK are decoded as
their superset GB18030, so GBK-only characters such as 喆 镕 堃 survive.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

__all__ = ["Decoded", "UndecodableError", "charset_from_content_type", "decode_html"]

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# Supersets, so that a page labelled with a subset still decodes every character it uses.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "big5": "big5hkscs",
    "ascii": "utf-8",
    "latin-1": "cp1252",
    "iso8859-1": "cp1252",
}
# Labels that accept (nearly) any byte sequence, so a strict decode proves nothing.
_WEAK = {"cp1252", "latin-1", "iso8859-1"}

_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)",
    re.IGNORECASE,
)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\xd0\xcf\x11\xe0")
_PREAMBLE_BYTES = 8192  # long comment banners push <meta charset> far down


class UndecodableError(ValueError):
    """The content is not a text page at all (empty, or a binary file)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """A page's text, the encoding it was read with, and what was doubtful on the way."""

    text: str
    encoding: str | None  # Python codec name; None when the caller passed text already
    warnings: tuple[str, ...] = ()


def decode_html(content: bytes | str, content_type: str | None = None) -> Decoded:
    """Decode a page's bytes to text, trusting labels only when the bytes agree with them.

    Raises ``UndecodableError`` (a ``ValueError``) for empty or binary content.
    """
    if isinstance(content, str):
        return Decoded(content, None)
    if not content or content.isspace():  # as ``not content.strip()``, without a copy
        raise UndecodableError("the page is empty: there is nothing to decode")
    if content.startswith(_BINARY_MAGIC) or b"\x00\x00\x00" in content[:_PREAMBLE_BYTES]:
        raise UndecodableError("the content is a binary file, not an HTML page")
    for bom, encoding in _BOMS:
        if content.startswith(bom):
            return _decode_known(content[len(bom) :], encoding, "the byte-order mark", [])
    warnings: list[str] = []
    header = _codec(charset_from_content_type(content_type), "HTTP header", warnings)
    meta_match = _META_CHARSET.search(content[:_PREAMBLE_BYTES])
    meta_label = None
    if meta_match:
        meta_label = (meta_match.group(1) or meta_match.group(2)).decode("ascii", "replace")
    meta = _codec(meta_label, "<meta>", warnings)
    labels = [(enc, where) for enc, where in ((header, "HTTP header"), (meta, "<meta>")) if enc]
    if header and meta and header != meta:
        labels = _order_conflict(content, header, meta)
        warnings.append(
            f"charset conflict: HTTP header says {header}, <meta> says {meta}; "
            f"read as {labels[0][0]}"
        )
    for encoding, _where in labels:
        text = _strict(content, encoding)
        if text is not None and (encoding not in _WEAK or _looks_latin(text)):
            return Decoded(text, encoding, tuple(warnings))
    if labels:
        warnings.append(
            f"the page does not decode as its declared {labels[0][0]}; guessing the encoding"
        )
    return _guess(content, labels[0][0] if labels else None, warnings)


def charset_from_content_type(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a ``Content-Type`` header value, if any."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return match.group(1) if match else None


def _codec(label: str | None, where: str, warnings: list[str]) -> str | None:
    """Normalise a charset label to a Python codec name (upgraded to its superset)."""
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        warnings.append(f"unknown charset label {label!r} in the {where}; ignored")
        return None
    return _SUPERSETS.get(name, name)


def _order_conflict(content: bytes, header: str, meta: str) -> list[tuple[str, str]]:
    """Order two conflicting labels: one that decodes strictly (and is not weak) wins."""

    def rank(encoding: str) -> tuple[int, int, int]:
        strict = _strict(content, encoding) is not None
        # UTF-8 decoding strictly is strong evidence; GB18030 accepts many foreign byte runs.
        return (not strict, encoding in _WEAK, encoding != "utf-8")

    return sorted([(header, "HTTP header"), (meta, "<meta>")], key=lambda pair: rank(pair[0]))


def _strict(content: bytes, encoding: str) -> str | None:
    """The text if the bytes decode without a single error, else None."""
    try:
        return content.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _looks_latin(text: str) -> bool:
    """Whether text read with a single-byte Western codec is plausibly really Western."""
    high = sum(1 for ch in text if "\x80" <= ch <= "\xff")
    return high * 50 < len(text)


def _decode_known(content: bytes, encoding: str, where: str, warnings: list[str]) -> Decoded:
    """Decode with an encoding we are sure of, replacing (and reporting) bad bytes."""
    text = content.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if bad:
        warnings.append(
            f"{bad} undecodable byte sequence(s) replaced (encoding {encoding} from {where})"
        )
    return Decoded(text, encoding, tuple(warnings))


def _guess(content: bytes, declared: str | None, warnings: list[str]) -> Decoded:
    """No trustworthy label: UTF-8 if strict, else charset-normalizer, checked strictly."""
    text = _strict(content, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", tuple(warnings))
    # A few broken bytes (a truncated download, one bad character) do not make a label wrong.
    for candidate in (declared, "utf-8"):
        if candidate and candidate not in _WEAK:
            text = content.decode(candidate, errors="replace")
            bad = text.count("\ufffd")
            if bad <= max(2, len(content) // 2000):
                warnings.append(f"{bad} undecodable byte sequence(s) replaced ({candidate})")
                return Decoded(text, candidate, tuple(warnings))
    # Imported here, the last resort: loading it costs ~3 MB and ~15 ms in every process that
    # extracts, and nearly every page is settled by its labels or as UTF-8 before this.
    from charset_normalizer import from_bytes

    best = from_bytes(content[:65536]).best()
    if best is not None:
        guess = _codec(best.encoding, "detector", warnings)
        if guess:
            text = _strict(content, guess)
            if text is not None:
                warnings.append(f"encoding guessed as {guess}")
                return Decoded(text, guess, tuple(warnings))
    text = _strict(content, "gb18030")
    if text is not None:
        warnings.append("encoding guessed as gb18030")
        return Decoded(text, "gb18030", tuple(warnings))
    fallback = declared or "utf-8"
    return _decode_known(content, fallback, "best effort", warnings)
