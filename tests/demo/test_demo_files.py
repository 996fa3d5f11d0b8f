"""The PNG, PDF and DOCX writers make files that other readers accept."""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from xml.etree import ElementTree

import pytest

from hnreader.demo.files import make_docx, make_pdf, make_png


def _png_chunks(data: bytes) -> list[tuple[bytes, bytes]]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    chunks, offset = [], 8
    while offset < len(data):
        (length,) = struct.unpack(">I", data[offset : offset + 4])
        kind = data[offset + 4 : offset + 8]
        body = data[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", data[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + body) & 0xFFFFFFFF, kind
        chunks.append((kind, body))
        offset += 12 + length
    return chunks


def test_png_has_valid_chunks_and_the_right_amount_of_pixels() -> None:
    chunks = _png_chunks(make_png(37, 11, seed=5))
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour = struct.unpack(">IIBB", chunks[0][1][:10])
    assert (width, height, depth, colour) == (37, 11, 8, 2)
    pixels = zlib.decompress(chunks[1][1])
    assert len(pixels) == height * (1 + 3 * width)
    assert all(pixels[row * (1 + 3 * width)] == 0 for row in range(height))


def test_png_rejects_an_empty_size() -> None:
    with pytest.raises(ValueError, match="positive"):
        make_png(0, 10, seed=1)


def test_pdf_cross_reference_points_at_its_objects() -> None:
    data = make_pdf(["Hello (demo)", "second line"])
    assert data.startswith(b"%PDF-1.4")
    assert data.rstrip().endswith(b"%%EOF")
    startxref = int(re.search(rb"startxref\n(\d+)\n", data).group(1))  # type: ignore[union-attr]
    assert data[startxref:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n ", data)
    assert len(offsets) == 5
    for number, offset in enumerate(offsets, start=1):
        assert data[int(offset) :].startswith(b"%d 0 obj" % number)
    assert b"(Hello \\(demo\\)) Tj" in data


def test_pdf_refuses_text_its_font_cannot_show() -> None:
    with pytest.raises(ValueError, match="ASCII"):
        make_pdf(["附件"])


def test_docx_is_a_word_package_with_the_paragraphs() -> None:
    data = make_docx(["附件一", "a < b & c"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        names = set(archive.namelist())
        assert {"[Content_Types].xml", "_rels/.rels", "word/document.xml"} <= names
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    ns = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    texts = [t.text for t in root.iter(f"{ns}t")]
    assert texts == ["附件一", "a < b & c"]


def test_files_are_byte_for_byte_reproducible() -> None:
    assert make_docx(["x"]) == make_docx(["x"])
    assert make_png(8, 8, 3) == make_png(8, 8, 3)
    assert make_png(8, 8, 3) != make_png(8, 8, 4)
