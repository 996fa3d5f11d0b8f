"""robots.txt for sync: the fetcher's :class:`RobotsPolicy` when it exists, else a fallback.

The fallback reads each host's ``/robots.txt`` once with the shared fetcher and judges with
:mod:`urllib.robotparser`; a missing or unreadable robots.txt allows everything, as the
standard says for a 4xx answer.
"""

from __future__ import annotations

import importlib
import urllib.robotparser
from typing import Any, Protocol, cast
from urllib.parse import urlsplit

from hnreader.fetch import Fetcher, FetchError

ROBOTS_AGENT = "hnreader"


class Policy(Protocol):
    """Whether a URL may be fetched by sync."""

    async def allowed(self, url: str) -> bool:
        """True when robots.txt allows fetching ``url``."""
        ...


class AllowAll:
    """Used when robots.txt is switched off for a site."""

    async def allowed(self, url: str) -> bool:
        """Always true."""
        return True


class FallbackRobots:
    """A small robots.txt reader, one fetch per host."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher
        self._parsers: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    async def allowed(self, url: str) -> bool:
        """True when the host's robots.txt allows ``url`` for hnreader."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._parsers:
            self._parsers[origin] = await self._load(origin)
        parser = self._parsers[origin]
        return parser is None or parser.can_fetch(ROBOTS_AGENT, url)

    async def _load(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        try:
            page = await self.fetcher.fetch(origin + "/robots.txt")
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return None  # no robots.txt: everything is allowed
            raise
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(page.content.decode("utf-8", errors="replace").splitlines())
        return parser


def robots_policy(fetcher: Fetcher, enabled: bool = True) -> Policy:
    """The policy sync follows: the fetcher's own when available, else :class:`FallbackRobots`."""
    if not enabled:
        return AllowAll()
    try:
        module = importlib.import_module("hnreader.fetch.robots")
    except ModuleNotFoundError:
        return FallbackRobots(fetcher)
    policy_class = cast(Any, module).RobotsPolicy
    return cast(Policy, policy_class(fetcher))
