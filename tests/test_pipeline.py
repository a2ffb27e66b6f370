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
