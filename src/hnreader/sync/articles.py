"""Articles for sync: fetched here, extracted and saved by other processes, in batches.

Fetching is CPU work for the client as much as extracting and saving are; in one process
they share one core (threads share the GIL), and the sync ran at a fifth of a bare HTTP
client's speed. So the sync starts an extraction process (:mod:`hnreader.sync.worker`) and
sends it fetched articles' raw pages in batches; it extracts them and saves each batch in
one transaction with its own connection to the library, answering
only what became of each (new or updated, failed and why, the files it links). The heavy
objects never come back. When pages come faster than one process keeps up with, more
processes join, up to :func:`default_processes` (two: memory); SQLite serialises
their short write transactions. A process pool that sent extracted articles back to be
saved here was measured and was slower: pickling whole articles cost more than the
parallelism gave.

A batch goes out as soon as a process is idle, else once it holds :data:`BATCH_SIZE`
articles or :data:`BATCH_BYTES` of pages: a slow sync sends each article at once (its
progress shows without delay), a fast one sends full batches (each transaction writes a new
segment of the search index, a cost per transaction, not per article).

An article is counted when its batch is saved. :meth:`ArticleSaver.finish` waits for every
answer; :meth:`ArticleSaver.stop` (a cancelled sync, Ctrl-C) lets the processes save the
batches already sent (at most :data:`BATCHES_AHEAD` each) and counts them. A sync killed
outright loses at most the batches in flight, which the next run fetches again; each batch
is one transaction, so nothing is half-written.
A crashed extraction process becomes a :class:`SyncError` saying so.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, NoReturn

from hnreader.sites.session import Outcome
from hnreader.store import Store
from hnreader.sync.messages import Job, JobResult, WorkerFailure
from hnreader.sync.processes import ExtractionProcess, default_processes
from hnreader.sync.scope import SyncError

_log = logging.getLogger(__name__)

BATCH_SIZE = 50  # articles per message and transaction at most: tens keep a kill -9 cheap
BATCH_BYTES = 4 * 1024 * 1024  # pages per batch at most: memory stays bounded for huge pages
# Batches sent but not answered: one being saved, one waiting. More would only hold pages in
# memory (and, on a cancel, make the stop wait for them) without going faster.
BATCHES_AHEAD = 2
STOP_TIMEOUT = 60.0  # seconds a stopping sync waits for the last batches to be saved

Saved = Callable[[str, Outcome, JobResult], None]
Failed = Callable[[str, str], None]
NeedsLater = Callable[[Job, tuple[str, ...]], None]


def _size(job: Job) -> int:
    """Bytes of pages a job carries."""
    return len(job.page.content) + sum(len(page.content) for page in job.later or ())


class _Lane:
    """One extraction process, the task reading its answers, and its batches not answered."""

    def __init__(
        self, process: ExtractionProcess, reader: Callable[[_Lane], Coroutine[Any, Any, None]]
    ) -> None:
        self.process = process
        self.unanswered = 0
        self.reader: asyncio.Task[None] = asyncio.create_task(reader(self))


class ArticleSaver:
    """Fetched articles on their way to the library, through extraction processes.

    ``saved(url, outcome, result)`` and ``failed(url, reason)`` report each article once;
    ``needs_later(job, urls)`` asks for an article's continuation pages, to be fetched and
    sent again with :meth:`add` (``job`` with ``later`` set) or given up with :meth:`drop`.

    One process is started with the saver; another joins (up to ``processes``) only when
    every running one already has :data:`BATCHES_AHEAD` batches to do, which happens when
    pages arrive faster than one core extracts them (a fast local mirror, not a polite sync
    of a remote site), so a slow sync never pays for a second process's memory.
    """

    def __init__(
        self,
        start: Callable[[], Awaitable[ExtractionProcess]],
        first: ExtractionProcess,
        saved: Saved,
        failed: Failed,
        needs_later: NeedsLater,
        *,
        size: int = BATCH_SIZE,
        processes: int = 1,
    ) -> None:
        self._start_process = start
        self.saved = saved
        self.failed = failed
        self.needs_later = needs_later
        self.size = size
        self.processes = max(1, processes)
        self.pending: list[Job] = []
        self.pending_bytes = 0
        self.in_flight: dict[str, Job] = {}  # sent or pending, not answered yet
        self.problem: SyncError | None = None
        self.stopping = False
        self._changed = asyncio.Event()
        self._sending = asyncio.Lock()
        self._answered = asyncio.Condition()
        self.lanes = [_Lane(first, self._read)]

    @classmethod
    async def start(
        cls,
        store: Store,
        saved: Saved,
        failed: Failed,
        needs_later: NeedsLater,
        *,
        processes: int | None = None,
    ) -> ArticleSaver:
        """Start the first extraction process for ``store``'s library.

        ``processes``: at most this many (None: :func:`default_processes`).
        """
        library = store.path

        async def start_one() -> ExtractionProcess:
            try:
                return await ExtractionProcess.start(library)
            except OSError as exc:
                raise SyncError(f"the extraction process could not be started ({exc})") from exc

        first = await start_one()
        wanted = default_processes() if processes is None else processes
        return cls(start_one, first, saved, failed, needs_later, processes=wanted)

    def _check(self) -> None:
        if self.problem is not None:
            raise self.problem

    async def add(self, job: Job) -> None:
        """Queue one fetched article; send the batch when it is full."""
        self._check()
        self.in_flight[job.key] = job
        self.pending.append(job)
        self._changed.set()
        self.pending_bytes += _size(job)
        if len(self.pending) >= self.size or self.pending_bytes >= BATCH_BYTES or self._idle():
            await self.flush()

    def drop(self, key: str, reason: str) -> None:
        """Give up an article waiting for its continuation pages."""
        if self.in_flight.pop(key, None) is not None:
            self.failed(key, reason)
        self._changed.set()

    def _idle(self) -> bool:
        """Whether a process has nothing to do (then a batch need not wait to fill up)."""
        return any(lane.unanswered == 0 and not lane.reader.done() for lane in self.lanes)

    def _free_lane(self) -> _Lane | None:
        lane = min(self.lanes, key=lambda lane: lane.unanswered)
        return lane if lane.unanswered < BATCHES_AHEAD else None

    def _any_ended(self) -> bool:
        return any(lane.reader.done() for lane in self.lanes)

    async def _lane(self) -> _Lane:
        """The least busy process once one can take a batch (a new one if all are busy)."""
        if self._free_lane() is None and len(self.lanes) < self.processes and not self.stopping:
            self.lanes.append(_Lane(await self._start_process(), self._read))
        async with self._answered:
            await self._answered.wait_for(
                lambda: self._free_lane() is not None or self._any_ended()
            )
        self._check()
        lane = self._free_lane()
        if lane is None:  # a process ended without a problem recorded yet: it is being read
            lane = next(lane for lane in self.lanes if lane.reader.done())
            await self._lost(lane, "the extraction process ended before the sync did")
        return lane

    async def flush(self) -> None:
        """Send what is pending (to a process with fewer than :data:`BATCHES_AHEAD` batches)."""
        async with self._sending:
            # The condition is not held while waiting for a process: readers take it to count
            # answers, and must go on reading them meanwhile.
            lane = await self._lane()
            jobs, self.pending, self.pending_bytes = self.pending, [], 0
            if not jobs:
                return
            lane.unanswered += 1
            # Written whole before the lock is let go: batches never interleave in a pipe.
            try:
                draining = lane.process.send(jobs)
            except ConnectionError as exc:
                await self._lost(lane, f"the extraction process cannot be reached ({exc})", exc)
        # Waiting for the pipe to drain happens outside the lock, so a slow process never
        # holds up sending to the others.
        try:
            await draining
        except ConnectionError as exc:
            await self._lost(lane, f"the extraction process cannot be reached ({exc})", exc)

    async def _lost(self, lane: _Lane, reason: str, cause: BaseException | None = None) -> NoReturn:
        """Raise why a process is gone: its own last words if it said any, else ``reason``."""
        await asyncio.wait_for(asyncio.shield(lane.reader), STOP_TIMEOUT)
        self._check()
        self.problem = SyncError(reason)
        raise self.problem from cause

    async def _read(self, lane: _Lane) -> None:
        while (message := await lane.process.receive()) is not None:
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
                lane.unanswered -= 1
                self._answered.notify_all()
        if self.problem is None and not self.stopping:  # it ended before it was told to
            code = await lane.process.process.wait()
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
        """Send the rest, wait until every article is answered, and end the processes."""
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
        for lane in self.lanes:
            lane.process.close_input()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                for lane in self.lanes:
                    await asyncio.shield(lane.reader)
                    await lane.process.process.wait()
        finally:
            for lane in self.lanes:
                lane.process.kill()

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
        self.pending, self.pending_bytes = [], 0
        try:
            await self._close()
        except (SyncError, ConnectionError, TimeoutError) as exc:
            self.problem = self.problem or SyncError(str(exc))

    async def abort(self) -> None:
        """End the processes at once and reap them (the sync ended, or failed); idempotent.

        Reaping matters: a child left to the garbage collector after the event loop closed
        makes asyncio print a traceback at exit.
        """
        for lane in self.lanes:
            lane.process.kill()
            lane.reader.cancel()
        try:
            async with asyncio.timeout(STOP_TIMEOUT):
                for lane in self.lanes:
                    await lane.process.process.wait()
        except TimeoutError:
            _log.warning("an extraction process did not end after it was killed")
