"""The reader's attachment list (附件): choose one to download it, choose it again to open it.

Downloads go through the app's site session (``app.session.asset``, so a stored copy serves
offline) and are written under a safe name in the downloads directory; only http(s) links are
ever fetched.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.text import Text
from textual import work
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from hnreader.downloads import attachment_file_name, is_fetchable, open_with_system, save_download
from hnreader.models import Attachment
from hnreader.ui.errors import describe_error


class AttachmentChosen(Message, namespace="article_reader"):
    """The user chose an attachment (Enter or click); it is being downloaded or opened.

    Handled as ``on_article_reader_attachment_chosen``: it is ``ArticleReader.AttachmentChosen``.
    """

    def __init__(self, attachment: Attachment) -> None:
        super().__init__()
        self.attachment = attachment


def human_size(size: int) -> str:
    """A byte count for people: ``512 B``, ``12.3 KB``, ``4.0 MB``."""
    if size < 1024:
        return f"{size} B"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


class AttachmentList(OptionList):
    """The article's attachments: name, type and, once downloaded, size and where it is."""

    DEFAULT_CSS = """
    AttachmentList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        margin: 0 0 0 2;
        background: transparent;
    }
    """

    def __init__(
        self,
        attachments: tuple[Attachment, ...],
        names: list[str],
        *,
        saved: dict[str, Path],
        download_dir: Path | None,
    ) -> None:
        super().__init__(id="reader-attachments")
        self.attachments = attachments
        self.names = names  # the attachment names in the reader's script
        self.saved = saved  # URL -> where it was saved; the reader's, so it outlives this list
        self.download_dir = download_dir  # None: hnreader.paths.downloads_dir()
        self.add_options([Option(self.describe(i)) for i in range(len(attachments))])

    def describe(self, index: int, note: str | None = None) -> Text:
        """The line for attachment ``index``: · name [type] — size and where it was saved."""
        attachment = self.attachments[index]
        kind = f" [{attachment.type}]" if attachment.type else ""
        path = self.saved.get(attachment.url)
        if note is None and path is not None:
            note = f"saved to {path} (Enter opens it)"
        return Text.assemble(
            "· ", self.names[index], (kind, "dim"), ((f" — {note}", "dim") if note else "")
        )

    def set_note(self, index: int, note: str | None = None) -> None:
        """Show ``note`` after attachment ``index`` (progress, its size, where it was saved)."""
        if self.is_attached:
            self.replace_option_prompt_at_index(index, self.describe(index, note))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter or a click: download the attachment, or open it once downloaded."""
        if event.option_list is not self:
            return
        index = event.option_index
        attachment = self.attachments[index]
        self.post_message(AttachmentChosen(attachment))
        saved = self.saved.get(attachment.url)
        if saved is not None and saved.exists():
            self.open_saved(saved)
        else:
            self.download(index)

    @work(group="download")
    async def download(self, index: int) -> None:
        """Fetch attachment ``index`` and save it in the downloads directory."""
        attachment = self.attachments[index]
        if not is_fetchable(attachment.url):
            self._tell(f"Not downloaded: {attachment.url} is not an http(s) address.", True)
            return
        asset = getattr(getattr(self.app, "session", None), "asset", None)
        if asset is None:
            self._tell("Downloads need a site session; this app has none.", True)
            return
        self.set_note(index, "downloading…")
        name = attachment_file_name(attachment.name, attachment.url, attachment.type)
        try:
            data: bytes = await asset(attachment.url)
            path = await asyncio.to_thread(save_download, data, name, self.download_dir)
        except Exception as exc:  # any failure is the user's news: say it where they look
            self.set_note(index, "not downloaded")
            self._tell(describe_error(f"Could not download {attachment.name}", exc).plain, True)
            return
        self.saved[attachment.url] = path
        size = human_size(len(data))
        self.set_note(index, f"{size}, saved to {path} (Enter opens it)")
        self._tell(f"Saved {path.name} ({size}) to {path.parent}. Press Enter on it to open it.")

    @work(group="open", thread=True)
    def open_saved(self, path: Path) -> None:
        """Open a downloaded file with the desktop's application (in a thread: it may block)."""
        try:
            open_with_system(path)
        except OSError as exc:
            self.app.call_from_thread(self._tell, str(exc), True)

    def _tell(self, text: str, error: bool = False) -> None:
        self.notify(text, title="附件", severity="error" if error else "information", markup=False)
