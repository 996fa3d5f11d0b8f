"""Full-text search over the library, in either Chinese script, with plain-text snippets.

A query is folded like the indexed text (see :mod:`hnreader.store.textnorm`) and split on
whitespace; every term must match. Terms of three or more characters go to the trigram index;
when every term is shorter, the bigram index answers (a token lookup, or a prefix lookup for
one character), and the short terms of a mixed query are checked on the trigram matches. A
short term made only of punctuation is ignored. So no query scans the table.

Ranking: the newest :data:`RANKED_WINDOW` matches (by storage order) are taken from the index,
then ranked by BM25 with the title weighing more than the body (short-only queries: newest
first). This bounds the cost of very common terms.
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
RANKED_WINDOW = 1000
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


_SELECT = """
SELECT a.url, a.data, a.site,
       (SELECT l.section FROM list_items li JOIN lists l ON l.id = li.list_id
         WHERE li.article_url = a.url AND l.section IS NOT NULL
         ORDER BY l.fetched_at DESC LIMIT 1)
"""


def _score(index: str) -> str:
    if index == "search_trigram":
        return f"bm25(search_trigram, {TITLE_WEIGHT}, 1.0)"
    return "0"  # the bigram index keeps no positions or counts to rank by


def search(
    conn: sqlite3.Connection,
    query: str,
    search_filter: SearchFilter,
    limit: int,
    offset: int,
) -> list[SearchHit]:
    """Articles matching every term of ``query``, best first."""
    terms = query_terms(query)
    long_terms = [term for term in terms if len(term) >= 3]
    short_terms = [term for term in terms if len(term) < 3 and _WORD_RUN.search(term)]
    if not long_terms and not short_terms:
        return []
    where: list[str] = []
    params: list[str | int] = []
    if long_terms:
        index = "search_trigram"
        params.append(" AND ".join(_quoted(term) for term in long_terms))
    else:
        index = "search_bigram"
        params.append(" AND ".join(p for term in short_terms for p in _short_term_patterns(term)))
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
    # Without a rank (bigram index), the newest limit + offset matches are all it takes.
    window = RANKED_WINDOW if index == "search_trigram" else limit + offset
    # Walking the index in descending rowid order lets LIMIT stop early, even for a term in
    # every article; ranking all matches would read them all.
    candidates = (
        f"SELECT a.id AS id, {_score(index)} AS score FROM {index}"
        f" JOIN articles a ON a.id = {index}.rowid"
        f" WHERE {' AND '.join([f'{index} MATCH ?', *where])}"
        f" ORDER BY {index}.rowid DESC LIMIT {window}"
    )
    sql = (
        f"{_SELECT} FROM ({candidates}) c JOIN articles a ON a.id = c.id"
        " ORDER BY c.score, c.id DESC LIMIT ? OFFSET ?"
    )
    rows = conn.execute(sql, [*params, limit, offset]).fetchall()
    return [_hit(url, data, site, section, terms) for url, data, site, section in rows]


def _spans_in(text: str, terms: tuple[str, ...]) -> list[tuple[int, int]]:
    folded, origin = fold_with_origin(text)
    return to_original(find_spans(folded, terms), origin, len(text))


def make_snippet(body: str, terms: tuple[str, ...]) -> Snippet:
    """Up to :data:`SNIPPET_CHARS` characters of ``body`` around the first match, on one line."""
    spans = _spans_in(body, terms)
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


def _hit(url: str, data: str, site: str, section: str | None, terms: tuple[str, ...]) -> SearchHit:
    article = article_from_json(data)
    title, body = article_search_text(article)
    return SearchHit(
        url=url,
        title=article.title,
        title_spans=tuple(_spans_in(title, terms)),
        published=article.published,
        section=section,
        site=site,
        snippet=make_snippet(body, terms),
    )
