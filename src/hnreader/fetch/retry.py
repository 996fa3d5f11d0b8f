"""When to try a request again: exponential back-off with full jitter, and ``Retry-After``.

Full jitter (a random delay between zero and the exponential bound) spreads the retries of many
concurrent requests, so a server that just recovered is not hit by all of them at once.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait according to a ``Retry-After`` value (seconds or an HTTP date).

    None when the header is missing or unreadable; a date in the past means no wait.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # HTTP dates are GMT by definition
    current = now if now is not None else datetime.now(UTC)
    return max(0.0, (when - current).total_seconds())


@dataclass
class Backoff:
    """How long to wait before the next attempt.

    ``base`` is the bound of the first wait (doubling each time, up to ``cap``);
    ``max_retry_after`` caps how long a server may ask us to wait, so one answer of
    ``Retry-After: 86400`` cannot stall a sync for a day.
    """

    base: float = 0.5
    cap: float = 30.0
    max_retry_after: float = 60.0
    rng: random.Random = field(default_factory=random.Random)

    def delay(self, retry_index: int, retry_after: float | None = None) -> float:
        """Seconds to sleep before retry number ``retry_index`` (0 for the first retry)."""
        bound = min(self.cap, self.base * (2**retry_index))
        wait = self.rng.uniform(0.0, bound)
        if retry_after is not None:
            wait = max(wait, min(retry_after, self.max_retry_after))
        return wait
