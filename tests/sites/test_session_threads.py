"""The session's own threads: library and extraction calls stay on a few, and closing waits."""

from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from hnreader.sites import SiteSession
from hnreader.sites.session import SESSION_THREADS
from hnreader.store import Store

GUARD = 10.0  # seconds: only a broken session waits this long


def _thread_name_after_a_pause() -> str:
    # A call that holds its thread a moment, so that concurrent calls need other threads.
    threading.Event().wait(0.01)
    return threading.current_thread().name


async def test_calls_run_on_at_most_the_sessions_threads(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        session = SiteSession(None, store)
        names = await asyncio.gather(
            *(session.in_thread(_thread_name_after_a_pause) for _ in range(4 * SESSION_THREADS))
        )
        counts = await asyncio.gather(*(session.in_thread(store.counts) for _ in range(8)))
        await session.aclose()
    assert all(name.startswith("hnreader-session") for name in names)
    assert 1 <= len(set(names)) <= SESSION_THREADS
    assert all(count == counts[0] for count in counts)


async def test_closing_waits_for_a_call_still_running() -> None:
    session = SiteSession(None)
    started, release = threading.Event(), threading.Event()
    finished: list[bool] = []

    def slow_write() -> None:
        started.set()
        release.wait(GUARD)
        finished.append(True)

    call = asyncio.ensure_future(session.in_thread(slow_write))
    assert await asyncio.to_thread(started.wait, GUARD)
    closing = asyncio.ensure_future(session.aclose())
    await asyncio.sleep(0.05)
    assert not closing.done()  # the write still runs: closing waits for it
    release.set()
    await asyncio.wait_for(closing, GUARD)
    assert finished == [True]
    await call


async def test_threads_given_to_the_session_are_left_to_their_owner() -> None:
    with ThreadPoolExecutor(1, thread_name_prefix="owner") as threads:
        session = SiteSession(None, threads=threads)
        assert (await session.in_thread(threading.current_thread)).name.startswith("owner")
        await session.aclose()
        assert threads.submit(lambda: 42).result(GUARD) == 42
