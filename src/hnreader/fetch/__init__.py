"""Fetching over HTTP with one shared, careful client.

:class:`FetchError` is light to import; the client (:class:`Fetcher`, which imports aiohttp) is
imported on first use, so code that only raises or catches fetch failures (extraction in the
sync's second process) does not pay for the network stack.
"""

from typing import TYPE_CHECKING, Any

from hnreader.fetch.errors import FetchError

if TYPE_CHECKING:
    from hnreader.fetch.client import USER_AGENT, Fetcher, FetchKind
    from hnreader.fetch.robots import RobotsPolicy

__all__ = ["USER_AGENT", "FetchError", "FetchKind", "Fetcher", "RobotsPolicy"]


def __getattr__(name: str) -> Any:
    """Import the client (and aiohttp) when one of its names is first asked for."""
    if name in ("USER_AGENT", "Fetcher", "FetchKind"):
        from hnreader.fetch import client

        return getattr(client, name)
    if name == "RobotsPolicy":
        from hnreader.fetch.robots import RobotsPolicy

        return RobotsPolicy
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
