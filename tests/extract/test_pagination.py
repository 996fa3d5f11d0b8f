"""find_pagination: script-announced and link-announced list pages."""

from __future__ import annotations

from hnreader.extract.dom import parse_html
from hnreader.extract.pagination import MAX_PAGES, Pagination, find_pagination


def paginate(html: str, url: str) -> Pagination:
    return find_pagination(html, parse_html(html), url)


def script(body: str) -> str:
    return f"<html><body><ul></ul><script>{body}</script></body></html>"


def test_create_page_html_with_literal_arguments_is_zero_based() -> None:
    found = paginate(
        script('createPageHTML(3, 1, "index", "shtml");'), "http://a.cn/x/index_1.shtml"
    )
    assert found.pages == (
        "http://a.cn/x/index.shtml",
        "http://a.cn/x/index_1.shtml",
        "http://a.cn/x/index_2.shtml",
    )
    assert found.next == "http://a.cn/x/index_2.shtml"


def test_create_page_html_variant_with_a_container_id_and_record_count() -> None:
    found = paginate(
        script("createPageHTML('page_div', 4, 3, 'list', 'html', 60);"), "http://a.cn/y/list_3.html"
    )
    assert found.pages[0] == "http://a.cn/y/list.html"
    assert found.pages[-1] == "http://a.cn/y/list_3.html"
    assert found.next is None


def test_the_function_definition_is_not_a_call() -> None:
    html = script(
        "function createPageHTML(_nPageCount, _nCurrIndex, _sPageName, _sPageExt) {}\n"
        'createPageHTML(2, 0, "index", "htm");'
    )
    found = paginate(html, "http://a.cn/z/")
    assert found.pages == ("http://a.cn/z/index.htm", "http://a.cn/z/index_1.htm")


def test_a_single_page_has_no_next() -> None:
    found = paginate(script('createPageHTML(1, 0, "index", "html");'), "http://a.cn/z/index.html")
    assert found.pages == ("http://a.cn/z/index.html",)
    assert found.next is None


def test_page_variables_without_the_call() -> None:
    html = script("var countPage = 3 ; var currentPage = 1;")
    found = paginate(html, "http://a.cn/news/index_1.html")
    assert found.pages == (
        "http://a.cn/news/index.html",
        "http://a.cn/news/index_1.html",
        "http://a.cn/news/index_2.html",
    )
    assert found.next == "http://a.cn/news/index_2.html"


def test_pages_are_capped_with_a_warning() -> None:
    found = paginate(script('createPageHTML(50000, 0, "index", "html");'), "http://a.cn/index.html")
    assert len(found.pages) == MAX_PAGES
    assert len(set(found.pages)) == MAX_PAGES
    assert any("50000" in warning for warning in found.warnings)


def test_next_link_without_numbers() -> None:
    html = (
        '<html><body><div class="pager"><a href="list.php?p=1">上一页</a>'
        '<a href="list.php?p=3">下一页</a></div></body></html>'
    )
    found = paginate(html, "http://a.cn/list.php?p=2")
    assert found.next == "http://a.cn/list.php?p=3"
    assert "http://a.cn/list.php?p=3" in found.pages


def test_numbered_links_in_a_pager_without_next_link_on_the_last_page() -> None:
    html = (
        '<html><body><div class="page-nav"><a href="?page=1">1</a><a href="?page=2">2</a>'
        "<span>3</span></div></body></html>"
    )
    found = paginate(html, "http://a.cn/list?page=3")
    assert found.pages == (
        "http://a.cn/list?page=1",
        "http://a.cn/list?page=2",
        "http://a.cn/list?page=3",
    )
    assert found.next is None


def test_no_pagination_at_all_is_the_page_alone() -> None:
    found = paginate("<html><body><p>正文</p></body></html>", "http://a.cn/only.html")
    assert found.pages == ("http://a.cn/only.html",)
    assert found.next is None


def test_bracketed_next_link() -> None:
    html = '<html><body><p><a href="list_3.html">[下一页]</a><a href="list_1.html">[上一页]</a></p>'
    found = paginate(html + "</body></html>", "http://a.cn/c/list_2.html")
    assert found.next == "http://a.cn/c/list_3.html"


def test_a_zero_page_count_in_a_library_falls_through_to_the_links() -> None:
    html = (
        "<html><body><script>var options = { pageCount: 0, speed: 300 };</script>"
        '<div class="pages"><a href="list_2.html">下一页</a></div></body></html>'
    )
    found = paginate(html, "http://a.cn/c/list.html")
    assert found.next == "http://a.cn/c/list_2.html"


def test_hanweb_datastore_tags_and_the_last_page_by_its_page_number() -> None:
    html = (
        '<html><body><div id="9"><script type="text/xml"><datastore>'
        '<nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&unitid=77">'
        "</a>]]></nextgroup><totalrecord>31</totalrecord><perpage>10</perpage><recordset>"
        "</recordset></datastore></script></div></body></html>"
    )
    found = paginate(html, "http://a.cn/col/col9/index.html?uid=77&pageNum=4")
    assert found.pages == (
        "http://a.cn/col/col9/index.html",
        "http://a.cn/col/col9/index.html?uid=77&pageNum=2",
        "http://a.cn/col/col9/index.html?uid=77&pageNum=3",
        "http://a.cn/col/col9/index.html?uid=77&pageNum=4",
    )
    assert found.next is None
