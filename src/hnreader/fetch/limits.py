"""Politeness per host: at most N requests in flight and at most R request starts a second.

Both limits are per host name (scheme and port do not matter: it is the same server being
asked). The rate limit spaces request starts evenly, ``1 / R`` seconds apart, rather than
allowing bursts. All state is touched only from the event loop's thread between awaits, which
is what makes it correct without locks; the fetcher must therefore be used from one event loop
(Textual, the CLI and sync each run one).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Gate:
    """One host's concurrency slots and the earliest moment the next request may start."""

    slots: asyncio.Semaphore
    interval: float  # seconds between request starts; 0: no rate limit
    next_start: float = field(default=0.0)

    async def wait_for_turn(self) -> None:
        """Reserve the next start time (no await in between, so no two get the same one)."""
        if self.interval <= 0:
            return
        now = time.monotonic()
        start = max(now, self.next_start)
        self.next_start = start + self.interval
        if start > now:
            await asyncio.sleep(start - now)


class HostLimits:
    """The gates of every host seen so far, created on first use."""

    def __init__(self, concurrency: int, rate_for: Callable[[str], float]) -> None:
        self.concurrency = max(1, concurrency)
        self._rate_for = rate_for
        self._gates: dict[str, _Gate] = {}

    def _gate(self, host: str) -> _Gate:
        gate = self._gates.get(host)
        if gate is None:
            rate = self._rate_for(host)
            interval = 1.0 / rate if rate > 0 else 0.0
            gate = _Gate(asyncio.Semaphore(self.concurrency), interval)
            self._gates[host] = gate
        return gate

    @asynccontextmanager
    async def turn(self, host: str) -> AsyncIterator[None]:
        """Hold one of ``host``'s slots, started no sooner than its rate limit allows."""
        gate = self._gate(host)
        async with gate.slots:
            await gate.wait_for_turn()
            yield
