"""The whole demo edition as data: both sites, their list pages, redirects and the 404.

``demo_edition()`` builds it once per process (deterministically: fixed seeds, fixed dates) and
is what tests compare extraction results against::

    from hnreader.demo.content import demo_edition
    edition = demo_edition()
    flagship, portal = edition.sites
    article = edition.article("/content/646/58/14523401.html")
    article.expected(server.base_url)   # the hnreader.models.Article extraction must give
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from hnreader.demo import flagship_content, portal_content
from hnreader.demo.filler import Filler
from hnreader.demo.model import DemoArticle, DemoListPage, DemoSection, DemoSite

PAGE_SIZE = 20
# The header date bar of every page; fixed so pages never change with the calendar.
TODAY = "今天是2025年3月1日 星期六"
TODAY_ISO = "2025-03-01"


@dataclass(frozen=True, slots=True)
class DemoEdition:
    """Both demo sites (flagship first) and the paths that exist only to test error handling."""

    sites: tuple[DemoSite, ...]
    redirects: dict[str, tuple[int, str]]  # path -> (301 or 302, target path)
    missing_path: str  # linked from the flagship home page, answered with a real 404

    @property
    def articles(self) -> list[DemoArticle]:
        """Every article of every site."""
        return [article for site in self.sites for article in site.articles]

    def site(self, key: str) -> DemoSite:
        """The site with this key ("flagship" or "portal")."""
        for site in self.sites:
            if site.key == key:
                return site
        raise KeyError(f"no demo site {key!r}")

    def article(self, path: str) -> DemoArticle:
        """The article whose page (any of its pages) has this path."""
        for article in self.articles:
            if path in article.pages:
                return article
        raise KeyError(f"no demo article at {path!r}")

    def list_page(self, path: str) -> DemoListPage:
        """The list page at this path."""
        for site in self.sites:
            for page in site.list_pages:
                if page.path == path:
                    return page
        raise KeyError(f"no demo list page at {path!r}")


def _list_pages(
    sections: tuple[DemoSection, ...],
    articles: list[DemoArticle],
    page_path: PagePath,
) -> tuple[DemoListPage, ...]:
    """Every page of every section's list; a parent section lists its children's articles."""
    pages: list[DemoListPage] = []
    for top in sections:
        for section in top.walk():
            keys = {s.key for s in section.walk()}
            items = [a for a in articles if a.section in keys]
            chunks = [items[i : i + PAGE_SIZE] for i in range(0, len(items), PAGE_SIZE)] or [[]]
            folder = section.path.rsplit("/", 1)[0] + "/"
            paths = tuple(folder + page_path(n) for n in range(len(chunks)))
            for number, chunk in enumerate(chunks):
                following = paths[number + 1] if number + 1 < len(paths) else None
                pages.append(
                    DemoListPage(paths[number], section.name, tuple(chunk), paths, following)
                )
    return tuple(pages)


class PagePath:
    """Names the n-th (0-based) page of a list the way a CMS does."""

    def __init__(self, first_suffix: int) -> None:
        self.first_suffix = first_suffix  # the number in the second page's name

    def __call__(self, number: int) -> str:
        """``index.html`` for page 0, then ``index_<n>.html``."""
        if number == 0:
            return "index.html"
        return f"index_{number - 1 + self.first_suffix}.html"


@cache
def demo_edition() -> DemoEdition:
    """The demo edition, built once per process; identical on every run."""
    flagship_articles = flagship_content.build_articles(Filler(20250301))
    flagship_sections = flagship_content.build_sections()
    portal_articles = portal_content.build_articles(Filler(20240101))
    portal_sections = portal_content.build_sections()
    flagship = DemoSite(
        "flagship",
        flagship_content.SITE_NAME,
        "/",
        flagship_sections,
        tuple(flagship_articles),
        # 红网 CMS names the second page index_2.html; TRS names it index_1.html.
        _list_pages(flagship_sections, flagship_articles, PagePath(2)),
    )
    portal = DemoSite(
        "portal",
        portal_content.SITE_NAME,
        portal_content.PREFIX,
        portal_sections,
        tuple(portal_articles),
        _list_pages(portal_sections, portal_articles, PagePath(1)),
    )
    plain = [a for a in flagship_articles if not a.flags]
    redirects = {
        # An article that moved columns: permanent redirect, as a CMS re-publish leaves behind.
        f"/content/{flagship_content.CHANNEL}/57/{plain[0].id}.html": (301, plain[0].path),
        # A topic entry page that points at its lead article for now.
        "/special/leifeng/index.html": (302, plain[1].path),
    }
    return DemoEdition((flagship, portal), redirects, "/content/646/58/14379999.html")
