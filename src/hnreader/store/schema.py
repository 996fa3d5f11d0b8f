"""The library's schema and its migrations.

``MIGRATIONS[n]`` takes a database from version ``n`` to ``n + 1`` (``PRAGMA user_version``);
:func:`migrate` applies the missing ones in order, each in its own ``BEGIN IMMEDIATE``
transaction together with the version bump, so a crash leaves the database at a version it
really has. A new version is one new function appended to the list, and a test building the
previous version.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hnreader.models import Article
from hnreader.store.serialise import article_from_json
from hnreader.store.textnorm import bigram_tokens, fold, normaliser_id

_V1_TABLES = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

-- Content-addressed bytes: raw pages, images and attachments, stored once each.
CREATE TABLE blobs (
    sha256 TEXT PRIMARY KEY,  -- of the original bytes
    size INTEGER NOT NULL,    -- original length
    codec TEXT NOT NULL CHECK (codec IN ('none', 'zlib')),
    data BLOB NOT NULL
) STRICT;

-- Raw fetched pages, so every page can be extracted again offline.
CREATE TABLE pages (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('article', 'list', 'tree')),
    blob TEXT NOT NULL REFERENCES blobs (sha256),
    content_type TEXT,
    status INTEGER NOT NULL,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL,
    UNIQUE (url, kind)
) STRICT;
CREATE INDEX pages_blob ON pages (blob);

-- Images and attachments.
CREATE TABLE assets (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    blob TEXT NOT NULL REFERENCES blobs (sha256),
    content_type TEXT,
    etag TEXT,
    last_modified TEXT,
    fetched_at TEXT NOT NULL
) STRICT;
CREATE INDEX assets_blob ON assets (blob);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,  -- host name
    title TEXT,
    published TEXT,
    data TEXT NOT NULL,  -- serialise.article_to_json
    fetched_at TEXT NOT NULL
) STRICT;
CREATE INDEX articles_site_published ON articles (site, published);
CREATE INDEX articles_published ON articles (published);

-- Keyed by URL, not article id: marks survive re-extraction and even a deleted article.
CREATE TABLE reading (
    url TEXT PRIMARY KEY,
    read_at TEXT,
    bookmarked_at TEXT
) STRICT;
CREATE INDEX reading_bookmarked ON reading (bookmarked_at) WHERE bookmarked_at IS NOT NULL;

CREATE TABLE lists (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    section TEXT,
    data TEXT NOT NULL,  -- serialise.article_list_to_json
    fetched_at TEXT NOT NULL
) STRICT;

-- Which list pages link to which articles: for the section filter of search.
CREATE TABLE list_items (
    list_id INTEGER NOT NULL REFERENCES lists (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    article_url TEXT NOT NULL,
    PRIMARY KEY (list_id, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX list_items_article ON list_items (article_url);

CREATE TABLE trees (
    id INTEGER PRIMARY KEY,
    url TEXT NOT NULL UNIQUE,
    site TEXT NOT NULL,  -- host name
    data TEXT NOT NULL,  -- serialise.site_tree_to_json
    fetched_at TEXT NOT NULL
) STRICT;
"""

_V2_SEARCH = """
-- Folded (simplified, case-folded) title and body; rowid = articles.id. Trigrams serve
-- queries of three characters or more without scanning.
CREATE VIRTUAL TABLE search_trigram USING fts5 (title, body, tokenize = 'trigram');

-- Overlapping bigrams (see textnorm.bigram_tokens) for one- and two-character queries.
-- Contentless and without positions: only "which articles contain this token" is needed.
CREATE VIRTUAL TABLE search_bigram USING fts5 (
    tokens, content = '', detail = 'none', tokenize = 'ascii'
);
"""


_V4_BIGRAM = """
-- As in version 2, plus a prefix index of every token's first character: a one-character
-- query is then one lookup instead of merging the lists of every token starting with it.
CREATE VIRTUAL TABLE search_bigram USING fts5 (
    tokens, content = '', detail = 'none', tokenize = 'ascii', prefix = '1'
);
"""


def _to_v1(conn: sqlite3.Connection) -> None:
    """Version 1: pages, blobs, assets, articles, reading marks, lists and trees."""
    for statement in _statements(_V1_TABLES):
        conn.execute(statement)


def _to_v2(conn: sqlite3.Connection) -> None:
    """Version 2: full-text search, filled from the articles already stored."""
    for statement in _statements(_V2_SEARCH):
        conn.execute(statement)
    rows = conn.execute("SELECT id, data FROM articles ORDER BY id").fetchall()
    for article_id, data in rows:
        index_article(conn, article_id, search_row(article_from_json(data)))
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES ('normaliser', ?)", (normaliser_id(),)
    )


def _to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: when each article was last opened in the reader, for the history view."""
    conn.execute("ALTER TABLE reading ADD COLUMN opened_at TEXT")
    conn.execute("CREATE INDEX reading_opened ON reading (opened_at) WHERE opened_at IS NOT NULL")


def _to_v4(conn: sqlite3.Connection) -> None:
    """Version 4: the bigram index rebuilt with a one-character prefix index."""
    conn.execute("DROP TABLE search_bigram")
    for statement in _statements(_V4_BIGRAM):
        conn.execute(statement)
    # The contentless bigram index is refilled from the folded text the trigram index keeps,
    # exactly as index_article would tokenise it.
    conn.create_function("hnreader_bigram_tokens", 1, bigram_tokens, deterministic=True)
    try:
        conn.execute(
            "INSERT INTO search_bigram (rowid, tokens)"
            " SELECT rowid, hnreader_bigram_tokens(title || char(10) || body) FROM search_trigram"
        )
    finally:
        conn.create_function("hnreader_bigram_tokens", 1, None)


Migration = Callable[[sqlite3.Connection], None]
MIGRATIONS: tuple[Migration, ...] = (_to_v1, _to_v2, _to_v3, _to_v4)
LATEST_VERSION = len(MIGRATIONS)


def _statements(script: str) -> list[str]:
    # executescript() would COMMIT the open transaction, so statements run one by one.
    lines = [line.split("--", 1)[0] for line in script.splitlines()]
    return [part.strip() for part in "\n".join(lines).split(";") if part.strip()]


def user_version(conn: sqlite3.Connection) -> int:
    """The schema version recorded in the database."""
    row = conn.execute("PRAGMA user_version").fetchone()
    return int(row[0])


def migrate(conn: sqlite3.Connection, target: int = LATEST_VERSION) -> list[int]:
    """Bring ``conn`` (autocommit mode) up to ``target``; return the versions applied."""
    applied: list[int] = []
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process may have migrated meanwhile.
            version = user_version(conn)
            if version >= target:
                conn.execute("COMMIT")
                return applied
            MIGRATIONS[version](conn)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version + 1)


def article_search_text(article: Article) -> tuple[str, str]:
    """``(title, body)`` as search indexes them and snippets quote them.

    The body is the paragraphs and headings, then table rows and image captions.
    """
    extra: list[str] = []
    for block in article.blocks:
        if block.kind == "table":
            extra.extend(" ".join(row) for row in block.rows)
        elif block.image is not None:
            extra.extend(text for text in (block.image.alt, block.image.caption) if text)
    return article.title or "", "\n".join([*article.paragraphs, *extra])


@dataclass(frozen=True, slots=True)
class SearchRow:
    """What the search indexes hold for one article, computed before the write transaction."""

    title: str
    body: str
    tokens: str


def search_row(article: Article) -> SearchRow:
    """Fold ``article`` for the indexes: CPU work, so callers do it outside any transaction."""
    title, body = article_search_text(article)
    folded_title, folded_body = fold(title), fold(body)
    return SearchRow(folded_title, folded_body, bigram_tokens(folded_title + "\n" + folded_body))


def index_article(conn: sqlite3.Connection, article_id: int, row: SearchRow) -> None:
    """(Re)index one article for search, inside the caller's transaction."""
    index_articles(conn, [(article_id, row)])


# Bound parameters per statement stay well under SQLite's limit (32,766 since 3.32).
_CHUNK = 500


def index_articles(
    conn: sqlite3.Connection,
    entries: Sequence[tuple[int, SearchRow]],
    *,
    skip_unchanged: bool = False,
) -> None:
    """(Re)index articles, given as ``(article id, search row)``, in the caller's transaction.

    Old entries are removed first, then the new ones are inserted together: FTS5 buffers
    inserts in memory, and any other statement in between could make it flush them to disk
    as many small segments. ``skip_unchanged`` leaves alone an article indexed with the same
    folded text already (a page saved again with the same text, as re-syncs mostly are);
    a rebuild must not skip, as it also repairs.
    """
    indexed = _indexed_text(conn, [article_id for article_id, _ in entries])
    if skip_unchanged:
        entries = [(i, row) for i, row in entries if indexed.get(i) != (row.title, row.body)]
    _remove(conn, [(i, *indexed[i]) for i, _ in entries if i in indexed])
    conn.executemany(
        "INSERT INTO search_trigram (rowid, title, body) VALUES (?, ?, ?)",
        [(article_id, row.title, row.body) for article_id, row in entries],
    )
    conn.executemany(
        "INSERT INTO search_bigram (rowid, tokens) VALUES (?, ?)",
        [(article_id, row.tokens) for article_id, row in entries],
    )


def unindex_article(conn: sqlite3.Connection, article_id: int) -> None:
    """Remove one article from both search indexes, if it is there."""
    unindex_articles(conn, [article_id])


def unindex_articles(conn: sqlite3.Connection, article_ids: Sequence[int]) -> None:
    """Remove articles from both search indexes, those that are there."""
    _remove(conn, [(rowid, *text) for rowid, text in _indexed_text(conn, article_ids).items()])


def _indexed_text(
    conn: sqlite3.Connection, article_ids: Sequence[int]
) -> dict[int, tuple[str, str]]:
    """The folded ``(title, body)`` indexed for each of ``article_ids`` that is indexed."""
    indexed: dict[int, tuple[str, str]] = {}
    for start in range(0, len(article_ids), _CHUNK):
        chunk = article_ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        sql = f"SELECT rowid, title, body FROM search_trigram WHERE rowid IN ({marks})"
        indexed.update((rowid, (title, body)) for rowid, title, body in conn.execute(sql, chunk))
    return indexed


def _remove(conn: sqlite3.Connection, indexed: Sequence[tuple[int, str, str]]) -> None:
    if not indexed:
        return
    # A contentless table forgets its text: deleting needs the exact tokens it was given,
    # which are recomputed from the folded text the trigram table keeps.
    conn.executemany(
        "INSERT INTO search_bigram (search_bigram, rowid, tokens) VALUES ('delete', ?, ?)",
        [(rowid, bigram_tokens(title + "\n" + body)) for rowid, title, body in indexed],
    )
    conn.executemany(
        "DELETE FROM search_trigram WHERE rowid = ?", [(rowid,) for rowid, _, _ in indexed]
    )
