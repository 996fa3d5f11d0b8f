"""Benchmark: hnreader's article extractor side by side with trafilatura and GNE.

Runs over the development corpus (``../shared/corpus/gne/tests/*/*.html`` by default; never
copied into the repository) in one process and prints, per page and per tool, the title, date,
author, body length and time, then totals: median time per page as a ratio to trafilatura's,
and body agreement (character-bag F1) between the tools. There is no truth here: agreement is a
diagnostic, not a score.

Usage: ``python bench/extract_corpus.py [CORPUS_DIR] [--rounds N] [--quiet]``
(needs ``pip install trafilatura gne``).
"""

from __future__ import annotations

import argparse
import importlib
import statistics
import sys
import time
import warnings
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from hnreader.extract.api import extract_article
from hnreader.extract.decode import decode_html

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "gne" / "tests"

Result = dict[str, Any]


def run_hnreader(content: bytes, url: str) -> Result:
    article = extract_article(content, url)
    body = "\n".join([article.text] + [i.caption for i in article.images if i.caption])
    return {"title": article.title, "date": article.published, "author": article.author,
            "body": body}  # fmt: skip


def run_trafilatura(content: bytes, url: str) -> Result:
    import trafilatura

    doc = trafilatura.bare_extraction(content, url=url, with_metadata=True)
    if doc is None:
        return {"title": None, "date": None, "author": None, "body": ""}
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    return {"title": data.get("title"), "date": data.get("date"), "author": data.get("author"),
            "body": data.get("text") or ""}  # fmt: skip


_GNE: Any = None


def run_gne(content: bytes, url: str) -> Result:
    global _GNE
    if _GNE is None:
        from gne import GeneralNewsExtractor

        _GNE = GeneralNewsExtractor()
    html = decode_html(content, None).text  # GNE needs text; decoding is part of its cost
    data = _GNE.extract(html)
    return {"title": data.get("title"), "date": data.get("publish_time"),
            "author": data.get("author"), "body": data.get("content") or ""}  # fmt: skip


TOOLS: dict[str, Callable[[bytes, str], Result]] = {
    "hnreader": run_hnreader,
    "trafilatura": run_trafilatura,
    "gne": run_gne,
}
BASELINE_MODULES = {"trafilatura": "trafilatura", "gne": "gne"}


def available_tools() -> dict[str, Callable[[bytes, str], Result]]:
    """The tools that can run here; a baseline that is not installed is skipped, with a note."""
    tools: dict[str, Callable[[bytes, str], Result]] = {}
    for name, tool in TOOLS.items():
        module = BASELINE_MODULES.get(name)
        if module is not None:
            try:
                importlib.import_module(module)
            except ImportError as error:
                print(f"skipping {name}: not importable ({error}); "
                      f"pip install {module} to compare with it", file=sys.stderr)  # fmt: skip
                continue
        tools[name] = tool
    return tools


def char_f1(a: str, b: str) -> float:
    """F1 of the multisets of non-space characters of two texts."""
    ca, cb = Counter("".join(a.split())), Counter("".join(b.split()))
    common = sum((ca & cb).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(ca.values()), common / sum(cb.values())
    return 2 * precision * recall / (precision + recall)


def timed(tool: Callable[[bytes, str], Result], content: bytes, url: str, rounds: int) -> Result:
    best = float("inf")
    result: Result = {}
    for _ in range(rounds):
        start = time.perf_counter()
        try:
            result = tool(content, url)
        except Exception as error:  # a crash is a result worth printing, not a stop
            result = {"title": None, "date": None, "author": None, "body": "",
                      "error": f"{type(error).__name__}: {error}"}  # fmt: skip
        best = min(best, time.perf_counter() - start)
    result["ms"] = best * 1000
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--rounds", type=int, default=3, help="best of N runs per page")
    parser.add_argument("--quiet", action="store_true", help="totals only")
    options = parser.parse_args()
    pages = sorted(options.corpus.glob("*/*.html"))
    if not pages:
        print(f"no pages under {options.corpus}", file=sys.stderr)
        return 1
    warnings.simplefilter("ignore")
    tools = available_tools()
    times: dict[str, list[float]] = {name: [] for name in tools}
    pairs = [f"{a}~{b}" for i, a in enumerate(tools) for b in list(tools)[i + 1 :]]
    agreement: dict[str, list[float]] = {pair: [] for pair in pairs}
    for page in pages:
        content = page.read_bytes()
        url = f"http://{page.parent.name}.example/{page.stem}.html"
        results = {name: timed(tool, content, url, options.rounds) for name, tool in tools.items()}
        for name, result in results.items():
            times[name].append(result["ms"])
        for pair in agreement:
            left, right = pair.split("~")
            agreement[pair].append(char_f1(results[left]["body"], results[right]["body"]))
        if not options.quiet:
            print(f"== {page.parent.name}/{page.name}")
            for name, r in results.items():
                title = (r["title"] or "")[:30]
                print(f"  {name:<11} {r['ms']:7.1f} ms  body {len(r['body']):5d}  "
                      f"date {r['date']!s:<20} author {str(r['author'])[:14]:<14} title {title}"
                      + (f"  ERROR {r['error']}" if "error" in r else ""))  # fmt: skip
    print(f"\n{len(pages)} pages")
    base = statistics.median(times["trafilatura"]) if "trafilatura" in times else None
    for name, values in times.items():
        median = statistics.median(values)
        ratio = f"  ratio to trafilatura {median / base:5.2f}" if base else ""
        print(f"  {name:<11} median {median:7.2f} ms/page  total {sum(values) / 1000:6.2f} s"
              + ratio)  # fmt: skip
    for pair, values in agreement.items():
        print(f"  body agreement {pair:<22} mean char-F1 {statistics.mean(values):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
