"""The ``hnreader`` command: open the reader, or run one of the subcommands."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from hnreader import __version__
from hnreader.fetch import FetchError
from hnreader.models import Article, ArticleList, Page, SiteTree

T = TypeVar("T", Article, ArticleList, SiteTree)

SUBCOMMANDS = {
    "demo-server": "serve the bundled demo edition over HTTP",
    "extract": "extract articles from files or URLs",
    "list": "extract article lists from list pages",
    "tree": "extract a site's section tree from its home page",
}


def _reader_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hnreader",
        description="A terminal reader for 湖南社会工作 and sites built like it, offline first.",
        epilog="subcommands:\n"
        + "\n".join(f"  {name:<12} {text}" for name, text in SUBCOMMANDS.items())
        + "\n\nRun 'hnreader SUBCOMMAND --help' for a subcommand's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("url", nargs="?", help="a site's home page address to open")
    parser.add_argument(
        "--demo", action="store_true", help="open the bundled demo edition (served locally)"
    )
    parser.add_argument("--version", action="version", version=f"hnreader {__version__}")
    return parser


def _subcommand_parser(name: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"hnreader {name}", description=SUBCOMMANDS[name])
    if name == "demo-server":
        parser.add_argument(
            "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
        )
        parser.add_argument(
            "--port", type=int, default=8000, help="port (default: %(default)s; 0 picks one)"
        )
    elif name == "tree":
        parser.add_argument("source", help="a local file or an http(s) URL")
        parser.add_argument("--json", action="store_true", help="print JSON")
    else:
        parser.add_argument(
            "sources", nargs="+", metavar="SOURCE", help="local files or http(s) URLs"
        )
        parser.add_argument("--json", action="store_true", help="print one JSON object per line")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in SUBCOMMANDS:
        name = args[0]
        options = _subcommand_parser(name).parse_args(args[1:])
        if name == "demo-server":
            return _serve_demo(options.host, options.port)
        if name == "tree":
            return _extract_command(
                [options.source], options.json, _extractor("tree"), _render_tree
            )
        renderer = _render_article if name == "extract" else _render_list
        return _extract_command(options.sources, options.json, _extractor(name), renderer)
    options = _reader_parser().parse_args(args)
    if not options.demo and not options.url:
        _reader_parser().print_help()
        return 2
    return _run_reader(options.url, demo=options.demo)


def _run_reader(url: str | None, *, demo: bool) -> int:
    from hnreader.app import HnReaderApp  # Textual is imported only when the TUI opens

    if demo:
        from hnreader.demo.server import DemoServer

        with DemoServer(port=0) as server:
            HnReaderApp(server.sites[0][1]).run()
        return 0
    assert url is not None
    HnReaderApp(_normalise_url(url)).run()
    return 0


def _normalise_url(url: str) -> str:
    return url if "://" in url else f"http://{url}"


def _serve_demo(host: str, port: int) -> int:
    from hnreader.demo.server import DemoServer

    server = DemoServer(host=host, port=port)
    server.start()
    for name, url in server.sites:
        print(f"{name}: {url}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()
    return 0


def _extractor(name: str) -> Callable[[bytes, str, str | None], Any]:
    from hnreader.extract import api

    extractors: dict[str, Callable[[bytes, str, str | None], Any]] = {
        "extract": api.extract_article,
        "list": api.extract_list,
        "tree": api.extract_tree,
    }
    return extractors[name]


async def _load_all(sources: list[str]) -> list[Page | Exception]:
    from hnreader.fetch import Fetcher

    async with Fetcher() as fetcher:

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
) -> int:
    failed = 0
    for source, loaded in zip(sources, asyncio.run(_load_all(sources)), strict=True):
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
