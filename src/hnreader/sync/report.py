"""What a sync did: one progress object updated in place, and the final report."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from hnreader.sites import Loaded

MAX_FAILURES_KEPT = 1000  # a dead site fails every page; the count says the rest
ItemKind = Literal["tree", "list", "article", "asset"]


@dataclass(frozen=True, slots=True)
class SyncFailure:
    """One page or file that could not be synced, and why, in plain words."""

    url: str
    kind: ItemKind
    reason: str


@dataclass(slots=True)
class Tally:
    """Outcomes of one kind of item."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    skipped: int = 0

    def count(self, loaded: Loaded[object]) -> None:
        """Count a load by its outcome ("stored" cannot happen in a strict load)."""
        if loaded.outcome == "new":
            self.new += 1
        elif loaded.outcome == "updated":
            self.updated += 1
        else:
            self.unchanged += 1

    @property
    def done(self) -> int:
        """Items finished, whatever the outcome (skipped ones excluded)."""
        return self.new + self.updated + self.unchanged + self.failed


@dataclass(slots=True)
class SyncProgress:
    """Counters of a running sync. One object, updated in place and handed to the callback.

    ``articles_found`` grows while list pages are read; once ``listing_done`` is true it is
    the total, and :meth:`eta` can say how long the rest takes.
    """

    site: str = ""
    sections_total: int = 0
    sections_done: int = 0
    listing_done: bool = False
    articles_found: int = 0
    downloaded: int = 0  # bytes
    lists: Tally = field(default_factory=Tally)
    articles: Tally = field(default_factory=Tally)
    assets: Tally = field(default_factory=Tally)
    failures: list[SyncFailure] = field(default_factory=list)
    current: str = ""
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None
    cancelled: bool = False

    def fail(self, url: str, kind: ItemKind, reason: str) -> None:
        """Record a failure."""
        {"tree": self.lists, "list": self.lists, "article": self.articles, "asset": self.assets}[
            kind
        ].failed += 1
        if len(self.failures) < MAX_FAILURES_KEPT:
            self.failures.append(SyncFailure(url, kind, reason))

    @property
    def failed(self) -> int:
        """Failures of every kind."""
        return self.lists.failed + self.articles.failed + self.assets.failed

    def elapsed(self) -> float:
        """Seconds since the start (until the end, once finished)."""
        return (self.finished or time.monotonic()) - self.started

    def rate(self) -> float:
        """Articles finished per second so far."""
        elapsed = self.elapsed()
        return self.articles.done / elapsed if elapsed > 0 else 0.0

    def eta(self) -> float | None:
        """Seconds until every article found is done, once the total is known."""
        rate = self.rate()
        if not self.listing_done or rate <= 0:
            return None
        return max(0, self.articles_found - self.articles.done) / rate


@dataclass(frozen=True, slots=True)
class SyncReport:
    """The outcome of a sync: articles new, updated, unchanged, failed (with reasons)."""

    site: str
    new: int
    updated: int
    unchanged: int
    failed: int
    skipped: int
    lists: Tally
    assets: Tally
    downloaded: int
    seconds: float
    failures: tuple[SyncFailure, ...]
    cancelled: bool = False

    @property
    def ok(self) -> bool:
        """True when nothing failed and the sync ran to the end."""
        failures = self.failed + self.lists.failed + self.assets.failed
        return not self.cancelled and failures == 0

    @classmethod
    def from_progress(cls, progress: SyncProgress) -> SyncReport:
        """The report of a finished (or stopped) sync."""
        tally = progress.articles
        return cls(
            site=progress.site,
            new=tally.new,
            updated=tally.updated,
            unchanged=tally.unchanged,
            failed=tally.failed,
            skipped=tally.skipped,
            lists=progress.lists,
            assets=progress.assets,
            downloaded=progress.downloaded,
            seconds=progress.elapsed(),
            failures=tuple(progress.failures),
            cancelled=progress.cancelled,
        )
