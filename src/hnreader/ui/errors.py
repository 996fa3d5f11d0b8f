"""Turning a failed load into one line a reader can act on."""

from __future__ import annotations

import logging

from rich.text import Text

log = logging.getLogger(__name__)


def describe_error(what: str, error: BaseException) -> Text:
    """``what`` failed, and why, as plain text (the reason may quote page text).

    Fetch failures already read well; extraction failures (``ValueError``) say the page could
    not be understood; anything else is a bug, so it is also logged with its traceback.
    """
    from hnreader.fetch import FetchError  # not at the top: it imports the network client

    if isinstance(error, FetchError):
        reason = str(error)
    elif isinstance(error, ValueError):
        reason = f"the page could not be read ({error})"
    else:
        log.error("unexpected failure: %s", what, exc_info=error)
        reason = f"unexpected {type(error).__name__}: {error}"
    return Text(f"{what}: {reason}")
