"""Benchmark: authors, dates and body F1 against a hand-made truth file kept outside the repo.

The truth is a JSON object ``{"<site>/<page>.html": {"author": str|null, "date": iso,
"body": str (optional)}}`` for pages of the development corpus; it quotes page text, so it
lives next to the corpus, never in the repository. Each tool of ``extract_corpus`` that is
installed runs on every page of the truth. Scores:

- author: right when the set of names equals the truth's (names split on spaces and 、，);
  a page that credits no writer has ``null`` and is right only when the tool says nothing;
- date: exact ISO string (the tool's date parsed with hnreader's date parser) and same day;
- body: F1 of the multisets of character bigrams (whitespace removed), mean over pages with
  a ``body``.

Usage: ``python bench/extract_truth.py TRUTH_JSON [CORPUS_DIR]``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import warnings
from collections import Counter
from pathlib import Path

from extract_corpus import DEFAULT_CORPUS, available_tools
from hnreader.extract.dates import parse_date


def names(value: str | None) -> frozenset[str]:
    """The set of names in an author string."""
    return frozenset(n for n in re.split(r"[\s、，,;；]+", value or "") if n)


def bigram_f1(got: str, want: str) -> float:
    """F1 of the character-bigram multisets of two texts, whitespace ignored."""

    def grams(text: str) -> Counter[str]:
        text = "".join(text.split())
        return Counter(text[i : i + 2] for i in range(len(text) - 1))

    a, b = grams(got), grams(want)
    common = sum((a & b).values())
    if common == 0:
        return 0.0
    precision, recall = common / sum(a.values()), common / sum(b.values())
    return 2 * precision * recall / (precision + recall)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("truth", type=Path)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--verbose", action="store_true", help="print every miss")
    options = parser.parse_args()
    truth = {k: v for k, v in json.loads(options.truth.read_text()).items() if "/" in k}
    warnings.simplefilter("ignore")
    for name, tool in available_tools().items():
        authors = named = named_total = exact = day = 0
        scores: list[float] = []
        for page, want in truth.items():
            site, file_name = page.split("/", 1)
            result = tool(
                (options.corpus / page).read_bytes(), f"http://{site}.example/{file_name}"
            )
            got_date = parse_date(str(result["date"])) if result["date"] else None
            author_ok = names(result["author"]) == names(want["author"])
            authors += author_ok
            if want["author"]:
                named_total += 1
                named += author_ok
            exact += got_date == want["date"]
            day += (got_date or "")[:10] == want["date"][:10]
            if "body" in want:
                scores.append(bigram_f1(result["body"], want["body"]))
            if options.verbose and not (author_ok and got_date == want["date"]):
                print(f"  {name} {page}: author {result['author']!r} (want {want['author']!r}) "
                      f"date {got_date} (want {want['date']})")  # fmt: skip
        body = f"mean {statistics.mean(scores):.3f} min {min(scores):.3f}" if scores else "n/a"
        print(f"{name:<11} authors {authors}/{len(truth)} (named writers {named}/{named_total})  "
              f"dates exact {exact}/{len(truth)}, day {day}/{len(truth)}  "
              f"body bigram-F1 {body} over {len(scores)} pages")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
