"""The catalogue: built-in sites overlaid by the user's, and finding a site by name or address."""

from __future__ import annotations

import difflib
import re
from urllib.parse import urlsplit

from hnreader.catalogue.builtin import BUILTIN_SITES, FLAGSHIP_NAME
from hnreader.config import Config, SiteConfig

_HOST_LIKE = re.compile(r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+(:\d+)?(/\S*)?$")


class SiteNotFound(LookupError):
    """No site in the catalogue has that name; the message suggests close names."""


class SiteAddressUnknown(LookupError):
    """The site is in the catalogue but its address is not known yet (the flagship, at first)."""

    def __init__(self, site: SiteConfig) -> None:
        super().__init__(
            f"the address of {site.name} is not known yet: give it once with "
            f"'hnreader sites add URL --name {site.name}' (until then, 'hnreader --demo' "
            "opens the demo edition)"
        )
        self.site = site


def all_sites(config: Config) -> list[SiteConfig]:
    """Every site: the built-in ones (replaced by a user site of the same name), then the user's."""
    sites = list(BUILTIN_SITES)
    for user_site in config.sites:
        index = _index_by_name(sites, user_site.name)
        if index is None:
            sites.append(user_site)
        else:
            sites[index] = user_site
    return sites


def flagship(config: Config) -> SiteConfig:
    """The flagship site, with the address the user gave if any (``url`` is "" until then)."""
    sites = all_sites(config)
    index = _index_by_name(sites, FLAGSHIP_NAME)
    return sites[index] if index is not None else BUILTIN_SITES[0]


def find_site(name: str, config: Config) -> SiteConfig | None:
    """The site called ``name`` (ignoring case), or None."""
    sites = all_sites(config)
    index = _index_by_name(sites, name)
    return None if index is None else sites[index]


def resolve_site(name_or_url: str, config: Config) -> SiteConfig:
    """The site ``hnreader sync SITE`` means: a catalogue name, or a home-page address.

    An address of a catalogue site gives that site with its settings; any other address gives
    a site with default settings named after its host. Raises :class:`SiteNotFound` (with
    suggestions) or :class:`SiteAddressUnknown`.
    """
    wanted = name_or_url.strip()
    site = find_site(wanted, config)
    if site is not None:
        if not site.url:
            raise SiteAddressUnknown(site)
        return site
    if "://" in wanted or _HOST_LIKE.match(wanted):
        url = normalise_url(wanted)
        for candidate in all_sites(config):
            if candidate.url and same_site(candidate.url, url):
                return candidate
        return SiteConfig(name=urlsplit(url).netloc, url=url)
    names = [s.name for s in all_sites(config)]
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=0.4)
    hint = f"; did you mean {' or '.join(repr(n) for n in close)}?" if close else ""
    raise SiteNotFound(f"no site called {wanted!r} (see 'hnreader sites list'){hint}")


def normalise_url(url: str) -> str:
    """A bare host name becomes an http:// address; a missing path becomes ``/``."""
    full = url if "://" in url else f"http://{url}"
    parts = urlsplit(full)
    if parts.scheme.lower() not in ("http", "https"):
        raise SiteNotFound(f"{url!r} is not an http or https address")
    return full if parts.path else full + "/"


def same_site(first: str, second: str) -> bool:
    """Whether two home-page addresses are the same, ignoring the scheme and a final ``/``."""
    a, b = urlsplit(first), urlsplit(second)
    return a.netloc.lower() == b.netloc.lower() and a.path.rstrip("/") == b.path.rstrip("/")


def _index_by_name(sites: list[SiteConfig], name: str) -> int | None:
    for index, site in enumerate(sites):
        if site.name.casefold() == name.casefold():
            return index
    return None
