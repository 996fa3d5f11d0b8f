"""A seeded composer of titles, paragraphs and dates from the demo phrase lists.

Every choice goes through one :class:`random.Random` with a fixed seed, so the same calls in
the same order always give the same text: the demo edition is identical on every run.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from hnreader.demo import phrases


class Filler:
    """Composes demo text; one instance per site so each site's content is independent."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self._titles: set[str] = set()
        self.topic = phrases.TOPICS[0]  # the topic of the last title, reused by its body

    def fill(self, template: str, topic: str | None = None) -> str:
        """``template`` with its placeholders replaced by random cities and numbers.

        ``{topic}`` becomes ``topic`` if given, else the topic of the last title.
        """
        return template.format(
            city=self.rng.choice(phrases.CITIES),
            county=self.rng.choice(phrases.COUNTIES),
            topic=topic or self.topic,
            count=self.rng.randint(12, 980),
            province=phrases.PORTAL_NAME,
        )

    def unique_title(self, patterns: tuple[str, ...]) -> str:
        """A title from ``patterns`` that no earlier call returned."""
        for attempt in range(1000):
            self.topic = self.rng.choice(phrases.TOPICS)
            title = self.fill(self.rng.choice(patterns), self.topic)
            if attempt > 20:
                # The pattern space is large but finite; a serial keeps titles distinct.
                title = f"{title}（{attempt - 20}）"
            if title not in self._titles:
                self._titles.add(title)
                return title
        raise RuntimeError("could not compose a new title; the phrase lists are too small")

    def paragraphs(self, count: int, topic: str | None = None) -> list[str]:
        """``count`` news paragraphs: an opening, body paragraphs and a closing."""
        topic = topic or self.topic
        result = [self.fill(self.rng.choice(phrases.OPENINGS), topic)]
        deck: list[str] = []
        while len(result) < count - 1:
            sentences = []
            for _ in range(self.rng.randint(2, 4)):
                if not deck:
                    # Deal sentences like cards, so an article repeats none before all are used.
                    deck = self.rng.sample(phrases.SENTENCES, len(phrases.SENTENCES))
                sentences.append(deck.pop())
            result.append("".join(self.fill(s, topic) for s in sentences))
        if count > 1:
            result.append(self.fill(self.rng.choice(phrases.CLOSINGS), topic))
        return result

    def person(self) -> str:
        """An invented name for an author or editor."""
        return self.rng.choice(phrases.PEOPLE)

    def timestamps(self, count: int, first: datetime, last: datetime) -> list[datetime]:
        """``count`` distinct office-hours times between ``first`` and ``last``, oldest first."""
        span_days = (last - first).days
        found: set[datetime] = set()
        while len(found) < count:
            day = first + timedelta(days=self.rng.randint(0, span_days))
            found.add(
                day.replace(
                    hour=self.rng.randint(8, 20),
                    minute=self.rng.randint(0, 59),
                    second=self.rng.randint(0, 59),
                )
            )
        return sorted(found)
