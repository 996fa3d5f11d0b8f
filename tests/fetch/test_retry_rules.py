"""The retry rules on their own: Retry-After values and the back-off bounds."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest

from hnreader.fetch.retry import Backoff, retry_after_seconds

NOW = datetime(2026, 11, 28, 10, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("120", 120.0),
        (" 3 ", 3.0),
        ("Sat, 28 Nov 2026 10:00:30 GMT", 30.0),
        ("Sat, 28 Nov 2026 09:59:00 GMT", 0.0),  # already past: no wait
        ("soon", None),
        ("-5", None),
        (None, None),
    ],
)
def test_retry_after_in_seconds_or_as_a_date(value: str | None, seconds: float | None) -> None:
    assert retry_after_seconds(value, NOW) == seconds


def test_backoff_doubles_its_bound_up_to_the_cap() -> None:
    backoff = Backoff(base=1.0, cap=5.0, rng=random.Random(7))
    for retry, bound in enumerate([1.0, 2.0, 4.0, 5.0, 5.0]):
        waits = [backoff.delay(retry) for _ in range(200)]
        assert all(0.0 <= wait <= bound for wait in waits)
        assert max(waits) > bound * 0.8  # full jitter spreads over the whole range


def test_retry_after_is_a_floor_capped_by_max_retry_after() -> None:
    backoff = Backoff(base=0.01, max_retry_after=60.0, rng=random.Random(1))
    assert backoff.delay(0, retry_after=2.0) == 2.0
    assert backoff.delay(0, retry_after=86400.0) == 60.0
