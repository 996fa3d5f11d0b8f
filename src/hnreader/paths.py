"""Where hnreader keeps its files: data (the library), downloads, logs and configuration.

Every function only computes a path, except :func:`data_dir` and :func:`ensure_private_dir`,
which create the directory when asked. Nothing happens at import time.

The data directory is chosen, first match wins, from: an explicit argument (the CLI's
``--data-dir``), the ``HNREADER_DATA_DIR`` environment variable, the platform's user data
directory for ``hnreader`` (``~/.local/share/hnreader`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "hnreader"
DATA_DIR_ENV = "HNREADER_DATA_DIR"
PRIVATE_MODE = 0o700


def data_dir(override: str | os.PathLike[str] | None = None, *, create: bool = True) -> Path:
    """The data directory, created owner-only (0o700) when ``create`` is true and it is missing.

    An existing directory keeps its permissions: the user chose it, and may share it on purpose.
    """
    if override is not None and str(override):
        chosen = Path(override)
    elif os.environ.get(DATA_DIR_ENV):
        chosen = Path(os.environ[DATA_DIR_ENV])
    else:
        chosen = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    chosen = chosen.expanduser()
    if create:
        ensure_private_dir(chosen)
    return chosen


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) if needed; a directory this call creates is 0o700.

    Raises :class:`OSError` (e.g. :class:`PermissionError`) when it cannot be created.
    """
    if path.is_dir():
        return path
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_MODE)
    # mkdir's mode is filtered by the umask, so set it exactly.
    path.chmod(PRIVATE_MODE)
    return path


def downloads_dir() -> Path:
    """Where saved attachments go: an ``hnreader`` folder in the user's downloads directory."""
    return Path(platformdirs.user_downloads_dir()) / APP_NAME


def log_dir() -> Path:
    """The user log directory for hnreader."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The user configuration directory for hnreader."""
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
