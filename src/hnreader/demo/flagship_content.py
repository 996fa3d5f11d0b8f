"""The flagship demo site, 湖南社会工作 on a 红网-style CMS: its sections and articles.

URL shapes: list pages ``/column/<column>/index.html``, ``index_2.html`` …; articles
``/content/646/<column>/<id>.html`` (646 is the site's channel); uploads under
``/uploadfiles/<yyyymm>/``. The special pages (GBK, ruby, hacked, long, multipage …) are fixed
positions in their sections, so the same articles carry the same flags on every run.
"""

from __future__ import annotations

from datetime import datetime

from hnreader.demo import phrases
from hnreader.demo.filler import Filler
from hnreader.demo.model import DemoArticle, DemoAttachment, DemoBlock, DemoSection
from hnreader.demo.traditional import RUBY_ARTICLES, to_traditional

SITE_NAME = "湖南社会工作"
CHANNEL = 646

# (key, name, column id, article count, children); a top section with children lists theirs.
_TREE: tuple[tuple[str, str, int, int, tuple[tuple[str, str, int, int], ...]], ...] = (
    ("xwzx", "新闻中心", 11, 0, (
        ("gzdt", "工作动态", 58, 28), ("tzgg", "通知公告", 59, 12),
        ("szdt", "市州动态", 60, 22), ("mtjj", "媒体聚焦", 61, 10),
    )),
    ("djyl", "党建引领", 12, 0, (("lxdj", "两新党建", 62, 8), ("jczl", "基层治理", 63, 8))),
    ("zyfw", "志愿服务", 13, 0, (("zyzfc", "志愿者风采", 64, 8), ("zyxm", "志愿服务项目", 65, 6))),
    ("rmxf", "人民信访", 14, 0, (("xfdt", "信访动态", 66, 8), ("rmjy", "人民建议征集", 67, 6))),
    ("shzz", "社会组织", 15, 0, (("hyxh", "行业协会", 68, 5), ("sgrc", "社工人才", 69, 5))),
    ("zcfg", "政策法规", 16, 0, (("zywj", "中央文件", 70, 4), ("sjwj", "省级文件", 71, 5))),
    ("ztzl", "专题专栏", 17, 0, (
        ("xxgc", "学习贯彻中央社会工作会议精神", 72, 5), ("lfjx", "雷锋家乡学雷锋", 73, 5),
    )),
    ("llyj", "理论研究", 18, 5, ()),
)  # fmt: skip

LONG_ARTICLE_CHARS = 15500
FIRST_DAY = datetime(2023, 3, 1)
LAST_DAY = datetime(2025, 2, 27)

_GBK_TEXT = "{name}介绍，今年以来共收集并转办群众意见建议{count}条，群众满意度持续提升。"
_NEWSPAPERS = ("中国社区报", "湖南日报", "中国社会报", "长沙晚报")


def column_path(column: int) -> str:
    """The first list page of a column."""
    return f"/column/{column}/index.html"


def build_sections() -> tuple[DemoSection, ...]:
    """The flagship's two-level nav tree."""
    return tuple(
        DemoSection(
            key,
            name,
            column_path(column),
            tuple(DemoSection(k, n, column_path(c)) for k, n, c, _ in children),
        )
        for key, name, column, _, children in _TREE
    )


def _leaves() -> list[tuple[str, int, int, tuple[str, ...]]]:
    """(key, column, article count, breadcrumb) of every section that holds articles."""
    found: list[tuple[str, int, int, tuple[str, ...]]] = []
    for key, name, column, count, children in _TREE:
        if not children:
            found.append((key, column, count, (SITE_NAME, name, "详情")))
        for child_key, child_name, child_column, child_count in children:
            found.append(
                (child_key, child_column, child_count, (SITE_NAME, name, child_name, "详情"))
            )
    return found


def build_articles(filler: Filler) -> list[DemoArticle]:
    """Every flagship article, newest first."""
    leaves = _leaves()
    slots = [leaf for leaf in leaves for _ in range(leaf[2])]
    filler.rng.shuffle(slots)
    times = filler.timestamps(len(slots), FIRST_DAY, LAST_DAY)
    seen: dict[str, int] = {}
    articles = []
    next_id = 14380017
    for (key, column, _, crumbs), when in zip(slots, times, strict=True):
        position = seen.get(key, 0)
        seen[key] = position + 1
        next_id += filler.rng.randint(40, 900)
        articles.append(_article(filler, key, column, crumbs, position, next_id, when))
    articles.reverse()
    return articles


def _article(
    filler: Filler,
    key: str,
    column: int,
    crumbs: tuple[str, ...],
    position: int,
    article_id: int,
    when: datetime,
) -> DemoArticle:
    """One article; ``position`` (its rank by age in its section) decides its special flags."""
    flags = set(_FLAGS.get((key, position), ()))
    notice = key == "tzgg"
    title = filler.unique_title(phrases.NOTICE_PATTERNS if notice else phrases.TITLE_PATTERNS)
    texts = (
        [filler.fill(t) for t in phrases.NOTICE_BODY]
        if notice
        else filler.paragraphs(filler.rng.randint(4, 8))
    )
    source = (
        f"《{filler.rng.choice(_NEWSPAPERS)}》{when.month}月{when.day}日"
        f"{filler.rng.choice(('头版', '第2版', '第3版'))}"
        if key == "mtjj"
        else filler.rng.choice(phrases.SOURCES)
    )
    author, editor = filler.person(), filler.person()
    blocks: list[DemoBlock] = []
    ymonth = when.strftime("%Y%m")
    path = f"/content/{CHANNEL}/{column}/{article_id}.html"
    if "gbk" in flags:
        author = filler.rng.choice(phrases.GBK_PEOPLE)
        texts.insert(1, filler.fill(_GBK_TEXT.replace("{name}", author)))
    if "ruby" in flags:
        title, ruby_texts = RUBY_ARTICLES[_RUBY_ORDER.index(position)]
        title, texts = to_traditional(title), [to_traditional(t) for t in ruby_texts]
        crumbs = tuple(to_traditional(c) for c in crumbs)
        source, author, editor = to_traditional(SITE_NAME), "李文博", "陈立峰"
    if "long" in flags:
        title, blocks = "全省社会工作高质量发展调研报告（全文）", _long_blocks(filler)
    else:
        blocks = [DemoBlock("paragraph", text) for text in texts]
    if "images" in flags:
        for number in range(filler.rng.randint(1, 2), 0, -1):
            caption = filler.rng.choice(phrases.CAPTIONS)
            image = f"/uploadfiles/{ymonth}/{article_id}_{number}.png"
            blocks.insert(
                number, DemoBlock("image", image_path=image, alt=caption, caption=caption)
            )
    if "table" in flags:
        blocks.insert(1, DemoBlock("table", rows=_table_rows(filler)))
    attachments: tuple[DemoAttachment, ...] = ()
    if "attachments" in flags:
        attachments = (
            DemoAttachment(f"{title}.pdf", f"/uploadfiles/{ymonth}/{article_id}_fj1.pdf", "pdf"),
            DemoAttachment(
                "报名回执表.docx", f"/uploadfiles/{ymonth}/{article_id}_fj2.docx", "docx"
            ),
        )[: 1 + position % 2]
    pages: tuple[str, ...] = (path,)
    if "multipage" in flags:
        stem = path.removesuffix(".html")
        pages = (path, f"{stem}_2.html", f"{stem}_3.html")
        blocks = [DemoBlock("paragraph", t) for t in filler.paragraphs(12)]
    mislabelled = "mislabelled" in flags
    return DemoArticle(
        site="flagship",
        id=article_id,
        path=path,
        section=key,
        title=title,
        source=source,
        published=when.isoformat(),
        author=author,
        editor=editor,
        breadcrumb=crumbs,
        blocks=tuple(blocks),
        attachments=attachments,
        encoding="gbk" if "gbk" in flags else "utf-8",
        declared_charset="gb2312" if mislabelled else ("gbk" if "gbk" in flags else "utf-8"),
        flags=frozenset(flags),
        pages=pages,
        spam=_spam(filler) if "hacked" in flags else (),
    )


def _long_blocks(filler: Filler) -> list[DemoBlock]:
    """Headed chapters of filler, at least 15,000 characters in all."""
    numerals = "一二三四五六七八九十"
    blocks: list[DemoBlock] = []
    length = 0
    for index, topic in enumerate(phrases.TOPICS[:10]):
        blocks.append(DemoBlock("heading", f"{numerals[index]}、关于{topic}"))
        for text in filler.paragraphs(16, topic):
            blocks.append(DemoBlock("paragraph", text))
            length += len(text)
        if length >= LONG_ARTICLE_CHARS:
            return blocks
    raise RuntimeError(f"the long article has only {length} characters")


def _table_rows(filler: Filler) -> tuple[tuple[str, ...], ...]:
    """A data table: one row per city with invented figures."""
    rows = [("市州", "注册志愿者（万人）", "志愿服务组织（个）", "服务时长（万小时）")]
    for city in phrases.CITIES:
        rows.append(
            (
                city,
                f"{filler.rng.randint(300, 2400) / 10:.1f}",
                str(filler.rng.randint(1200, 9800)),
                f"{filler.rng.randint(500, 9000) / 10:.1f}",
            )
        )
    return tuple(rows)


def _spam(filler: Filler) -> tuple[str, ...]:
    """The spam phrases injected into one hacked page."""
    return tuple(filler.rng.sample(phrases.SPAM_PHRASES, 4))


# The ranks of the ruby articles in 工作动态, in the order of RUBY_ARTICLES.
_RUBY_ORDER = (1, 2, 7)

# (section key, rank by age, 0 = oldest) -> the flags of that article. Frozen: moving a flag
# changes the random draws and so the text of later articles (and the UI snapshot tests).
_FLAGS: dict[tuple[str, int], tuple[str, ...]] = {
    ("gzdt", 0): ("multipage",),
    ("gzdt", 1): ("ruby",),
    ("gzdt", 2): ("ruby",),
    ("gzdt", 3): ("hacked",),
    ("gzdt", 4): ("images",),
    ("gzdt", 5): ("images",),
    ("gzdt", 6): ("images", "meta-charset"),
    ("gzdt", 7): ("ruby",),
    ("gzdt", 8): ("hacked",),
    ("tzgg", 0): ("attachments",),
    ("tzgg", 1): ("attachments",),
    ("tzgg", 2): ("attachments",),
    ("tzgg", 3): ("attachments",),
    ("szdt", 0): ("gbk",),
    ("szdt", 1): ("gbk",),
    ("szdt", 2): ("gbk", "meta-charset"),
    ("szdt", 3): ("gbk", "mislabelled"),
    ("szdt", 4): ("gbk", "meta-charset"),
    ("szdt", 5): ("table",),
    ("szdt", 6): ("meta-charset",),
    ("szdt", 7): ("hacked",),
    ("mtjj", 0): ("table",),
    ("xfdt", 0): ("gbk",),
    ("xfdt", 1): ("gbk",),
    ("zyzfc", 0): ("images",),
    ("zyzfc", 1): ("images",),
    ("zyzfc", 2): ("images",),
    ("xxgc", 0): ("long",),
    ("sjwj", 0): ("attachments",),
}
