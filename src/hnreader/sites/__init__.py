"""Sites: section trees, lists, articles and images, from the network or the library.

Names are imported on first use: the sync's extraction process needs only
:mod:`hnreader.sites.kinds`, not the session (nor asyncio, nor the network client).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hnreader.sites.offline_error import NotAvailableOffline
    from hnreader.sites.session import Loaded, SiteSession

__all__ = ["Loaded", "NotAvailableOffline", "SiteSession"]


def __getattr__(name: str) -> Any:
    """Import :class:`SiteSession`, :class:`Loaded` or :class:`NotAvailableOffline` when asked."""
    if name in ("Loaded", "SiteSession"):
        from hnreader.sites import session

        return getattr(session, name)
    if name == "NotAvailableOffline":
        from hnreader.sites.offline_error import NotAvailableOffline

        return NotAvailableOffline
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
