"""Synthetic sites for the benchmarks: articles, list pages and a section tree at any scale.

Deterministic for a given seed and size. Sections are the demo flagship's nav tree
(:func:`hnreader.demo.flagship_content.build_sections`); articles are composed from
:mod:`phrases`. :func:`site_models` gives the :mod:`hnreader.models` objects (for filling a
store directly); :func:`demo_site` gives the demo edition's model of the same site, so the
demo's own page templates can serve it over HTTP (see ``synth_server.py``).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urljoin

import phrases
from hnreader.demo.flagship_content import SITE_NAME, build_sections
from hnreader.demo.model import DemoArticle, DemoBlock, DemoListPage, DemoSection, DemoSite
from hnreader.models import Article, ArticleList, Block, ListItem, SiteTree

PAGE_SIZE = 20
PAGER_WINDOW = 5  # list pages announce their neighbours, the first and the last
NEWEST = datetime(2025, 2, 27, 18, 0, 0)


class Composer:
    """Composes titles and paragraphs from the phrase lists, reproducibly."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def _pick(self, options: tuple[str, ...]) -> str:
        return options[self.rng.randrange(len(options))]

    def _fill(self, pattern: str) -> str:
        result = self._pick(phrases.RESULTS).replace("{n}", str(self.rng.randint(12, 9800)))
        return pattern.format(
            place=self._pick(phrases.PLACES),
            time=self._pick(phrases.TIMES),
            actor=self._pick(phrases.ACTORS),
            action=self._pick(phrases.ACTIONS),
            object=self._pick(phrases.OBJECTS),
            result=result,
        )

    def sentence(self) -> str:
        """One sentence of a work report."""
        return self._fill("{place}{actor}{time}{action}{object}，{result}。")

    def paragraph(self, sentences: int) -> str:
        """A paragraph of ``sentences`` sentences, sometimes ending with a closing remark."""
        text = "".join(self.sentence() for _ in range(sentences))
        if self.rng.random() < 0.2:
            text += self._pick(phrases.CLOSERS)
        return text

    def title(self) -> str:
        """An article title."""
        return self._fill(self._pick(phrases.TITLE_PATTERNS))

    def blocks(self, min_chars: int, max_chars: int) -> tuple[DemoBlock, ...]:
        """Paragraphs (and now and then a heading) totalling ``min_chars``-``max_chars``."""
        target = self.rng.randint(min_chars, max_chars)
        blocks: list[DemoBlock] = []
        size = 0
        headings = iter(phrases.HEADINGS)
        while size < target:
            if blocks and self.rng.random() < 0.08 and (heading := next(headings, None)):
                blocks.append(DemoBlock("heading", heading))
            text = self.paragraph(self.rng.randint(2, 5))
            blocks.append(DemoBlock("paragraph", text))
            size += len(text)
        return tuple(blocks)

    def source(self) -> str:
        """A name for the 来源 line."""
        return self._pick(phrases.SOURCES)

    def person(self) -> str:
        """A name for the author or editor line."""
        return self._pick(phrases.PEOPLE)


@dataclass(frozen=True, slots=True)
class Leaf:
    """A section that holds articles, with the breadcrumb its articles show."""

    key: str
    column: str
    crumbs: tuple[str, ...]


def _leaves(sections: tuple[DemoSection, ...]) -> list[Leaf]:
    found = []
    for top in sections:
        if not top.children:
            found.append(Leaf(top.key, top.path.split("/")[2], (SITE_NAME, top.name, "详情")))
        for child in top.children:
            crumbs = (SITE_NAME, top.name, child.name, "详情")
            found.append(Leaf(child.key, child.path.split("/")[2], crumbs))
    return found


def articles(
    count: int, seed: int = 1, min_chars: int = 300, max_chars: int = 1800
) -> list[DemoArticle]:
    """``count`` articles, newest first, spread over the leaf sections, 37 minutes apart."""
    composer = Composer(seed)
    leaves = _leaves(build_sections())
    found = []
    for number in range(count):
        leaf = leaves[composer.rng.randrange(len(leaves))]
        article_id = 20_000_000 + count - number
        path = f"/content/646/{leaf.column}/{article_id}.html"
        when = NEWEST - timedelta(minutes=37 * number)
        found.append(
            DemoArticle(
                site="flagship",
                id=article_id,
                path=path,
                section=leaf.key,
                title=composer.title(),
                source=composer.source(),
                published=when.isoformat(timespec="seconds"),
                author=composer.person(),
                editor=composer.person(),
                breadcrumb=leaf.crumbs,
                blocks=composer.blocks(min_chars, max_chars),
                pages=(path,),
            )
        )
    return found


def _page_name(number: int) -> str:
    return "index.html" if number == 0 else f"index_{number + 1}.html"


def list_pages(
    sections: tuple[DemoSection, ...], found: list[DemoArticle]
) -> Iterator[DemoListPage]:
    """Every page of every section's list (a parent lists its children's articles too).

    Each page announces a window of page links, as CMS pagers do, not all of them.
    """
    for top in sections:
        for section in top.walk():
            keys = {s.key for s in section.walk()}
            items = [a for a in found if a.section in keys]
            chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
            folder = section.path.rsplit("/", 1)[0] + "/"
            last = len(chunks) - 1
            for number, chunk in enumerate(chunks):
                shown = sorted(
                    {0, last, *range(max(0, number - PAGER_WINDOW), min(last, number + 5) + 1)}
                )
                pages = tuple(folder + _page_name(n) for n in shown)
                following = folder + _page_name(number + 1) if number < last else None
                path = folder + _page_name(number)
                yield DemoListPage(path, section.name, tuple(chunk), pages, following)


def demo_site(count: int, seed: int = 1) -> DemoSite:
    """The demo edition's model of a flagship-shaped site with ``count`` articles."""
    sections = build_sections()
    found = articles(count, seed)
    return DemoSite(
        "flagship", SITE_NAME, "/", sections, tuple(found), tuple(list_pages(sections, found))
    )


def to_article(article: DemoArticle, base_url: str) -> Article:
    """The model article (as extraction would give it) of a synthetic one."""
    return Article(
        url=urljoin(base_url, article.path),
        title=article.title,
        source=article.source,
        published=article.published,
        author=article.author,
        editor=article.editor,
        breadcrumb=article.breadcrumb,
        blocks=tuple(Block(b.kind, text=b.text) for b in article.blocks),
        encoding="utf-8",
    )


def to_list(page: DemoListPage, base_url: str) -> ArticleList:
    """The model list page of a synthetic one."""
    return ArticleList(
        url=urljoin(base_url, page.path),
        section=page.section,
        items=tuple(ListItem(a.title, urljoin(base_url, a.path), a.date) for a in page.items),
        pages=tuple(urljoin(base_url, p) for p in page.pages),
        next=urljoin(base_url, page.next) if page.next else None,
    )


def to_tree(base_url: str) -> SiteTree:
    """The section tree of the synthetic site."""
    sections = build_sections()
    return SiteTree(SITE_NAME, base_url, tuple(s.expected(base_url) for s in sections))
