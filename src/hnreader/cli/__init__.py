"""The ``hnreader`` command: open the reader, or run one of the subcommands.

Each subcommand lives in its own module under :mod:`hnreader.cli`, imported only when it runs,
so ``hnreader --help`` and the quick commands never pay for Textual or the extractor. A command
module provides ``add_arguments(parser)`` and ``run(options) -> int``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import Protocol, cast

from hnreader import __version__
from hnreader.logs import add_verbose_argument, setup_logging

# name -> (module under hnreader.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "demo-server": ("demo_cmd", "serve the bundled demo edition over HTTP"),
    "extract": ("extract_cmds", "extract articles from files or URLs"),
    "list": ("extract_cmds", "extract article lists from list pages"),
    "tree": ("extract_cmds", "extract a site's section tree from its home page"),
    "sync": ("sync_cmd", "fetch a site (or chosen sections) ahead of time for offline reading"),
    "search": ("search_cmd", "search everything stored, offline"),
    "cache": ("cache_cmd", "inspect and manage the local store"),
    "sites": ("sites_cmd", "list, add, remove and show sites"),
    "config": ("config_cmd", "show where the configuration lives and what it says"),
    "export": ("export_cmd", "export articles or a section as Markdown, HTML or EPUB"),
}


class CommandModule(Protocol):
    """What a subcommand module provides."""

    def add_arguments(self, parser: argparse.ArgumentParser, name: str) -> None:
        """Declare the subcommand's options."""

    def run(self, options: argparse.Namespace, name: str) -> int:
        """Run the subcommand; return the exit status."""


def _module(name: str) -> CommandModule:
    module_name, _ = COMMANDS[name]
    return cast(CommandModule, importlib.import_module(f"hnreader.cli.{module_name}"))


def _reader_parser() -> argparse.ArgumentParser:
    from hnreader.cli import reader_cmd

    parser = argparse.ArgumentParser(
        prog="hnreader",
        description="A terminal reader for 湖南社会工作 and sites built like it, offline first.",
        epilog="subcommands:\n"
        + "\n".join(f"  {name:<12} {text}" for name, (_, text) in COMMANDS.items())
        + "\n\nRun 'hnreader SUBCOMMAND --help' for a subcommand's options.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    reader_cmd.add_arguments(parser, "")
    add_verbose_argument(parser)
    parser.add_argument("--version", action="version", version=f"hnreader {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader of our output went away (``hnreader … | head``): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


def _main(argv: Sequence[str] | None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] in COMMANDS:
        name = args[0]
        module = _module(name)
        parser = argparse.ArgumentParser(prog=f"hnreader {name}", description=COMMANDS[name][1])
        module.add_arguments(parser, name)
        add_verbose_argument(parser)
        options = parser.parse_args(args[1:])
        _start_logging(options.verbose)
        return module.run(options, name)
    from hnreader.cli import reader_cmd

    parser = _reader_parser()
    options = parser.parse_args(args)
    if not reader_cmd.wants_reader(options):
        parser.print_help()
        return 2
    _start_logging(options.verbose)
    return reader_cmd.run(options, "")


def _start_logging(verbose: bool) -> None:
    """Log to the log file (with the configured level) and, with ``--verbose``, to stderr.

    A broken configuration file is not reported here: the command reports it when it loads
    the configuration, with the line to fix, and logging falls back to the defaults.
    """
    from hnreader.config_file import ConfigError, load_config

    try:
        log = load_config(create=False).log
    except ConfigError:
        log = None
    setup_logging(log, verbose=verbose)
