"""The pipeline of named stages and the model loader."""

from __future__ import annotations

import pytest

from dyadwatch.errors import ModelNotFound, UsageError
from dyadwatch.pipeline import STAGES, Pipeline, Stage, parse_text


def test_a_stage_before_its_inputs_is_refused():
    with pytest.raises(UsageError, match="needs actors"):
        Pipeline(["events", "actors"])


def test_an_unknown_stage_is_refused():
    with pytest.raises(UsageError, match="unknown stage"):
        Pipeline(["actors", "nonsense"])


def test_a_user_stage_runs_after_the_built_in_ones(pipeline):
    from dyadwatch.model import Document

    def count_events(analysis):
        analysis.facts.append({"events": len(analysis.events)})

    STAGES["count_events"] = Stage("count_events", count_events, requires=("events",), assigns=("event_count",))
    try:
        pipe = pipeline + ["count_events"]
        result = pipe.analyze(Document(text="India and Pakistan agreed to a ceasefire on Saturday.",
                                       published="2025-05-10"))
        assert result.facts == [{"events": len(result.events)}]
        assert result.events and result.events[0].type in {"AGREE", "RETREAT"}
    finally:
        del STAGES["count_events"]


def test_a_missing_model_is_a_clear_error(monkeypatch):
    from dyadwatch.nlp import load_pipeline

    with pytest.raises(ModelNotFound, match="no_such_model"):
        load_pipeline("no_such_model")


def test_hard_wrapped_lines_are_joined_for_the_parser_without_moving_offsets():
    wrapped = ("Title line\n\n" + "A sentence that runs on and on across the wrapped line and\n" * 4
               + "ends here.\n")
    parsed = parse_text(wrapped)
    assert len(parsed) == len(wrapped)
    assert parsed.startswith("Title line\n\n")
    assert parsed.count("\n") < wrapped.count("\n")
    prose = "First paragraph ends.\nSecond paragraph ends.\nThird one too.\nAnd a fourth.\n"
    assert parse_text(prose) == prose


def test_public_surface():
    import dyadwatch

    assert set(dyadwatch.__all__) == {"Analysis", "Document", "DyadwatchError", "__version__", "analyze_text",
                                      "analyze_file"}
    result = dyadwatch.analyze_text("Japan and South Korea held talks in Tokyo on Friday.", published="2025-08-23")
    assert {"JPN", "KOR"} <= {a.country for a in result.actors}


def test_derived_tables_are_cached_on_disk_and_rebuilt_when_stale(tmp_path, monkeypatch):
    from dyadwatch import cache

    monkeypatch.setenv("DYADWATCH_CACHE", str(tmp_path))
    calls = []

    def build():
        calls.append(1)
        return {"x": (1, 2)}

    assert cache.cached("demo", "k1", build) == {"x": (1, 2)}
    assert cache.cached("demo", "k1", build) == {"x": (1, 2)}
    assert len(calls) == 1
    (tmp_path / "demo-k1.pickle").write_bytes(b"not a pickle")
    assert cache.cached("demo", "k1", build) == {"x": (1, 2)} and len(calls) == 2
    cache.cached("demo", "k2", build)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo-k2.pickle"]


def test_phrase_index_takes_the_longest_phrase():
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.stages.actor_index import PhraseIndex

    index = PhraseIndex({"Security Council": ("Security", "Council"),
                         "UN Security Council": ("UN", "Security", "Council"), "UN": ("UN",)})
    doc = load_pipeline().make_doc("The UN Security Council met; the UN did not.")
    assert index(doc) == [("UN Security Council", 1, 4), ("UN", 7, 8)]


def test_the_phrase_index_splits_every_phrase_as_the_tokenizer_does():
    """Plain phrases skip the tokenizer when the index is built; they must split exactly as it would."""
    from dyadwatch.nlp import load_pipeline
    from dyadwatch.stages.actor_index import phrase_table, tokenize_phrases

    nlp = load_pipeline()
    phrases = list(phrase_table())
    fast = tokenize_phrases(phrases, nlp)
    assert len(fast) == len(phrases) > 5000
    assert all(fast[p] == tuple(t.text for t in doc) for p, doc in zip(phrases, nlp.tokenizer.pipe(phrases)))


def test_typewriter_quotes_reach_the_parser_as_plain_ones_without_moving_offsets():
    text = "Peru said it would allow the return of ``foreign observers'' within a week."
    parsed = parse_text(text)
    assert len(parsed) == len(text)
    assert "`" not in parsed and "''" not in parsed
    assert parsed[parsed.index("foreign") - 1] == '"'
