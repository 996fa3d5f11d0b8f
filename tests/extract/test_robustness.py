"""Property tests: any input either raises ValueError or gives an article with clean fields."""

from hypothesis import given, settings
from hypothesis import strategies as st

from hnreader.extract.api import extract_article

FRAGMENTS = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<div class='content'>",
        "</div>",
        "<h1>",
        "</h1>",
        "<br>",
        "<table><tr><td>",
        "</td></tr></table>",
        "<a href='x.pdf'>",
        "</a>",
        "<span style='display:none'>",
        "</span>",
        "<ruby>字<rt>zì</rt></ruby>",
        "来源：",
        "作者：",
        "责任编辑：",
        "发布时间：2024-12-05 16:12",
        "今天是2025年3月1日",
        "\x1b[31m",
        "\x07",
        "\u202e",
        "&nbsp;",
        "\u3000",
        "社区服务。",
        "志愿者，",
        "<!--startprint-->",
        "<!--endprint-->",
        "<script>",
        "</script>",
        "<style>.a{display:none}",
        "</style>",
        "当前位置：",
        " &gt; ",
        "<img src='a.png'>",
        "<title>",
        "</title>",
    ]
)


def _is_clean(text: str) -> bool:
    return not any(
        (ord(ch) < 32 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F or ch == "\u202e" for ch in text
    )


@settings(max_examples=150, deadline=None)
@given(st.lists(FRAGMENTS | st.text(max_size=8), max_size=40), st.booleans())
def test_extract_article_never_crashes_and_never_leaks_controls(
    parts: list[str], as_bytes: bool
) -> None:
    page = "".join(parts)
    content: bytes | str = page.encode("utf-8", "surrogatepass") if as_bytes else page
    try:
        article = extract_article(content, "https://www.example.gov.cn/a/t20240101_1.html")
    except ValueError:
        return  # unreadable input is reported, not guessed
    assert all(_is_clean(text) for text in _strings(article.to_dict()))


def _strings(value: object) -> list[str]:
    """Every string inside a JSON-shaped value."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for item in value.values() for s in _strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in _strings(item)]
    return []
