"""Benchmark: mutated real pages through every extractor; counts exceptions and unsafe output.

Reads the development corpus at run time (``../shared/corpus/gne/*/*/*.html`` by default;
nothing is copied into the repository), applies seeded random mutations to each page (byte
flips, truncation, NUL bytes, invalid UTF-8, escape sequences, tag soup, 10 000-level nesting,
huge attribute values, unsafe links, a wrong charset label or header) and runs
``extract_article``, ``extract_list`` and ``extract_tree`` on each mutant. It reports:

- crashes: any exception other than ``ValueError`` (which means "not a page", by contract);
- unsafe output: a control character or escape sequence in any string, or a fetchable link
  that is not http(s);
- the slowest mutant, since some mutations (deep nesting) are also denial-of-service attempts.

Usage: ``python bench/extract_mutations.py [CORPUS_DIR] [--per-page N] [--seed S]``.
The exit status is 1 when there was any crash or unsafe output.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hnreader.extract import api

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gne"
EXTRACTORS: dict[str, Callable[..., Any]] = {
    "article": api.extract_article,
    "list": api.extract_list,
    "tree": api.extract_tree,
}
INSERTS = [
    b"\x00",
    b"\x00" * 64,
    b"\xff\xfe\xc3(\x80\xbf",
    b"\x1b[31m\x1b[2J\x1b]0;pwned\x07\x1b]8;;http://evil.example/\x07",
    b"\xc2\x9b2J\xe2\x80\xae",
    b"<div><span><p><table><tr><td><ul><li>",
    b"</td></table></div></span></li></ul>",
    b"<a href='javascript:alert(1)'>",
    b"<a href='java\tscript:alert(1)'>x</a>",
    b"<img src='file:///etc/passwd'><a href='file:///c:/boot.ini'>a.pdf</a>",
    b"<a href='data:text/html,x'>b.doc</a>",
    b"<style>.a{display:none}@media x{.b{",
    b"<!--",
    b"<![CDATA[",
    b"<script>",
]
SLOW_SECONDS = 5.0  # a mutant this slow is reported as it happens (a denial-of-service hint)
CHARSETS = [b"utf-16", b"shift_jis", b"iso-2022-jp", b"x-bogus", b"utf-7", b"gb2312"]
CONTENT_TYPES = [None, "text/html; charset=utf-16", "text/html; charset=gbk", "text/plain",
                 "text/html; charset=bogus"]  # fmt: skip


def mutate(content: bytes, rng: random.Random) -> tuple[bytes, str | None, str]:
    """One random mutant of a page, its Content-Type header and a description."""
    kind = rng.choice(["flip", "truncate", "insert", "nest", "attribute", "charset", "mixed"])
    content_type = rng.choice(CONTENT_TYPES) if rng.random() < 0.3 else None
    at = rng.randrange(len(content) + 1)
    if kind == "flip":
        data = bytearray(content)
        for _ in range(rng.randint(1, 50)):
            if data:
                data[rng.randrange(len(data))] ^= rng.randrange(1, 256)
        content = bytes(data)
    elif kind == "truncate":
        content = content[:at]
    elif kind == "insert":
        content = content[:at] + rng.choice(INSERTS) + content[at:]
    elif kind == "nest":
        tag = rng.choice([b"div", b"span", b"table", b"font", b"a href='/x.html'", b"b"])
        name = tag.split()[0]
        content = content[:at] + b"<" + tag + b">" * 1 + (b"<" + tag + b">x\xef\xbc\x8c") * 10_000
        content += b"</" + name + b">" * 10_000 + content[at:]
    elif kind == "attribute":
        huge = (
            b"<a href='/" + b"x" * rng.choice([10_000, 1_000_000]) + b"' title='" + b"y" * 100_000
        )
        content = content[:at] + huge + b"'>t</a>" + content[at:]
    elif kind == "charset":
        content = b'<meta charset="' + rng.choice(CHARSETS) + b'">' + content
    else:
        for _ in range(rng.randint(2, 8)):
            at = rng.randrange(len(content) + 1)
            content = content[:at] + rng.choice(INSERTS) + content[at:]
    return content, content_type, kind


def unsafe(value: object, key: str = "", top: bool = True) -> str | None:
    """The first unsafe string in a JSON-shaped value, described, or None."""
    if isinstance(value, str):
        for ch in value:
            code = ord(ch)
            if (code < 32 and ch != "\n") or 0x7F <= code <= 0x9F or 0x202A <= code <= 0x202E:
                return f"control U+{code:04X} in {key}: {value[:60]!r}"
        link = key in ("src", "next") or (key in ("url", "pages") and not top)
        if link and not value.startswith(("http://", "https://")):
            return f"non-http link in {key}: {value[:60]!r}"
        return None
    if isinstance(value, dict):
        for name, item in value.items():
            inner = top and name not in ("items", "sections", "attachments")
            if found := unsafe(item, name, inner):
                return found
    elif isinstance(value, list | tuple):
        for item in value:
            if found := unsafe(item, key, top and key != "pages"):
                return found
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--per-page", type=int, default=10, help="mutants per page")
    parser.add_argument("--seed", type=int, default=20241205)
    options = parser.parse_args()
    pages = sorted(options.corpus.glob("**/*.html"))
    if not pages:
        print(f"no pages under {options.corpus}", file=sys.stderr)
        return 1
    rng = random.Random(options.seed)
    runs, value_errors, crashes, unsafe_outputs = 0, 0, 0, 0
    kinds: Counter[str] = Counter()
    slowest = (0.0, "")
    for page in pages:
        original = page.read_bytes()
        for number in range(options.per_page):
            content, content_type, kind = mutate(original, rng)
            kinds[kind] += 1
            for name, extract in EXTRACTORS.items():
                runs += 1
                label = f"{page.relative_to(options.corpus)} #{number} {kind} {name}"
                start = time.perf_counter()
                try:
                    model = extract(content, "http://www.example.gov.cn/a/b.html", content_type)
                except ValueError:
                    value_errors += 1
                    continue
                except Exception:
                    crashes += 1
                    print(f"CRASH {label}\n{traceback.format_exc(limit=4)}")
                    continue
                finally:
                    elapsed = time.perf_counter() - start
                    slowest = max(slowest, (elapsed, label))
                    if elapsed > SLOW_SECONDS:
                        print(f"SLOW {elapsed:.1f} s {label}", flush=True)
                if problem := unsafe(model.to_dict()):
                    unsafe_outputs += 1
                    print(f"UNSAFE {label}: {problem}")
    print(f"\n{len(pages)} pages x {options.per_page} mutants x {len(EXTRACTORS)} extractors "
          f"= {runs} runs (seed {options.seed}); mutations: {dict(kinds)}")  # fmt: skip
    print(f"  crashes (exceptions other than ValueError): {crashes}")
    print(f"  unsafe outputs: {unsafe_outputs}")
    print(f"  ValueError (not a page): {value_errors}")
    print(f"  slowest run: {slowest[0]:.2f} s ({slowest[1]})")
    return 1 if crashes or unsafe_outputs else 0


if __name__ == "__main__":
    sys.exit(main())
