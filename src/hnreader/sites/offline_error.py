"""The error for a page that is neither reachable nor stored.

A module of its own so that importing :mod:`hnreader.sites` does not import the network
client (through :class:`FetchError`): a reader opened offline may never need it.
"""

from __future__ import annotations

from hnreader.fetch import FetchError


class NotAvailableOffline(FetchError):
    """The network is unreachable (or hnreader is offline) and the page was never stored.

    A :class:`FetchError`, so code that already reports fetch failures shows it as they are.
    ``cause`` is the network failure that made hnreader fall back to the library, if any.
    """

    def __init__(self, url: str, cause: FetchError | None = None) -> None:
        super().__init__(url, "not available offline")
        self.cause = cause
        detail = f" ({cause.reason})" if cause is not None else ""
        self.args = (f"{url} is not available offline: it was never stored{detail}",)

    @property
    def is_network(self) -> bool:
        """Always true: the page is missing because the network is not being used."""
        return True
