"""Event coding on public gold data: the readers on fixtures written for this test, and the shared
benchmarks (read from ../shared, never copied) against floors that may rise and never silently fall."""

from __future__ import annotations

import json

import pytest

from dyadwatch import benchmarks, kb
from dyadwatch.cli import main
from dyadwatch.errors import Malformed

from .conftest import ROOT, SHARED, needs_shared

FIXTURES = ROOT / "tests" / "fixtures" / "benchmarks"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text("utf-8"))["benchmarks"]


def test_plover_records_map_old_labels_and_skip_documentation():
    records = benchmarks.read_plover(FIXTURES / "plover_like.json")
    assert [r.codings[0]["type"] for r in records] == ["CONSULT", "ACCUSE", "ASSAULT"]
    assert records[0].codings[0]["source"] == {"BRA"} and records[0].codings[0]["target"] == {"CHN"}


def test_petrarch_records_are_read_from_ill_formed_xml():
    records = benchmarks.read_petrarch(FIXTURES / "petr_like.xml")
    assert [(r.id, r.published, len(r.codings)) for r in records] == [("T1", "2025-03-03", 1), ("T2", "2025-03-03", 0)]
    assert records[0].codings[0] == {"cameo": "042", "source": {"IND"}, "target": {"JPN"}}


def test_a_file_without_records_is_a_clear_error(tmp_path):
    bad = tmp_path / "empty.xml"
    bad.write_text("<Validation></Validation>", encoding="utf-8")
    with pytest.raises(Malformed, match="no <Sentence> records"):
        benchmarks.read_petrarch(bad)


def test_scoring_counts_found_codings_and_clean_records(pipeline):
    plover = benchmarks.score_records("plover", benchmarks.read_plover(FIXTURES / "plover_like.json"), pipeline)
    assert plover.records == 3 and plover.found == 2  # the visit and the accusation; nothing in the weather
    assert plover.per_type()["CONSULT"]["recall"] == 1.0
    petr = benchmarks.score_records("petrarch", benchmarks.read_petrarch(FIXTURES / "petr_like.xml"), pipeline,
                                    by="cameo")
    assert (petr.found, petr.clean_total, petr.clean_kept) == (1, 1, 1)


def test_eval_benchmark_command_prints_json(capsys):
    assert main(["eval", "--benchmark", "plover", "--path", str(FIXTURES / "plover_like.json"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["records"] == 3 and set(out["per_type"]) >= {"CONSULT", "ACCUSE"}


def test_eval_benchmark_with_a_missing_file_says_what_to_do(capsys):
    assert main(["eval", "--benchmark", "plover", "--path", "/nonexistent/plover.json"]) != 0
    assert "--path" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["plover", "petrarch"])
def test_shared_benchmarks_stay_at_or_above_their_floors(pipeline, name):
    path = SHARED / "benchmarks" / benchmarks.READERS[name][1]
    if not path.exists():
        pytest.skip(needs_shared(path).kwargs["reason"])
    result = benchmarks.run(name, path, pipeline).as_json()
    floors = FLOORS[name]
    for key, floor in floors.items():
        assert result[key] >= floor, f"{name} {key}: {result[key]} fell below its floor {floor}"


WINDOW = 45  # characters: longer than most names the records share with our data ("Democratic People's Republic of Korea")


def _long_names() -> list[str]:
    """Names and aliases of the knowledge base (facts, not sentences) as long as the window: a record that names
    "the National Union for the Total Independence of Angola" shares them with our data by right."""
    base = kb.load()
    names = [n for c in base.countries.values() for n in (c.name, *c.aliases)]
    names += [n for o in base.organizations.values() for n in (o.name, *o.aliases)]
    return [n for n in names if len(n) >= WINDOW]


@pytest.mark.parametrize("name", ["plover", "petrarch"])
def test_no_benchmark_sentence_is_copied_into_the_project(name):
    """The public gold records are read from ../shared, never copied: no run of WINDOW characters of a record's
    text appears in the project's code, data, tests, gold articles or demo corpus."""
    path = SHARED / "benchmarks" / benchmarks.READERS[name][1]
    if not path.exists():
        pytest.skip(needs_shared(path).kwargs["reason"])
    files = [p for folder in ("src", "tests", "demo", "bench") for p in (ROOT / folder).rglob("*")
             if p.is_file() and p.suffix in {".py", ".tsv", ".txt", ".md", ".json", ".jsonl", ".html", ".xml"}]
    ours = {p: " ".join(p.read_text("utf-8", errors="ignore").split()) for p in files}
    copied = set()
    names = _long_names()
    for record in benchmarks.READERS[name][0](path):
        text = " ".join(record.text.split())
        for i in range(0, max(1, len(text) - WINDOW + 1), 5):
            piece = text[i:i + WINDOW]
            if any(piece in n for n in names):
                continue
            copied |= {(str(p.relative_to(ROOT)), piece) for p, body in ours.items() if len(piece) == WINDOW and piece in body}
    assert not copied, sorted(copied)[:10]


def test_legacy_country_codes_of_gold_records_are_read_as_iso_codes(tmp_path):
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": "r1", "text": "Tokyo protested to Rome.", "event": "PROTEST",
                                 "source": [{"code": "JAPGOV"}], "target": [{"code": "ITL"}]}]), encoding="utf-8")
    [record] = benchmarks.read_plover(path)
    assert record.codings[0]["source"] == {"JPN"} and record.codings[0]["target"] == {"ITA"}


def test_a_side_the_record_leaves_uncoded_accepts_any_side():
    assert benchmarks._side_ok({"---"}, set())
    assert benchmarks._side_ok({"IGO"}, {None}) and not benchmarks._side_ok({"IGO"}, set())
    assert not benchmarks._side_ok({"JPN"}, {None})


def test_a_promised_act_matches_a_gold_record_coding_the_act_itself(tmp_path, pipeline):
    """PLOVER records code "will resign" now as the promise (AGREE), now as the act (RETREAT); dyadwatch codes the
    promise and keeps the act's type, and either convention is found, as for PETRARCH-2's CAMEO codes."""
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": "r1", "event": "RETREAT", "text": "The Peruvian foreign minister will resign next week.",
                                 "source": [{"code": "PER"}], "target": []}]), encoding="utf-8")
    score = benchmarks.score_records("plover", benchmarks.read_plover(path), pipeline)
    assert score.found == 1 and not score.misses
