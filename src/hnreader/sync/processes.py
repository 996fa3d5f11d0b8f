"""The sync's extraction processes: starting one, talking to it, and how many a sync may use."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable
from pathlib import Path

from hnreader.sync.messages import HEADER_SIZE, Job, body_size, frame, load

# At most this many extraction processes (each holds its own ~40 MB): past it, fetching in the
# sync's own process is the limit even from a local mirror.
MAX_PROCESSES = 3


def default_processes() -> int:
    """How many extraction processes a sync may use: one per core but the sync's own.

    The sync's own process needs a core to fetch and read list pages. On two cores a second
    extraction process was about a tenth faster in ``bench/bench_sync.py`` but took 40 MB
    more, past the memory target; so one there, and up to :data:`MAX_PROCESSES` on more.
    """
    return max(1, min(MAX_PROCESSES, (os.cpu_count() or 1) - 1))


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

    def send(self, jobs: list[Job]) -> Awaitable[None]:
        """Write one batch now; await the result to wait until the pipe has room again."""
        stdin = self.process.stdin
        assert stdin is not None
        stdin.write(frame(jobs))
        return stdin.drain()

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
