"""What the reader remembers between runs: font step, script, ruby readings and theme.

A small JSON file in the data directory, written atomically (a temporary file renamed over
the old one) so a crash never leaves half a file. Values the user never changed are not in
the file, so the configuration file's defaults still apply to them.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any, get_args

from hnreader.config import FontStep, ReaderConfig, Script, Theme
from hnreader.paths import ensure_private_dir

log = logging.getLogger(__name__)

STATE_FILE = "reader-state.json"


@dataclass(frozen=True, slots=True)
class ReaderState:
    """The reader's look, as the user last chose it."""

    theme: Theme = "dark"
    font_step: FontStep = "medium"
    script: Script = "simplified"
    show_ruby: bool = False

    @classmethod
    def from_config(cls, config: ReaderConfig) -> ReaderState:
        """The starting state the configuration asks for."""
        return cls(config.theme, config.font_step, config.script, config.show_ruby)


_CHOICES: dict[str, tuple[Any, ...]] = {
    "theme": get_args(Theme),
    "font_step": get_args(FontStep),
    "script": get_args(Script),
    "show_ruby": (True, False),
}


def load_state(path: Path, defaults: ReaderState) -> ReaderState:
    """``defaults`` overridden by what ``path`` remembers; unknown or bad values are ignored.

    A missing file is the first run; an unreadable one is logged and ignored (the reader must
    open even when its memory is damaged).
    """
    try:
        saved = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return defaults
    except (OSError, ValueError) as exc:
        log.warning("ignoring the reader state in %s: %s", path, exc)
        return defaults
    if not isinstance(saved, dict):
        log.warning("ignoring the reader state in %s: not a JSON object", path)
        return defaults
    known = {k: v for k, v in saved.items() if k in _CHOICES and v in _CHOICES[k]}
    return replace(defaults, **known)


def save_state(path: Path, state: ReaderState) -> None:
    """Write ``state`` to ``path`` atomically. Raises :class:`OSError` when it cannot."""
    ensure_private_dir(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".state-", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(asdict(state), out, ensure_ascii=False, indent=2)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
