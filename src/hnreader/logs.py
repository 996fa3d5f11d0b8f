"""Logging: a rotating file in the platform log directory, and stderr too with ``--verbose``.

Call :func:`setup_logging` once at start-up (each command does it after parsing its options);
calling it again replaces the handlers it added before, so tests and long-lived processes can
reconfigure. Only the ``hnreader`` logger is configured: libraries keep their own settings.
"""

from __future__ import annotations

import argparse
import logging
import sys
from logging.handlers import RotatingFileHandler
from pathlib import Path

from hnreader import paths
from hnreader.config import LogConfig

LOGGER_NAME = "hnreader"
LOG_FILE_NAME = "hnreader.log"
MAX_LOG_BYTES = 1024 * 1024
KEPT_LOG_FILES = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_MARK = "_hnreader_handler"  # set on the handlers this module adds, to replace them later


def add_verbose_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``-v/--verbose``: print the log on stderr too, debug messages included."""
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="also print log messages (debug included) on stderr",
    )


def log_file_path(config: LogConfig | None = None) -> Path:
    """The log file: ``[log] file`` from the configuration, else one in the log directory."""
    if config is not None and config.file:
        return Path(config.file).expanduser()
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(
    config: LogConfig | None = None, *, verbose: bool = False, log_file: Path | None = None
) -> Path | None:
    """Send the ``hnreader`` logger to the log file (and stderr when ``verbose``).

    Returns the log file, or None when it cannot be opened; then a warning goes to stderr
    and hnreader runs on without a file log rather than refusing to start.
    """
    settings = config or LogConfig()
    logger = logging.getLogger(LOGGER_NAME)
    for handler in [h for h in logger.handlers if getattr(h, _MARK, False)]:
        logger.removeHandler(handler)
        handler.close()
    file_level = logging.getLevelName(settings.level.upper())
    logger.setLevel(logging.DEBUG if verbose else file_level)
    # Records still propagate, so a host application (or pytest's caplog) sees them too.
    logger.propagate = True
    formatter = logging.Formatter(_FORMAT)
    if verbose:
        _add(logger, logging.StreamHandler(sys.stderr), logging.DEBUG, formatter)
    path = log_file or log_file_path(settings)
    try:
        paths.ensure_private_dir(path.parent)
        handler = RotatingFileHandler(
            path, maxBytes=MAX_LOG_BYTES, backupCount=KEPT_LOG_FILES, encoding="utf-8"
        )
    except OSError as exc:
        print(f"hnreader: cannot write the log file {path}: {exc.strerror}", file=sys.stderr)
        return None
    _add(logger, handler, file_level, formatter)
    return path


def _add(
    logger: logging.Logger, handler: logging.Handler, level: int, formatter: logging.Formatter
) -> None:
    handler.setLevel(level)
    handler.setFormatter(formatter)
    setattr(handler, _MARK, True)
    logger.addHandler(handler)
