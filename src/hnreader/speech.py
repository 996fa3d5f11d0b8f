"""Read-aloud: an article spoken paragraph by paragraph by an installed speech engine.

espeak-ng with its Mandarin voice ``cmn`` on Linux (and elsewhere when installed), ``say`` on
macOS. Each paragraph is one engine process fed on stdin (so no text is ever taken for an
option), started from a worker thread; :meth:`Speaker.stop` kills the current process and
reaps it, so nothing is left speaking and no zombie remains.
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

INSTALL_HINT = {
    "linux": "install espeak-ng (Debian/Ubuntu: sudo apt install espeak-ng; "
    "Fedora: sudo dnf install espeak-ng)",
    "darwin": "the 'say' command comes with macOS; add the Chinese voice Tingting in "
    "System Settings > Accessibility > Spoken Content",
    "win32": "install espeak-ng from its releases page and put espeak-ng.exe on PATH",
}


class SpeechUnavailable(RuntimeError):
    """No speech engine that reads Chinese is installed; the message says what to install."""


@dataclass(frozen=True, slots=True)
class Engine:
    """A speech command line: the program, its voice options, and how it writes a file."""

    name: str
    program: str
    voice_args: tuple[str, ...]
    stdin_args: tuple[str, ...]
    file_option: str
    file_suffix: str

    def command(self, output: Path | None = None) -> list[str]:
        """The command speaking stdin aloud, or writing it to ``output`` as audio."""
        target = [self.file_option, str(output)] if output is not None else []
        return [self.program, *self.voice_args, *target, *self.stdin_args]


def find_engine(platform: str = sys.platform) -> Engine:
    """The engine to use on ``platform``; :class:`SpeechUnavailable` when none is installed."""
    espeak = shutil.which("espeak-ng")
    if platform == "darwin" and shutil.which("say"):
        return Engine("say", "say", ("-v", "Tingting"), ("-f", "-"), "-o", ".aiff")
    if espeak:
        return Engine("espeak-ng", espeak, ("-v", "cmn"), ("--stdin",), "-w", ".wav")
    hint = INSTALL_HINT.get(platform, INSTALL_HINT["linux"])
    raise SpeechUnavailable(f"read-aloud needs a speech engine that speaks Mandarin: {hint}")


class Speaker:
    """Speaks paragraphs one after another in a background thread; thread-safe.

    ``record_to``: write each paragraph to ``NNNN.wav`` (``.aiff`` with ``say``) in that
    directory instead of playing it, for a machine with no audio device or to keep the audio.
    ``on_paragraph(index)`` is called as each paragraph starts, ``on_done(error)`` at the end
    (``error`` is None unless the engine failed); both run in the worker thread.
    """

    def __init__(
        self,
        engine: Engine | None = None,
        *,
        record_to: Path | None = None,
        on_paragraph: Callable[[int], None] | None = None,
        on_done: Callable[[str | None], None] | None = None,
    ) -> None:
        self.engine = engine or find_engine()
        self.record_to = record_to
        self.on_paragraph = on_paragraph
        self.on_done = on_done
        self.spoken = 0  # paragraphs finished in the current run
        self.error: str | None = None
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._thread: threading.Thread | None = None
        self._stopping = threading.Event()

    @property
    def speaking(self) -> bool:
        """Whether a run is in progress."""
        thread = self._thread
        return thread is not None and thread.is_alive()

    @property
    def process_id(self) -> int | None:
        """The id of the engine process speaking now, if any."""
        with self._lock:
            return None if self._process is None else self._process.pid

    def start(self, paragraphs: Sequence[str]) -> None:
        """Stop whatever is being spoken and start speaking ``paragraphs`` in order."""
        self.stop()
        texts = [text.strip() for text in paragraphs if text.strip()]
        self._stopping.clear()
        self.spoken = 0
        self.error = None
        self._thread = threading.Thread(
            target=self._run, args=(texts,), name="hnreader-speech", daemon=True
        )
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        """Stop speaking now: kill the engine process and wait for the worker to finish."""
        self._stopping.set()
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                self._process.kill()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the run ends; True if it has."""
        thread = self._thread
        if thread is not None:
            thread.join(timeout)
        return not self.speaking

    def _run(self, texts: list[str]) -> None:
        try:
            for index, text in enumerate(texts):
                if self._stopping.is_set() or not self._speak(index, text):
                    break
                self.spoken += 1
        finally:
            if self.on_done is not None:
                self.on_done(self.error)

    def _speak(self, index: int, text: str) -> bool:
        """Speak one paragraph; False when stopped or the engine failed."""
        output = None
        if self.record_to is not None:
            output = self.record_to / f"{index:04d}{self.engine.file_suffix}"
        with self._lock:
            if self._stopping.is_set():
                return False
            try:
                process = subprocess.Popen(
                    self.engine.command(output),
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=subprocess.PIPE,
                )
            except OSError as exc:
                self.error = f"{self.engine.name} could not be started: {exc.strerror}"
                log.error("%s", self.error)
                return False
            self._process = process
        if self.on_paragraph is not None:
            self.on_paragraph(index)
        _, errors = process.communicate(text.encode("utf-8"))  # reaps the process
        with self._lock:
            self._process = None
        if self._stopping.is_set():
            return False
        if process.returncode != 0:
            detail = errors.decode("utf-8", "replace").strip() or f"status {process.returncode}"
            self.error = f"{self.engine.name} failed: {detail}"
            log.error("%s", self.error)
            return False
        return True
