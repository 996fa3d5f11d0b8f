"""The traditional → simplified short cut: text it lets through is exactly what OpenCC returns.

``src/hnreader/t2s_witnesses.txt`` is built here from the installed OpenCC's ``t2s``
dictionaries (dumped with the ``opencc_dict`` tool its wheel ships). After an OpenCC upgrade,
rebuild it with ``.venv/bin/python tests/test_simplified.py``.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hnreader.demo.content import demo_edition
from hnreader.render import script
from hnreader.render.script import to_script
from hnreader.simplified import (
    WITNESS_TABLE,
    fingerprint,
    opencc_data_dir,
    read_witness_table,
    unchanged_by_t2s,
)

HEADER = (
    "# The characters OpenCC's t2s changes on their own, then the phrases it changes that hold\n"
    "# none of them: text with none of either is unchanged by t2s (see hnreader.simplified).\n"
    "# Built by tests/test_simplified.py; do not edit by hand.\n"
)


def _dictionary_files(node: Any) -> Iterator[str]:
    """Every dictionary file a part of an OpenCC configuration names, in order."""
    if isinstance(node, dict):
        if node.get("type") == "ocd2":
            yield node["file"]
        for value in node.values():
            yield from _dictionary_files(value)
    elif isinstance(node, list):
        for value in node:
            yield from _dictionary_files(value)


def changed_entries(data_dir: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The ``t2s`` configuration's dictionary files, and each entry that changes its key.

    An entry is a key and its default candidate (the first: the one OpenCC converts to).
    """
    config = json.loads((data_dir / "t2s.json").read_text(encoding="utf-8"))
    files = list(dict.fromkeys(_dictionary_files(config)))
    dump_tool = data_dir.parent.parent / "bin" / "opencc_dict"
    entries: list[tuple[str, str]] = []
    with tempfile.TemporaryDirectory() as scratch:
        for name in files:
            dumped = Path(scratch) / f"{name}.txt"
            command = [str(dump_tool), "-i", str(data_dir / name), "-o", str(dumped)]
            subprocess.run([*command, "-f", "ocd2", "-t", "text"], check=True, capture_output=True)
            for line in dumped.read_text(encoding="utf-8").splitlines():
                key, _, values = line.partition("\t")
                default = values.split(" ")[0]
                if default != key:
                    entries.append((key, default))
    return files, entries


def build_table(data_dir: Path) -> str:
    """The witness table for the ``t2s`` configuration in ``data_dir``, as the file holds it.

    The characters OpenCC changes on their own, then the phrases it changes that hold none
    of them (text holding one of those characters goes through OpenCC anyway).
    """
    files, entries = changed_entries(data_dir)
    characters = {key for key, _ in entries if len(key) == 1}
    phrases = {key for key, _ in entries if len(key) > 1 and characters.isdisjoint(key)}
    names = ["t2s.json", *files]
    digest = fingerprint(data_dir, names)
    return (
        f"{HEADER}files: {' '.join(names)}\nfingerprint: {digest}\n"
        f"{''.join(sorted(characters))}\n{' '.join(sorted(phrases))}\n"
    )


@pytest.fixture(scope="module")
def data_dir() -> Path:
    """The installed OpenCC's data, which these tests need (the project depends on OpenCC)."""
    directory = opencc_data_dir()
    assert directory is not None, "the OpenCC wheel's data directory was not found"
    return directory


def _t2s(text: str) -> str:
    """What OpenCC itself returns, with no short cut."""
    return script._converter("t2s")(text)


def test_the_shipped_table_describes_the_installed_opencc(data_dir: Path) -> None:
    built = build_table(data_dir)
    assert built == WITNESS_TABLE.read_text(encoding="utf-8"), (
        "OpenCC's t2s dictionaries changed: rebuild the table with "
        ".venv/bin/python tests/test_simplified.py"
    )
    assert unchanged_by_t2s() is not None  # so the short cut is in use here


def test_no_character_outside_the_table_is_changed_by_opencc() -> None:
    _, _, characters, _ = read_witness_table()
    witnesses = set(characters)
    # Every code point but surrogates and the line break used to keep them apart.
    others = [
        chr(code)
        for code in range(0x110000)
        if code != 0x0A and not 0xD800 <= code <= 0xDFFF and chr(code) not in witnesses
    ]
    converted = _t2s("\n".join(others)).split("\n")
    changed = [(a, b) for a, b in zip(others, converted, strict=True) if a != b]
    assert changed == []
    assert all(_t2s(character) != character for character in "們會動態憑")


def test_text_holding_no_listed_phrase_is_unchanged_by_opencc(data_dir: Path) -> None:
    # The hard case: text made of the characters of phrases OpenCC changes, which no
    # character alone would make it change.
    _, _, characters, phrase_line = read_witness_table()
    singles, listed = set(characters), phrase_line.split()
    _, entries = changed_entries(data_dir)
    phrases = [key for key, _ in entries if len(key) > 1]
    assert len(phrases) > 100
    assert listed
    assert all(phrase in listed or not singles.isdisjoint(phrase) for phrase in phrases)
    assert all(_t2s(phrase) != phrase for phrase in listed)
    halves = [part for phrase in listed for part in (phrase[:-1], phrase[1:])]
    texts = [text for text in halves if not any(phrase in text for phrase in listed)]
    pool = sorted({c for phrase in listed for c in phrase})
    shuffled = random.Random(6)
    texts += ["".join(shuffled.choices(pool, k=shuffled.randint(2, 12))) for _ in range(3000)]
    texts += [f"{text}{shuffled.choice(listed)}{text}" for text in texts[:300]]
    unchanged = unchanged_by_t2s()
    assert unchanged is not None
    let_through = [text for text in texts if unchanged(text)]
    assert 0 < len(let_through) < len(texts)
    assert _t2s("\n".join(let_through)).split("\n") == let_through


def _demo_texts() -> list[str]:
    """Every title and paragraph of the demo edition, and each in traditional script."""
    texts: list[str] = []
    for site in demo_edition().sites:
        for article in site.articles:
            texts.append(article.title)
            texts.extend(block.text for block in article.blocks)
    return texts + [to_script(text, "traditional") for text in texts[:200]]


def test_the_short_cut_lets_through_only_what_opencc_leaves_alone() -> None:
    texts = _demo_texts()
    unchanged = unchanged_by_t2s()
    assert unchanged is not None
    let_through = [text for text in texts if unchanged(text)]
    assert len(let_through) > len(texts) // 2  # simplified text mostly skips OpenCC
    assert [_t2s(text) for text in let_through] == let_through
    assert [to_script(text, "simplified") for text in texts] == [_t2s(text) for text in texts]


def test_display_loads_opencc_only_for_text_that_needs_it() -> None:
    script._converter.cache_clear()
    assert to_script("全覆盖推进基层治理", "simplified") == "全覆盖推进基层治理"
    assert script._converter.cache_info().currsize == 0
    assert to_script("批覆", "simplified") == "批复"  # a phrase: 覆 alone stays
    assert script._converter.cache_info().currsize == 1


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("憑藉", "凭借"),  # a phrase entry
        ("深沈", "深沉"),  # a phrase whose changed character is not the first
        ("湖南社會工作動態", "湖南社会工作动态"),
        ("\uf900\uf901", "岂更"),  # compatibility ideographs, normalised first
    ],
)
def test_traditional_text_is_still_converted(traditional: str, simplified: str) -> None:
    assert to_script(traditional, "simplified") == simplified == _t2s(traditional)


def test_a_fingerprint_changes_with_the_files_and_needs_them_all(tmp_path: Path) -> None:
    (tmp_path / "a.ocd2").write_bytes(b"one")
    first = fingerprint(tmp_path, ["a.ocd2"])
    (tmp_path / "a.ocd2").write_bytes(b"two")
    assert fingerprint(tmp_path, ["a.ocd2"]) not in (first, None)
    assert fingerprint(tmp_path, ["a.ocd2", "missing.ocd2"]) is None


def test_a_table_that_is_not_one_is_refused(tmp_path: Path) -> None:
    broken = tmp_path / "table.txt"
    broken.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not a witness table"):
        read_witness_table(broken)


if __name__ == "__main__":
    found = opencc_data_dir()
    if found is None:
        sys.exit("OpenCC's data directory was not found: install the opencc wheel")
    WITNESS_TABLE.write_text(build_table(found), encoding="utf-8")
    print(f"wrote {WITNESS_TABLE}")
