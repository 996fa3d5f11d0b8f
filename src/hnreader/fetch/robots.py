"""robots.txt, read once per site through the shared fetcher and judged for "hnreader".

Choices (see docs/RELIABILITY.md, "Network faults"):

* no robots.txt (any 4xx answer): everything is allowed, as RFC 9309 says;
* a 5xx answer or an unreachable server: everything is allowed and a warning is recorded.
  RFC 9309 asks crawlers to assume "disallow all" here, but hnreader fetches at a low rate
  on a reader's behalf and the pages it then asks for fail the same way, so refusing would
  only hide the real error; the warning says robots.txt could not be read.

The answer for each origin is cached for the policy's lifetime (one sync run).
"""

from __future__ import annotations

import asyncio
import urllib.robotparser
from urllib.parse import urlsplit

from hnreader.fetch.client import Fetcher
from hnreader.fetch.errors import FetchError

ROBOTS_AGENT = "hnreader"
MAX_ROBOTS_BYTES = 500 * 1024  # RFC 9309: parse at least 500 KiB; ignore the rest


class RobotsPolicy:
    """Whether sync may fetch a URL according to its host's robots.txt."""

    def __init__(self, fetcher: Fetcher, agent: str = ROBOTS_AGENT) -> None:
        self.fetcher = fetcher
        self.agent = agent
        self.warnings: list[str] = []
        self._rules: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._loading: dict[str, asyncio.Lock] = {}

    async def allowed(self, url: str) -> bool:
        """True when robots.txt of ``url``'s host allows hnreader to fetch it."""
        parts = urlsplit(url)
        origin = f"{parts.scheme.lower()}://{parts.netloc.lower()}"
        if origin not in self._rules:
            lock = self._loading.setdefault(origin, asyncio.Lock())
            async with lock:  # concurrent callers wait for one fetch of robots.txt
                if origin not in self._rules:
                    self._rules[origin] = await self._load(origin)
        rules = self._rules[origin]
        return rules is None or rules.can_fetch(self.agent, url)

    async def _load(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The parsed rules, or None when everything is allowed."""
        address = f"{origin}/robots.txt"
        try:
            page = await self.fetcher.fetch(address, kind="any")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return None
            self._warn(f"robots.txt of {origin} could not be read, so all is allowed: {exc.reason}")
            return None
        rules = urllib.robotparser.RobotFileParser(address)
        text = page.content[:MAX_ROBOTS_BYTES].decode("utf-8", errors="replace")
        rules.parse(text.splitlines())
        return rules

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        self.fetcher.note_warning(message)
