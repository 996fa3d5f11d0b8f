"""Benchmark: bytes per stored article, split into raw pages, fields and search index.

Reads SQLite's ``dbstat`` table (bytes of every table and index, pages included) on a cached
synthetic library (:mod:`library`, vacuumed after building) and divides by the number of
articles. List pages and the tree are counted with the fields (they are what browsing
reads). Baseline: the original, uncompressed bytes of the raw article pages as served.

Usage: ``python bench/bench_store_size.py [--quick] [--articles N]``
"""

from __future__ import annotations

import sqlite3

import library
from common import Row, emit, parser
from hnreader.store import Store

PARTS = {
    "raw pages (compressed)": ("blobs", "pages"),
    "fields (articles, lists, tree)": ("articles", "lists", "list_items", "trees", "reading"),
    "search index (trigram)": ("search_trigram",),
    "search index (bigram)": ("search_bigram",),
}


def part_of(name: str, tables: dict[str, str]) -> str:
    """The part a table or index (by its dbstat name) belongs to."""
    table = tables.get(name, name)
    for part, prefixes in PARTS.items():
        if any(table == p or table.startswith(p + "_") for p in prefixes):
            return part
    return "other (meta, schema)"


def main() -> None:
    arguments = parser(__doc__ or "")
    arguments.add_argument("--articles", type=int, help="library size (100,000; quick 5,000)")
    options = arguments.parse_args()
    count = options.articles or (5_000 if options.quick else 100_000)
    data_dir = library.cached(count)
    with Store.open(data_dir) as store:
        path = store.path
        articles = store.counts()["articles"]
    conn = sqlite3.connect(path)
    # Indexes belong to their table (sqlite_autoindex_pages_1 is the pages table's).
    tables = dict(conn.execute("SELECT name, tbl_name FROM sqlite_master").fetchall())
    sizes: dict[str, int] = {}
    for name, size in conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
        part = part_of(name, tables)
        sizes[part] = sizes.get(part, 0) + int(size)
    raw_html = conn.execute(
        "SELECT sum(b.size), sum(length(b.data)) FROM pages p JOIN blobs b ON b.sha256 = p.blob"
        " WHERE p.kind = 'article'"
    ).fetchone()
    text_chars = conn.execute("SELECT sum(length(c1)) FROM search_trigram_content").fetchone()[0]
    conn.close()
    file_bytes = path.stat().st_size
    original = raw_html[0] / articles
    rows = [
        Row(f"{part} per article", size / articles, "B", original)
        for part, size in sorted(sizes.items(), key=lambda item: -item[1])
    ]
    rows.append(Row("total per article (file size)", file_bytes / articles, "B", original))
    notes = [
        f"{articles:,} articles, ~{text_chars / articles:,.0f} characters of body text each; "
        f"raw article pages are {original:,.0f} B as served, "
        f"{raw_html[1] / articles:,.0f} B compressed (zlib)",
        f"file: {file_bytes / 1e6:,.1f} MB",
    ]
    emit("store_size", f"store size, {count:,} articles", "raw article page as served", rows, notes)


if __name__ == "__main__":
    main()
