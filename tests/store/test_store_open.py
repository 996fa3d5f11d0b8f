"""Opening the library: migrations, newer versions, damaged files, permissions."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from store_samples import html_page, make_article

from hnreader.store import Store, StoreAccessError, StoreCorruptError, StoreVersionError
from hnreader.store.database import DB_FILENAME
from hnreader.store.schema import LATEST_VERSION, MIGRATIONS, migrate
from hnreader.store.serialise import article_to_json


def _schema(path: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        return conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name"
        ).fetchall()


def _build_at(path: Path, version: int) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    migrate(conn, target=version)
    conn.close()


def test_a_new_library_is_wal_with_the_latest_version(store: Store) -> None:
    with closing(sqlite3.connect(store.path, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)
    assert store.notices == ()


def test_the_library_file_is_in_an_owner_only_directory(store: Store, data_dir: Path) -> None:
    assert store.path.parent == data_dir
    assert stat.S_IMODE(data_dir.stat().st_mode) == 0o700


@pytest.mark.parametrize("version", range(LATEST_VERSION))
def test_every_earlier_version_migrates_to_the_fresh_schema(tmp_path: Path, version: int) -> None:
    fresh = Store.open(tmp_path / "fresh")
    fresh.close()
    old_dir = tmp_path / "old"
    old_dir.mkdir()
    _build_at(old_dir / DB_FILENAME, version)
    migrated = Store.open(old_dir)
    migrated.close()
    assert _schema(old_dir / DB_FILENAME) == _schema(fresh.path)
    with closing(sqlite3.connect(old_dir / DB_FILENAME, isolation_level=None)) as conn:
        assert conn.execute("PRAGMA user_version").fetchone() == (LATEST_VERSION,)


def test_a_version_1_library_keeps_its_articles_and_becomes_searchable(tmp_path: Path) -> None:
    assert len(MIGRATIONS) >= 2
    _build_at(tmp_path / DB_FILENAME, 1)
    article = make_article(1, "迁移之前保存的文章", "版本一的数据库里已经有这篇文章。")
    with closing(sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)) as conn:
        conn.execute(
            "INSERT INTO articles (url, site, title, published, data, fetched_at)"
            " VALUES (?, 'news.example.cn', ?, ?, ?, '2024-12-05T00:00:00+00:00')",
            (article.url, article.title, article.published, article_to_json(article)),
        )
        conn.execute("INSERT INTO reading (url, read_at) VALUES (?, '2024-12-06')", (article.url,))

    with Store.open(tmp_path) as store:
        stored = store.get_article(article.url)
        assert stored is not None
        assert stored.article == article
        assert stored.read_at == "2024-12-06"
        assert [hit.url for hit in store.search("迁移之前")] == [article.url]
        assert [hit.url for hit in store.search("库")] == [article.url]
        assert store.check_integrity() == []


def test_a_library_from_a_newer_hnreader_is_refused_untouched(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        store.save_article(make_article(1, "标题", "正文。"))
    path = tmp_path / DB_FILENAME
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        conn.execute(f"PRAGMA user_version = {LATEST_VERSION + 5}")
    before = path.read_bytes()

    with pytest.raises(StoreVersionError) as caught:
        Store.open(tmp_path)

    assert path.read_bytes() == before
    message = str(caught.value)
    assert "newer version of hnreader" in message
    assert str(LATEST_VERSION + 5) in message
    assert str(path) in message
    assert list(tmp_path.glob("*.damaged-*")) == []


def _moved_aside(data_dir: Path) -> Path:
    (moved,) = data_dir.glob(f"{DB_FILENAME}.damaged-*")
    return moved


def test_a_file_that_is_not_a_database_is_moved_aside(tmp_path: Path) -> None:
    garbage = "这不是数据库文件。".encode() * 300
    (tmp_path / DB_FILENAME).write_bytes(garbage)

    with Store.open(tmp_path) as store:
        moved = _moved_aside(tmp_path)
        assert moved.read_bytes() == garbage
        (notice,) = store.notices
        assert str(moved) in notice
        assert "damaged" in notice
        store.save_article(make_article(1, "新库里的文章", "正文。"))
        assert store.counts()["articles"] == 1


def test_a_truncated_database_is_moved_aside(tmp_path: Path) -> None:
    with Store.open(tmp_path) as store:
        for number in range(40):
            article = make_article(number, f"第{number}篇", "填充数据的正文。" * 100)
            store.save_article(article, html_page(article))
    path = tmp_path / DB_FILENAME
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])

    with Store.open(tmp_path) as store:
        assert _moved_aside(tmp_path).read_bytes() == whole[: len(whole) // 2]
        assert "cut short" in store.notices[0]
        assert store.counts()["articles"] == 0
        assert store.check_integrity() == []


def test_an_empty_file_is_a_valid_empty_database(tmp_path: Path) -> None:
    (tmp_path / DB_FILENAME).write_bytes(b"")
    with Store.open(tmp_path) as store:
        assert store.notices == ()
        assert store.counts()["articles"] == 0


_OPEN_AND_REPORT = """
import sys
from hnreader.store import Store, StoreError
try:
    Store.open(sys.argv[1]).close()
except StoreError as exc:
    print(type(exc).__name__, exc)
    sys.exit(3)
print("opened")
"""


def _open_in_read_only_dir(directory: Path) -> subprocess.CompletedProcess[str]:
    """Open a library in ``directory`` as a process that cannot write there.

    root ignores permission bits, so under root the process runs without the capabilities
    that let it (setpriv drops them; ownership still lets it read its own files).
    """
    directory.chmod(0o555)
    command = [sys.executable, "-c", _OPEN_AND_REPORT, str(directory)]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv: cannot make a directory read-only")
        command = [
            setpriv,
            "--bounding-set=-dac_override,-dac_read_search,-fowner",
            "--inh-caps=-all",
            *command,
        ]
    try:
        return subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        directory.chmod(0o700)


def test_a_read_only_directory_gives_a_clear_error(tmp_path: Path) -> None:
    directory = tmp_path / "data"
    directory.mkdir()
    result = _open_in_read_only_dir(directory)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith("StoreAccessError")
    assert "read-only" in result.stdout
    assert str(directory) in result.stdout
    assert "Traceback" not in result.stderr
    assert list(directory.iterdir()) == []


def test_an_existing_library_in_a_read_only_directory_gives_a_clear_error(
    tmp_path: Path,
) -> None:
    directory = tmp_path / "data"
    Store.open(directory).close()
    files = sorted(directory.iterdir())
    result = _open_in_read_only_dir(directory)
    assert result.returncode == 3, result.stdout + result.stderr
    assert result.stdout.startswith("StoreAccessError")
    assert sorted(directory.iterdir()) == files


def test_a_data_directory_that_cannot_be_created_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    with pytest.raises(StoreAccessError, match="cannot be created"):
        Store.open(blocker / "data")


def test_damage_found_in_use_is_reported_then_moved_aside_on_the_next_open(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:
        for number in range(30):
            store.save_article(make_article(number, f"第{number}篇", "正文。" * 200))
    path = tmp_path / DB_FILENAME
    with closing(sqlite3.connect(path, isolation_level=None)) as conn:
        (root,) = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'articles'"
        ).fetchone()
        (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    damaged = bytearray(path.read_bytes())
    damaged[(root - 1) * page_size : root * page_size] = b"\xff" * page_size
    path.write_bytes(bytes(damaged))

    with Store.open(tmp_path) as store:
        assert store.notices == ()  # the schema still reads; the damage is deeper
        with pytest.raises(StoreCorruptError, match="damaged"):
            store.get_article(make_article(3, "", "").url)

    with Store.open(tmp_path) as store:
        assert _moved_aside(tmp_path).read_bytes() == bytes(damaged)
        assert "damaged" in store.notices[0]
        assert store.counts()["articles"] == 0
    with Store.open(tmp_path) as store:
        assert store.notices == ()


def test_an_index_built_with_another_converter_is_announced_and_can_be_rebuilt(
    tmp_path: Path,
) -> None:
    with Store.open(tmp_path) as store:
        store.save_article(make_article(1, "重建索引", "正文。"))
    with closing(sqlite3.connect(tmp_path / DB_FILENAME, isolation_level=None)) as conn:
        conn.execute("UPDATE meta SET value = 'fold0+other' WHERE key = 'normaliser'")
    with Store.open(tmp_path) as store:
        (notice,) = store.notices
        assert "reindex" in notice
        assert store.rebuild_search_index() == 1
        assert [hit.title for hit in store.search("重建索引")] == ["重建索引"]
        assert store.check_integrity() == []
    with Store.open(tmp_path) as store:
        assert store.notices == ()
