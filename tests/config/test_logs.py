"""Logging goes to a file; --verbose also prints it on stderr."""

from __future__ import annotations

import argparse
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from hnreader.config import LogConfig
from hnreader.logs import LOGGER_NAME, add_verbose_argument, log_file_path, setup_logging


@pytest.fixture(autouse=True)
def restore_logger() -> Iterator[None]:
    logger = logging.getLogger(LOGGER_NAME)
    handlers, level, propagate = list(logger.handlers), logger.level, logger.propagate
    yield
    for handler in logger.handlers:
        if handler not in handlers:
            handler.close()
    logger.handlers[:] = handlers
    logger.setLevel(level)
    logger.propagate = propagate


def test_messages_at_the_configured_level_reach_the_file(tmp_path: Path) -> None:
    path = setup_logging(LogConfig(level="warning"), log_file=tmp_path / "logs" / "h.log")
    assert path == tmp_path / "logs" / "h.log"
    log = logging.getLogger("hnreader.sync")
    log.info("一条普通消息")
    log.warning("证书无效：%s", "mzt.example.cn")
    text = path.read_text(encoding="utf-8")
    assert "WARNING hnreader.sync: 证书无效：mzt.example.cn" in text
    assert "一条普通消息" not in text


def test_verbose_prints_debug_on_stderr_without_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    setup_logging(log_file=tmp_path / "h.log", verbose=True)
    setup_logging(log_file=tmp_path / "h.log", verbose=True)  # again: handlers replaced
    logging.getLogger("hnreader.fetch").debug("GET %s", "http://a.example.cn/")
    err = capsys.readouterr().err
    assert err.count("DEBUG hnreader.fetch: GET http://a.example.cn/") == 1
    assert "GET" not in (tmp_path / "h.log").read_text(encoding="utf-8")  # file stays at info


def test_an_unwritable_log_file_warns_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    assert setup_logging(log_file=blocker / "h.log") is None
    assert "cannot write the log file" in capsys.readouterr().err


def test_log_file_location(tmp_path: Path) -> None:
    assert log_file_path(LogConfig(file=str(tmp_path / "x.log"))) == tmp_path / "x.log"
    assert log_file_path().name == "hnreader.log"
    parser = argparse.ArgumentParser()
    add_verbose_argument(parser)
    assert parser.parse_args(["-v"]).verbose is True
