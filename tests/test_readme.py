"""README's two set-up commands stay true: the test command is what CI runs."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
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


def _block_under(heading: str) -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"## {re.escape(heading)}\n.+?```sh\n(.+?)\n```", readme, re.S)
    assert match, f"README.md has no sh block under '## {heading}'"
    return match.group(1).splitlines()


def test_the_offline_walkthrough_runs_as_written(tmp_path: Path) -> None:
    env = {**os.environ, "HNREADER_DATA_DIR": str(tmp_path / "library")}
    outputs: dict[str, str] = {}
    for line in _block_under("Offline: sync, search, export"):
        words = shlex.split(line)
        assert words[0] == "hnreader", line
        result = subprocess.run(
            [sys.executable, "-m", "hnreader", *words[1:]],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert result.returncode == 0, f"{line}\n{result.stdout}\n{result.stderr}"
        outputs[line] = result.stdout
    json_search = next(line for line in outputs if "search" in line and "--json" in line)
    hits = json.loads(outputs[json_search])
    assert hits, "a traditional-script query finds the simplified demo pages"
    plain_search = next(line for line in outputs if "search" in line and "--json" not in line)
    assert "志愿服务" in outputs[plain_search]
    books = [tmp_path / w for line in outputs for w in shlex.split(line) if w.endswith(".epub")]
    assert books
    for book in books:
        assert book.read_bytes().startswith(b"PK"), "an EPUB is a zip file"
