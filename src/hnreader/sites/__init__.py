"""Sites: loading section trees, lists and articles from a site over the network."""

from hnreader.sites.session import SiteSession

__all__ = ["SiteSession"]
