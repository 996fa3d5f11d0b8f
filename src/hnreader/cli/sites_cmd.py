"""``hnreader sites list|add URL [--name N]|remove N|show N``: the site catalogue."""

from __future__ import annotations

import argparse
import asyncio
import codecs
import sys
from dataclasses import replace
from urllib.parse import urlsplit

from hnreader.catalogue import (
    SiteNotFound,
    all_sites,
    find_site,
    is_builtin,
    load_user_sites,
    normalise_url,
    remove_user_site,
)
from hnreader.catalogue.discover import SiteAddError, discover_site, draft_site, store_site
from hnreader.cli.config_cmd import load_cli_config
from hnreader.config import Config, SiteConfig
from hnreader.config_file import config_path, sites_path
from hnreader.models import Page, Section, SiteTree
from hnreader.store import StoreError


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the actions and the per-site settings ``add`` accepts."""
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    actions.add_parser("list", help="list every site (built-in and yours)")
    add = actions.add_parser("add", help="discover a site's sections and add it")
    add.add_argument("url", help="the site's home page address")
    add.add_argument("--name", help="the name to use (default: the site's own title)")
    add.add_argument("--rate-limit", type=float, help="requests per second for this site")
    add.add_argument(
        "--include",
        action="append",
        default=[],
        metavar="PATH",
        help="a section path to sync (repeatable; default: all)",
    )
    add.add_argument(
        "--exclude",
        action="append",
        default=[],
        metavar="PATH",
        help="a section path never to sync (repeatable)",
    )
    add.add_argument(
        "--no-verify-tls",
        action="store_true",
        help="do not check the site's certificate (only for a broken one)",
    )
    add.add_argument("--encoding", help="force this page encoding (e.g. gb18030)")
    add.add_argument(
        "--ignore-robots", action="store_true", help="do not honour robots.txt when syncing"
    )
    add.add_argument("--data-dir", help="also keep the section tree in this library")
    remove = actions.add_parser("remove", help="remove a site you added")
    remove.add_argument("name")
    show = actions.add_parser("show", help="show a site's settings")
    show.add_argument("name")


def run(options: argparse.Namespace, name: str) -> int:
    """Run the chosen action; 0 on success, 1 when it failed, 2 for a bad configuration."""
    config = load_cli_config()
    if config is None:
        return 2
    if options.action == "list":
        return _list(config)
    if options.action == "add":
        return _add(options, config)
    if options.action == "remove":
        return _remove(options.name, config)
    return _show(options.name, config)


def _origin(site: SiteConfig) -> str:
    if any(s.name.casefold() == site.name.casefold() for s in load_user_sites(config_path())):
        return sites_path().name
    return "built-in" if is_builtin(site.name) else config_path().name


def _list(config: Config) -> int:
    for site in all_sites(config):
        url = site.url or "(address not known yet: hnreader sites add URL --name NAME)"
        print(f"{site.name}\t{url}\t{_origin(site)}")
    return 0


def _show(name: str, config: Config) -> int:
    site = find_site(name, config)
    if site is None:
        return _fail(f"no site called {name!r} (see 'hnreader sites list')")
    print(f"name: {site.name}")
    print(f"url: {site.url or '(not known yet)'}")
    print(f"defined in: {_origin(site)}")
    rate = site.rate_limit if site.rate_limit is not None else config.network.rate_limit
    print(f"rate_limit: {rate} requests/s")
    print(f"include: {', '.join(site.include) or '(all sections)'}")
    print(f"exclude: {', '.join(site.exclude) or '(none)'}")
    print(f"verify_tls: {str(site.verify_tls).lower()}")
    print(f"encoding: {site.encoding or '(as the pages declare)'}")
    print(f"robots: {str(site.robots).lower()}")
    return 0


def _remove(name: str, config: Config) -> int:
    if remove_user_site(name, config_path()):
        print(f"removed {name}")
        return 0
    site = find_site(name, config)
    if site is None:
        return _fail(f"no site called {name!r} (see 'hnreader sites list')")
    if is_builtin(site.name) and _origin(site) == "built-in":
        return _fail(f"{site.name} is built in and cannot be removed")
    return _fail(f"{site.name} is written in {config_path()}: remove its [[sites]] table there")


def _add(options: argparse.Namespace, config: Config) -> int:
    try:
        url = normalise_url(options.url)
    except SiteNotFound as exc:
        return _fail(str(exc))
    if options.rate_limit is not None and not 0 < options.rate_limit < float("inf"):
        return _fail("--rate-limit must be a number of requests per second above 0")
    if options.name is not None and not options.name.strip():
        return _fail("--name must not be empty")
    if options.encoding and not _known_encoding(options.encoding):
        return _fail(f"unknown encoding {options.encoding!r} (try gb18030 or utf-8)")
    draft = replace(
        draft_site(url),
        rate_limit=options.rate_limit,
        include=tuple(options.include),
        exclude=tuple(options.exclude),
        verify_tls=not options.no_verify_tls,
        encoding=options.encoding,
        robots=not options.ignore_robots,
    )
    if not draft.verify_tls:
        host = urlsplit(url).netloc
        print(f"warning: the certificates of {host} will not be checked", file=sys.stderr)
    try:
        found = asyncio.run(discover_site(draft, config.network, name=options.name))
        replaced = store_site(found.site, config, config_path())
    except SiteAddError as exc:
        return _fail(str(exc))
    site, tree = found.site, found.tree
    if options.data_dir:
        try:
            _keep_tree(tree, found.page, options.data_dir)
        except (OSError, ValueError, StoreError) as exc:
            return _fail(f"cannot store the section tree of {site.name}: {exc}")
    print(f"{site.name}  <{site.url}>")
    _print_sections(tree.sections, 1)
    if not tree.sections:
        print("  (no sections found: is this the home page of a CMS site?)")
    print(f"{'updated' if replaced else 'added'} {site.name} in {sites_path()}")
    return 0


def _known_encoding(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def _keep_tree(tree: SiteTree, page: Page, data_dir: str) -> None:
    from hnreader.store import Store

    with Store.open(data_dir) as store:
        store.save_tree(tree, page)


def _print_sections(sections: tuple[Section, ...], depth: int) -> None:
    for section in sections:
        print(f"{'  ' * depth}{section.name}")
        _print_sections(section.children, depth + 1)


def _fail(message: str) -> int:
    print(f"hnreader: {message}", file=sys.stderr)
    return 1
