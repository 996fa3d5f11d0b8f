"""Opening the library file safely: checks, recovery of a damaged file, connections.

Order matters here. The version is read before anything writes (even switching to WAL), so a
database from a newer hnreader is refused with its file untouched. A file that is not a
database, or is cut short, is renamed aside with a timestamp (never deleted) and replaced by a
fresh one. A full page-by-page check runs only when damage was seen while in use (a marker
file), because on a large library it takes seconds.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from hnreader.store.errors import (
    StoreAccessError,
    StoreCorruptError,
    StoreError,
    StoreVersionError,
)
from hnreader.store.schema import LATEST_VERSION, migrate, user_version

log = logging.getLogger("hnreader.store")

DB_FILENAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 10_000
_SIDE_FILES = ("-wal", "-shm")
# Written when damage is seen in use, so the next open runs a full check.
CHECK_MARKER_SUFFIX = ".needs-check"


def connect(path: Path, *, checking: bool = False) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), with the store's pragmas.

    ``checking``: for judging an existing file, so nothing may read it yet.
    """
    try:
        conn = sqlite3.connect(
            path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        # In WAL mode NORMAL skips the fsync at each commit: a killed process still loses
        # nothing committed (only a power cut can lose the last commits), and sync's one
        # transaction per article runs about twice as fast.
        if not checking:
            conn.execute("PRAGMA synchronous = NORMAL")
    except sqlite3.OperationalError as exc:
        raise access_error(path, exc) from exc
    return conn


def access_error(path: Path, exc: sqlite3.Error) -> StoreAccessError:
    """A readable error for a file or directory that cannot be opened or written."""
    message = str(exc)
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return StoreAccessError(path, "the file or its directory cannot be written")
    return StoreAccessError(path, message)


@contextmanager
def translate_errors(path: Path) -> Iterator[None]:
    """Turn SQLite's errors into readable :class:`StoreError` subclasses."""
    try:
        yield
    except sqlite3.OperationalError as exc:
        message = str(exc)
        if "locked" in message or "busy" in message:
            raise StoreError(
                f"the library {path} is busy: another program held it too long; try again"
            ) from exc
        if "readonly" in message or "unable to open" in message:
            raise StoreAccessError(path, "it cannot be written") from exc
        if "full" in message:
            raise StoreError(f"the disk holding {path} is full") from exc
        raise StoreError(f"the library {path} failed: {message}") from exc
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if "malformed" in message or "not a database" in message:
            # The next open will check every page and move the file aside if needed.
            Path(f"{path}{CHECK_MARKER_SUFFIX}").touch()
            raise StoreCorruptError(path, message) from exc
        raise StoreError(f"the library {path} failed: {message}") from exc


def _read_problem(conn: sqlite3.Connection, path: Path, full_check: bool) -> str | None:
    """Why reading the schema (or, if asked, a full check) fails, or None."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        if full_check:
            rows = conn.execute("PRAGMA quick_check").fetchall()
            if rows != [("ok",)]:
                return "; ".join(str(row[0]) for row in rows[:3])
    except sqlite3.DatabaseError as exc:
        message = str(exc)
        if isinstance(exc, sqlite3.OperationalError) and "locked" in message:
            raise StoreError(f"the library {path} is locked by another program") from exc
        if "not a database" in message:
            return "it is not an SQLite database"
        if "malformed" in message:
            return "it is damaged or cut short"
        return message
    return None


def move_aside(path: Path) -> Path:
    """Rename the database and its WAL files with a timestamp; return the new database path."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.name}.damaged-{stamp}-{counter}")
    try:
        path.rename(target)
        for suffix in _SIDE_FILES:
            side = Path(f"{path}{suffix}")
            if side.exists():
                side.rename(Path(f"{target}{suffix}"))
    except OSError as exc:
        raise StoreAccessError(path, f"it is damaged and could not be moved aside: {exc}") from exc
    return target


def _check_existing(path: Path) -> str | None:
    """Why the existing file at ``path`` is damaged, or None; refuses newer versions.

    SQLite itself judges the file: reading the schema fails on a file that is not a database
    or is cut short. The file is never opened by other means: closing any other descriptor on
    it would drop the POSIX locks of this process's SQLite connections to it.
    """
    marker = Path(f"{path}{CHECK_MARKER_SUFFIX}")
    conn = connect(path, checking=True)
    try:
        problem = _read_problem(conn, path, full_check=marker.exists())
        if problem is None:
            found = user_version(conn)
            if found > LATEST_VERSION:
                raise StoreVersionError(path, found, LATEST_VERSION)
    finally:
        conn.close()
    if problem is None:
        marker.unlink(missing_ok=True)
    return problem


def prepare(directory: Path) -> tuple[Path, list[str]]:
    """Make the library in ``directory`` ready to use: checked, recovered, migrated.

    Returns the database path and notices for the reader (e.g. where a damaged file went).
    """
    if not directory.is_dir():
        raise StoreAccessError(directory, "it is not a directory")
    if not os.access(directory, os.W_OK | os.X_OK):
        raise StoreAccessError(directory, "the directory is read-only")
    path = directory / DB_FILENAME
    notices: list[str] = []
    if path.exists():
        problem = _check_existing(path)
        if problem is not None:
            moved = move_aside(path)
            Path(f"{path}{CHECK_MARKER_SUFFIX}").unlink(missing_ok=True)
            notice = (
                f"The library was damaged ({problem}); it was moved to {moved} "
                "and a new, empty library was created."
            )
            log.warning(notice)
            notices.append(notice)
    conn = connect(path)
    try:
        mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"the library {path} cannot use write-ahead logging (mode {mode})")
        migrate(conn)
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise StoreError(
                f"the library {path} is busy: another hnreader is updating it; try again"
            ) from exc
        raise access_error(path, exc) from exc
    finally:
        conn.close()
    return path, notices
