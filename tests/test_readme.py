"""README's two set-up commands stay true: the test command is what CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _command_under(heading: str) -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"### {re.escape(heading)}\n+```sh\n(.+?)\n```", readme)
    assert match, f"README.md has no sh block under '### {heading}'"
    return match.group(1)


def test_ci_runs_the_readme_test_command_verbatim() -> None:
    command = _command_under("Run the tests")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines


def test_the_run_command_opens_the_demo_edition() -> None:
    command = _command_under("Run the app on the demo edition")
    assert command.startswith("python3 -m venv .venv && ")
    assert command.endswith("hnreader --demo")
