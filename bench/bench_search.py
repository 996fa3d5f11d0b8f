"""Benchmark: full-text search over a large library, 20 queries of 1-6 Chinese characters.

Measures :meth:`hnreader.store.Store.search` (20 hits, with titles and snippets) in process
on a cached synthetic library (:mod:`library`), warm: each query runs once before timing.
Baselines: a plain ``LIKE '%q%'`` scan over the same folded title and body text (the trigram
table's own content table, read as an ordinary table), newest first, ``LIMIT 20`` -- what a
store without a search index would do; and, as a floor, the index lookup alone (``MATCH``,
newest 20, no ranking, no snippets).

Usage: ``python bench/bench_search.py [--quick] [--articles N] [--rounds R]``
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

import library
import phrases
from common import Row, emit, parser, percentile, progress
from hnreader.store import Store

TARGET_P95_MS = 50.0
# The floor: the index lookup alone, newest 20 matches, no ranking, no snippets.
INDEX_ONLY = "SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid DESC LIMIT 20"
LIKE_SCAN = (
    "SELECT id FROM search_trigram_content WHERE c0 LIKE ?1 OR c1 LIKE ?1 ORDER BY id DESC LIMIT 20"
)


def time_ms(call: Callable[[str], object], query: str) -> float:
    """Milliseconds one call takes."""
    started = time.perf_counter()
    call(query)
    return (time.perf_counter() - started) * 1000


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--articles", type=int, help="library size (100,000; quick 5,000)")
    arguments.add_argument("--rounds", type=int, help="times each query is timed (5; quick 2)")
    options = arguments.parse_args()
    count = options.articles or (5_000 if options.quick else 100_000)
    rounds = options.rounds or (2 if options.quick else 5)
    data_dir = library.cached(count)
    store = Store.open(data_dir)
    plain = sqlite3.connect(store.path)
    hits = {q: len(store.search(q)) for q in phrases.QUERIES}  # warm-up, and hit counts

    def like_scan(query: str) -> None:
        plain.execute(LIKE_SCAN, (f"%{query}%",)).fetchall()

    def index_only(query: str) -> None:
        index = "search_trigram" if len(query) >= 3 else "search_bigram"
        pattern = f'"{query}"' + ("*" if len(query) == 1 else "")
        plain.execute(INDEX_ONLY.format(index=index), (pattern,)).fetchall()

    ours: list[float] = []
    base: list[float] = []
    floor: list[float] = []
    worst: dict[str, float] = {}
    for round_number in range(rounds):
        progress(f"search: round {round_number + 1}/{rounds}")
        for query in phrases.QUERIES:
            took = time_ms(store.search, query)
            ours.append(took)
            worst[query] = max(worst.get(query, 0.0), took)
            base.append(time_ms(like_scan, query))
            floor.append(time_ms(index_only, query))
    p95 = percentile(ours, 95)
    rows = [
        Row("p50, Store.search", percentile(ours, 50), "ms", percentile(base, 50)),
        Row("p95, Store.search", p95, "ms", percentile(base, 95), "<= 50 ms", p95 <= 50),
        Row("p95, Store.search vs the index lookup alone", p95, "ms", percentile(floor, 95)),
    ]
    slowest = sorted(worst.items(), key=lambda item: -item[1])[:3]
    notes = [
        f"{count:,} articles (synthetic, ~1,050 characters each), {len(phrases.QUERIES)} "
        f"queries x {rounds} rounds, warm cache, limit 20",
        "hits per query (of 20): " + ", ".join(f"{q} {n}" for q, n in hits.items()),
        "the LIKE scan stops at the 20th match, so it is quick for common words and slow for "
        "rare ones (p50 vs p95); the index lookup alone (newest 20 matches, no ranking, no "
        "snippets) is the floor any search pays",
        "slowest queries: " + ", ".join(f"{q} {ms:.1f} ms" for q, ms in slowest),
    ]
    emit("search", f"search, {count:,} articles", "plain LIKE scan, same text", rows, notes)
    store.close()
    plain.close()


if __name__ == "__main__":
    main()
