"""Sites: section trees, lists, articles and images, from the network or the library."""

from hnreader.sites.errors import NotAvailableOffline
from hnreader.sites.session import Loaded, SiteSession

__all__ = ["Loaded", "NotAvailableOffline", "SiteSession"]
