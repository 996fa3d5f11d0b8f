"""The reader's remembered look: a JSON file that is read forgivingly and written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from hnreader.config import ReaderConfig
from hnreader.ui.state import ReaderState, load_state, save_state
from hnreader.ui.themes import THEME_ORDER, next_theme

DEFAULTS = ReaderState.from_config(ReaderConfig(theme="light", font_step="small"))


def test_a_saved_state_comes_back_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "new" / "state.json"
    chosen = ReaderState("high-contrast", "huge", "traditional", True)
    save_state(path, chosen)
    assert load_state(path, DEFAULTS) == chosen
    assert [p.name for p in path.parent.iterdir()] == ["state.json"]
    assert path.parent.stat().st_mode & 0o777 == 0o700  # a directory it made is private


def test_missing_damaged_or_strange_files_fall_back_to_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "state.json"
    assert load_state(path, DEFAULTS) == DEFAULTS
    path.write_text("{not json", encoding="utf-8")
    assert load_state(path, DEFAULTS) == DEFAULTS
    path.write_text("[1, 2]", encoding="utf-8")
    assert load_state(path, DEFAULTS) == DEFAULTS
    # Known keys with valid values win; the rest is ignored.
    path.write_text(
        json.dumps({"script": "traditional", "font_step": "gigantic", "colour": "red"}),
        encoding="utf-8",
    )
    assert load_state(path, DEFAULTS) == ReaderState("light", "small", "traditional", False)


def test_themes_cycle_through_all_three() -> None:
    seen = ["dark"]
    for _ in THEME_ORDER:
        seen.append(next_theme(seen[-1]))  # type: ignore[arg-type]
    assert seen == ["dark", "light", "high-contrast", "dark"]
