"""Garbage collection held off while the reader starts or redraws an article, then handed back.

Start-up allocates hundreds of thousands of long-lived objects (modules, classes, styles,
widgets), and the collector's full passes over them cost tens of milliseconds each before
anything is drawn, freeing next to nothing. :func:`hold_collections` turns the collector off;
:func:`release_collections`, once the first screen is drawn, moves everything alive into the
permanent generation (``gc.freeze``), so later passes skip it, and turns the collector back on.

Opening a long article (above all at 大 and 特大, drawn with glyphs) builds and draws tens of
thousands of objects, most of them gone a moment later; a full pass in the middle cost 60-120
ms and freed nothing (``bench/bench_open_article.py``: every twentieth open or so).
:func:`pause_collections` turns the collector off while the new article is built;
:func:`resume_collections_when_drawn` collects once it is on screen (a short pass then: the
build's leftovers are gone) and turns the collector back on.
"""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.widget import Widget

PAUSE_LIMIT = 2.0  # seconds: the collector comes back then even if no frame was drawn

_held = False  # only what this module turned off is turned back on
_paused = False


def hold_collections() -> None:
    """Turn the garbage collector off until :func:`release_collections` (if it was on)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release_collections() -> None:
    """Freeze what start-up allocated and turn the collector back on, if it was held."""
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


def pause_collections() -> None:
    """Turn the collector off for a redraw, until :func:`resume_collections_when_drawn`.

    Does nothing while start-up holds it, or when something else turned it off. The app
    turns it back on after :data:`PAUSE_LIMIT` seconds in any case.
    """
    global _paused
    if _held or not gc.isenabled():
        return
    gc.disable()
    _paused = True


def resume_collections_when_drawn(widget: Widget) -> None:
    """After ``widget``'s next frame, collect what the redraw left and turn the collector on.

    The redraw's short-lived objects are gone by then, so that full pass is short, and the
    next redraw starts with nothing owed to the collector.
    """
    if not _paused:
        return
    widget.call_after_refresh(_resume)
    # A widget removed before its next frame never calls back: the app's timer still does.
    widget.app.set_timer(PAUSE_LIMIT, _resume)


def _resume() -> None:
    """Collect and turn the collector back on, if :func:`pause_collections` turned it off."""
    global _paused
    if _paused:
        _paused = False
        gc.enable()
