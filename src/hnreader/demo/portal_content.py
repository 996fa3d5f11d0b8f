"""The second demo site, a provincial-government portal on a TRS CMS: sections and articles.

It lives under ``/portal/``. URL shapes: list pages ``<column>/index.html``, ``index_1.html`` …
(TRS counts the second page as 1); articles ``<column>/YYYYMM/tYYYYMMDD_<id>.html``, uploads
beside them (``P<date><id><n>.pdf``, ``W<date><id><n>.png``). The province is invented
(潇湘省) so that no real government's documents are imitated.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hnreader.demo import phrases
from hnreader.demo.filler import Filler
from hnreader.demo.model import DemoArticle, DemoAttachment, DemoBlock, DemoSection

PREFIX = "/portal/"
SITE_NAME = f"{phrases.PORTAL_NAME}人民政府门户网站"

# (key, name, article count, children); keys double as URL folders, as on TRS sites.
_TREE: tuple[tuple[str, str, int, tuple[tuple[str, str, int], ...]], ...] = (
    ("zwdt", "政务动态", 0, (("zwyw", "政务要闻", 24), ("bmdt", "部门动态", 8),
                            ("sxdt", "市县动态", 8))),
    ("zcwj", "政策文件", 0, (("szfwj", "省政府文件", 5), ("bgtwj", "省政府办公厅文件", 5),
                            ("zcjd", "政策解读", 5))),
    ("gsgg", "公示公告", 6, ()),
)  # fmt: skip

FIRST_DAY = datetime(2023, 4, 1)
LAST_DAY = datetime(2025, 2, 26)
_POLICY_SECTIONS = frozenset({"szfwj", "bgtwj"})
_THEMES = ("综合政务\\其他", "民政、扶贫、救灾\\社会组织", "劳动、人事、监察\\其他")


def folder(*keys: str) -> str:
    """The folder of a column: ``/portal/<top>/<leaf>/``."""
    return PREFIX + "".join(f"{key}/" for key in keys)


def build_sections() -> tuple[DemoSection, ...]:
    """The portal's two-level nav tree."""
    return tuple(
        DemoSection(
            key,
            name,
            folder(key) + "index.html",
            tuple(DemoSection(k, n, folder(key, k) + "index.html") for k, n, _ in children),
        )
        for key, name, _, children in _TREE
    )


def build_articles(filler: Filler) -> list[DemoArticle]:
    """Every portal article, newest first."""
    leaves: list[tuple[str, str, int, tuple[str, ...]]] = []
    for key, name, count, children in _TREE:
        if not children:
            leaves.append((key, folder(key), count, ("首页", name)))
        for child_key, child_name, child_count in children:
            leaves.append(
                (child_key, folder(key, child_key), child_count, ("首页", name, child_name))
            )
    slots = [leaf for leaf in leaves for _ in range(leaf[2])]
    filler.rng.shuffle(slots)
    times = filler.timestamps(len(slots), FIRST_DAY, LAST_DAY)
    seen: dict[str, int] = {}
    articles = []
    next_id = 3018800
    for (key, base, _, crumbs), when in zip(slots, times, strict=True):
        position = seen.get(key, 0)
        seen[key] = position + 1
        next_id += filler.rng.randint(30, 400)
        articles.append(_article(filler, key, base, crumbs, position, next_id, when))
    articles.reverse()
    return articles


def _article(
    filler: Filler,
    key: str,
    base: str,
    crumbs: tuple[str, ...],
    position: int,
    article_id: int,
    when: datetime,
) -> DemoArticle:
    """One TRS article; policy columns get the 索引号 … field table."""
    flags: set[str] = set(_FLAGS.get((key, position), ()))
    folder_path = f"{base}{when:%Y%m}/"
    stem = f"{when:%Y%m%d}{article_id}"
    policy = key in _POLICY_SECTIONS
    fields: tuple[tuple[str, str], ...] = ()
    if policy:
        flags.add("policy")
        office = key == "bgtwj"
        title = filler.unique_title(
            tuple(t for t in phrases.POLICY_TITLES if ("办公厅" in t) == office)
        )
        texts = [filler.fill(t) for t in phrases.POLICY_BODY]
        issuer = f"{phrases.PORTAL_NAME}人民政府" + ("办公厅" if office else "")
        written = when - timedelta(days=filler.rng.randint(2, 9))
        number = "潇政办发" if office else "潇政发"
        fields = (
            ("索引号", f"000014349/{when.year}-{article_id % 100000:05d}"),
            ("主题分类", filler.rng.choice(_THEMES)),
            ("发布机构", issuer),
            ("成文日期", f"{written:%Y年%m月%d日}"),
            ("发文字号", f"{number}〔{when.year}〕{filler.rng.randint(1, 60)}号"),
            ("有效性", "有效"),
        )
        source = issuer
    else:
        title = filler.unique_title(phrases.TITLE_PATTERNS)
        texts = filler.paragraphs(filler.rng.randint(3, 7))
        source = filler.fill(filler.rng.choice(phrases.PORTAL_SOURCES))
    blocks = [DemoBlock("paragraph", text) for text in texts]
    if "images" in flags:
        caption = filler.rng.choice(phrases.CAPTIONS)
        blocks.insert(
            1, DemoBlock("image", image_path=f"{folder_path}W{stem}1.png", caption=caption)
        )
    attachments: tuple[DemoAttachment, ...] = ()
    if "attachments" in flags:
        attachments = (DemoAttachment(f"{title}.pdf", f"{folder_path}P{stem}1.pdf", "pdf"),)
    path = f"{folder_path}t{when:%Y%m%d}_{article_id}.html"
    return DemoArticle(
        site="portal",
        id=article_id,
        path=path,
        section=key,
        title=title,
        source=source,
        published=when.isoformat(),
        author=filler.person(),
        editor=filler.person(),
        breadcrumb=crumbs,
        blocks=tuple(blocks),
        attachments=attachments,
        fields=fields,
        flags=frozenset(flags),
        pages=(path,),
        spam=tuple(filler.rng.sample(phrases.SPAM_PHRASES, 3)) if "hacked" in flags else (),
    )


# (section key, rank by age) -> the flags of that article.
_FLAGS: dict[tuple[str, int], tuple[str, ...]] = {
    ("zwyw", 1): ("images",),
    ("zwyw", 2): ("images",),
    ("zwyw", 3): ("hacked",),
    ("szfwj", 0): ("attachments",),
    ("bgtwj", 1): ("attachments",),
    ("gsgg", 0): ("meta-charset",),
    ("gsgg", 1): ("meta-charset",),
}
