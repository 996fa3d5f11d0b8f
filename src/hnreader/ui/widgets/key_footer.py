"""The key footer, composed with its keys already styled as they will be shown.

Textual's :class:`~textual.widgets.Footer` creates each :class:`FooterKey` compact, then binds
it to the footer's own ``compact`` (not compact by default): every key is restyled twice as it
mounts (the ``-compact`` class added, then removed), and the footer is composed again whenever
the focus moves. That was about a fifth of the reader's start-up. Here each key starts in the
footer's style, so mounting it changes no class; the keys shown and their look are the same.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """A :class:`~textual.widgets.Footer` whose keys mount without restyling."""

    def compose(self) -> ComposeResult:
        """Footer's keys, each set to the footer's ``compact`` before it mounts.

        The command palette's key is not bound to the footer: it stays compact, as in Textual.
        """
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if not widget.has_class("-command-palette"):
                    widget.set_reactive(FooterKey.compact, self.compact)
                widget.set_class(widget.compact, "-compact", update=False)
            yield widget
