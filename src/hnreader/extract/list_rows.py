"""Reading one list row: its headline and its date, each row read once per page.

The date is taken from the row beside the link (so that digits in a headline such as
2024年工作要点 are never taken for it), else from a date-only part inside the link, else a
yearless ``09-18`` is completed by the date in the article's URL when month and day agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from selectolax.lexbor import LexborNode

from hnreader.extract.dates import parse_date
from hnreader.extract.dom import clean_text
from hnreader.extract.list_links import anchor_text

__all__ = ["remembered_rows", "title_and_date"]

# A date and nothing else: digits, separators, 年月日 and time words, in brackets or not.
_DATE_ONLY = re.compile(r"[\[【(（]?[\d\s/:.年月日号时分秒T-]{6,}[\]】)）]?")
_MONTH_DAY = re.compile(r"(?<![\d-])(\d{1,2})[-/.月](\d{1,2})日?(?![\d-])")
_URL_DATE = re.compile(r"(?<!\d)(20\d\d)[-/_]?(\d\d)[-/_]?(\d\d)(?!\d)")
_TITLES_AND_DATES: ContextVar[dict[tuple[int, int], tuple[str, str | None]] | None] = ContextVar(
    "titles_and_dates", default=None
)


@contextmanager
def remembered_rows() -> Iterator[None]:
    """Within the block, each row's title and date are read once (scoring, then the items).

    Only around work on one tree that removes no nodes (a freed node's ``mem_id`` may be reused).
    """
    token = _TITLES_AND_DATES.set({})
    try:
        yield
    finally:
        _TITLES_AND_DATES.reset(token)


def title_and_date(row: LexborNode, anchor: LexborNode) -> tuple[str, str | None]:
    """A row's headline and date: the date beside the link, or a date-only part inside it."""
    memo = _TITLES_AND_DATES.get()
    if memo is None:
        return _read_title_and_date(row, anchor)
    key = (row.mem_id, anchor.mem_id)
    if key not in memo:
        memo[key] = _read_title_and_date(row, anchor)
    return memo[key]


def _read_title_and_date(row: LexborNode, anchor: LexborNode) -> tuple[str, str | None]:
    """``title_and_date`` computed."""
    title = anchor_text(anchor)
    row_text = clean_text(row.text(deep=True, separator=" ") or "")
    anchor_plain = clean_text(anchor.text(deep=True, separator=" ") or "")
    # Reading the date from the rest of the row keeps digits in the headline (2024年工作要点)
    # from being taken for the date.
    rest = row_text.replace(anchor_plain, " ", 1) if anchor_plain else row_text
    date = parse_date(rest) or _date_from_url(rest, anchor)
    if date is None:
        # Some templates put the whole row, date included, inside the link.
        for child in anchor.css("*"):
            text = clean_text(child.text(deep=True) or "")
            if len(text) <= 25 and _DATE_ONLY.fullmatch(text) and (date := parse_date(text)):
                title = clean_text(title.replace(text, " ", 1))
                break
    return title, date


def _date_from_url(rest: str, anchor: LexborNode) -> str | None:
    """A yearless ``09-18`` beside the link completed by the date in the article's URL.

    Only when the URL's month and day agree with the row, so the year is evidence, not a guess.
    """
    shown = _MONTH_DAY.search(rest)
    found = _URL_DATE.search(anchor.attributes.get("href") or "")
    if shown is None or found is None:
        return None
    year, month, day = found.groups()
    if (int(month), int(day)) != (int(shown.group(1)), int(shown.group(2))):
        return None
    return parse_date(f"{year}-{month}-{day}")
