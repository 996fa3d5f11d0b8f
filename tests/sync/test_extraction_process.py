"""The sync's extraction process on its own: it saves what it was sent, and says why it failed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sync_helpers import article_jobs

from hnreader.demo.server import DemoServer
from hnreader.models import Page
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

GUARD = 120.0  # seconds; a guard against a hung process, not a timing assertion


def _start(data_dir: Path) -> subprocess.Popen[bytes]:
    with Store.open(data_dir) as store:  # created (and migrated) as a sync would
        library = store.path
    return subprocess.Popen(
        [sys.executable, "-m", "hnreader.sync.worker", str(library)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def _messages(output: bytes) -> list[object]:
    found = []
    while output:
        size = body_size(output[:HEADER_SIZE])
        found.append(load(output[HEADER_SIZE : HEADER_SIZE + size]))
        output = output[HEADER_SIZE + size :]
    return found


def test_every_batch_received_is_saved_and_a_page_that_is_no_article_fails_alone(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    jobs = article_jobs(demo_server, 3)
    empty = Job(jobs[0].key + "?empty", Page(jobs[0].key + "?empty", b"", "text/html", 200, {}))
    process = _start(tmp_path)
    # Two batches, then the end of input: what a sync killed outright leaves behind.
    batches = [[empty, jobs[0]], jobs[1:]]
    output, errors = process.communicate(b"".join(map(frame, batches)), timeout=GUARD)
    assert process.returncode == 0, errors.decode()
    answers = _messages(output)
    assert len(answers) == 2
    results = [result for answer in answers for result in answer]  # type: ignore[attr-defined]
    assert all(isinstance(result, JobResult) for result in results)
    assert [r.key for r in results] == [empty.key, *(job.key for job in jobs)]
    assert [r.status for r in results] == ["failed", "saved", "saved", "saved"]
    assert "cannot be read" in results[0].reason
    with Store.open(tmp_path) as store:
        assert store.get_article(empty.key) is None
        for job in jobs:
            stored = store.get_article(job.key)
            assert stored is not None
            assert stored.article.title


def test_a_bug_in_the_process_comes_back_as_its_traceback(tmp_path: Path) -> None:
    process = _start(tmp_path)
    output, _ = process.communicate(frame("not a batch"), timeout=GUARD)
    assert process.returncode == 1
    (failure,) = _messages(output)
    assert isinstance(failure, WorkerFailure)
    assert "Traceback" in failure.detail


def test_an_input_cut_short_ends_the_process_quietly(tmp_path: Path) -> None:
    process = _start(tmp_path)
    output, errors = process.communicate(frame(["a batch"])[:-3], timeout=GUARD)
    assert (process.returncode, output, errors) == (0, b"", b"")


def test_a_failure_while_more_input_may_come_still_exits_with_its_traceback(
    tmp_path: Path,
) -> None:
    # The sync keeps the pipe open: the thread reading batches is blocked in a read when the
    # process fails, and the process must still exit cleanly (it once aborted, SIGABRT).
    process = _start(tmp_path)
    assert process.stdin is not None
    assert process.stdout is not None
    process.stdin.write(frame("not a batch"))
    process.stdin.flush()
    try:
        assert process.wait(timeout=GUARD) == 1
        (failure,) = _messages(process.stdout.read())
        assert isinstance(failure, WorkerFailure)
    finally:
        process.stdin.close()
        process.kill()
        process.wait()
