"""The sync's extraction process: ``python -m hnreader.sync.worker LIBRARY_FILE``.

Reads batches of :class:`~hnreader.sync.messages.Job` on stdin (in a thread, as they come),
extracts each article and saves the batch in one transaction through its own connection to
the library, and answers each batch with a list of :class:`~hnreader.sync.messages.JobResult`
on stdout. It ends when stdin closes, after finishing what it has read, so a sync killed
outright loses at most the batches sent to it (each batch is one transaction: nothing
half-written). Ctrl-C reaches
the whole process group; this process ignores it and lets the sync decide (it sends what it
fetched, then closes stdin).
"""

from __future__ import annotations

import os
import queue
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import BinaryIO

from hnreader.store import ArticleRecord, Store, StoreError
from hnreader.sync.messages import (
    Job,
    JobResult,
    Readable,
    WorkerFailure,
    frame,
    read_message,
)


def _extract(job: Job, records: list[ArticleRecord]) -> JobResult:
    """Extract one job into ``records``; the result to report once the batch is saved."""
    from hnreader.extract.continuation import CONTINUES, continuation_urls
    from hnreader.fetch import FetchError
    from hnreader.sites.kinds import ARTICLE, Fetched

    page = job.page
    fetched = Fetched(job.key, page, job.later or ())
    try:
        article = ARTICLE.extract(fetched)
    except FetchError as exc:  # the page cannot be read as an article
        return JobResult(job.key, "failed", str(exc))
    if job.later is None and any(w.startswith(CONTINUES) for w in article.warnings):
        later_urls = continuation_urls(page.content, page.url, page.content_type)
        if later_urls:
            return JobResult(job.key, "more", later_urls=tuple(later_urls))
    records.append(ArticleRecord(article, fetched.keyed(page), continuation=fetched.later))
    return JobResult(
        job.key,
        "saved",
        images=tuple(image.src for image in article.images),
        attachments=tuple(attachment.url for attachment in article.attachments),
    )


def _import_engine() -> None:
    """Import the extraction engine now, while the sync reads the first list pages."""
    import hnreader.extract.api
    import hnreader.extract.continuation
    import hnreader.sites.kinds  # noqa: F401


def handle(store: Store, jobs: list[Job]) -> list[JobResult]:
    """Extract ``jobs`` and save the articles in one transaction; what became of each."""
    records: list[ArticleRecord] = []
    results = [_extract(job, records) for job in jobs]
    if not records:
        return results
    try:
        store.save_articles(records)
    except StoreError as exc:
        reason = str(exc)
        return [
            JobResult(result.key, "failed", reason) if result.status == "saved" else result
            for result in results
        ]
    return results


class PipeReader:
    """Exact reads from a file descriptor, without a buffered reader and its lock.

    The thread reading batches may be blocked in a read when the process exits (after a
    failure); Python's exit then needs the lock of ``sys.stdin.buffer`` and aborts the process
    (SIGABRT) if that thread holds it. A plain descriptor has no such lock.
    """

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def read(self, size: int, /) -> bytes:
        """``size`` bytes, fewer only at the end of the input (a pipe gives short reads)."""
        chunks: list[bytes] = []
        missing = size
        while missing > 0 and (chunk := os.read(self.fd, missing)):
            chunks.append(chunk)
            missing -= len(chunk)
        return b"".join(chunks)


def _read_ahead(incoming: Readable, batches: queue.SimpleQueue[object]) -> None:
    """Move every message from ``incoming`` to ``batches`` as soon as it arrives; then None.

    Runs in a thread: the sync's next batch leaves the pipe while this one is extracted, so
    the sync never waits for a pipe to drain (a batch is larger than a pipe holds). The sync
    sends at most a few batches ahead, which bounds what waits here.
    """
    try:
        while (message := read_message(incoming)) is not None:
            batches.put(message)
    except Exception as exc:  # handed to the main thread, which reports it
        batches.put(_ReadFailed(exc))
    batches.put(None)


class _ReadFailed:
    """A message could not be read; ``error`` says why."""

    def __init__(self, error: Exception) -> None:
        self.error = error


def serve(store: Store, incoming: Readable, outgoing: BinaryIO) -> None:
    """Answer batches from ``incoming`` on ``outgoing`` until ``incoming`` ends."""
    batches: queue.SimpleQueue[object] = queue.SimpleQueue()
    reader = threading.Thread(target=_read_ahead, args=(incoming, batches), daemon=True)
    reader.start()
    while (jobs := batches.get()) is not None:
        if isinstance(jobs, _ReadFailed):
            raise jobs.error
        assert isinstance(jobs, list)
        outgoing.write(frame(handle(store, jobs)))
        outgoing.flush()


def main(argv: list[str]) -> int:
    """Run the extraction process for the library file ``argv[1]``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Messages use the real stdout; anything printed by accident goes to stderr instead.
    outgoing = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr
    try:
        _import_engine()
        with Store(Path(argv[1])) as store:
            serve(store, PipeReader(sys.stdin.fileno()), outgoing)
    except BrokenPipeError:
        return 1  # the sync is gone: nobody is left to tell
    except Exception:  # any bug here must reach the sync as a clear error
        detail = traceback.format_exc()
        sys.stderr.write(detail)  # kept on stderr too, should the sync be gone already
        try:
            outgoing.write(frame(WorkerFailure(detail)))
            outgoing.flush()
        except BrokenPipeError:
            return 1  # the sync is gone: the traceback above is all there is
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
