"""``hnreader cache stats|prune|vacuum|clear|export|reparse``: look after the library.

Also home of what every library-using command shares: the ``--data-dir`` option and opening
the library with one clear line on stderr (never a traceback) when that is impossible.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from hnreader.config import Config
    from hnreader.store import PruneResult, Store

_AGE = re.compile(r"^(\d+)\s*([hdwmy])$", re.IGNORECASE)
_AGE_UNITS = {"h": 1 / 24, "d": 1, "w": 7, "m": 30, "y": 365}
_SIZE = re.compile(r"^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$", re.IGNORECASE)
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3, "t": 1024**4}


def add_data_dir(parser: argparse.ArgumentParser, *, nested: bool = False) -> None:
    """Declare ``--data-dir`` (default: $HNREADER_DATA_DIR, then the platform's data dir).

    ``nested``: on a sub-parser, whose default must not overwrite the parent's value.
    """
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS if nested else None,
        help="where the library lives (default: $HNREADER_DATA_DIR or the user data directory)",
    )


def fail(message: str) -> int:
    """Print one ``hnreader: …`` line on stderr; return exit status 1."""
    print(f"hnreader: {message}", file=sys.stderr, flush=True)
    return 1


def load_settings() -> Config | None:
    """The configuration, or None after printing why it cannot be read."""
    from hnreader.config_file import ConfigError, load_config

    try:
        return load_config()
    except ConfigError as exc:
        fail(str(exc))
        return None


def open_library(options: argparse.Namespace, config: Config | None = None) -> Store | None:
    """The library, or None after printing why it cannot be opened.

    Its directory: ``--data-dir``, else $HNREADER_DATA_DIR, else the configuration's
    ``data_dir``, else the platform's user data directory.
    """
    from hnreader.config_file import resolve_data_dir
    from hnreader.store import Store, StoreError

    if config is None:
        config = load_settings()
        if config is None:
            return None
    try:
        store = Store.open(resolve_data_dir(options.data_dir, config))
    except StoreError as exc:
        fail(str(exc))
        return None
    for notice in store.notices:
        print(f"hnreader: {notice}", file=sys.stderr, flush=True)
    return store


def parse_age(text: str) -> timedelta:
    """``30d``, ``12h``, ``2w``, ``6m``, ``1y`` as a duration."""
    match = _AGE.match(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not an age like 30d, 12h, 2w, 6m or 1y")
    return timedelta(days=int(match.group(1)) * _AGE_UNITS[match.group(2).lower()])


def parse_size(text: str) -> int:
    """``500M``, ``1.5G``, ``200k``, ``1024`` as bytes."""
    match = _SIZE.match(text.strip())
    if match is None:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size like 500M, 2G or 300k")
    return int(float(match.group(1)) * _SIZE_UNITS[match.group(2).lower()])


def human_bytes(size: float) -> str:
    """A size for people: ``1.4 MB``."""
    for unit in ("B", "kB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the cache actions and their options."""
    add_data_dir(parser)
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("stats", help="what the library holds and how big it is")
    prune = actions.add_parser("prune", help="delete old content (bookmarks and marks stay)")
    limits = prune.add_mutually_exclusive_group(required=True)
    limits.add_argument("--older-than", type=parse_age, metavar="AGE", help="e.g. 30d, 6m")
    limits.add_argument("--max-size", type=parse_size, metavar="SIZE", help="e.g. 500M, 2G")
    actions.add_parser("vacuum", help="give the room of deleted content back to the disk")
    clear = actions.add_parser("clear", help="delete everything fetched (marks stay)")
    clear.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    export = actions.add_parser("export", help="write every stored article as JSON Lines")
    export.add_argument("--output", "-o", metavar="FILE", help="file to write (default: stdout)")
    actions.add_parser("reparse", help="extract every stored page again, offline")
    for sub in actions.choices.values():
        add_data_dir(sub, nested=True)


def run(options: argparse.Namespace, name: str) -> int:
    """Run one cache action; 1 with a one-line message when the library fails."""
    from hnreader.store import StoreError

    if options.action == "clear" and not options.yes and not _confirmed(sys.stdin, sys.stderr):
        return fail("nothing was cleared (confirm with --yes)")
    store = open_library(options)
    if store is None:
        return 1
    try:
        with store:
            return _ACTIONS[options.action](store, options)
    except StoreError as exc:
        return fail(str(exc))
    except OSError as exc:
        return fail(f"cannot write {exc.filename or 'the output'}: {exc.strerror}")


def _confirmed(stdin: TextIO, stderr: TextIO) -> bool:
    if not stdin.isatty():
        return False
    stderr.write("Delete every stored page, article and image? Marks stay. [y/N] ")
    stderr.flush()
    return stdin.readline().strip().lower() in ("y", "yes")


def _stats(store: Store, options: argparse.Namespace) -> int:
    stats = store.stats()
    print(f"library     {store.path}")
    print(f"on disk     {human_bytes(stats.file_bytes)}")
    print(
        f"content     {human_bytes(stats.stored_bytes)} stored "
        f"({human_bytes(stats.original_bytes)} before compression)"
    )
    for table, count in stats.counts.items():
        print(f"{table:<11} {count}")
    if stats.oldest_fetch:
        print(f"fetched     {stats.oldest_fetch} … {stats.newest_fetch}")
    return 0


def _describe(result: PruneResult) -> str:
    return (
        f"{result.articles} articles, {result.lists} list pages, {result.pages} raw pages, "
        f"{result.assets} images/attachments, {result.blobs} stored files"
    )


def _prune(store: Store, options: argparse.Namespace) -> int:
    if options.older_than is not None:
        result = store.prune_older_than(datetime.now(UTC) - options.older_than)
    else:
        result = store.prune_to_size(options.max_size)
    print(f"Deleted {_describe(result)}. Run 'hnreader cache vacuum' to shrink the file.")
    return 0


def _vacuum(store: Store, options: argparse.Namespace) -> int:
    before = store.stats().file_bytes
    store.vacuum()
    after = store.stats().file_bytes
    print(f"Vacuumed: {human_bytes(before)} → {human_bytes(after)}")
    return 0


def _clear(store: Store, options: argparse.Namespace) -> int:
    result = store.clear()
    print(f"Deleted {_describe(result)}. Read marks, bookmarks and history were kept.")
    return 0


def _export(store: Store, options: argparse.Namespace) -> int:
    out = sys.stdout if options.output is None else open(options.output, "w", encoding="utf-8")  # noqa: SIM115
    count = 0
    try:
        for stored in store.iter_articles():
            record = {
                **stored.article.to_dict(),
                "fetched_at": stored.fetched_at,
                "read_at": stored.read_at,
                "bookmarked_at": stored.bookmarked_at,
                "opened_at": stored.opened_at,
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"Exported {count} articles.", file=sys.stderr)
    return 0


def _reparse(store: Store, options: argparse.Namespace) -> int:
    from hnreader.sync.reparse import reparse

    result = reparse(store)
    print(
        f"Re-extracted {result.trees} site trees, {result.lists} list pages and "
        f"{result.articles} articles; {len(result.failures)} failed."
    )
    for url, reason in result.failures[:20]:
        print(f"  failed: {url}: {reason}", file=sys.stderr)
    return 1 if result.failures else 0


_ACTIONS = {
    "stats": _stats,
    "prune": _prune,
    "vacuum": _vacuum,
    "clear": _clear,
    "export": _export,
    "reparse": _reparse,
}
