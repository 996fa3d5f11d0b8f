"""Read-aloud with the real espeak-ng (recording to WAV files: there is no audio device here)."""

from __future__ import annotations

import os
import shutil
import threading
import wave
from pathlib import Path

import pytest

from hnreader.speech import Speaker, SpeechUnavailable, find_engine

needs_espeak = pytest.mark.skipif(
    shutil.which("espeak-ng") is None, reason="espeak-ng is not installed (CI installs it)"
)

PARAGRAPHS = [
    "湖南省民政厅召开全省社会工作会议。",
    "会议要求，各地要把为民服务的好事办实、实事办好。",
]


@needs_espeak
def test_each_paragraph_is_spoken_in_mandarin(tmp_path: Path) -> None:
    done = threading.Event()
    errors: list[str | None] = []
    started: list[int] = []

    def finished(error: str | None) -> None:
        errors.append(error)
        done.set()

    speaker = Speaker(record_to=tmp_path, on_paragraph=started.append, on_done=finished)
    assert speaker.engine.command()[1:] == ["-v", "cmn", "--stdin"]
    speaker.start([*PARAGRAPHS, "   "])  # blank paragraphs are skipped
    assert done.wait(60)
    assert errors == [None]
    assert (started, speaker.spoken, speaker.speaking) == ([0, 1], 2, False)
    files = sorted(tmp_path.glob("*.wav"))
    assert [f.name for f in files] == ["0000.wav", "0001.wav"]
    durations = []
    for file in files:
        with wave.open(str(file)) as audio:
            durations.append(audio.getnframes() / audio.getframerate())
    assert all(seconds > 1.0 for seconds in durations)  # real speech, not an empty file
    assert durations[1] > durations[0]  # the longer paragraph takes longer to say


@needs_espeak
def test_text_is_never_taken_for_an_option(tmp_path: Path) -> None:
    speaker = Speaker(record_to=tmp_path)
    speaker.start(["--version 第一段"])
    assert speaker.wait(60)
    assert (speaker.error, speaker.spoken) == (None, 1)


@needs_espeak
def test_stop_kills_the_engine_and_leaves_no_process(tmp_path: Path) -> None:
    begun = threading.Event()
    pids: list[int | None] = []
    speaker = Speaker(record_to=tmp_path)

    def on_paragraph(index: int) -> None:
        pids.append(speaker.process_id)
        begun.set()

    speaker.on_paragraph = on_paragraph
    long_paragraph = "社会工作服务站为群众办实事，" * 3000
    speaker.start([long_paragraph] * 5)
    assert begun.wait(60)
    speaker.stop()
    assert not speaker.speaking
    assert speaker.spoken == 0  # stopped within the first paragraph
    assert pids[0] is not None
    with pytest.raises(ProcessLookupError):
        os.kill(pids[0], 0)  # killed and reaped: not even a zombie is left
    assert speaker.process_id is None
    assert speaker.error is None


def test_no_engine_gives_an_install_hint(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "")
    with pytest.raises(SpeechUnavailable, match="apt install espeak-ng"):
        find_engine("linux")
    with pytest.raises(SpeechUnavailable, match="Tingting"):
        find_engine("darwin")
