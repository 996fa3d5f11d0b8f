"""Chinese date and time strings to ISO 8601, never inventing a missing part.

Accepted: ``2024-12-05``, ``2024/12/5``, ``2024.12.05``, ``2024年12月5日`` (and ``号``), Chinese
numerals (``二〇二四年十二月五日``), full-width digits and punctuation, optionally followed by a
time (``16:12``, ``16:12:53``, ``16时12分53秒``, ``16点12分``). The result is ``2024-12-05``
without a time, ``2024-12-05T16:12`` with hours and minutes, ``2024-12-05T16:12:53`` with seconds.
"""

from __future__ import annotations

import re
from datetime import date

__all__ = ["DATE_PATTERN", "find_dates", "parse_date"]

_FULL_WIDTH = str.maketrans(
    "０１２３４５６７８９－／．：　",
    "0123456789-/.: ",
)
_CHINESE_DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "三": 3, "四": 4}
_CHINESE_DIGITS.update({"五": 5, "六": 6, "七": 7, "八": 8, "九": 9})
_CN = "〇零○Ｏ一二三四五六七八九十"
_ANY_FULL_WIDTH = re.compile("[０-９－／．：　]")  # what _FULL_WIDTH changes

DATE_PATTERN = re.compile(
    r"(?<![\d])(?P<y>(?:19|20)\d\d)\s*(?P<s1>[-/.年])\s*(?P<m>\d{1,2})\s*(?P<s2>[-/.月])\s*"
    r"(?P<d>\d{1,2})(?![\d])\s*[日号]?"
    r"(?:\s*(?:T|\s)?\s*(?P<H>\d{1,2})\s*[:时点]\s*(?P<M>\d{1,2})(?![\d])"
    r"(?:\s*(?:[:分]\s*(?P<S>\d{1,2})(?![\d])\s*秒?|分))?)?"
)
_CHINESE_DATE = re.compile(
    rf"(?P<y>[{_CN}]{{4}})\s*年\s*(?P<m>[{_CN}]{{1,2}})\s*月\s*(?P<d>[{_CN}]{{1,3}})\s*[日号]"
)


def parse_date(text: str) -> str | None:
    """The first valid date (with its time, if given) in ``text`` as ISO 8601, or None."""
    found = find_dates(text, limit=1)
    return found[0][1] if found else None


def find_dates(text: str, limit: int | None = None) -> list[tuple[int, str]]:
    """Every valid date in ``text`` as ``(position, iso)`` pairs, in order of position."""
    # str.translate looks every character up: on long Chinese text a search is far cheaper.
    normal = text.translate(_FULL_WIDTH) if _ANY_FULL_WIDTH.search(text) else text
    found: list[tuple[int, str]] = []
    for match in DATE_PATTERN.finditer(normal):
        iso = _from_match(match)
        if iso:
            found.append((match.start(), iso))
            if limit is not None and len(found) >= limit:
                if "年" not in normal:
                    return found
                if limit == 1:
                    break  # only a Chinese-numeral date before this one can come first
    first = found[0][0] if limit == 1 and found else None
    for match in _CHINESE_DATE.finditer(normal):
        if first is not None and match.start() > first:
            break  # matches come in order: none of the rest comes before the first date
        day = _valid_date(
            _chinese_year(match.group("y")),
            _chinese_number(match.group("m")),
            _chinese_number(match.group("d")),
        )
        if day:
            found.append((match.start(), day.isoformat()))
    found.sort()
    return found[:limit] if limit is not None else found


def _from_match(match: re.Match[str]) -> str | None:
    """ISO text for one ``DATE_PATTERN`` match, or None when it is not a real date."""
    year, s1, month, s2, day_text, hours, minutes, seconds = match.group(
        "y", "s1", "m", "s2", "d", "H", "M", "S"
    )
    if (s1 == "年") != (s2 == "月") or (s1 != "年" and s1 != s2):
        return None  # mixed separators such as 2024-12.05 are version numbers, not dates
    day = _valid_date(int(year), int(month), int(day_text))
    if day is None:
        return None
    if hours is None:
        return day.isoformat()
    hour, minute = int(hours), int(minutes)
    if hour > 23 or minute > 59:
        return day.isoformat()
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}"
    if seconds is not None:
        second = int(seconds)
        if second <= 59:
            stamp += f":{second:02d}"
    return stamp


def _valid_date(year: int | None, month: int | None, day: int | None) -> date | None:
    """A ``date`` when the parts make a real calendar day in a plausible range."""
    if year is None or month is None or day is None or not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _chinese_year(text: str) -> int | None:
    """二〇二四 → 2024 (digit by digit, as years are written)."""
    digits = [_CHINESE_DIGITS.get(ch) for ch in text]
    if any(d is None for d in digits):
        return None
    return int("".join(str(d) for d in digits))


def _chinese_number(text: str) -> int | None:
    """Chinese numerals up to 31: 五 → 5, 十二 → 12, 二十一 → 21, 三十 → 30."""
    if "十" not in text:
        return _CHINESE_DIGITS.get(text) if len(text) == 1 else None
    tens_text, _, units_text = text.partition("十")
    tens = _CHINESE_DIGITS.get(tens_text) if tens_text else 1
    units = _CHINESE_DIGITS.get(units_text) if units_text else 0
    if tens is None or units is None:
        return None
    return tens * 10 + units
