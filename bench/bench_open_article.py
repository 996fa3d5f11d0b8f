"""Benchmark: open a 20,000-character article from the library in the reader, at each font step.

A small Textual app (headless, ``App.run_test``, 120x40 cells) holds the real
:class:`~hnreader.ui.widgets.reader.ArticleReader` with the project's stylesheet. One timing
runs from the call to the drawn screen: ``Store.get_article`` (read and decode), then
``ArticleReader.show_article``, then the screen's next refresh (``call_after_refresh``).
The garbage collector is handled as hnreader handles it: held while the app starts, and
what start-up allocated frozen once the first screen is drawn (:mod:`hnreader.ui.startup`).
Between timings the reader shows a one-line message, so every open replaces a whole article.
Baseline: the same article text read the same way and put in one plain ``Static`` in a
``VerticalScroll``, measured the same way.

Usage: ``python bench/bench_open_article.py [--quick] [--runs N]``
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path
from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

import hnreader.ui
import synth
from common import Row, emit, parser, percentile, progress
from hnreader.config import FONT_STEP_LABELS, FONT_STEPS, FontStep
from hnreader.models import Article
from hnreader.store import Store
from hnreader.ui.startup import hold_collections, release_collections
from hnreader.ui.widgets.reader import ArticleReader

ARTICLE_CHARS = 20_000
SIZE = (120, 40)
TARGETS_MS = {"medium": 50.0, "huge": 150.0}
STYLESHEET = Path(hnreader.ui.__file__).parent / "hnreader.tcss"


def long_article() -> Article:
    """A 20,000-character synthetic article."""
    found = synth.articles(1, seed=7, min_chars=ARTICLE_CHARS, max_chars=ARTICLE_CHARS)[0]
    return synth.to_article(found, "http://bench.hnreader.invalid/")


class ReaderApp(App[None]):
    """The reader alone, styled as in hnreader."""

    CSS_PATH = str(STYLESHEET)

    def compose(self) -> ComposeResult:
        """Only the reader."""
        yield ArticleReader(id="reader")


class PlainApp(App[None]):
    """The baseline: one Static in a scrolling container."""

    def compose(self) -> ComposeResult:
        """A scroller with one Static."""
        with VerticalScroll():
            yield Static(id="plain")


async def drawn(app: App[Any]) -> None:
    """Return once the screen has processed its messages and refreshed."""
    done = asyncio.Event()
    app.screen.call_after_refresh(done.set)
    await done.wait()


async def time_reader(store: Store, url: str, runs: int) -> tuple[dict[FontStep, list[float]], str]:
    """Milliseconds per open at each font step, and a note on steps that were unavailable."""
    app = ReaderApp()
    timings: dict[FontStep, list[float]] = {}
    notes = ""
    hold_collections()  # as `hnreader` does while it starts (hnreader.cli.reader_cmd)
    async with app.run_test(size=SIZE):
        await drawn(app)
        release_collections()  # and once its first screen is drawn (ui/screens/main_loads)
        reader = app.query_one(ArticleReader)
        for step in FONT_STEPS:
            await reader.set_font_step(step)
            if reader.font_step != step:
                notes += f"{step} unavailable (no CJK font); "
                continue
            progress(f"open article: {step}")
            timings[step] = []
            for _ in range(runs):
                await reader.show_message("…")
                await drawn(app)
                started = time.perf_counter()
                stored = await asyncio.to_thread(store.get_article, url)
                assert stored is not None
                await reader.show_article(stored.article)
                await drawn(app)
                timings[step].append((time.perf_counter() - started) * 1000)
    return timings, notes


async def time_plain(store: Store, url: str, runs: int) -> list[float]:
    """Milliseconds per open of the baseline."""
    app = PlainApp()
    found: list[float] = []
    async with app.run_test(size=SIZE):
        plain = app.query_one("#plain", Static)
        for _ in range(runs):
            plain.update("…")
            await drawn(app)
            started = time.perf_counter()
            stored = await asyncio.to_thread(store.get_article, url)
            assert stored is not None
            article = stored.article
            plain.update(Text("\n\n".join([article.title or "", *article.paragraphs])))
            await drawn(app)
            found.append((time.perf_counter() - started) * 1000)
    return found


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--runs", type=int, help="opens per font step (20; quick 3)")
    options = arguments.parse_args()
    runs = options.runs or (3 if options.quick else 20)
    article = long_article()
    with tempfile.TemporaryDirectory() as data_dir, Store.open(data_dir) as store:
        store.save_article(article)
        timings, unavailable = asyncio.run(time_reader(store, article.url, runs))
        base = asyncio.run(time_plain(store, article.url, runs))
    base_p95 = percentile(base, 95)
    rows = []
    for step, values in timings.items():
        label = FONT_STEP_LABELS[step]
        p95 = percentile(values, 95)
        target = TARGETS_MS.get(step)
        rows.append(
            Row(
                f"p95 open at {label} ({step})",
                p95,
                "ms",
                base_p95,
                f"<= {target:.0f} ms" if target else "",
                p95 <= target if target else None,
            )
        )
    rows.append(
        Row(
            "p50 open at 中 (medium)", percentile(timings["medium"], 50), "ms", percentile(base, 50)
        )
    )
    chars = len(article.text)
    notes = [
        f"{chars:,}-character article ({len(article.blocks)} paragraphs), {runs} opens per "
        f"step, terminal {SIZE[0]}x{SIZE[1]}; the first open at each step is included",
        "first open per step (ms): "
        + ", ".join(f"{FONT_STEP_LABELS[s]} {v[0]:.0f}" for s, v in timings.items()),
    ]
    if unavailable:
        notes.append(unavailable.rstrip("; "))
    emit("open_article", "open article (20,000 characters)", "plain Static, same text", rows, notes)


if __name__ == "__main__":
    main()
