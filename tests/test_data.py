"""The data tables: each states its source and date, and they agree with each other."""

from __future__ import annotations

import re
from importlib import resources

import pytest

from dyadwatch import kb

PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
TABLES = ["countries.tsv", "organizations.tsv", "leaders.tsv", "leaders_history.tsv", "places.tsv", "titles.tsv", "cameo.tsv",
          "verbs.tsv", "dimensions.tsv", "units.tsv", "secessions.tsv", "agents.tsv"]


@pytest.mark.parametrize("name", TABLES)
def test_every_table_states_its_source_and_date(name):
    meta, rows = kb.read_table(name)
    assert meta.get("source") and re.match(r"\d{4}(-\d{2})?", meta.get("as_of", "")), name
    assert rows, name


def test_boilerplate_patterns_have_a_source_and_compile():
    text = resources.files("dyadwatch").joinpath("data/boilerplate.txt").read_text("utf-8")
    assert "# source:" in text and "# as_of:" in text
    from dyadwatch.readers.text import boilerplate_patterns

    assert len(boilerplate_patterns()) >= 5


def test_countries_are_unique_and_well_formed():
    countries = kb.load().countries
    assert len(countries) >= 249
    assert all(re.fullmatch(r"[A-Z]{3}", c.iso3) and re.fullmatch(r"[A-Z]{2}", c.iso2) for c in countries.values())
    assert len({c.iso2 for c in countries.values()}) == len(countries)
    seen: dict[str, str] = {}
    for c in countries.values():
        for name in [c.name, *c.aliases, *c.demonyms]:
            assert seen.setdefault(name, c.iso3) == c.iso3, f"{name} names {seen[name]} and {c.iso3}"


def test_organizations_refer_to_known_countries_and_parents():
    base = kb.load()
    for org in base.organizations.values():
        assert org.country is None or org.country in base.countries, org.id
        assert org.parent is None or org.parent in base.organizations, org.id
        assert org.kind in {"organization", "group"}


def test_leaders_terms_are_consistent():
    base = kb.load()
    roles = {"head_of_state", "head_of_government", "foreign_minister", "defence_minister"}
    names: dict[str, str] = {}
    for term in base.terms:
        assert term.country in base.countries, term
        assert term.role in roles, term
        assert term.end is None or term.start[:len(term.end)] <= term.end, term
        assert names.setdefault(term.person_id, term.name) == term.name
    assert len({t.country for t in base.terms}) >= 60


def test_office_is_resolved_on_the_articles_date():
    base = kb.load()
    assert base.holder("SYR", "head_of_state", "2023-06-01").person_id == "bashar-al-assad"
    assert base.holder("SYR", "head_of_state", "2025-06-01").person_id == "ahmad-al-sharaa"
    assert base.holder("USA", "head_of_state", "2022-03-01").person_id == "joe-biden"
    assert base.office_on("bashar-al-assad", "2026-02-09").covers("2026-02-09") is False


def test_cameo_codes_are_complete_and_consistent():
    codes = kb.cameo_codes()
    assert len(codes) >= 290
    for code in codes.values():
        assert -10 <= code.goldstein <= 10
        assert code.plover is None or code.plover in PLOVER_TYPES, code
        root = int(code.code[:2])
        expected_quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert code.quad_class == expected_quad, code
        if len(code.code) > 2:
            assert code.code[:-1] in codes or code.code[:2] in codes, code


def test_every_verb_frame_has_a_known_code_and_target():
    codes = kb.cameo_codes()
    allowed = {"obj", "iobj", "ccomp", "with", "to", "on", "against", "for", "from", "at", "into", "of", "over", "in", "between",
               "near", "off", "around", "toward", "towards", "outside", "along", "among"}
    for frames in kb.verb_frames().values():
        for frame in frames:
            assert frame.cameo in codes, frame
            assert frame.pos in {"VERB", "NOUN", "ADJ"}
            assert {w.removeprefix("<") for w in frame.targets} <= allowed | {"obj@"}, frame
            assert all(w[1:] in allowed - {"obj", "iobj"} for w in frame.targets if w.startswith("<")), frame
    covered = {codes[f.cameo].plover for fs in kb.verb_frames().values() for f in fs}
    assert PLOVER_TYPES <= covered


def test_curated_places_have_countries_and_coordinates():
    base = kb.load()
    for name, place in kb.curated_places().items():
        assert place.country is None or place.country in base.countries, name
        assert place.lat is None or -90 <= place.lat <= 90


def test_units_compile_and_have_positive_factors():
    from dyadwatch.stages.quantities import unit_patterns

    rows = kb.read_table("units.tsv")[1]
    assert len(unit_patterns()) == len(rows) and len({r["words"] for r in rows}) == len(rows)
    assert all(float(r["factor"]) > 0 and r["unit"] for r in rows)


def test_a_name_several_office_holders_share_is_resolved_by_the_date():
    base = kb.load()
    assert base.holder_of_name(["george-h-w-bush", "george-w-bush"], "1991-02-01") == "george-h-w-bush"
    assert base.holder_of_name(["george-h-w-bush", "george-w-bush"], "2003-03-20") == "george-w-bush"
    assert base.holder_of_name(["george-h-w-bush", "george-w-bush"], "1997-06-01") == "george-h-w-bush"
    assert base.holder("FRA", "head_of_state", "1990-01-01").person_id == "francois-mitterrand"


SECTORS = {"GOV", "MIL", "COP", "REB", "INS", "OPP", "PTY", "LEG", "JUD", "BUS", "EDU", "MED", "HLH", "CVL", "REF",
           "LAB", "RAD", "REL", "ETH", "IGO", "NGO", "SPY"}


def test_sector_codes_of_organizations_and_agent_nouns_are_known():
    base = kb.load()
    assert {o.sector for o in base.organizations.values() if o.sector} <= SECTORS
    assert {sector for sector, _ in kb.agent_nouns().values() if sector != "-"} <= SECTORS
    # a people (ETH) lives in one state: the state is what codes it
    assert all(o.country for o in base.organizations.values() if o.sector == "ETH")


def test_dimensions_read_from_words_equal_the_keyword_patterns():
    from dyadwatch.stages.events import dimension_keywords, dimensions_of

    from .conftest import ROOT

    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "gold").glob("*.txt"))]
    sentences = [s for t in texts for s in t.replace("\n", ". ").split(". ") if s.strip()]
    assert len(sentences) > 500
    for sentence in sentences + ["Economic ties", "a TRADE deal", "armed forces and the air force", "re-investment"]:
        assert dimensions_of(sentence) == [n for n, p in dimension_keywords() if p.search(sentence)], sentence


def test_seceded_states_and_their_predecessors_are_known_countries():
    countries = kb.load().countries
    rows = kb.read_table("secessions.tsv")[1]
    assert rows
    for row in rows:
        assert row["state"] in countries and row["from"] in countries and row["state"] != row["from"], row
        assert len(row["since"]) == 10, row
    assert kb.state_on("SSD", "2000-01-01") == "SDN" and kb.state_on("SSD", "2011-07-09") == "SSD"
    assert kb.state_on("KEN", "1950-01-01") == "KEN" and kb.state_on("SSD", None) == "SSD"
