"""Authors, editors and sources from the many ways Chinese CMS pages credit people."""

from pathlib import Path

import pytest

from hnreader.extract.api import extract_article
from hnreader.extract.credits import credit_authors, find_byline

DATA = Path(__file__).resolve().parents[1] / "data" / "extract" / "credits"


@pytest.mark.parametrize(
    ("credit", "authors"),
    [
        ("记者 张三 通讯员 李四", "张三"),
        ("通讯员 李四 王五", "李四 王五"),
        ("文/图 刘一 王二", "刘一 王二"),
        ("记者陈晨 整合", "陈晨"),
        ("记者 张三 北京报道", "张三"),
        ("新京报记者 赵六", "赵六"),
        ("采写：南都见习记者 林七", "林七"),
        ("《观察》作者 周八", "周八"),
        ("文/示范网专栏作者 王九", "王九"),
        ("记者王五、赵六", "王五、赵六"),
        ("文｜李四", "李四"),
        ("本报记者 王五 摄影 赵六", "王五"),
        ("记者 欧阳明月", "欧阳明月"),
        ("记者 阿依古丽·买买提", "阿依古丽·买买提"),
        ("□本报记者 王五", "王五"),
        ("文丨李四", "李四"),
        ("文 / 李四", "李四"),
        ("文字：赵一 摄影：钱二", "赵一"),
        ("图文 孙三", "孙三"),
    ],
)
def test_credit_names_the_writers(credit: str, authors: str) -> None:
    assert credit_authors(credit) == authors


@pytest.mark.parametrize(
    "text",
    [
        "记者了解到",  # a sentence about a reporter, not a credit
        "中新社记者 贾天勇 摄",  # a photographer
        "刘通摄",
        "编辑 刘晓阳 校对 李铭",  # editors are never authors
        "作者系示范大学教授",
        "作者单位 示范大学",
        "作者最近文章",
        "张三 李四",  # names without a role are not a credit
        "记者从市教育局获悉，今年秋季学期新增学位三千个",
    ],
)
def test_what_is_not_a_writer_credit(text: str) -> None:
    assert credit_authors(text) is None


def test_byline_places() -> None:
    body = ["第一段正文内容，介绍活动情况。", "第二段正文内容。（记者 张三）"]
    assert find_byline([], body, []) == "张三"
    assert find_byline(["周敏/示范日报"], ["正文。"], []) == "周敏"
    assert find_byline([], ["新华社北京5月1日电（记者 王五）正文开始。"], []) == "王五"
    assert find_byline([], ["正文。"], ["示范晚报记者 郑雪"]) == "郑雪"
    assert find_byline(["2024-03-08 示范日报"], ["正文内容很长。（资料来源：示范网）"], []) is None


@pytest.mark.parametrize(
    ("name", "author", "editor", "source", "published"),
    [
        ("end_bracket.html", "陈晓雨 周立", None, None, "2024-03-08T10:20"),
        ("correspondents_only.html", "李文静 王一帆", None, None, "2024-03-08"),
        ("spaced_labels.html", "赵明", "孙晴", "示范日报", "2024-03-08"),
        ("label_alone.html", "林海", None, "示范晚报", "2024-03-08T09:00"),
        ("name_outlet.html", "周敏", None, None, "2024-03-08T07:45"),
        ("credit_line.html", "郑雪", "冯涛", "示范晚报", "2024-03-08T11:02"),
        ("source_then_reporter.html", "蒋华", None, "示范日报", "2024-03-08"),
        ("contributor_label.html", "孔亮", None, "示范日报", "2024-03-08"),
        ("photographer_only.html", None, "杨柳", None, "2024-03-08"),
        ("meta_author.html", "许诺", None, None, "2024-03-08"),
        ("meta_author_site.html", None, None, None, "2024-03-08"),
        ("reporter_verb.html", None, None, None, "2024-03-08"),
        ("author_box.html", "邱明远", None, None, "2024-03-08"),
        ("author_box_column.html", None, None, None, "2024-03-08"),  # a column, not a person
    ],
)
def test_credit_layouts(
    name: str, author: str | None, editor: str | None, source: str | None, published: str
) -> None:
    article = extract_article((DATA / name).read_bytes(), f"https://news.example.cn/xw/{name}")
    assert (article.author, article.editor, article.source, article.published) == (
        author,
        editor,
        source,
        published,
    )
    assert article.title == "示范区社区食堂覆盖所有街道"
    assert article.paragraphs[0].startswith(("示范区今年", "记者了解到", "（通讯员"))
