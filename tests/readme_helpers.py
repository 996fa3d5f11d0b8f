"""Reading the commands out of README.md, so tests run what the README says.

Used by ``tests/test_readme.py`` (which checks every command is exercised somewhere), the
CLI tests of README lines and the terminal (tmux) tests of README lines.
"""

from __future__ import annotations

import re
import shlex
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"

# The programs a README command can start with; inline code starting otherwise is not a command.
_PROGRAMS = ("hnreader", "python3 ", ".venv/bin/", "pipx ", "uv ", "apt ")
_FENCED = re.compile(r"^```sh\n(.*?)^```$", re.S | re.M)
_INLINE = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")


def readme_text() -> str:
    """README.md as text."""
    return README.read_text(encoding="utf-8")


def sh_block(heading: str) -> list[str]:
    """The lines of the first ```sh block after the line ``heading`` (e.g. "## Keys")."""
    text = readme_text()
    start = text.find(f"\n{heading}\n")
    assert start >= 0, f"README.md has no heading {heading!r}"
    match = _FENCED.search(text, start)
    assert match, f"README.md has no sh block after {heading!r}"
    return match.group(1).splitlines()


def without_comment(line: str) -> str:
    """A shell line without its trailing ``# comment`` (README comments follow two spaces)."""
    return re.split(r"\s{2,}#\s", line, maxsplit=1)[0].strip()


def readme_commands() -> list[str]:
    """Every command README.md shows: each line of its sh blocks and each inline command.

    Each is given once, without its comment; the escaped pipes of table cells are unescaped.
    """
    text = readme_text()
    found: list[str] = []
    for block in _FENCED.findall(text):
        found.extend(without_comment(line) for line in block.splitlines() if line.strip())
    prose = _FENCED.sub("", text)
    for code in _INLINE.findall(prose):
        command = code.replace("\\|", "|").strip()
        if command == "hnreader" or command.startswith(_PROGRAMS):
            found.append(without_comment(command))
    return list(dict.fromkeys(found))  # each once, in README order


def is_synopsis(command: str) -> bool:
    """Whether ``command`` is a usage pattern (``[--x]``, ``a|b``, ``URL``) rather than a line."""
    words = without_comment(command).split()
    if words[0] != "hnreader":
        return False
    return any(
        "[" in word or "|" in word or "..." in word or re.fullmatch(r"[A-Z]+(\.\.\.)?", word)
        for word in words[1:]
    )


def run_succeeding(
    command: list[str], words: list[str], env: dict[str, str], timeout: float
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` (the README line ``words``, as executed) and require it to succeed."""
    done = subprocess.run(
        command, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert done.returncode == 0, f"{shlex.join(words)}\n{done.stdout}\n{done.stderr}"
    return done
