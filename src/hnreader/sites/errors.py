"""Why something could not be loaded from a site or from the library."""

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


def is_network_failure(exc: FetchError) -> bool:
    """Whether ``exc`` is a failure to reach the server (as opposed to an HTTP error answer).

    Uses :attr:`FetchError.is_network` when the fetcher provides it; before that, a failure
    without an HTTP status is taken to be a network failure.
    """
    return bool(getattr(exc, "is_network", exc.status is None))
