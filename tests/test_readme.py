"""README's two set-up commands stay true: the test command is what CI runs."""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

from readme_helpers import readme_commands
from readme_helpers import sh_block as readme_sh_block

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


# Where each command README.md shows (without its comment) is run. A new command in the README
# fails test_every_readme_command_is_exercised until it is added here with the test that runs
# it; a command taken out of the README must be taken out here too.
CI = ".ci/run"
TMUX_README = "tests/ui/test_tmux_readme.py"
CLI_README = "tests/cli/test_readme_commands.py"
USAGE = f"{CLI_README}::test_every_usage_line_names_options_and_actions_the_cli_has"
WALKTHROUGH = "tests/test_readme.py::test_the_offline_walkthrough_runs_as_written"
REAL_SITE = f"{TMUX_README}::test_reading_a_real_site_runs_as_written"
EXERCISED_BY: dict[str, tuple[str, ...]] = {
    "python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/hnreader --demo": (CI,),
    "python3 -m venv .venv && .venv/bin/pip install -e '.[test]' && .venv/bin/python -m pytest": (
        CI,
        "tests/test_readme.py::test_ci_runs_the_readme_test_command_verbatim",
    ),
    "pipx install .": (CI,),  # and "uv tool install .", named in its comment
    "hnreader --demo": ("tests/ui/test_ui_tmux_smoke.py::test_demo_opens_an_article_and_quits", CI),
    "hnreader": (
        REAL_SITE,
        "tests/ui/test_tmux_site_picker.py::test_choosing_a_site_in_the_picker_opens_the_reader_on_it",
    ),
    "hnreader https://www.hunan.gov.cn/": (REAL_SITE,),
    "hnreader sites list": (REAL_SITE,),
    "hnreader sites add URL --name 湖南社会工作": (REAL_SITE, USAGE),
    "hnreader sync demo": (WALKTHROUGH,),
    "hnreader search 志愿服务": (WALKTHROUGH,),
    "hnreader search 誌願服務 --json": (WALKTHROUGH,),
    "hnreader cache stats": (WALKTHROUGH,),
    "hnreader export --section 新闻中心/工作动态 -o 工作动态.epub": (WALKTHROUGH,),
    ".venv/bin/python -m pytest": (CI,),
    ".venv/bin/python scripts/screenshots.py": (CI,),
    ".venv/bin/python bench/run_all.py --quick": (CI,),
    "hnreader sync [SITE] [--section PATH]... [--pages N] [--since DATE] [--no-images]": (
        USAGE,
        "tests/cli/test_sync_cli.py::test_sync_demo_serves_the_demo_edition_and_skips_sites_without_the_section",
    ),
    "hnreader search QUERY [--json] [--section PATH]": (
        USAGE,
        "tests/cli/test_sync_cli.py::test_search_marks_matches_in_plain_text_and_filters_by_section",
    ),
    "hnreader cache stats|prune --older-than D|--max-size S|vacuum|clear|export|reparse": (
        USAGE,
        "tests/cli/test_sync_cli.py::test_cache_stats_export_and_reparse",
        "tests/cli/test_sync_cli.py::test_cache_prune_clear_and_vacuum",
    ),
    "hnreader export URL|--section PATH [--since D] [--format md|html|epub] -o FILE": (
        USAGE,
        "tests/cli/test_export_cmd.py",
    ),
    "hnreader --demo --offline": (f"{TMUX_README}::test_demo_offline_reads_what_sync_stored",),
    "hnreader URL --offline": (USAGE, REAL_SITE),
    "hnreader URL [--offline] [--data-dir DIR]": (USAGE, REAL_SITE),
    "hnreader demo-server [--host H] [--port N]": (USAGE, "tests/cli/test_demo_server_cmd.py"),
    "hnreader extract SOURCE... [--json]": (USAGE, "tests/test_cli.py"),
    "hnreader list SOURCE... [--json]": (USAGE, "tests/test_cli.py"),
    "hnreader tree SOURCE [--json]": (USAGE, "tests/test_cli.py"),
    "hnreader sync": (
        "tests/cli/test_sync_cli.py::test_sync_without_a_site_refreshes_the_sites_in_the_library",
    ),
    "hnreader sites list|add|remove|show": (USAGE, "tests/cli/test_sites_cmd.py"),
    "hnreader config path|show": (USAGE, "tests/cli/test_config_cmd.py"),
    # Installs the smaller font named beside it, which the tests of 大/特大 need.
    "apt install fonts-noto-cjk": (CI,),
    "hnreader config path": (f"{CLI_README}::test_config_lines_run_as_written",),
    "hnreader config show": (f"{CLI_README}::test_config_lines_run_as_written",),
    "hnreader cache clear": (
        f"{CLI_README}::test_cache_clear_line_asks_on_a_terminal_and_empties_the_library",
    ),
    "hnreader demo-server --port 8000": (f"{CLI_README}::test_demo_server_line_serves_both_sites",),
}


def test_every_readme_command_is_exercised() -> None:
    shown = readme_commands()
    missing = [command for command in shown if command not in EXERCISED_BY]
    assert not missing, f"README commands no test or CI step runs: {missing}"
    stale = [command for command in EXERCISED_BY if command not in shown]
    assert not stale, f"no longer in README.md: {stale}"
    for where in {place for places in EXERCISED_BY.values() for place in places}:
        path, _, test = where.partition("::")
        text = (ROOT / path).read_text(encoding="utf-8")
        assert not test or f"def {test}(" in text, f"{where} does not exist"


def test_ci_runs_the_readme_install_and_development_commands() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for heading in (
        "### Run the app on the demo edition",
        "## Install as a tool",
        "## Development",
    ):
        assert f'readme_block "{heading}"' in ci, heading
        assert readme_sh_block(heading), f"README.md has no commands under {heading}"
    assert "fonts-wqy-microhei" in ci
