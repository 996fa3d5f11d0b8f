"""Tests for Chinese date parsing to ISO 8601."""

import pytest

from hnreader.extract.dates import find_dates, parse_date


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("时间: 2024-12-05 16:12:53", "2024-12-05T16:12:53"),
        ("2024/1/5 9:05", "2024-01-05T09:05"),
        ("2024.12.05", "2024-12-05"),
        ("发布日期：2024年12月5日", "2024-12-05"),
        ("2024年12月5号", "2024-12-05"),
        ("２０２４年１２月０５日　１６时１２分５３秒", "2024-12-05T16:12:53"),
        ("2024年12月05日16点12分", "2024-12-05T16:12"),
        ("2024-12-05T16:12:53+08:00", "2024-12-05T16:12:53"),
        ("成文日期：二〇二四年十二月二十一日", "2024-12-21"),
        ("二〇二五年一月十日", "2025-01-10"),
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["2024-02-30", "1850-01-01", "版本 2024-12.05", "12-05 16:12", "没有日期", "20241205"],
)
def test_no_date_is_invented(text: str) -> None:
    assert parse_date(text) is None


def test_time_out_of_range_keeps_only_the_date() -> None:
    assert parse_date("2024-12-05 25:61") == "2024-12-05"


def test_find_dates_in_order_with_positions() -> None:
    text = "今天是2026年11月28日 …… 发布时间：2024-12-05 16:12"
    found = find_dates(text)
    assert [iso for _, iso in found] == ["2026-11-28", "2024-12-05T16:12"]
    assert found[0][0] < found[1][0]
