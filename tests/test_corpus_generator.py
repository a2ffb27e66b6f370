"""bench/corpus.py, the synthetic news generator: deterministic, laid out as promised, varied, and read back by
dyadwatch's own readers as documents with the right dates. Fast: no spaCy."""

from __future__ import annotations

import json
import re
import sys
from datetime import date
from pathlib import Path

import pytest

from dyadwatch.model import Document, content_hash
from dyadwatch.readers import iter_documents

BENCH = Path(__file__).resolve().parent.parent / "bench"
sys.path.insert(0, str(BENCH))

import corpus  # noqa: E402  (bench/ is not a package)

N = 200
SEED = 7
START, END = date(2021, 3, 1), date(2021, 8, 31)
ARGS = ["--articles", str(N), "--seed", str(SEED), "--start", START.isoformat(), "--end", END.isoformat(), "--quiet"]
_WORD = re.compile(r"\w+")


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("corpus")
    for name, fmt in (("txt", "txt"), ("txt_again", "txt"), ("jsonl", "jsonl")):
        assert corpus.main([str(base / name), "--format", fmt, *ARGS]) == 0
    return {name: base / name for name in ("txt", "txt_again", "jsonl")}


@pytest.fixture(scope="module")
def articles() -> list[corpus.Article]:
    return list(corpus.Corpus(SEED, START, END).articles(N))


@pytest.fixture(scope="module")
def records(out) -> list[dict]:
    return [json.loads(line) for path in sorted(out["jsonl"].glob("*.jsonl")) for line in path.open(encoding="utf-8")]


def test_same_seed_same_bytes(out, articles):
    assert tree(out["txt"]) == tree(out["txt_again"])
    assert corpus.Corpus(SEED, START, END).article(150) == articles[149]  # article i does not depend on the rest
    assert [a.text() for a in corpus.Corpus(SEED + 1, START, END).articles(5)] != [a.text() for a in articles[:5]]


def test_txt_layout(out, articles):
    files = sorted(out["txt"].rglob("*.txt"))
    assert [p.relative_to(out["txt"]).as_posix() for p in files] == [f"0000/{i:07d}.txt" for i in range(1, N + 1)]
    for path, art in zip(files, articles):
        lines = path.read_text(encoding="utf-8").split("\n")
        assert lines[0] == art.title and lines[0].strip() and len(lines[0]) <= 200
        assert lines[1] == "" and lines[2].startswith(art.dateline())
        assert re.match(r"[A-Z][A-Z .'-]+, (\w+\.? \d{1,2}, \d{4} (\([^)]+\) )?—|\d{1,2} \w+ \d{4}:) ", lines[2])


def test_folders_and_files_roll_over(tmp_path, monkeypatch):
    assert (corpus.FILES_PER_FOLDER, corpus.LINES_PER_FILE) == (1000, 10_000)
    monkeypatch.setattr(corpus, "FILES_PER_FOLDER", 64)
    monkeypatch.setattr(corpus, "LINES_PER_FILE", 64)
    gen = corpus.Corpus(SEED, START, END)
    corpus.write(gen, tmp_path / "t", 150, "txt", progress=False)
    corpus.write(gen, tmp_path / "j", 150, "jsonl", progress=False)
    assert [len(list(d.iterdir())) for d in sorted((tmp_path / "t").iterdir())] == [64, 64, 22]
    assert [sum(1 for _ in p.open()) for p in sorted((tmp_path / "j").iterdir())] == [64, 64, 22]
    assert sorted(p.name for p in (tmp_path / "j").iterdir())[0] == "articles-0000.jsonl"


def test_jsonl_records(records, articles):
    assert len(records) == N
    for record, art in zip(records, articles):
        assert set(record) == {"id", "title", "published", "source", "text"}
        assert record["id"] == art.id and record["title"] == art.title and record["text"].strip()
        assert record["published"] == art.published.isoformat()


def test_dates_in_range(records, articles):
    days = [date.fromisoformat(r["published"]) for r in records]
    assert all(START <= d <= END for d in days)
    assert len({d.month for d in days}) == 6  # spread over the range, not bunched


def test_lengths_vary(articles):
    words = [sum(len(p.split()) for p in a.paragraphs) for a in articles]
    assert 150 <= min(words) and max(words) <= 1200
    assert max(words) - min(words) > 500


def shingles(text: str) -> set[str]:
    words = _WORD.findall(text.casefold())
    return {" ".join(words[i:i + 5]) for i in range(len(words) - 4)}


def test_duplicate_shares(records, articles):
    seen: set[str] = set()
    exact = 0
    for record in records:
        digest = content_hash(record["text"])
        exact += digest in seen
        seen.add(digest)
    near = [a for a in articles if a.duplicate_kind == "near"]
    assert exact == sum(a.duplicate_kind == "exact" for a in articles) == 1  # 0.5 %
    assert len(near) == 4  # 2 %
    by_id = {a.id: a for a in articles}
    for art in near:
        original = by_id[art.duplicate_of]
        assert int(art.id) > int(original.id) and art.text() != original.text()
        a, b = shingles(art.text()), shingles(original.text())
        assert len(a & b) / len(a | b) > 0.7  # above dyadwatch's near-duplicate threshold


def test_variety(articles):
    pairs = {frozenset(e[2:]) for a in articles for e in a.events}
    kinds = {e[0] for a in articles for e in a.events}
    forms = {e[1] for a in articles for e in a.events}
    assert len(pairs) >= 40
    assert len(kinds) >= 10
    assert forms >= {"act", "pas", "nom", "neg", "hyp", "rep", "intent", "light"}
    assert len({a.source for a in articles}) >= 15
    text = " ".join(a.text() for a in articles)
    for pattern in (r"[$€£]\d", r"\d+(\.\d)? (per ?cent|%)", r"\d[\d,]* (tonnes|barrels)", r"“[^”]+,” said ",
                    r" said: “", r" on (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"):
        assert re.search(pattern, text), pattern


def test_leaders_hold_office_on_the_date():
    gen = corpus.Corpus(SEED, date(2019, 6, 1), date(2019, 6, 30))
    usa = next(c for c in gen.countries if c.iso3 == "USA")
    assert usa.holder("head_of_state", date(2019, 6, 15)).name == "Donald Trump"
    assert usa.holder("head_of_state", date(2022, 6, 15)).name == "Joe Biden"
    text = " ".join(a.text() for a in gen.articles(120))
    assert "Trump" in text and "Biden" not in text  # Biden took office in 2021


def test_read_back_by_dyadwatch(out, articles):
    expected = {a.id: a for a in articles}
    for name in ("txt", "jsonl"):
        docs = list(iter_documents([str(out[name])]))
        assert len(docs) == N and all(isinstance(d, Document) for d in docs), name
        for doc in docs:
            art = expected[doc.id]
            assert doc.published == art.published.isoformat(), (name, doc.id)
            assert doc.title == art.title, (name, doc.id)
            assert doc.text.endswith(art.paragraphs[-1])  # a trailing "Share this article" is cut by the reader
