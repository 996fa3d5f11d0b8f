"""Keeping the library in shape: statistics, pruning by age or size, clearing.

Every function runs inside the caller's transaction. Pruning never touches the reader's marks
(read, bookmarked, opened: they are keyed by URL and tiny) nor bookmarked articles, and never
the section trees, so navigation keeps working offline after any prune.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from hnreader.store.schema import unindex_articles
from hnreader.store.writes import prune_blobs

# Deleting in batches keeps each step's work (and the search index updates) small.
_BATCH = 200


@dataclass(frozen=True, slots=True)
class LibraryStats:
    """What the library holds and how much room it takes."""

    counts: dict[str, int]
    file_bytes: int  # the database file and its write-ahead log on disk
    stored_bytes: int  # raw pages, images and attachments as stored (compressed)
    original_bytes: int  # the same before compression
    oldest_fetch: str | None
    newest_fetch: str | None


@dataclass(frozen=True, slots=True)
class PruneResult:
    """How many records a prune or clear removed."""

    articles: int = 0
    lists: int = 0
    pages: int = 0
    assets: int = 0
    blobs: int = 0

    def __add__(self, other: PruneResult) -> PruneResult:
        return PruneResult(
            self.articles + other.articles,
            self.lists + other.lists,
            self.pages + other.pages,
            self.assets + other.assets,
            self.blobs + other.blobs,
        )


def byte_totals(conn: sqlite3.Connection) -> tuple[int, int]:
    """(stored, original) bytes of every blob."""
    row = conn.execute("SELECT coalesce(sum(length(data)), 0), coalesce(sum(size), 0) FROM blobs")
    stored, original = row.fetchone()
    return int(stored), int(original)


def content_bytes(conn: sqlite3.Connection) -> int:
    """Roughly what pruning by size measures: blobs plus extracted articles and lists."""
    stored, _ = byte_totals(conn)
    row = conn.execute(
        "SELECT (SELECT coalesce(sum(length(data)), 0) FROM articles)"
        " + (SELECT coalesce(sum(length(data)), 0) FROM lists)"
    ).fetchone()
    return stored + int(row[0])


def fetch_span(conn: sqlite3.Connection) -> tuple[str | None, str | None]:
    """The oldest and newest fetch time of any article, list or tree."""
    row = conn.execute(
        "SELECT min(t), max(t) FROM (SELECT fetched_at AS t FROM articles"
        " UNION ALL SELECT fetched_at FROM lists UNION ALL SELECT fetched_at FROM trees)"
    ).fetchone()
    return row[0], row[1]


def _delete_articles(conn: sqlite3.Connection, rows: list[tuple[int, str]]) -> PruneResult:
    # The search entries go first, all together: FTS5 work interleaved with other
    # statements is flushed to disk statement by statement (see writes.write_articles).
    unindex_articles(conn, [article_id for article_id, _ in rows])
    conn.executemany("DELETE FROM articles WHERE id = ?", [(article_id,) for article_id, _ in rows])
    # Later pages of a multi-page article go with the callers' age-based page deletes.
    pages = conn.executemany(
        "DELETE FROM pages WHERE kind = 'article' AND url = ?", [(url,) for _, url in rows]
    ).rowcount  # summed over the rows by executemany
    return PruneResult(articles=len(rows), pages=pages)


_NOT_BOOKMARKED = (
    "NOT EXISTS (SELECT 1 FROM reading r WHERE r.url = a.url AND r.bookmarked_at IS NOT NULL)"
)


def prune_before(conn: sqlite3.Connection, cutoff: str) -> PruneResult:
    """Delete articles, lists, pages and assets fetched before ``cutoff`` (ISO 8601, UTC)."""
    result = PruneResult()
    while True:
        rows = conn.execute(
            f"SELECT a.id, a.url FROM articles a WHERE a.fetched_at < ? AND {_NOT_BOOKMARKED}"
            f" LIMIT {_BATCH}",
            (cutoff,),
        ).fetchall()
        if not rows:
            break
        result += _delete_articles(conn, rows)
    lists = conn.execute("DELETE FROM lists WHERE fetched_at < ?", (cutoff,)).rowcount
    pages = conn.execute(
        "DELETE FROM pages WHERE fetched_at < ? AND kind != 'tree'"
        " AND url NOT IN (SELECT url FROM articles)",
        (cutoff,),
    ).rowcount
    assets = conn.execute("DELETE FROM assets WHERE fetched_at < ?", (cutoff,)).rowcount
    blobs = prune_blobs(conn)
    return result + PruneResult(lists=lists, pages=pages, assets=assets, blobs=blobs)


def prune_oldest_batch(conn: sqlite3.Connection) -> PruneResult:
    """Delete the oldest batch of articles (not bookmarked) and older assets and lists.

    Returns an empty result when nothing more can be pruned.
    """
    rows = conn.execute(
        f"SELECT a.id, a.url, a.fetched_at FROM articles a WHERE {_NOT_BOOKMARKED}"
        f" ORDER BY a.fetched_at, a.id LIMIT {_BATCH}"
    ).fetchall()
    if rows:
        newest = rows[-1][2]
        result = _delete_articles(conn, [(row[0], row[1]) for row in rows])
        assets = conn.execute("DELETE FROM assets WHERE fetched_at <= ?", (newest,)).rowcount
        lists = conn.execute("DELETE FROM lists WHERE fetched_at < ?", (newest,)).rowcount
        pages = conn.execute(
            "DELETE FROM pages WHERE kind != 'tree' AND fetched_at <= ?"
            " AND url NOT IN (SELECT url FROM articles) AND url NOT IN (SELECT url FROM lists)",
            (newest,),
        ).rowcount
        result += PruneResult(assets=assets, lists=lists, pages=pages)
    else:
        assets = conn.execute("DELETE FROM assets").rowcount
        lists = conn.execute("DELETE FROM lists").rowcount
        pages = conn.execute("DELETE FROM pages WHERE kind = 'list'").rowcount
        result = PruneResult(assets=assets, lists=lists, pages=pages)
    return result + PruneResult(blobs=prune_blobs(conn))


def clear_content(conn: sqlite3.Connection) -> PruneResult:
    """Delete everything fetched; the reader's marks stay (they are keyed by URL)."""
    articles = conn.execute("DELETE FROM articles").rowcount
    conn.execute("DELETE FROM search_trigram")
    # A contentless FTS5 table can only be emptied as a whole.
    conn.execute("INSERT INTO search_bigram (search_bigram) VALUES ('delete-all')")
    lists = conn.execute("DELETE FROM lists").rowcount
    conn.execute("DELETE FROM trees")
    pages = conn.execute("DELETE FROM pages").rowcount
    assets = conn.execute("DELETE FROM assets").rowcount
    blobs = conn.execute("DELETE FROM blobs").rowcount
    return PruneResult(articles, lists, pages, assets, blobs)
