"""The site's name never comes from the date in a header bar."""

from hnreader.extract.api import extract_tree

PAGE = """<html><head><title>澳门赌场_官方网站</title></head><body>
<div class="top">今天是2023年1月9日 星期一 欢迎访问</div>
<div class="crumb">当前位置：<a href="/">示例县民政网</a> &gt; <a href="/news/">新闻</a></div>
<ul class="nav"><li><a href="/news/">新闻</a></li><li><a href="/notice/">公告</a></li></ul>
</body></html>"""


def test_a_weekday_before_the_welcome_is_not_the_site_name() -> None:
    tree = extract_tree(PAGE.encode(), "http://example.test/", "text/html; charset=utf-8")
    assert tree.site == "示例县民政网"


def test_a_real_name_before_the_welcome_is_still_used() -> None:
    page = PAGE.replace("今天是2023年1月9日 星期一 欢迎访问", "示例县民政局欢迎您")
    tree = extract_tree(page.encode(), "http://example.test/", "text/html; charset=utf-8")
    assert tree.site == "示例县民政局"
