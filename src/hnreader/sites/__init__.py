"""Sites: section trees, lists, articles and images, from the network or the library."""

from typing import TYPE_CHECKING, Any

from hnreader.sites.session import Loaded, SiteSession

if TYPE_CHECKING:
    from hnreader.sites.offline_error import NotAvailableOffline

__all__ = ["Loaded", "NotAvailableOffline", "SiteSession"]


def __getattr__(name: str) -> Any:
    """Import :class:`NotAvailableOffline` (and the network client) only when first used."""
    if name == "NotAvailableOffline":
        from hnreader.sites.offline_error import NotAvailableOffline

        return NotAvailableOffline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
