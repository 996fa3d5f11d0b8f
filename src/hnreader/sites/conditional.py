"""Conditional requests: send the stored ETag / Last-Modified so unchanged pages cost a 304.

The :class:`Fetcher` decides how validators are passed; this module finds out at each
request, from the signature of ``fetch``, and falls back to a plain request (which is
still correct, only more expensive) when the fetcher cannot send them.
"""

from __future__ import annotations

import inspect
from typing import TYPE_CHECKING, Any, Literal, cast

from hnreader.models import Page

if TYPE_CHECKING:
    from hnreader.fetch import Fetcher, FetchKind

ValidatorStyle = Literal["keywords", "headers", "none"]


_PARAMETERS: dict[type[Any], frozenset[str]] = {}


def _parameters(fetcher_type: type[Any]) -> frozenset[str]:
    """The parameter names of ``fetcher_type.fetch`` (looked up once: it is slow)."""
    names = _PARAMETERS.get(fetcher_type)
    if names is None:
        try:
            names = frozenset(inspect.signature(fetcher_type.fetch).parameters)
        except (TypeError, ValueError):
            names = frozenset()
        _PARAMETERS[fetcher_type] = names
    return names


def validator_style(fetcher_type: type[Any]) -> ValidatorStyle:
    """How ``fetcher_type.fetch`` accepts validators: named keywords, headers, or not at all."""
    parameters = _parameters(fetcher_type)
    if "etag" in parameters and "last_modified" in parameters:
        return "keywords"
    if "headers" in parameters:
        return "headers"
    return "none"


def supports_conditional(fetcher: Fetcher) -> bool:
    """Whether ``fetcher`` can send validators (so a 304 can come back)."""
    return validator_style(type(fetcher)) != "none"


def _accepts(fetcher: Fetcher, keyword: str) -> bool:
    return keyword in _parameters(type(fetcher))


async def fetch_conditional(
    fetcher: Fetcher,
    url: str,
    etag: str | None = None,
    last_modified: str | None = None,
    *,
    kind: FetchKind = "any",
) -> Page:
    """Fetch ``url``, asking for a 304 if it still matches ``etag`` / ``last_modified``.

    ``kind`` ("page", "asset" or "any") lets a fetcher that checks content types refuse a
    PDF behind a page link before downloading it.
    """
    options: dict[str, object] = {"kind": kind} if _accepts(fetcher, "kind") else {}
    style = validator_style(type(fetcher))
    if style == "keywords":
        options.update(etag=etag, last_modified=last_modified)
    elif style == "headers" and (etag or last_modified):
        headers = {"If-None-Match": etag, "If-Modified-Since": last_modified}
        options["headers"] = {k: v for k, v in headers.items() if v}
    return cast(Page, await cast(Any, fetcher).fetch(url, **options))
