"""Saving attachments: safe file names, where they go, and opening them afterwards.

A page chooses an attachment's name, so it is untrusted: ``../../.bashrc``, ``/etc/passwd``,
``CON.pdf``, control characters or a 300-character name must all become one harmless file name
inside the downloads directory. Files are never overwritten: a second ``报告.pdf`` becomes
``报告 (2).pdf``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import unicodedata
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from hnreader import paths

FALLBACK_NAME = "attachment"
MAX_NAME_BYTES = 240  # under the 255-byte limit of common file systems, leaving room for " (n)"
FETCHABLE_SCHEMES = frozenset({"http", "https"})
_FORBIDDEN = re.compile(r'[<>:"/\\|?*]')  # not allowed in Windows names; / and \ separate paths
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"}
    | {f"COM{n}" for n in range(1, 10)}
    | {f"LPT{n}" for n in range(1, 10)}
)


def is_fetchable(url: str) -> bool:
    """Whether ``url`` may be fetched: http(s) only, never ``javascript:``, ``file:``, ``data:``."""
    return urlsplit(url.strip()).scheme.lower() in FETCHABLE_SCHEMES


def safe_file_name(name: str, *, fallback: str = FALLBACK_NAME) -> str:
    """``name`` as one harmless file name on Linux, macOS and Windows.

    Path separators and characters Windows forbids become ``_``, control and format characters
    go, leading dots (hidden files, ``..``) and trailing dots and spaces are stripped, reserved
    device names (``CON``, ``NUL``, ``COM1`` …) get a ``_`` prefix, and the name is cut to
    :data:`MAX_NAME_BYTES` bytes of UTF-8, keeping its extension.
    """
    name = unicodedata.normalize("NFC", name)
    name = "".join(
        " " if char.isspace() else char
        for char in name
        if not unicodedata.category(char).startswith("C") or char.isspace()
    )
    name = _FORBIDDEN.sub("_", name)
    name = re.sub(r" +", " ", name).strip(" ").lstrip(".").rstrip(". ")
    if not name.strip("_"):
        name = fallback
    stem = name.rpartition(".")[0] or name
    if stem.split(".")[0].upper().rstrip(" ") in _WINDOWS_RESERVED:
        name = "_" + name
    return _shorten(name)


def _shorten(name: str) -> str:
    """``name`` cut to :data:`MAX_NAME_BYTES` bytes of UTF-8, its extension kept whole."""
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    stem, dot, extension = name.rpartition(".")
    if not dot or len(extension) > 16 or not stem:
        stem, dot, extension = name, "", ""
    room = MAX_NAME_BYTES - len((dot + extension).encode())
    cut = stem.encode()[:room].decode(errors="ignore").rstrip(". ")
    return cut + dot + extension


def attachment_file_name(name: str, url: str, kind: str | None = None) -> str:
    """The file name to save an attachment as: its link text, with the file's extension.

    CMS pages often link ``实施方案`` to ``/u/2024/abc123.pdf``: the link text is the better
    name, the URL knows the extension.
    """
    from_url = unquote(PurePosixPath(urlsplit(url).path).name)
    extension = kind or PurePosixPath(from_url).suffix.lstrip(".")
    chosen = name.strip() or from_url
    if extension and not chosen.lower().endswith("." + extension.lower()):
        chosen = f"{chosen}.{extension}"
    return safe_file_name(chosen)


def save_download(data: bytes, name: str, directory: Path | None = None) -> Path:
    """Write ``data`` as a new file named like ``name`` (made safe) in ``directory``.

    ``directory`` defaults to :func:`hnreader.paths.downloads_dir` and is created if missing.
    An existing file is never replaced: the name gets `` (2)``, `` (3)`` … instead.
    Returns the path written; raises :class:`OSError` when the file cannot be written.
    """
    folder = directory if directory is not None else paths.downloads_dir()
    folder.mkdir(parents=True, exist_ok=True)
    safe = safe_file_name(name)
    stem, dot, extension = safe.rpartition(".")
    if not dot or not stem:
        stem, dot, extension = safe, "", ""
    for number in range(1, 10_000):
        candidate = folder / (safe if number == 1 else f"{stem} ({number}){dot}{extension}")
        try:
            with candidate.open("xb") as file:  # "x": fails rather than overwrite, even racing
                file.write(data)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"too many files named like {safe} in {folder}")


def open_with_system(path: Path) -> None:
    """Open ``path`` with the desktop's default application (blocking: run it in a thread).

    Raises :class:`OSError` when there is no opener or it fails.
    """
    if sys.platform == "win32":
        os.startfile(path)  # type: ignore[attr-defined,unused-ignore]
        return
    opener = "open" if sys.platform == "darwin" else "xdg-open"
    try:
        result = subprocess.run([opener, str(path)], capture_output=True, timeout=30, check=False)
    except FileNotFoundError as exc:
        raise OSError(f"cannot open {path}: {opener} is not installed") from exc
    except subprocess.TimeoutExpired as exc:
        raise OSError(f"cannot open {path}: {opener} did not answer") from exc
    if result.returncode != 0:
        detail = result.stderr.decode(errors="replace").strip()
        raise OSError(f"cannot open {path}: {opener} failed ({detail or result.returncode})")
