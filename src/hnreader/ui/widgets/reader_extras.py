"""What the reader does with a whole article besides showing it: export and read aloud."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from hnreader.downloads import safe_file_name, save_download
from hnreader.models import Article

if TYPE_CHECKING:  # the speech engines are looked for when reading aloud is asked for
    from hnreader.speech import Speaker


def export_markdown(article: Article, directory: Path | None) -> Path:
    """Write ``article`` as Markdown into ``directory`` (default: the downloads folder)."""
    from hnreader.export.markdown import article_to_markdown  # the exporters load on use

    name = safe_file_name(f"{article.title or 'article'}.md")
    return save_download(article_to_markdown(article).encode("utf-8"), name, directory)


class ReadAloud:
    """Starts and stops speaking one article at a time; one engine for the reader's life."""

    def __init__(self, record_to: Path | None = None) -> None:
        self.record_to = record_to  # write audio files instead of playing (tests, no speakers)
        self._speaker: Speaker | None = None

    @property
    def speaking(self) -> bool:
        """Whether an article is being read now."""
        return self._speaker is not None and self._speaker.speaking

    def toggle(self, article: Article) -> str:
        """Stop reading if reading, else start on ``article``; return what to tell the user.

        Raises :class:`SpeechUnavailable` (with the package to install) when no engine speaks
        Mandarin here.
        """
        if self.speaking:
            self.stop()
            return "朗读已停止 Read-aloud stopped"
        if self._speaker is None:
            from hnreader.speech import Speaker

            self._speaker = Speaker(record_to=self.record_to)
        texts = [text for text in (article.title or "", *article.paragraphs) if text]
        self._speaker.start(texts)
        return "朗读中… Reading aloud (press r again to stop)"

    def stop(self) -> None:
        """Stop speaking, if speaking."""
        if self._speaker is not None:
            self._speaker.stop()


__all__ = ["ReadAloud", "export_markdown"]
