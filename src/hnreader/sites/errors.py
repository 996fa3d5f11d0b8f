"""Why something could not be loaded from a site or from the library.

:class:`NotAvailableOffline` is importable from here, but defined (with the network client
it derives from) only when first used: see :mod:`hnreader.sites.offline_error`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hnreader.fetch import FetchError
    from hnreader.sites.offline_error import NotAvailableOffline

__all__ = ["NotAvailableOffline", "is_network_failure"]


def __getattr__(name: str) -> Any:
    """Import :class:`NotAvailableOffline` on first use (module attribute hook)."""
    if name == "NotAvailableOffline":
        from hnreader.sites.offline_error import NotAvailableOffline

        return NotAvailableOffline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def is_network_failure(exc: FetchError) -> bool:
    """Whether ``exc`` is a failure to reach the server (as opposed to an HTTP error answer).

    Uses :attr:`FetchError.is_network` when the fetcher provides it; before that, a failure
    without an HTTP status is taken to be a network failure.
    """
    return bool(getattr(exc, "is_network", exc.status is None))
