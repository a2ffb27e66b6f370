"""Any number of varied synthetic news articles about relations between states, so scale can be tried anywhere.

    .venv/bin/python bench/corpus.py OUT_DIR --articles N [--seed S] [--format txt|jsonl]
                                     [--start 2020-01-01 --end 2025-12-31]

txt writes one file per article, OUT_DIR/0000/0000001.txt (1,000 files a folder): the headline, a blank line,
then paragraphs, the first opening with a dateline ("GENEVA, March 3, 2025 — ") that carries the date. jsonl
writes OUT_DIR/articles-0000.jsonl (10,000 lines a file), one {"id", "title", "published", "source", "text"}
object a line. Both are read by `dyadwatch ingest`.

Stories are drawn from ~65 countries and 14 PLOVER event kinds (templates in corpus_templates.py, vocabulary in
corpus_data.py) and name the office holders of their own date (corpus_world.py). In every block of 200
articles one is an exact duplicate and four are near-duplicates (a changed number or sentence, a credit line,
another outlet) of a recent article. Article i depends only on the seed and i, so the output is the same for
a seed, and nothing is kept from one article to the next: memory does not grow with N.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

import corpus_data as data
from corpus_article import Article, Writer
from corpus_world import Country, load_countries

BLOCK = 200  # duplicates are placed per block of this many articles
EXACT_PER_BLOCK = 1  # 0.5 %
NEAR_PER_BLOCK = 4  # 2 %
LOOKBACK = 300  # a duplicate copies one of this many preceding articles
FILES_PER_FOLDER = 1000
LINES_PER_FILE = 10_000
_NUMBER = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d+)(?!\w|[.,]\d)")  # a whole number, not a decimal


@lru_cache(maxsize=16)
def _block_roles(seed: int, block: int) -> dict[int, str]:
    """Positions (from 1) in the block that are duplicates, and of which kind."""
    rng = random.Random(f"duplicates:{seed}:{block}")
    positions = rng.sample(range(5, BLOCK), EXACT_PER_BLOCK + NEAR_PER_BLOCK)
    return {block * BLOCK + p + 1: "exact" if k < EXACT_PER_BLOCK else "near" for k, p in enumerate(positions)}


class Corpus:
    """Article i (from 1) of the corpus of a seed and date range, built on demand."""

    def __init__(self, seed: int = 1, start: date = date(2020, 1, 1), end: date = date(2025, 12, 31),
                 countries: list[Country] | None = None) -> None:
        if end < start:
            raise ValueError(f"end {end} is before start {start}")
        self.seed, self.start, self.end = seed, start, end
        self.days = (end - start).days + 1
        self.countries = countries or load_countries()

    def _rng(self, i: int, salt: int = 0) -> random.Random:
        return random.Random((self.seed * 1_000_003 + i) * 8 + salt)

    def role(self, i: int) -> str | None:
        """"exact" or "near" when article i is a duplicate of an earlier one, else None."""
        return _block_roles(self.seed, (i - 1) // BLOCK).get(i)

    def original(self, i: int) -> tuple[Article, Writer]:
        rng = self._rng(i)
        day = self.start + timedelta(days=rng.randrange(self.days))
        source, style = rng.choice(data.SOURCES)
        writer = Writer(rng, self.countries, day, source, style)
        return writer.article(f"{i:07d}"), writer

    def article(self, i: int) -> Article:
        role = self.role(i)
        if role is None:
            return self.original(i)[0]
        rng = self._rng(i, 1)
        j = i - rng.randint(1, min(i - 1, LOOKBACK))
        while self.role(j) is not None:
            j -= 1
        original, writer = self.original(j)
        copy = original.copy(id=f"{i:07d}", duplicate_of=original.id, duplicate_kind=role)
        return copy if role == "exact" else self._near(copy, original, writer, rng)

    def articles(self, n: int, first: int = 1) -> Iterator[Article]:
        for i in range(first, first + n):
            yield self.article(i)

    def _near(self, art: Article, original: Article, writer: Writer, rng: random.Random) -> Article:
        """The story as another outlet ran it: other dateline, maybe a day later, one or two small edits."""
        art.source, art.style = rng.choice([s for s in data.SOURCES if s[0] != original.source])
        if rng.random() < 0.4:
            art.published = min(self.end, art.published + timedelta(days=1))
        if rng.random() < 0.3:
            art.title = f"UPDATE {rng.randint(1, 3)}-{art.title}"
        words = sum(len(p.split()) for p in art.paragraphs)
        edits = ["credit", "number"] + (["sentence"] * (words > 250)) + (["trim"] * (words > 500))
        writer.rng = rng
        for edit in rng.sample(edits, rng.randint(1, 2)):
            if edit == "number" and self._change_number(art, rng):
                continue
            if edit == "sentence" and len(art.paragraphs) > 1:
                k = rng.randrange(1, len(art.paragraphs))
                sentences = re.split(r"(?<=[.”])\s+(?=[A-Z“])", art.paragraphs[k])
                sentences[rng.randrange(len(sentences))] = writer.any_sentence("")
                art.paragraphs[k] = " ".join(sentences)
            elif edit == "trim" and len(art.paragraphs) > 3:
                art.paragraphs.pop()
            else:
                r1, r2 = (f"{rng.choice(data.GIVEN)} {rng.choice(data.FAMILY)}" for _ in range(2))
                art.paragraphs.append(rng.choice(data.CREDITS).format(r1=r1, r2=r2, city=art.city))
        if art.text() == original.text():
            art.paragraphs.append("This story has been updated.")
        return art

    @staticmethod
    def _change_number(art: Article, rng: random.Random) -> bool:
        """Revise one figure of the body (not a year), as a later version of a story does."""
        spots = [(k, m) for k, p in enumerate(art.paragraphs) for m in _NUMBER.finditer(p)
                 if not 1900 <= int(m[0].replace(",", "")) <= 2100]
        if not spots:
            return False
        k, m = rng.choice(spots)
        value = int(m[0].replace(",", ""))
        new = max(value + 1, round(value * rng.choice([1.1, 1.2, 1.25, 1.5])))
        text = f"{new:,}" if "," in m[0] else str(new)
        art.paragraphs[k] = art.paragraphs[k][:m.start()] + text + art.paragraphs[k][m.end():]
        return True


def write(corpus: Corpus, out: Path, n: int, fmt: str, *, progress: bool = True) -> dict[str, float]:
    """Write n articles, one at a time; returns counts and speed."""
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    size = 0
    fh = None
    try:
        for i, art in enumerate(corpus.articles(n), 1):
            if fmt == "txt":
                folder = out / f"{(i - 1) // FILES_PER_FOLDER:04d}"
                if (i - 1) % FILES_PER_FOLDER == 0:
                    folder.mkdir(exist_ok=True)
                raw = art.as_txt().encode("utf-8")
                (folder / f"{art.id}.txt").write_bytes(raw)
            else:
                if (i - 1) % LINES_PER_FILE == 0:
                    if fh:
                        fh.close()
                    fh = (out / f"articles-{(i - 1) // LINES_PER_FILE:04d}.jsonl").open("wb")
                raw = (json.dumps(art.as_record(), ensure_ascii=False) + "\n").encode("utf-8")
                fh.write(raw)
            size += len(raw)
            if progress and i % 50_000 == 0:
                rate = i / (time.perf_counter() - started)
                print(f"  {i:,} articles, {rate:,.0f} articles/s", file=sys.stderr, flush=True)
    finally:
        if fh:
            fh.close()
    seconds = time.perf_counter() - started
    return {"articles": n, "bytes": size, "seconds": seconds, "per_second": n / seconds if seconds else 0.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, help="folder to write into")
    parser.add_argument("--articles", type=int, required=True, help="how many articles")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--format", choices=["txt", "jsonl"], default="txt")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2020, 1, 1), help="first date, YYYY-MM-DD")
    parser.add_argument("--end", type=date.fromisoformat, default=date(2025, 12, 31), help="last date, YYYY-MM-DD")
    parser.add_argument("--quiet", action="store_true", help="no progress or speed lines")
    args = parser.parse_args(argv)
    if args.articles < 0:
        parser.error("--articles must be 0 or more")
    try:
        corpus = Corpus(args.seed, args.start, args.end)
    except ValueError as exc:
        parser.error(str(exc))
    stats = write(corpus, args.out, args.articles, args.format, progress=not args.quiet)
    if not args.quiet:
        print(f"wrote {stats['articles']:,} articles ({stats['bytes'] / 1e6:,.1f} MB of {args.format}) to {args.out} "
              f"in {stats['seconds']:.1f} s: {stats['per_second']:,.0f} articles/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
