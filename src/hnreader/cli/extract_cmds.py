"""``hnreader extract|list|tree``: run the extraction engine on files or URLs."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hnreader.cli.cache_cmd import load_settings
from hnreader.fetch import FetchError
from hnreader.models import Article, ArticleList, Page, SiteTree

if TYPE_CHECKING:
    from hnreader.config import Config

T = TypeVar("T", Article, ArticleList, SiteTree)


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the sources and ``--json``."""
    if name == "tree":
        parser.add_argument("source", help="a local file or an http(s) URL")
        parser.add_argument("--json", action="store_true", help="print JSON")
    else:
        parser.add_argument(
            "sources", nargs="+", metavar="SOURCE", help="local files or http(s) URLs"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object per line")


def run(options: argparse.Namespace, name: str) -> int:
    """Extract every source in order; 1 when any failed, 2 on a configuration mistake.

    URLs are fetched with the configured network settings and per-site rate limits.
    """
    config = load_settings()
    if config is None:
        return 2
    if name == "tree":
        return _extract_command(
            [options.source], options.json, _extractor("tree"), _render_tree, config
        )
    render: Callable[[Any], str] = _render_article if name == "extract" else _render_list
    return _extract_command(options.sources, options.json, _extractor(name), render, config)


def _extractor(name: str) -> Callable[[bytes, str, str | None], Any]:
    from hnreader.extract import api

    extractors: dict[str, Callable[[bytes, str, str | None], Any]] = {
        "extract": api.extract_article,
        "list": api.extract_list,
        "tree": api.extract_tree,
    }
    return extractors[name]


async def _load_all(sources: list[str], config: Config) -> list[Page | Exception]:
    from hnreader.catalogue import all_sites
    from hnreader.fetch import Fetcher

    async with Fetcher(config.network, sites=all_sites(config)) as fetcher:

        async def load(source: str) -> Page:
            if "://" in source and not source.startswith("file://"):
                return await fetcher.fetch(source)
            path = Path(source.removeprefix("file://"))
            return Page(
                url=path.resolve().as_uri(), content=await asyncio.to_thread(path.read_bytes)
            )

        jobs: list[Awaitable[Page]] = [load(source) for source in sources]
        return list(await asyncio.gather(*jobs, return_exceptions=True))  # type: ignore[arg-type]


def _extract_command(
    sources: list[str],
    as_json: bool,
    extract: Callable[[bytes, str, str | None], T],
    render: Callable[[T], str],
    config: Config,
) -> int:
    failed = 0
    for source, loaded in zip(sources, asyncio.run(_load_all(sources, config)), strict=True):
        try:
            if isinstance(loaded, Exception):
                raise loaded
            result = extract(loaded.content, loaded.url, loaded.content_type)
        except (OSError, ValueError, FetchError) as exc:
            failed += 1
            message = str(exc) or type(exc).__name__
            if as_json:
                print(json.dumps({"url": source, "error": message}, ensure_ascii=False))
            else:
                print(f"hnreader: {source}: {message}", file=sys.stderr)
            continue
        if as_json:
            print(json.dumps(result.to_dict(), ensure_ascii=False))
        else:
            print(render(result))
    return 1 if failed else 0


def _render_article(article: Article) -> str:
    lines = [article.title or "(no title)"]
    meta = [
        f"{label}: {value}"
        for label, value in (
            ("来源", article.source),
            ("时间", article.published),
            ("作者", article.author),
            ("责编", article.editor),
        )
        if value
    ]
    if meta:
        lines.append("  ".join(meta))
    lines.append("")
    for block in article.blocks:
        if block.kind == "image" and block.image is not None:
            lines.append(f"[图片: {block.image.caption or block.image.alt or block.image.src}]")
        elif block.kind == "table":
            lines.extend(" | ".join(row) for row in block.rows)
        else:
            lines.append(block.text)
    lines.extend(f"附件: {a.name} <{a.url}>" for a in article.attachments)
    return "\n".join(lines) + "\n"


def _render_list(listing: ArticleList) -> str:
    lines = [f"{listing.section or listing.url}"]
    lines.extend(f"{item.date or '':<10}  {item.title}  <{item.url}>" for item in listing.items)
    if listing.next:
        lines.append(f"next: {listing.next}")
    return "\n".join(lines) + "\n"


def _render_tree(tree: SiteTree) -> str:
    lines = [tree.site]

    def walk(sections: Sequence[Any], depth: int) -> None:
        for section in sections:
            lines.append(f"{'  ' * depth}{section.name}  <{section.url or ''}>")
            walk(section.children, depth + 1)

    walk(tree.sections, 1)
    return "\n".join(lines) + "\n"
