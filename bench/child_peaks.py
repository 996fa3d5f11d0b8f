"""Peak memory of a process's children that have ended: sampled, since Linux keeps no sum.

``RUSAGE_CHILDREN`` gives the largest child's peak (any child: a benchmark's own server too),
not the sum over children that ran at the same time (a sync's extraction processes).
:class:`ChildPeaks` reads each matching child's ``VmHWM`` (its own high-water mark, which
only grows) from ``/proc`` every ``interval`` seconds in a thread and keeps the last value
seen per child; only growth in a child's last ``interval`` before it exits can be missed.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType


def _children() -> list[int]:
    """The process ids of this process's children (of every thread)."""
    found: list[int] = []
    for task in Path("/proc/self/task").iterdir():
        try:
            found += [int(pid) for pid in (task / "children").read_text().split()]
        except OSError:
            continue  # the thread ended meanwhile
    return found


def _peak_kb(pid: int, marker: bytes) -> int | None:
    """The child's VmHWM in kB, if its command line contains ``marker``."""
    try:
        if marker not in Path(f"/proc/{pid}/cmdline").read_bytes():
            return None
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return None  # it ended meanwhile: its last sample stands
    return None


class ChildPeaks:
    """Samples the peak RSS of the children whose command line contains ``marker``."""

    def __init__(self, marker: str, interval: float = 0.02) -> None:
        self.marker = marker.encode()
        self.interval = interval
        self.peaks: dict[int, int] = {}  # kB by pid
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            for pid in _children():
                peak = _peak_kb(pid, self.marker)
                if peak is not None:
                    self.peaks[pid] = max(peak, self.peaks.get(pid, 0))

    def __enter__(self) -> ChildPeaks:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()

    def total_kb(self) -> int:
        """The children's peaks added up: an upper bound of what they held at once."""
        return sum(self.peaks.values())
