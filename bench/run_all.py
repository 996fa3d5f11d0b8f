"""Run every benchmark and print one report: ``python bench/run_all.py [--quick]``.

Each benchmark runs as its own process (so one's memory or imports never colour another's),
in the order below; then the machine, the versions and every result table are printed as
Markdown, ready for ``docs/BENCHMARKS.md`` (``--markdown FILE`` also writes it there). The
extraction benchmark (``extract_corpus.py``, which needs trafilatura and GNE and the corpus)
runs only with ``--extraction``. A benchmark that fails is reported and the rest still run;
the exit status is then 1.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import os
import platform
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from common import RESULTS, Row, table

HERE = Path(__file__).resolve().parent
BENCHMARKS = (
    "bench_search.py",
    "bench_store_size.py",
    "bench_open_article.py",
    "bench_startup.py",
    "bench_sync.py",
    "bench_memory.py",
    "sync_memory.py",  # sync's own memory benchmark: peak RSS as the site grows
)
PACKAGES = ("textual", "rich", "aiohttp", "httpx", "selectolax", "OpenCC")


def machine() -> list[str]:
    """What the figures were measured on."""
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB RAM"
    versions = ", ".join(
        f"{name} {importlib.metadata.version(name)}" for name in PACKAGES if _installed(name)
    )
    return [
        f"- machine: {cpu}, {os.cpu_count()} cores{memory}, {platform.system()} "
        f"{platform.release()}",
        f"- Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, {versions}",
        f"- date: {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
    ]


def _name(script: str) -> str:
    """A benchmark's name, as its results file is called: ``bench_sync.py`` -> ``sync``."""
    return script.removeprefix("bench_").removesuffix(".py")


def _installed(name: str) -> bool:
    try:
        importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


def report(names: list[str]) -> str:
    """The Markdown report of the results kept by the benchmarks just run."""
    parts = ["# Benchmark results", "", *machine()]
    for name in names:
        path = RESULTS / f"{name}.json"
        if not path.exists():
            parts += ["", f"## {name}", "", "(no result: not run, or it failed)"]
            continue
        record = json.loads(path.read_text())
        rows = [Row(**row) for row in record["rows"]]
        parts += ["", f"## {record['title']}", "", f"baseline: {record['baseline']}", ""]
        parts.append(table(rows))
        parts += [""] + [f"- {note}" for note in record["notes"]]
    return "\n".join(parts) + "\n"


def main() -> int:
    arguments = argparse.ArgumentParser(description=__doc__)
    arguments.add_argument("--quick", action="store_true", help="small sizes (about a minute)")
    arguments.add_argument("--extraction", action="store_true", help="also extract_corpus.py")
    arguments.add_argument("--only", nargs="*", default=(), help="run only these (e.g. search)")
    arguments.add_argument("--markdown", type=Path, help="also write the report to this file")
    arguments.add_argument(
        "--report-only", action="store_true", help="print the report of the last results only"
    )
    options = arguments.parse_args()
    if options.report_only:
        print(report([_name(s) for s in BENCHMARKS]))
        return 0
    scripts = [s for s in BENCHMARKS if not options.only or _name(s) in options.only]
    failed = []
    names = []
    for script in scripts:
        name = _name(script)
        names.append(name)
        (RESULTS / f"{name}.json").unlink(missing_ok=True)
        command = [sys.executable, str(HERE / script), *(["--quick"] if options.quick else [])]
        print(f"== {script}", file=sys.stderr, flush=True)
        if subprocess.run(command, check=False).returncode != 0:
            failed.append(script)
    if options.extraction:
        command = [sys.executable, str(HERE / "extract_corpus.py"), "--quiet"]
        if subprocess.run(command, check=False).returncode != 0:
            failed.append("extract_corpus.py")
    text = report(names)
    print("\n" + text)
    if options.markdown:
        options.markdown.write_text(text)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
