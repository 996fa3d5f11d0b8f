"""``hnreader config path|show``: where the configuration lives and what it says."""

from __future__ import annotations

import argparse
import sys

from hnreader.config import Config
from hnreader.config_file import ConfigError, config_path, config_to_toml, load_config


def add_arguments(parser: argparse.ArgumentParser, name: str) -> None:
    """Declare the action: ``path`` or ``show``."""
    parser.add_argument(
        "action",
        choices=("path", "show"),
        help="path: print the configuration file's location; show: print the effective "
        "configuration as TOML",
    )


def run(options: argparse.Namespace, name: str) -> int:
    """Print the path, or the effective configuration (file, sites.toml and defaults)."""
    if options.action == "path":
        print(config_path())
        return 0
    config = load_cli_config()
    if config is None:
        return 2
    sys.stdout.write(config_to_toml(config))
    return 0


def load_cli_config() -> Config | None:
    """The configuration for a command, or None after printing why it cannot be used.

    On first run this writes the commented example configuration.
    """
    try:
        return load_config()
    except ConfigError as exc:
        print(f"hnreader: {exc}", file=sys.stderr)
        return None
