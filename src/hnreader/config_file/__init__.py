"""The configuration file: find it, load and check it, and write the commented example.

One TOML file, ``config.toml`` in the platform configuration directory, or wherever the
``HNREADER_CONFIG`` environment variable points. Sites added with ``hnreader sites add`` live
beside it in ``sites.toml`` (machine-written, so the hand-written file keeps its comments);
:func:`load_config` reads both. Every mistake becomes a :class:`ConfigError` naming the file,
the line, the key and, for a misspelt key, the closest known one.
"""

from __future__ import annotations

import dataclasses
import logging
import os
from collections.abc import Collection
from pathlib import Path

from hnreader import paths
from hnreader.config import Config
from hnreader.config_file.check import ConfigError, parse_config, parse_sites, reject_duplicates
from hnreader.config_file.text import KEY_DOCS, default_config_text, sites_to_toml, to_toml

CONFIG_ENV = "HNREADER_CONFIG"
CONFIG_NAME = "config.toml"
SITES_NAME = "sites.toml"

log = logging.getLogger(__name__)

__all__ = [
    "CONFIG_ENV",
    "KEY_DOCS",
    "ConfigError",
    "config_path",
    "config_to_toml",
    "default_config_text",
    "load_config",
    "parse_config",
    "parse_sites",
    "reject_duplicates",
    "resolve_data_dir",
    "sites_path",
    "sites_to_toml",
    "write_default_config",
]


def config_path() -> Path:
    """The configuration file: ``$HNREADER_CONFIG``, else ``config.toml`` in the config dir."""
    chosen = os.environ.get(CONFIG_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return paths.config_dir() / CONFIG_NAME


def sites_path(config_file: Path | None = None) -> Path:
    """The ``sites.toml`` kept beside the configuration file."""
    return (config_file or config_path()).with_name(SITES_NAME)


def load_config(
    path: str | os.PathLike[str] | None = None,
    *,
    create: bool = True,
    known_bindings: Collection[str] | None = None,
) -> Config:
    """Load the configuration (and ``sites.toml`` beside it); raise :class:`ConfigError`.

    With no ``path`` the file of :func:`config_path` is used, and on first run (it is missing
    and ``create`` is true) the commented example is written there. An explicit ``path`` that
    does not exist is an error. ``known_bindings`` (the reader's binding ids) makes a
    ``[keymap]`` entry for an unknown id an error too.
    """
    chosen = config_path() if path is None else Path(path)
    if chosen.is_file():
        config = parse_config(_read(chosen), chosen.name, known_bindings=known_bindings)
    elif path is None:
        if create:
            _write_example_on_first_run(chosen)
        config = Config()
    else:
        raise ConfigError(f"{chosen}: no such configuration file")
    extra = sites_path(chosen)
    if not extra.is_file():
        return config
    added = parse_sites(_read(extra), extra.name)
    reject_duplicates([*config.sites, *added], f"{chosen.name} and {extra.name}")
    return dataclasses.replace(config, sites=config.sites + added)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text ({exc.reason})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from exc


def _write_example_on_first_run(path: Path) -> None:
    try:
        write_default_config(path)
    except OSError as exc:
        # A read-only home must not stop the reader: the defaults apply, and the log says so.
        log.warning("could not write the example configuration %s: %s", path, exc)


def write_default_config(path: str | os.PathLike[str] | None = None) -> Path:
    """Write the commented example (every key, at its default) to ``path``; return it.

    An existing file is never overwritten: :class:`FileExistsError` is raised instead.
    """
    chosen = config_path() if path is None else Path(path)
    paths.ensure_private_dir(chosen.parent)
    with chosen.open("x", encoding="utf-8") as handle:
        handle.write(default_config_text())
    return chosen


def config_to_toml(config: Config) -> str:
    """``config`` as TOML (what ``hnreader config show`` prints); unset values are left out."""
    return to_toml(config)


def resolve_data_dir(cli_value: str | None, config: Config) -> str | None:
    """The data directory override for :func:`hnreader.paths.data_dir`.

    ``--data-dir`` wins, then ``HNREADER_DATA_DIR`` (which :mod:`hnreader.paths` reads), then
    the configuration's ``data_dir``.
    """
    if cli_value:
        return cli_value
    if os.environ.get(paths.DATA_DIR_ENV):
        return None
    return config.data_dir
