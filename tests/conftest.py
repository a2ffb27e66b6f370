"""Shared fixtures. The spaCy pipeline is loaded once per test session (it is cached by dyadwatch.nlp)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_ed7ffea211f3cf2c.txt"
SEED_EXPECTED = SHARED / "seed" / "000_ed7ffea211f3cf2c.expected.json"
DEMO = ROOT / "demo" / "corpus"


@pytest.fixture(scope="session")
def pipeline():
    from dyadwatch.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def analyze(pipeline):
    """analyze(text, published=...) -> the analysis JSON of one text."""
    from dyadwatch.model import Document
    from dyadwatch.readers._base import clean_text

    def run(text: str, published: str | None = "2025-06-15", doc_id: str = "t") -> dict:
        return pipeline.analyze(Document(text=clean_text(text), id=doc_id, published=published)).as_json()
    return run


@pytest.fixture
def db(tmp_path) -> Path:
    return tmp_path / "store.duckdb"


def needs_shared(path: Path):
    return pytest.mark.skipif(not path.exists(), reason=f"{path} is absent: the shared seed and benchmarks live "
                              "beside the checkout as ../shared (see DEVELOPERS.md)")


def store_of(pipeline, path: Path, articles: list[tuple[str | None, str]], *, commit_after: int | None = None) -> Path:
    """A store at `path` holding the analyses of (published, text) articles, ids a0, a1...; committed once
    after article `commit_after` (two batches) and at the end."""
    from dyadwatch.model import Document
    from dyadwatch.readers._base import clean_text
    from dyadwatch.store import Store

    with Store.open(path) as s:
        for i, (published, text) in enumerate(articles):
            s.add(pipeline.analyze(Document(text=clean_text(text), id=f"a{i}", published=published)))
            if i == commit_after:
                s.commit()
    return path
