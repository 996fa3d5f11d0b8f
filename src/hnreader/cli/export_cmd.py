"""``hnreader export URL|--section PATH --format md|html|epub -o FILE``: from the library only."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hnreader.cli.config_cmd import load_cli_config


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare what to export, the format and the output file."""
    parser.add_argument("url", nargs="?", help="a stored article's address")
    parser.add_argument(
        "--section", metavar="PATH", help="a stored section, e.g. 新闻中心/工作动态"
    )
    parser.add_argument("--site", help="the site of --section, when several stored sites have it")
    parser.add_argument("--since", metavar="DATE", help="only articles published since DATE")
    parser.add_argument(
        "--format", choices=("md", "html", "epub"), help="default: from the -o file's suffix"
    )
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="file to write")
    parser.add_argument("--data-dir", help="the library to read (default: the usual one)")


def run(options: argparse.Namespace, name: str) -> int:
    """Export; 0 on success, 1 when it failed, 2 for wrong options or configuration."""
    from hnreader import export
    from hnreader.config_file import resolve_data_dir
    from hnreader.store import Store, StoreError

    if bool(options.url) == bool(options.section):
        return _fail("give either an article address or --section PATH", 2)
    output = Path(options.output)
    fmt = options.format or export.format_for(output)
    if fmt is None:
        return _fail("give --format md, html or epub (the -o suffix does not say)", 2)
    config = load_cli_config()
    if config is None:
        return 2
    try:
        with Store.open(resolve_data_dir(options.data_dir, config)) as store:
            if options.url:
                selection = export.single_article(store, options.url)
            else:
                selection = export.section_articles(
                    store, options.section, site=options.site, since=options.since
                )
            export.write_export(store, selection, fmt, output)
    except (export.ExportError, StoreError, OSError, ValueError) as exc:
        return _fail(str(exc), 1)
    if selection.missing:
        print(
            f"note: {len(selection.missing)} listed articles are not stored and were left out",
            file=sys.stderr,
        )
    print(f"wrote {output}")
    return 0


def _fail(message: str, status: int) -> int:
    print(f"hnreader: {message}", file=sys.stderr)
    return status
