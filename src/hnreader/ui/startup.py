"""Garbage collection held off while the reader starts, and handed back after the first frame.

Start-up allocates hundreds of thousands of long-lived objects (modules, classes, styles,
widgets), and the collector's full passes over them cost tens of milliseconds each before
anything is drawn, freeing next to nothing. :func:`hold_collections` turns the collector off;
:func:`release_collections`, once the first screen is drawn, moves everything alive into the
permanent generation (``gc.freeze``), so later passes skip it, and turns the collector back on.
"""

from __future__ import annotations

import gc

_held = False  # only what this module turned off is turned back on


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
