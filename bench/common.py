"""What every benchmark shares: percentiles, the result table, and where results are kept.

Each benchmark prints a table of rows ``what | measured | baseline | ratio | target`` and
writes the same rows as JSON to ``bench/.cache/results/<name>.json`` for ``run_all.py``.
Ratios are against a baseline measured in the same run, because the machines are shared and
noisy: an absolute figure says little, a ratio to a neighbour measured a second ago says more.
"""

from __future__ import annotations

import argparse
import compileall
import importlib.util
import json
import math
import os
import platform
import sys
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

CACHE = Path(os.environ.get("HNREADER_BENCH_CACHE") or Path(__file__).resolve().parent / ".cache")
RESULTS = CACHE / "results"


def percentile(values: Sequence[float], pct: float) -> float:
    """The ``pct``-th percentile of ``values`` by the nearest-rank method."""
    if not values:
        raise ValueError("no values to take a percentile of")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True, slots=True)
class Row:
    """One line of a benchmark's result table."""

    what: str
    value: float
    unit: str
    baseline: float | None = None  # the same measure of the baseline, same unit
    target: str = ""  # e.g. "<= 50 ms" or "<= 1.3x"
    met: bool | None = None  # whether the target is met (None: nothing to judge)

    @property
    def ratio(self) -> float | None:
        """``value / baseline``, when there is a baseline."""
        if self.baseline is None or self.baseline == 0:
            return None
        return self.value / self.baseline


def fmt(value: float | None, unit: str = "") -> str:
    """A number for the table: 3 significant digits, no exponent."""
    if value is None:
        return "-"
    if 0 < abs(value) < 0.01:
        text = "<0.01"
    elif abs(value) >= 100:
        text = f"{value:,.0f}"
    elif abs(value) >= 10:
        text = f"{value:.1f}"
    else:
        text = f"{value:.3g}"
    return f"{text} {unit}".rstrip()


def table(rows: Sequence[Row]) -> str:
    """The rows as a Markdown table."""
    lines = [
        "| what | measured | baseline | ratio | target | met |",
        "|---|---:|---:|---:|---|---|",
    ]
    for row in rows:
        met = {True: "yes", False: "**no**", None: ""}[row.met]
        ratio = fmt(row.ratio) + "×" if row.ratio is not None else "-"
        lines.append(
            f"| {row.what} | {fmt(row.value, row.unit)} | {fmt(row.baseline, row.unit)} "
            f"| {ratio} | {row.target} | {met} |"
        )
    return "\n".join(lines)


def emit(
    name: str, title: str, baseline: str, rows: Sequence[Row], notes: Sequence[str] = ()
) -> None:
    """Print the result table and keep it as JSON for ``run_all.py``."""
    print(f"\n## {title}\n\nbaseline: {baseline}\n")
    print(table(rows))
    for note in notes:
        print(f"\n- {note}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {
        "name": name,
        "title": title,
        "baseline": baseline,
        "rows": [asdict(row) for row in rows],
        "notes": list(notes),
        "python": platform.python_version(),
    }
    (RESULTS / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False, indent=1))


def parser(description: str) -> argparse.ArgumentParser:
    """An argument parser with the ``--quick`` switch every benchmark takes."""
    result = argparse.ArgumentParser(description=description)
    result.add_argument("--quick", action="store_true", help="small sizes, a few seconds")
    return result


def progress(message: str) -> None:
    """A progress note on stderr, so stdout holds only results."""
    print(message, file=sys.stderr, flush=True)


def compile_bytecode(package: str = "hnreader") -> str:
    """Compile ``package``'s bytecode, as ``pip install .`` does; a note saying so.

    A benchmark that launches Python processes must not count compiling the sources: pip
    compiles them when it installs, and Python caches them after the first launch. An
    editable install under ``PYTHONDONTWRITEBYTECODE`` (set on some machines) never caches
    them, and every launch would compile the whole package (measured: start-up 1.36× the
    minimal app instead of 1.14×), while the libraries it is compared with were compiled by
    pip.
    """
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit(f"{package} is not installed")
    for location in spec.submodule_search_locations:
        if not compileall.compile_dir(location, quiet=1):
            raise SystemExit(f"could not compile the bytecode of {location}")
    return f"{package}'s bytecode compiled first, as `pip install .` does"
