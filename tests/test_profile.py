"""Dyad profiles: dependencies stated in text, dimension keywords, and the stored profile's figures, changes,
quantities and actors. The articles are written for these tests."""

from __future__ import annotations

import pytest

from dyadwatch.stages.events import dimensions_of
from dyadwatch.store import Store
from dyadwatch.store.profile import dyad_profile

from .conftest import store_of


def _deps(analysis: dict) -> set[tuple[str, str, str]]:
    return {(d["dependent"], d["provider"], d["dimension"]) for y in analysis["dyads"] for d in y["dependencies"]}


@pytest.mark.parametrize("text, wanted", [
    ("the military operation", ["military"]),  # not culture ("opera")
    ("artificial intelligence chips", ["technology"]),  # not culture ("art")
    ("a Moscow-based firm said", []),  # not military ("base")
    ("senior aides said", []),  # not humanitarian ("aid")
    ("three new naval bases", ["military"]),
    ("investments in the economy", ["economic"]),
])
def test_dimension_keywords_match_whole_words_unless_stems(text, wanted):
    assert dimensions_of(text) == wanted


def test_reciprocal_need_runs_both_ways_and_ignores_the_speakers_university(analyze):
    a = analyze("“Energy is the one file where Lisbon and Madrid really need each other,” said Ana Costa, an "
                "economist at the University of Coimbra.")
    deps = _deps(a)
    assert ("PRT", "ESP", "economic") in deps and ("ESP", "PRT", "economic") in deps
    assert not {d for d in deps if d[2] == "education"}, deps


def test_reliance_through_national_adjectives(analyze):
    a = analyze("Kenyan patrols still rely on British drones to track the militants along the border.")
    assert ("KEN", "GBR", "military") in _deps(a)


def test_training_abroad_is_an_education_dependency(analyze):
    a = analyze("Mongolian officials said Ulaanbaatar wanted more of its young engineers trained at Japanese "
                "universities.")
    assert ("MNG", "JPN", "education") in _deps(a)


def test_bare_need_takes_the_dimension_of_the_stated_concerns(analyze):
    a = analyze("Ottawa needs Copenhagen as much as Copenhagen needs Ottawa. Canada has security concerns of its "
                "own in the Arctic.")
    deps = _deps(a)
    assert ("CAN", "DNK", "security") in deps
    assert ("DNK", "CAN", "diplomatic") in deps  # no concern stated for Denmark: the default


def test_accusing_someone_of_arming_rebels_is_no_provision(analyze):
    a = analyze("Peru accused Bolivia on Tuesday of arming the rebels in the south.")
    assert not _deps(a)


ARTICLES = [
    ("2024-02-10", "Portugal and Spain signed a trade agreement in Lisbon on Monday. Spain holds about US$ 4 "
                   "billion in investments in Portuguese energy and infrastructure."),
    ("2024-03-12", "Portugal and Spain held talks in Madrid on Tuesday on water sharing along their border."),
    ("2024-06-05", "Spain accused Portugal on Wednesday of violating the fishing accord. Madrid condemned Lisbon "
                   "over the seizure of two trawlers."),
    ("2024-06-20", "Portugal threatened on Friday to impose sanctions on Spain. Lisbon expelled the Spanish "
                   "ambassador on Saturday."),
    ("2024-06-25", "Spain imposed sanctions on Portugal on Monday after the expulsion of its ambassador."),
]


@pytest.fixture(scope="module")
def store(pipeline, tmp_path_factory):
    path = store_of(pipeline, tmp_path_factory.mktemp("profile") / "p.duckdb", ARTICLES)
    with Store.open(path, read_only=True) as s:
        yield s


def test_profile_figures_add_up(store):
    p = dyad_profile(store, "ESP", "PRT")
    assert p["pair"] == ["ESP", "PRT"] and p["names"] == {"ESP": "Spain", "PRT": "Portugal"}
    assert p["events"] >= 5
    assert sum(m["events"] for m in p["monthly"]) == p["events"]
    assert p["period"] == {"first": "2024-02", "last": "2024-06"}
    for key in ("ESP->PRT", "PRT->ESP"):
        assert p["directed"][key] == p["directed_tone"][key]["events"]
    assert sum(m["a_to_b"] for m in p["monthly"]) == p["directed"]["ESP->PRT"]
    # a joint act (both signed) counts each way; Spain's accusations and sanctions only from Spain
    there, back = p["directed_tone"]["ESP->PRT"], p["directed_tone"]["PRT->ESP"]
    assert there["cooperation"] > 0 and back["cooperation"] > 0
    assert there["conflict"] > 0 and back["conflict"] > 0 and there["conflict"] != back["conflict"]
    june = next(m for m in p["monthly"] if m["month"] == "2024-06")
    assert june["conflict"] > 0 and june["sources"] == 3


def test_profile_flags_the_turn_to_conflict_with_evidence(store):
    p = dyad_profile(store, "PRT", "ESP")
    turns = [c for c in p["changes"] if c["kind"] == "tone_turn"]
    assert [c["month"] for c in turns] == ["2024-06"]
    assert "towards conflict" in turns[0]["description"]
    evidence = turns[0]["evidence"]
    doc = store.con.execute("SELECT text FROM documents WHERE id = ?", [evidence["doc_id"]]).fetchone()[0]
    assert doc[evidence["start"]:evidence["end"]] == evidence["text"]
    firsts = {c["description"].split()[1] for c in p["changes"] if c["kind"] == "first_event"}
    assert {"ACCUSE", "SANCTION"} <= firsts


def test_profile_dimensions_carry_their_quantities_and_events(store):
    p = dyad_profile(store, "ESP", "PRT")
    economic = next(d for d in p["dimensions"] if d["dimension"] == "economic")
    money = [q for q in economic["quantities"] if q["unit"] == "USD"]
    assert [q["value"] for q in money] == [4_000_000_000]
    assert money[0]["evidence"]["doc_id"] == "a0"
    assert economic["events"], "the trade agreement is an economic event"
    assert all(q["evidence"]["text"] for d in p["dimensions"] for q in d["quantities"])


def test_profile_lists_the_actors_behind_its_events(store):
    p = dyad_profile(store, "ESP", "PRT")
    countries = {a["country"] for a in p["actors"]}
    assert {"ESP", "PRT"} <= countries
    assert all(a["events"] >= 1 for a in p["actors"])


def test_leader_changes_come_from_the_knowledge_base(store):
    # Portugal's prime minister changed in April 2024 (Montenegro after Costa): inside the stored period.
    p = dyad_profile(store, "ESP", "PRT")
    leaders = [c for c in p["changes"] if c["kind"] == "leader_change"]
    assert any(c["month"] == "2024-04" and "Portugal" in c["description"] for c in leaders), leaders
