"""Full-text search over the library, in either Chinese script, with plain-text snippets.

A query is folded like the indexed text (see :mod:`hnreader.store.textnorm`) and split on
whitespace; every term must match. Terms of three or more characters go to the trigram index;
when every term is shorter, the bigram index answers (a token lookup, or a prefix lookup for
one character), and the short terms of a mixed query are checked on the trigram matches. A
short term made only of punctuation is ignored. So no query scans the table.

Ranking: the newest :data:`RANKED_WINDOW` matches (by storage order) are taken from the index
and scored here from the stored folded text: term frequency, saturated and normalised by
length, the title weighing more than the body. SQLite's ``bm25()`` is not used: it reads every
match of a term to weigh it, whatever the ``LIMIT``, and a common term matches most of the
library. Matches beyond the window follow, newest first; short-only queries (bigram index,
which keeps no text) list the newest first.

Highlights are found in the stored folded text, whose offsets are the original's whenever
folding kept the length (almost always); otherwise the hit's text is folded again.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

from hnreader.store.records import SearchHit, Snippet
from hnreader.store.rows import host_of
from hnreader.store.schema import article_search_text
from hnreader.store.serialise import article_from_json
from hnreader.store.textnorm import find_spans, fold, fold_with_origin, to_original

_WORD_RUN = re.compile(r"[^\W_]+")
TITLE_WEIGHT = 5.0
# Only the most recently stored matches are ranked, so a term found in nearly every article
# costs no more than a rare one: results are the best of the newest RANKED_WINDOW matches.
RANKED_WINDOW = 200
# BM25's constants, applied per field to the window: saturation and length normalisation.
_K1 = 1.2
_B = 0.75
SNIPPET_CHARS = 100
SNIPPET_LEAD = 24  # characters of context shown before the first match
ELLIPSIS = "…"


@dataclass(frozen=True, slots=True)
class SearchFilter:
    """Narrow a search.

    To one site (host name or URL), to article URLs under ``url_prefix``, or to articles
    linked from list pages whose URL starts with ``list_url_prefix`` (a section).
    """

    site: str | None = None
    url_prefix: str | None = None
    list_url_prefix: str | None = None


def query_terms(query: str) -> tuple[str, ...]:
    """The folded, de-duplicated terms of ``query``."""
    return tuple(dict.fromkeys(fold(query).split()))


def _quoted(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _short_term_patterns(term: str) -> list[str]:
    """FTS5 patterns for the bigram index: a token, or a token prefix for one character."""
    return [_quoted(run) + ("*" if len(run) == 1 else "") for run in _WORD_RUN.findall(term)]


def _prefix_range(prefix: str) -> tuple[str, str]:
    # Every string starting with prefix sorts in [prefix, prefix with its last char + 1).
    return prefix, prefix[:-1] + chr(ord(prefix[-1]) + 1)


def _filter_sql(search_filter: SearchFilter) -> tuple[list[str], list[str]]:
    where: list[str] = []
    params: list[str] = []
    if search_filter.site:
        site = search_filter.site
        where.append("a.site = ?")
        params.append(host_of(site) if "://" in site else site.lower())
    if search_filter.url_prefix:
        where.append("a.url >= ? AND a.url < ?")
        params.extend(_prefix_range(search_filter.url_prefix))
    if search_filter.list_url_prefix:
        where.append(
            "EXISTS (SELECT 1 FROM list_items li JOIN lists l ON l.id = li.list_id"
            " WHERE li.article_url = a.url AND l.url >= ? AND l.url < ?)"
        )
        params.extend(_prefix_range(search_filter.list_url_prefix))
    return where, params


_HIT_FIELDS = """
SELECT a.id, a.url, a.data, a.site,
       (SELECT l.section FROM list_items li JOIN lists l ON l.id = li.list_id
         WHERE li.article_url = a.url AND l.section IS NOT NULL
         ORDER BY l.fetched_at DESC LIMIT 1)
  FROM articles a WHERE a.id IN ({marks})
"""
_FOLDED_TEXT = "SELECT rowid, title, body FROM search_trigram WHERE rowid IN ({marks})"


def _matching_sql(
    terms: tuple[str, ...], search_filter: SearchFilter
) -> tuple[str, str, list[str | int]] | None:
    """``(index, where, params)`` selecting the articles that match, or None: nothing to find."""
    long_terms = [term for term in terms if len(term) >= 3]
    short_terms = [term for term in terms if len(term) < 3 and _WORD_RUN.search(term)]
    if not long_terms and not short_terms:
        return None
    where: list[str] = []
    params: list[str | int] = []
    if long_terms:
        index = "search_trigram"
        params.append(" AND ".join(_quoted(term) for term in long_terms))
    else:
        index = "search_bigram"
        params.append(" AND ".join(p for term in short_terms for p in _short_term_patterns(term)))
    where.append(f"{index} MATCH ?")
    for term in short_terms:
        if long_terms or not _WORD_RUN.fullmatch(term):
            # Check the text itself, on the few articles already selected: the long terms
            # select fewer than a one-character lookup would, and punctuation is not in the
            # bigram index at all.
            where.append(
                "EXISTS (SELECT 1 FROM search_trigram t WHERE t.rowid = a.id"
                " AND instr(t.title || char(10) || t.body, ?) > 0)"
            )
            params.append(term)
    filter_where, filter_params = _filter_sql(search_filter)
    where.extend(filter_where)
    params.extend(filter_params)
    return index, " AND ".join(where), params


def search(
    conn: sqlite3.Connection,
    query: str,
    search_filter: SearchFilter,
    limit: int,
    offset: int,
) -> list[SearchHit]:
    """Articles matching every term of ``query``, best first."""
    terms = query_terms(query)
    matching = _matching_sql(terms, search_filter)
    if matching is None or limit <= 0:
        return []
    index, where, params = matching
    ranked = index == "search_trigram"
    window = max(RANKED_WINDOW if ranked else 0, limit + offset)
    # Walking the index in descending rowid order lets LIMIT stop early, even for a term in
    # every article.
    sql = (
        f"SELECT a.id FROM {index} JOIN articles a ON a.id = {index}.rowid"
        f" WHERE {where} ORDER BY {index}.rowid DESC LIMIT {window}"
    )
    ids = [row[0] for row in conn.execute(sql, params)]
    folded: dict[int, tuple[str, str]] = {}
    if ranked:
        head = ids[:RANKED_WINDOW]
        folded = _folded_text(conn, head)
        # Short terms are left out of the score: without IDF, a common character would
        # outweigh the phrase that selected the window.
        ids = _rank(head, folded, [term for term in terms if len(term) >= 3]) + ids[RANKED_WINDOW:]
    page = ids[offset : offset + limit]
    if not page:
        return []
    folded.update(_folded_text(conn, [i for i in page if i not in folded]))
    rows = conn.execute(_HIT_FIELDS.format(marks=",".join("?" * len(page))), page).fetchall()
    by_id = {row[0]: (row[1], row[2], row[3], row[4]) for row in rows}
    hits = []
    # An article deleted by another connection since the match (no read transaction spans
    # these statements) is simply left out.
    for article_id in (i for i in page if i in by_id):
        url, data, site, section = by_id[article_id]
        hits.append(_hit(url, data, site, section, folded.get(article_id), terms))
    return hits


def _folded_text(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, str]]:
    """The folded title and body the trigram index keeps, by article id."""
    if not ids:
        return {}
    sql = _FOLDED_TEXT.format(marks=",".join("?" * len(ids)))
    return {row[0]: (row[1], row[2]) for row in conn.execute(sql, ids)}


def _field_score(text: str, terms: list[str], average_length: float) -> float:
    count = sum(text.count(term) for term in terms)
    if not count:
        return 0.0
    norm = _K1 * (1 - _B + _B * len(text) / average_length)
    return count * (_K1 + 1) / (count + norm)


def _rank(ids: list[int], folded: dict[int, tuple[str, str]], terms: list[str]) -> list[int]:
    """``ids`` best first: a BM25-like score over the window, the title weighing more."""
    if not folded:
        return ids
    texts = [folded.get(i, ("", "")) for i in ids]
    title_average = max(1.0, sum(len(title) for title, _ in texts) / len(texts))
    body_average = max(1.0, sum(len(body) for _, body in texts) / len(texts))
    scores = {
        article_id: TITLE_WEIGHT * _field_score(title, terms, title_average)
        + _field_score(body, terms, body_average)
        for article_id, (title, body) in zip(ids, texts, strict=True)
    }
    # Stable sort over newest-first ids: equal scores stay newest first.
    return sorted(ids, key=lambda article_id: -scores[article_id])


def _spans_in(text: str, folded: str | None, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    if folded is not None and len(folded) == len(text):
        # Folding kept the length, so folded offsets are offsets in the original text.
        return find_spans(folded, terms)
    folded_again, origin = fold_with_origin(text)
    return to_original(find_spans(folded_again, terms), origin, len(text))


def make_snippet(body: str, terms: tuple[str, ...], folded_body: str | None = None) -> Snippet:
    """Up to :data:`SNIPPET_CHARS` characters of ``body`` around the first match, on one line.

    ``folded_body`` is ``body`` as the index keeps it, when known, to find matches without
    folding again.
    """
    spans = _spans_in(body, folded_body, terms)
    start = max(0, spans[0][0] - SNIPPET_LEAD) if spans else 0
    end = min(len(body), start + SNIPPET_CHARS)
    lead = ELLIPSIS if start > 0 else ""
    tail = ELLIPSIS if end < len(body) else ""
    # Same-length replacement, so the offsets stay valid.
    text = lead + body[start:end].replace("\n", " ") + tail
    shift = len(lead) - start
    inside = tuple(
        (max(s, start) + shift, min(e, end) + shift) for s, e in spans if s < end and e > start
    )
    return Snippet(text, inside)


def _hit(
    url: str,
    data: str,
    site: str,
    section: str | None,
    folded: tuple[str, str] | None,
    terms: tuple[str, ...],
) -> SearchHit:
    article = article_from_json(data)
    title, body = article_search_text(article)
    folded_title, folded_body = folded if folded is not None else (None, None)
    return SearchHit(
        url=url,
        title=article.title,
        title_spans=tuple(_spans_in(title, folded_title, terms)),
        published=article.published,
        section=section,
        site=site,
        snippet=make_snippet(body, terms, folded_body),
    )
