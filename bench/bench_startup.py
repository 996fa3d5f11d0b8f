"""Benchmark: start-up, from launch to the first screen fully drawn, offline from the library.

Launches ``python -m hnreader URL --offline --data-dir D`` on a pseudo-terminal (120x40) with
``HNREADER_EXIT_WHEN_READY=1``, which makes the app exit right after its first full draw with
the section tree and the first list loaded; the figure is the wall time of the process.
``D`` is a cached synthetic library (:mod:`library`). Baseline: ``minimal_tree_app.py``, a
minimal Textual app showing a tree that exits after its first draw, launched the same way.
Runs alternate between the two; the median of each is compared. A second row compares only
the imports (``import hnreader.cli, hnreader.app`` vs ``import textual.app, textual.widgets``),
launched the same way: the part of start-up spent before the app can draw.

A run that does not exit within the timeout is killed and reported: until the app honours
``HNREADER_EXIT_WHEN_READY`` it never exits by itself.

Usage: ``python bench/bench_startup.py [--quick] [--runs N] [--articles N]``
"""

from __future__ import annotations

import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

import library
from common import Row, compile_bytecode, emit, parser, progress

HERE = Path(__file__).resolve().parent
TIMEOUT = 30.0
ROWS, COLUMNS = 40, 120
# Answer "what terminal are you?" as xterm does (VT220, no sixel), so a probe waits no longer
# than on a real terminal. Other probes (the kitty graphics query) go unanswered, as on most.
DEVICE_ATTRIBUTES_QUERY = b"\x1b[c"
DEVICE_ATTRIBUTES_ANSWER = b"\x1b[?62;22c"


# The import-only comparison: what each program imports before it can draw anything. On the
# pseudo-terminal too, since some imports (textual-image) probe the terminal while loading.
OUR_IMPORTS = "import hnreader.cli, hnreader.app"
BASE_IMPORTS = "import textual.app, textual.widgets"


class NoExit(Exception):
    """The process did not exit by itself (or failed); the message says what it printed."""


def timed_run(command: list[str], env: dict[str, str], timeout: float = TIMEOUT) -> float:
    """Seconds from launch to exit of ``command`` on a fresh pseudo-terminal."""
    main_fd, child_fd = pty.openpty()
    fcntl.ioctl(child_fd, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
    output = bytearray()
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdin=child_fd, stdout=child_fd, stderr=child_fd, env=env, start_new_session=True
    )
    os.close(child_fd)
    try:
        # Drain the terminal, or the app blocks once the pty's buffer is full.
        while process.poll() is None:
            if time.perf_counter() - started > timeout:
                process.kill()
                process.wait()
                raise NoExit(f"did not exit within {timeout:.0f} s")
            ready, _, _ = select.select([main_fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(main_fd, 65536)
                except OSError:  # the child closed the terminal
                    process.wait()
                    break
                output += chunk
                if DEVICE_ATTRIBUTES_QUERY in chunk:
                    os.write(main_fd, DEVICE_ATTRIBUTES_ANSWER)
        elapsed = time.perf_counter() - started
    finally:
        os.close(main_fd)
    if process.returncode != 0:
        tail = output[-400:].decode("utf-8", "replace")
        raise NoExit(f"exited with status {process.returncode}: {tail!r}")
    return elapsed


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--runs", type=int, help="launches of each (10; quick 3)")
    arguments.add_argument("--articles", type=int, help="library size (100,000; quick 5,000)")
    arguments.add_argument("--timeout", type=float, default=TIMEOUT, help="seconds per launch")
    options = arguments.parse_args()
    runs = options.runs or (3 if options.quick else 10)
    count = options.articles or (5_000 if options.quick else 100_000)
    compiled = compile_bytecode()
    data_dir = library.cached(count)
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "HNREADER_EXIT_WHEN_READY": "1",
            "TERM": "xterm-256color",
            "COLUMNS": str(COLUMNS),
            "LINES": str(ROWS),
            "XDG_CONFIG_HOME": home,  # no user configuration
        }
        ours_command = [
            sys.executable,
            "-m",
            "hnreader",
            library.BASE_URL,
            "--offline",
            "--data-dir",
            str(data_dir),
        ]
        base_command = [sys.executable, str(HERE / "minimal_tree_app.py")]
        ours: list[float] = []
        base: list[float] = []
        imports: list[float] = []
        base_imports: list[float] = []
        problem = ""
        for number in range(runs):
            progress(f"start-up: run {number + 1}/{runs}")
            imports.append(timed_run([sys.executable, "-c", OUR_IMPORTS], env, options.timeout))
            base_imports.append(
                timed_run([sys.executable, "-c", BASE_IMPORTS], env, options.timeout)
            )
            base.append(timed_run(base_command, env, options.timeout))
            try:
                ours.append(timed_run(ours_command, env, options.timeout))
            except NoExit as exc:
                problem = f"hnreader {exc}"
                break
    base_ms = statistics.median(base) * 1000
    import_row = Row(
        "median import of the app's modules (part of start-up)",
        statistics.median(imports) * 1000,
        "ms",
        statistics.median(base_imports) * 1000,
    )
    notes = [
        f"{runs} launches each, alternating, on a {COLUMNS}x{ROWS} pseudo-terminal; "
        f"library of {count:,} articles",
        compiled,
    ]
    if problem:
        rows = [Row("median launch to first draw, minimal app", base_ms, "ms"), import_row]
        notes.append(
            f"NOT MEASURED: {problem} -- the app must honour "
            "HNREADER_EXIT_WHEN_READY=1 (and --offline/--data-dir)"
        )
    else:
        ours_ms = statistics.median(ours) * 1000
        rows = [
            Row(
                "median launch to first full draw",
                ours_ms,
                "ms",
                base_ms,
                "<= 1.3x",
                ours_ms <= 1.3 * base_ms,
            )
        ]
        rows.append(import_row)
        notes.append(f"min: hnreader {min(ours) * 1000:.0f} ms, minimal {min(base) * 1000:.0f} ms")
    emit("startup", "start-up (offline, from the library)", "minimal Textual tree app", rows, notes)


if __name__ == "__main__":
    main()
