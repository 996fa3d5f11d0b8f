"""The sites hnreader knows out of the box.

湖南社会工作 is the flagship, but its public address cannot be confirmed from where hnreader is
built, so it ships without one: the reader asks for it once and keeps it in ``sites.toml``
(:func:`hnreader.catalogue.remember_address`), offering the demo edition meanwhile. The others
are real Hunan sites built on the same kinds of CMS. Government sites get a gentler rate limit.
"""

from __future__ import annotations

from hnreader.config import SiteConfig

FLAGSHIP_NAME = "湖南社会工作"
GOVERNMENT_RATE_LIMIT = 2.0  # requests per second: these servers are shared public services

BUILTIN_SITES: tuple[SiteConfig, ...] = (
    SiteConfig(name=FLAGSHIP_NAME, url=""),
    SiteConfig(
        name="湖南省人民政府", url="https://www.hunan.gov.cn/", rate_limit=GOVERNMENT_RATE_LIMIT
    ),
    SiteConfig(
        name="湖南省民政厅", url="https://mzt.hunan.gov.cn/", rate_limit=GOVERNMENT_RATE_LIMIT
    ),
    SiteConfig(
        name="湖南省人力资源和社会保障厅",
        url="https://rst.hunan.gov.cn/",
        rate_limit=GOVERNMENT_RATE_LIMIT,
    ),
    SiteConfig(name="娄星在线", url="http://www.ldlx.com/"),
)


def is_builtin(name: str) -> bool:
    """Whether ``name`` (ignoring case) is one of the built-in sites."""
    return any(site.name.casefold() == name.casefold() for site in BUILTIN_SITES)
