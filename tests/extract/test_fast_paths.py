"""The extractor's fast paths give exactly what the plain computations they replace give."""

from __future__ import annotations

import posixpath
import random
from urllib.parse import unquote, urljoin, urlsplit

from hnreader.extract.attachments import _not_a_file
from hnreader.extract.dom import clean_text
from hnreader.extract.meta_labels import LABEL, label_matches
from hnreader.extract.safety import safe_url
from hnreader.extract.text_rules import ATTACHMENT_TYPES, BOILERPLATE, is_boilerplate

_META_PIECES = [
    "\u0001",
    " ",
    "|",
    "｜",
    "作者",
    "作 者",
    "来源",
    "记者 王小明",
    "发布时间",
    "时间2024-05-06",
    "中",
    "编辑",
    "：",
    "文/图",
    "責編",
    "\u3000",
    "日期",
    "通讯员 李四",
    "分享到",
    "\n",
    "本站原创内容",
]
_HREF_PIECES = [
    "a",
    "b.pdf",
    "x.PDF",
    "/",
    "//",
    "?",
    "#",
    ".",
    "..",
    "http:",
    "HTTP:",
    "https://",
    "h.com",
    "doc",
    ".doc",
    "%2e",
    " ",
    "\\",
    ";p=1",
    "c.html",
    "ftp:",
    "file:",
    "d.docx/",
    ":",
    "@",
    "~",
    "é",
    "a+b:",
    "1a:",
    "//h.com/x.zip",
]
_BASES = ["http://h.gov.cn/a/b/c.html", "http://h/dir/x.pdf?q#f", "https://h", "file:///t/p.html"]


def _strings(pieces: list[str], count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 9))) for _ in range(count)]


def test_label_matches_are_the_finditer_matches() -> None:
    """Skipping positions where no label can start loses no match and changes none."""
    found = 0
    for text in _strings(_META_PIECES, 20_000, 11):
        expected = [(m.span(), m.groupdict()) for m in LABEL.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in label_matches(text)] == expected, text
        found += len(expected)
    assert found > 3_000  # the strings really exercise the pattern


def test_a_link_passed_over_as_no_file_resolves_to_no_file() -> None:
    """``_not_a_file`` only says no when resolving the link would also say no."""
    passed_over = 0
    for index, href in enumerate(_strings(_HREF_PIECES, 40_000, 12)):
        href = href.strip()
        base = _BASES[index % len(_BASES)]
        if not href or not _not_a_file(href):
            continue
        passed_over += 1
        url = safe_url(urljoin(base, href), base) or ""
        extension = posixpath.splitext(unquote(urlsplit(url).path))[1].lower().lstrip(".")
        assert not (url and extension in ATTACHMENT_TYPES), (href, base, url)
    assert passed_over > 5_000


def test_boilerplate_split_matches_the_single_pattern() -> None:
    """The split anchored/anywhere/Latin checks agree with ``BOILERPLATE.search``."""
    pieces = [
        "打印",
        "【关闭窗口】",
        "|",
        " ",
        "字号：",
        "大",
        "中",
        "小",
        "上一篇：",
        "扫一扫",
        "版权所有",
        "ICP备",
        "icp证",
        "İCP备",
        "Copyright",
        "标签：",
        "TAGS:",
        "二维码",
        "关注",
        "12条评论",
        "网友评论",
        "正文内容，",
        "人参与评论",
        "浏览器不支持",
    ]
    hits = 0
    for text in _strings(pieces, 20_000, 13):
        expected = len(text) <= 200 and BOILERPLATE.search(text) is not None
        assert is_boilerplate(text) == expected, text
        hits += expected
    assert hits > 1_000


def test_clean_text_fast_path() -> None:
    """Printable text and text with controls, line breaks and wide spaces come out the same way."""
    assert clean_text("  标题  文字 ") == "标题 文字"
    assert clean_text("第一行\n  第二行\u3000\u3000末尾\x07") == "第一行第二行 末尾"
    assert clean_text("a\u00a0\u2003b") == "a b"
