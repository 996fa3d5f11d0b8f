"""``sites.toml``: the sites added with ``hnreader sites add`` and addresses the user gave.

Kept apart from ``config.toml`` so that writing it never disturbs the user's comments there.
Writes go to a temporary file renamed over the old one, so a crash never leaves half a file.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from hnreader import paths
from hnreader.catalogue.builtin import BUILTIN_SITES
from hnreader.config import SiteConfig
from hnreader.config_file import parse_sites, sites_path, sites_to_toml

HEADER = """\
# Sites added with 'hnreader sites add' (and addresses given in the reader).
# hnreader rewrites this file; put hand-written sites in config.toml instead.
# Keys: docs/CONFIG.md, section [[sites]].
"""


def load_user_sites(config_file: Path | None = None) -> tuple[SiteConfig, ...]:
    """The sites in ``sites.toml`` beside ``config_file`` (the default one if None)."""
    path = sites_path(config_file)
    if not path.is_file():
        return ()
    return parse_sites(path.read_text(encoding="utf-8"), path.name)


def save_user_site(site: SiteConfig, config_file: Path | None = None) -> bool:
    """Add ``site`` to ``sites.toml``, replacing one of the same name; True if it replaced one."""
    sites = list(load_user_sites(config_file))
    replaced = False
    for index, existing in enumerate(sites):
        if existing.name.casefold() == site.name.casefold():
            sites[index] = site
            replaced = True
    if not replaced:
        sites.append(site)
    _write(tuple(sites), sites_path(config_file))
    return replaced


def remove_user_site(name: str, config_file: Path | None = None) -> bool:
    """Remove the site called ``name`` from ``sites.toml``; False if it was not there."""
    sites = load_user_sites(config_file)
    kept = tuple(s for s in sites if s.name.casefold() != name.casefold())
    if len(kept) == len(sites):
        return False
    _write(kept, sites_path(config_file))
    return True


def remember_address(name: str, url: str, config_file: Path | None = None) -> SiteConfig:
    """Store the address the user gave for a site (the flagship's, typically); return the site.

    The site keeps the settings it had in ``sites.toml`` or among the built-in sites.
    """
    known = [*BUILTIN_SITES, *load_user_sites(config_file)]
    base = next((s for s in reversed(known) if s.name.casefold() == name.casefold()), None)
    site = SiteConfig(name, url) if base is None else dataclasses.replace(base, url=url)
    save_user_site(site, config_file)
    return site


def _write(sites: tuple[SiteConfig, ...], path: Path) -> None:
    paths.ensure_private_dir(path.parent)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(sites_to_toml(sites, HEADER), encoding="utf-8")
    os.replace(temporary, path)
