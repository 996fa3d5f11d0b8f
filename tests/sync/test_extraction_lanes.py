"""More extraction processes join a sync only when every running one is busy.

The first process is paused with SIGSTOP (a real process, really paused), so "busy" does not
depend on timing: batches sent to it wait in its pipe until it is resumed.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sync_helpers import article_jobs

from hnreader.demo.server import DemoServer
from hnreader.store import Store
from hnreader.sync import SyncError
from hnreader.sync.articles import BATCHES_AHEAD, ArticleSaver
from hnreader.sync.messages import Job, JobResult
from hnreader.sync.processes import MAX_PROCESSES, default_processes

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGSTOP"), reason="needs POSIX signals")
GUARD = 120.0  # seconds; a guard against a hang, not a timing assertion


class Outcomes:
    """What the saver reported, with a way to wait for an article."""

    def __init__(self) -> None:
        self.saved: list[str] = []
        self.failed: list[tuple[str, str]] = []
        self.changed = asyncio.Event()

    def on_saved(self, url: str, outcome: str, result: JobResult) -> None:
        self.saved.append(url)
        self.changed.set()

    def on_failed(self, url: str, reason: str) -> None:
        self.failed.append((url, reason))
        self.changed.set()

    async def until_saved(self, url: str) -> None:
        async with asyncio.timeout(GUARD):
            while url not in self.saved:
                self.changed.clear()
                await self.changed.wait()


def _never_needed(job: Job, urls: tuple[str, ...]) -> None:
    raise AssertionError(f"one-page articles have no later pages: {job.key} {urls}")


async def _started(store: Store, outcomes: Outcomes, processes: int) -> ArticleSaver:
    saver = await ArticleSaver.start(
        store, outcomes.on_saved, outcomes.on_failed, _never_needed, processes=processes
    )
    saver.size = 1  # one article per batch: a paused process's pipe holds its batches
    return saver


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    with Store.open(tmp_path) as opened:
        yield opened


def _resume(pid: int) -> None:
    """Let a paused process go on (it may have been killed and reaped already)."""
    with contextlib.suppress(ProcessLookupError):  # already gone: nothing to resume
        os.kill(pid, signal.SIGCONT)


async def _fill_first(saver: ArticleSaver, jobs: list[Job]) -> int:
    """Pause the first process and send it as many batches as it may have; its pid."""
    pid = saver.lanes[0].process.process.pid
    os.kill(pid, signal.SIGSTOP)
    for job in jobs[:BATCHES_AHEAD]:
        await saver.add(job)
    assert saver.lanes[0].unanswered == BATCHES_AHEAD
    return pid


async def test_a_second_process_takes_batches_while_the_first_is_busy(
    demo_server: DemoServer, store: Store
) -> None:
    jobs = article_jobs(demo_server, BATCHES_AHEAD + 1)
    outcomes = Outcomes()
    saver = await _started(store, outcomes, processes=2)
    pid = await _fill_first(saver, jobs)
    try:
        await saver.add(jobs[-1])
        await outcomes.until_saved(jobs[-1].key)
        assert len(saver.lanes) == 2
        assert outcomes.saved == [jobs[-1].key]  # the paused one has answered nothing
        os.kill(pid, signal.SIGCONT)
        await saver.finish()
    finally:
        _resume(pid)
        await saver.abort()
    assert sorted(outcomes.saved) == sorted(job.key for job in jobs)
    assert outcomes.failed == []
    assert store.counts()["articles"] == len(jobs)


async def test_with_one_process_allowed_the_sync_waits_for_it_instead(
    demo_server: DemoServer, store: Store
) -> None:
    jobs = article_jobs(demo_server, BATCHES_AHEAD + 1)
    outcomes = Outcomes()
    saver = await _started(store, outcomes, processes=1)
    pid = await _fill_first(saver, jobs)
    try:
        waiting = asyncio.create_task(saver.add(jobs[-1]))
        await asyncio.sleep(0)  # let it reach the wait for a free process
        assert not waiting.done()
        os.kill(pid, signal.SIGCONT)
        await asyncio.wait_for(waiting, GUARD)
        await saver.finish()
    finally:
        _resume(pid)
        await saver.abort()
    assert len(saver.lanes) == 1
    assert sorted(outcomes.saved) == sorted(job.key for job in jobs)


async def test_a_crash_of_the_second_process_stops_the_sync_with_a_clear_error(
    demo_server: DemoServer, store: Store
) -> None:
    jobs = article_jobs(demo_server, BATCHES_AHEAD + 2)
    outcomes = Outcomes()
    saver = await _started(store, outcomes, processes=2)
    pid = await _fill_first(saver, jobs)
    try:
        await saver.add(jobs[BATCHES_AHEAD])
        await outcomes.until_saved(jobs[BATCHES_AHEAD].key)
        saver.lanes[1].process.process.kill()

        async def last_batch() -> None:
            await saver.add(jobs[-1])
            await saver.finish()

        with pytest.raises(SyncError, match="extraction process stopped unexpectedly"):
            await asyncio.wait_for(last_batch(), GUARD)
    finally:
        _resume(pid)
        await saver.abort()
    assert store.check_integrity() == []


@pytest.mark.parametrize(("cores", "expected"), [(1, 1), (2, 2), (4, 2), (64, 2)])
def test_the_default_uses_the_cores_within_the_memory_cap(cores: int, expected: int) -> None:
    assert default_processes(cores) == expected
    assert 1 <= default_processes() <= MAX_PROCESSES
