"""Articles for sync: fetched here, extracted and saved by a second process, in batches.

Fetching is CPU work for the client as much as extracting and saving are; in one process
they share one core (threads share the GIL), and the sync ran at a fifth of a bare HTTP
client's speed. So the sync starts one extraction process (:mod:`hnreader.sync.worker`) and
sends it each fetched article's raw pages, :data:`BATCH_SIZE` at a time; it extracts them
and saves each batch in one transaction with its own connection to the library, answering
only what became of each (new or updated, failed and why, the files it links). The heavy
objects never come back. A process pool that sent extracted articles back to be saved here
was measured and was slower: pickling whole articles cost more than the parallelism gave.

An article is counted when its batch is saved. :meth:`ArticleSaver.finish` waits for every
answer; :meth:`ArticleSaver.stop` (a cancelled sync, Ctrl-C) lets the process save the
batches already sent (at most :data:`BATCHES_AHEAD`) and counts them. A sync killed outright
loses at most the batches in flight, which the next run fetches again; each batch is one
transaction, so nothing is half-written.
A crashed extraction process becomes a :class:`SyncError` saying so.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from hnreader.models import Article
from hnreader.sites.kinds import ARTICLE, Stored
from hnreader.sites.session import Outcome
from hnreader.store import Store
from hnreader.sync.messages import (
    HEADER_SIZE,
    Job,
    JobResult,
    WorkerFailure,
    body_size,
    frame,
    load,
)
from hnreader.sync.scope import SyncError

_log = logging.getLogger(__name__)

BATCH_SIZE = 20  # articles per message and transaction: tens keep a kill -9 cheap
# Batches sent but not answered: one being saved, one waiting. More would only hold pages in
# memory (and, on a cancel, make the stop wait for them) without going faster.
BATCHES_AHEAD = 2
STOP_TIMEOUT = 60.0  # seconds a stopping sync waits for the last batches to be saved

Saved = Callable[[str, Outcome, JobResult], None]
Failed = Callable[[str, str], None]
NeedsLater = Callable[[Job, tuple[str, ...]], None]


def stored_articles(store: Store, urls: list[str]) -> dict[str, Stored[Article] | None]:
    """The stored copy (with validators) of each of ``urls``, in one go (runs in a thread)."""
    return {url: ARTICLE.stored(store, url) for url in urls}


class ExtractionProcess:
    """The running :mod:`hnreader.sync.worker` process and its two pipes."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    @classmethod
    async def start(cls, library: Path) -> ExtractionProcess:
        """Start the process for the library file ``library``."""
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "hnreader.sync.worker",
            str(library),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        return cls(process)

    async def send(self, jobs: list[Job]) -> None:
        """Send one batch (waiting while the process is behind: that bounds memory)."""
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(frame(jobs))
        await stdin.drain()

    async def receive(self) -> object | None:
        """The next message, or None once the process closed its output."""
        stdout = self.process.stdout
        assert stdout is not None
        try:
            header = await stdout.readexactly(HEADER_SIZE)
            return load(await stdout.readexactly(body_size(header)))
        except asyncio.IncompleteReadError:
            return None

    def close_input(self) -> None:
        """Tell the process no more batches come: it finishes and exits."""
        stdin = self.process.stdin
        if stdin is not None and not stdin.is_closing():
            stdin.close()

    def kill(self) -> None:
        """End the process now (it is stuck, or the sync failed)."""
        if self.process.returncode is None:
            self.process.kill()


class ArticleSaver:
    """Fetched articles on their way to the library, through the extraction process.

    ``saved(url, outcome, result)`` and ``failed(url, reason)`` report each article once;
    ``needs_later(job, urls)`` asks for an article's continuation pages, to be fetched and
    sent again with :meth:`add` (``job`` with ``later`` set) or given up with :meth:`drop`.
    """

    def __init__(
        self,
        process: ExtractionProcess,
        saved: Saved,
        failed: Failed,
        needs_later: NeedsLater,
        size: int = BATCH_SIZE,
    ) -> None:
        self.process = process
        self.saved = saved
        self.failed = failed
        self.needs_later = needs_later
        self.size = size
        self.pending: list[Job] = []
        self.in_flight: dict[str, Job] = {}  # sent or pending, not answered yet
        self.problem: SyncError | None = None
        self.stopping = False
        self._changed = asyncio.Event()
        self.unanswered = 0  # batches sent and not answered yet
        self._sending = asyncio.Lock()
        self._answered = asyncio.Condition()
        self._reader = asyncio.create_task(self._read())

    @classmethod
    async def start(
        cls, store: Store, saved: Saved, failed: Failed, needs_later: NeedsLater
    ) -> ArticleSaver:
        """Start the extraction process for ``store``'s library."""
        try:
            process = await ExtractionProcess.start(store.path)
        except OSError as exc:
            raise SyncError(f"the extraction process could not be started ({exc})") from exc
        return cls(process, saved, failed, needs_later)

    def _check(self) -> None:
        if self.problem is not None:
            raise self.problem

    async def add(self, job: Job) -> None:
        """Queue one fetched article; send the batch when it is full."""
        self._check()
        self.in_flight[job.key] = job
        self.pending.append(job)
        self._changed.set()
        if len(self.pending) >= self.size:
            await self.flush()

    def drop(self, key: str, reason: str) -> None:
        """Give up an article waiting for its continuation pages."""
        if self.in_flight.pop(key, None) is not None:
            self.failed(key, reason)
        self._changed.set()

    async def flush(self) -> None:
        """Send what is pending (once fewer than :data:`BATCHES_AHEAD` batches are unanswered)."""
        async with self._sending:
            # Not held while sending: the reader takes it to count answers, and must go on
            # reading them while a send waits for the process (else both could wait on a
            # full pipe, each for the other).
            async with self._answered:
                await self._answered.wait_for(
                    lambda: self.unanswered < BATCHES_AHEAD or self._reader.done()
                )
            self._check()
            jobs, self.pending = self.pending, []
            if not jobs:
                return
            self.unanswered += 1
            try:
                await self.process.send(jobs)
            except ConnectionError as exc:
                await asyncio.wait_for(asyncio.shield(self._reader), STOP_TIMEOUT)
                self._check()
                self.problem = SyncError(f"the extraction process cannot be reached ({exc})")
                raise self.problem from exc

    async def _read(self) -> None:
        while (message := await self.process.receive()) is not None:
            if isinstance(message, WorkerFailure):
                self.problem = SyncError(
                    f"the extraction process failed; articles are not being saved:\n"
                    f"{message.detail.rstrip()}"
                )
                break
            assert isinstance(message, list)
            for result in message:
                self._settle(result)
            self._changed.set()
            async with self._answered:
                self.unanswered -= 1
                self._answered.notify_all()
        if self.problem is None and not self.stopping:  # it ended before it was told to
            code = await self.process.process.wait()
            self.problem = SyncError(
                f"the extraction process stopped unexpectedly (exit status {code}); "
                f"{len(self.in_flight)} fetched articles were not saved"
            )
        self._changed.set()
        async with self._answered:
            self._answered.notify_all()

    def _settle(self, result: JobResult) -> None:
        job = self.in_flight.pop(result.key, None)
        if job is None:
            return
        if result.status == "saved":
            self.saved(result.key, "updated" if job.known else "new", result)
        elif result.status == "failed":
            self.failed(result.key, result.reason)
        elif not self.stopping:  # "more": wanted continuation pages are fetched, then resent
            self.in_flight[result.key] = job
            self.needs_later(job, result.later_urls)

    async def finish(self) -> None:
        """Send the rest, wait until every article is answered, and end the process."""
        while True:
            self._changed.clear()
            self._check()
            if self.pending:
                await self.flush()
            elif not self.in_flight:
                break
            else:
                await self._changed.wait()
        try:
            await self._close()
        except TimeoutError as exc:
            raise SyncError(
                f"the extraction process did not end {STOP_TIMEOUT:g} s after its last batch"
            ) from exc
        self._check()

    async def _close(self) -> None:
        self.stopping = True
        self.process.close_input()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                await asyncio.shield(self._reader)
                await self.process.process.wait()
        finally:
            self.process.kill()

    async def stop(self) -> None:
        """Let the batches sent be saved and count them (the sync is cancelled); never raises.

        Runs to the end even if the sync is cancelled again meanwhile (each progress
        report may cancel it once more).
        """
        self.stopping = True
        closing = asyncio.ensure_future(self._stop())
        while not closing.done():
            try:
                await asyncio.shield(closing)
            except asyncio.CancelledError:
                continue
        closing.exception()  # retrieved: its failure was already recorded

    async def _stop(self) -> None:
        # Fetched but not sent: dropped (the next sync fetches them); a stop must be quick.
        for job in self.pending:
            self.in_flight.pop(job.key, None)
        self.pending = []
        try:
            await self._close()
        except (SyncError, ConnectionError, TimeoutError) as exc:
            self.problem = self.problem or SyncError(str(exc))

    async def abort(self) -> None:
        """End the process at once and reap it (the sync ended, or failed); idempotent.

        Reaping matters: a child left to the garbage collector after the event loop closed
        makes asyncio print a traceback at exit.
        """
        self.process.kill()
        self._reader.cancel()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                await self.process.process.wait()
        except TimeoutError:
            _log.warning("the extraction process did not end after it was killed")
