"""The sync's extraction processes: starting one, talking to it, and how many a sync may use."""

from __future__ import annotations

import asyncio
import os
import sys
from collections.abc import Awaitable
from pathlib import Path

from hnreader.sync.messages import HEADER_SIZE, Job, body_size, frame, load

# At most this many extraction processes, each holding ~38 MB: with three, syncing 3,000
# articles peaked at 176 MB (the sync's own process included), past the 150 MB target; with
# two, 139 MB (bench/sync_memory.py, bench/bench_memory.py).
MAX_PROCESSES = 2


def default_processes(cores: int | None = None) -> int:
    """How many extraction processes a sync may use on ``cores`` cores (None: this machine's).

    Two wherever there are two cores: on two cores, where the sync's own process and the
    site's server share them too, a second process still synced 1,000 articles about a tenth
    faster (``bench/bench_sync.py --processes``). More would pass the memory target.
    """
    available = os.cpu_count() if cores is None else cores
    return max(1, min(MAX_PROCESSES, available or 1))


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
