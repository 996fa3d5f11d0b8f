"""EPUB books are valid containers with every chapter and the stored images."""

from __future__ import annotations

import zipfile
from pathlib import Path
from xml.etree import ElementTree

from export_samples import ARTICLES, SITE, tiny_png

from hnreader.export import section_to_epub
from hnreader.store import Store

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
}


def open_book(path: Path) -> tuple[zipfile.ZipFile, ElementTree.Element, str]:
    book = zipfile.ZipFile(path)
    first = book.infolist()[0]
    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)
    assert book.read("mimetype") == b"application/epub+zip"
    container = ElementTree.fromstring(book.read("META-INF/container.xml"))
    rootfile = container.find("c:rootfiles/c:rootfile", NS)
    assert rootfile is not None
    opf_path = rootfile.attrib["full-path"]
    assert rootfile.attrib["media-type"] == "application/oebps-package+xml"
    return book, ElementTree.fromstring(book.read(opf_path)), opf_path.rpartition("/")[0]


def test_a_section_becomes_a_book(tmp_path: Path, store: Store) -> None:
    path = section_to_epub(
        "示例社工网 · 工作动态",
        ARTICLES,
        tmp_path / "book.epub",
        assets=store.get_asset,
        author="示例社工网",
    )
    book, opf, root = open_book(path)
    assert opf.findtext("opf:metadata/dc:title", namespaces=NS) == "示例社工网 · 工作动态"
    assert opf.findtext("opf:metadata/dc:language", namespaces=NS) == "zh"
    manifest = {item.attrib["id"]: item.attrib for item in opf.iterfind("opf:manifest/*", NS)}
    spine = [ref.attrib["idref"] for ref in opf.iterfind("opf:spine/*", NS)]
    chapters = [manifest[idref]["href"] for idref in spine if idref != "nav"]
    assert len(chapters) == len(ARTICLES)
    images = [item for item in manifest.values() if item["media-type"] == "image/png"]
    assert len(images) == len(ARTICLES)  # the stored ones; the unstored image is left out
    for number, (href, article) in enumerate(zip(chapters, ARTICLES, strict=True), 1):
        xhtml = ElementTree.fromstring(book.read(f"{root}/{href}"))  # well-formed XML
        text = "".join(xhtml.itertext())
        assert article.title in text
        assert f"第{number}篇的第一段" in text
        assert "[图片：未存图片]" in text
        sources = [img.attrib["src"] for img in xhtml.iter(f"{{{NS['x']}}}img")]
        assert len(sources) == 1
        assert book.read(f"{root}/{sources[0]}") == tiny_png(number * 60)
        assert not list(xhtml.iter(f"{{{NS['x']}}}script"))
    nav = book.read(f"{root}/{manifest['nav']['href']}").decode("utf-8")
    for article in ARTICLES:
        assert article.title in nav


def test_the_same_image_is_stored_once(tmp_path: Path, store: Store) -> None:
    path = section_to_epub(
        "重复", [ARTICLES[1], ARTICLES[1]], tmp_path / "twice.epub", assets=store.get_asset
    )
    names = zipfile.ZipFile(path).namelist()
    assert sum(name.endswith(".png") for name in names) == 1
    assert f"{SITE}" not in "".join(names)
