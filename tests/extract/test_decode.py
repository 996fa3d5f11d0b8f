"""Tests for the page decoder: BOM, labels, conflicts, guesses, GBK-only characters."""

import codecs

import pytest

from hnreader.extract.decode import UndecodableError, charset_from_content_type, decode_html

GBK_ONLY = "朱镕基 张喆 王堃"
PAGE = "<html><head>{meta}</head><body><p>湖南社会工作 " + GBK_ONLY + "</p></body></html>"


def page(meta: str = "") -> str:
    return PAGE.format(meta=meta)


def test_text_input_passes_through() -> None:
    decoded = decode_html("<p>已是文本</p>", None)
    assert decoded.text == "<p>已是文本</p>"
    assert decoded.encoding is None


@pytest.mark.parametrize(
    ("bom_codec", "codec"),
    [("utf-8-sig", "utf-8"), ("utf-16", "utf-16-le")],
)
def test_bom_wins_over_a_wrong_label(bom_codec: str, codec: str) -> None:
    content = page('<meta charset="gbk">').encode(bom_codec)
    decoded = decode_html(content, "text/html; charset=iso-8859-1")
    assert decoded.encoding == codec
    assert GBK_ONLY in decoded.text
    assert not decoded.text.startswith("\ufeff")


def test_gbk_label_decodes_as_gb18030_and_keeps_gbk_only_characters() -> None:
    content = page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">')
    decoded = decode_html(content.encode("gbk"), None)
    assert decoded.encoding == "gb18030"
    assert GBK_ONLY in decoded.text
    assert decoded.warnings == ()


def test_wrong_utf8_header_loses_to_gbk_meta() -> None:
    content = page('<meta charset="gbk">').encode("gbk")
    decoded = decode_html(content, "text/html; charset=UTF-8")
    assert decoded.encoding == "gb18030"
    assert GBK_ONLY in decoded.text
    assert any("conflict" in w for w in decoded.warnings)


def test_wrong_gbk_meta_loses_to_utf8_header() -> None:
    content = page('<meta charset="gb2312">').encode("utf-8")
    decoded = decode_html(content, "text/html; charset=utf-8")
    assert decoded.encoding == "utf-8"
    assert GBK_ONLY in decoded.text


def test_latin1_header_is_not_trusted_over_meta() -> None:
    content = page('<meta charset="utf-8">').encode("utf-8")
    decoded = decode_html(content, "text/html; charset=ISO-8859-1")
    assert decoded.encoding == "utf-8"
    assert GBK_ONLY in decoded.text


def test_unlabelled_gbk_page_is_detected() -> None:
    body = "<p>" + "社会工作部深入学习贯彻会议精神，把凝聚服务群众作为出发点。" * 20 + "</p>"
    decoded = decode_html(page().replace("</body>", body + "</body>").encode("gbk"), None)
    assert decoded.encoding in ("gb18030", "gbk", "gb2312")
    assert GBK_ONLY in decoded.text


def test_label_that_fails_strictly_is_not_accepted_blindly() -> None:
    content = page('<meta charset="utf-8">').encode("gbk")
    decoded = decode_html(content, None)
    assert GBK_ONLY in decoded.text
    assert decoded.warnings


def test_a_few_bad_bytes_are_replaced_and_reported() -> None:
    good = page('<meta charset="utf-8">').replace("</p>", "。" * 3000 + "</p>").encode("utf-8")
    content = good[:200] + b"\xff" + good[200:]
    decoded = decode_html(content, None)
    assert decoded.encoding == "utf-8"
    assert decoded.text.count("\ufffd") == 1
    assert any("replaced" in w for w in decoded.warnings)


def test_unknown_label_is_reported() -> None:
    decoded = decode_html(page('<meta charset="x-bogus">').encode("utf-8"), None)
    assert decoded.encoding == "utf-8"
    assert any("x-bogus" in w for w in decoded.warnings)


@pytest.mark.parametrize("content", [b"", b"   \n", b"%PDF-1.7 binary", codecs.BOM_UTF8[:0]])
def test_unreadable_content_raises_value_error(content: bytes) -> None:
    with pytest.raises(UndecodableError, match=r"empty|binary"):
        decode_html(content, None)
    assert issubclass(UndecodableError, ValueError)


def test_charset_from_content_type() -> None:
    assert charset_from_content_type('text/html; charset="GBK"') == "GBK"
    assert charset_from_content_type("text/html") is None
    assert charset_from_content_type(None) is None
