"""The reader's own records: history of opened articles and unread counts per list page."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable

from hnreader.store.records import StoredArticle
from hnreader.store.serialise import article_from_json

ARTICLE_WITH_MARKS = (
    "SELECT a.data, a.fetched_at, r.read_at, r.bookmarked_at, r.opened_at FROM articles a"
    " LEFT JOIN reading r ON r.url = a.url"
)


def stored_article(row: tuple[str, str, str | None, str | None, str | None]) -> StoredArticle:
    """A :class:`StoredArticle` from a row of :data:`ARTICLE_WITH_MARKS`."""
    return StoredArticle(article_from_json(row[0]), row[1], row[2], row[3], row[4])


def history(conn: sqlite3.Connection, limit: int) -> list[StoredArticle]:
    """Stored articles by the time they were last opened, newest first."""
    rows = conn.execute(
        "SELECT a.data, a.fetched_at, r.read_at, r.bookmarked_at, r.opened_at FROM reading r"
        " JOIN articles a ON a.url = r.url WHERE r.opened_at IS NOT NULL"
        " ORDER BY r.opened_at DESC, a.id DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [stored_article(row) for row in rows]


def unread_counts(conn: sqlite3.Connection, list_urls: Iterable[str]) -> dict[str, int]:
    """For each stored list page URL: how many different articles it links to are not read.

    List pages that are not stored are left out of the answer.
    """
    counts: dict[str, int] = {}
    for url in dict.fromkeys(list_urls):
        row = conn.execute(
            "SELECT l.id, (SELECT count(DISTINCT li.article_url) FROM list_items li"
            "   LEFT JOIN reading r ON r.url = li.article_url"
            "   WHERE li.list_id = l.id AND r.read_at IS NULL)"
            " FROM lists l WHERE l.url = ?",
            (url,),
        ).fetchone()
        if row is not None:
            counts[url] = int(row[1])
    return counts
