"""The site catalogue: built-in sites, the user's sites, and finding one by name or address.

Built-in sites are in :mod:`hnreader.catalogue.builtin`; the user's come from ``config.toml``
(hand-written ``[[sites]]`` tables) and ``sites.toml`` (written by ``hnreader sites add``), both
read by :func:`hnreader.config_file.load_config` into ``Config.sites``. A user site named like
a built-in one replaces it.
"""

from hnreader.catalogue.builtin import BUILTIN_SITES, FLAGSHIP_NAME, is_builtin
from hnreader.catalogue.resolve import (
    SiteAddressUnknown,
    SiteNotFound,
    all_sites,
    find_site,
    flagship,
    normalise_url,
    resolve_site,
    same_site,
)
from hnreader.catalogue.user_sites import (
    load_user_sites,
    remember_address,
    remove_user_site,
    save_user_site,
)

__all__ = [
    "BUILTIN_SITES",
    "FLAGSHIP_NAME",
    "SiteAddressUnknown",
    "SiteNotFound",
    "all_sites",
    "find_site",
    "flagship",
    "is_builtin",
    "load_user_sites",
    "normalise_url",
    "remember_address",
    "remove_user_site",
    "resolve_site",
    "same_site",
    "save_user_site",
]
