"""Events inside one state (PLOVER codes a state's people, unions and police against its own government), each
with a sentence written for the test."""

from __future__ import annotations


def _coded(a: dict) -> set[tuple]:
    return {(e["type"], e["cameo"], tuple(sorted({s["country"] for s in e["source"]})),
             tuple(sorted({t["country"] for t in e["target"]}))) for e in a["events"]}


def test_people_placed_nowhere_are_of_the_one_state_the_sentence_names(analyze):
    a = analyze("Hundreds of pensioners staged a sit-in outside parliament to protest cuts announced by the Peruvian "
                "finance minister.", published="2024-03-02")
    assert any(t == "PROTEST" and s == ("PER",) for t, _, s, _ in _coded(a)), _coded(a)


def test_people_acting_in_a_clause_of_their_own_do_not_lend_their_state(analyze):
    # Ukraine is the subject of the condition, not where the pensioners live: no state for them
    a = analyze("Pensioners threatened to hold a hunger strike unless Ukraine paid its debts.", published="2024-03-02")
    assert not [e for e in a["events"] if {s["country"] for s in e["source"]} == {"UKR"}], _coded(a)


def test_a_state_inside_a_place_name_the_gazetteer_lacks_is_still_read(analyze):
    a = analyze("Residents of the Lebanese Bekaa Valley blocked roads on Friday.", published="2024-03-02")
    assert ("PROTEST", "144", ("LBN",), ("LBN",)) in _coded(a)


def test_a_unions_strike_is_a_stoppage_of_work_not_an_attack(analyze):
    a = analyze("The Zambian Union of Mineworkers began an indefinite strike on Monday over unpaid allowances.",
                published="2024-03-02")
    coded = _coded(a)
    assert ("PROTEST", "143", ("ZMB",), ("ZMB",)) in coded and not [c for c in coded if c[0] == "ASSAULT"], coded


def test_calling_off_a_strike_is_a_concession_to_the_authorities(analyze):
    a = analyze("The Zambian Union of Mineworkers said on Friday that it had called off the strike.",
                published="2024-03-02")
    assert ("CONCEDE", "082", ("ZMB",), ("ZMB",)) in _coded(a), _coded(a)


def test_people_force_lands_on_are_the_civilians_of_the_place(analyze):
    a = analyze("Police in Mombasa opened fire on a crowd on Tuesday, killing two people.", published="2024-03-02")
    victims = [t for e in a["events"] if e["type"] == "ASSAULT" for t in e["target"]]
    assert victims and {(t["country"], t["sector"]) for t in victims} == {("KEN", "CVL")}, _coded(a)


def test_unnamed_victims_of_an_unplaced_attack_are_nobodys(analyze):
    a = analyze("Two gunmen from Chad killed five people on Sunday.", published="2024-03-02")
    assert not [e for e in a["events"] if e["type"] == "ASSAULT" and e["target"]], _coded(a)


def test_a_city_that_stands_for_its_government_is_a_place_where_one_goes_into_it(analyze):
    a = analyze("Rebels in the Ivory Coast blocked roads into Abidjan on Tuesday.", published="2024-03-02")
    places = {x["name"]: x["kind"] for x in a["actors"]}
    assert places.get("Abidjan") == "location", places
    assert any(t == "PROTEST" and s == ("CIV",) for t, _, s, _ in _coded(a)), _coded(a)


def test_the_doer_of_a_nominal_act_is_named_by_by(analyze):
    a = analyze("Riot police in Caracas broke up rallies by Venezuelan students on Saturday.", published="2024-03-02")
    assert any(t == "PROTEST" and s == ("VEN",) for t, _, s, _ in _coded(a)), _coded(a)


def test_an_act_introduced_by_a_preposition_is_the_subjects_own(analyze):
    a = analyze("Georgian farmers responded by blocking the highway on Monday.", published="2024-03-02")
    assert ("PROTEST", "144", ("GEO",), ("GEO",)) in _coded(a), _coded(a)


def test_a_protest_against_acts_of_others_targets_their_doer(analyze):
    a = analyze("Thousands of Kenyans marched against abuses by Ugandan border guards.", published="2024-03-02")
    assert any(t == "PROTEST" and s == ("KEN",) and g == ("UGA",) for t, _, s, g in _coded(a)), _coded(a)


def test_a_person_named_without_office_is_of_the_state_the_sentence_is_about(analyze):
    a = analyze("Maria Delgado led a march through Quito on Sunday.", published="2024-03-02")
    people = {x["name"]: x["country"] for x in a["actors"] if x["kind"] == "person"}
    assert people.get("Maria Delgado") == "ECU", people


def test_a_person_and_a_state_acted_upon_stay_apart(analyze):
    # Ghana is the target of the call: no tie of the speaker's to it
    a = analyze("Kofi Mensah called for sanctions against Ghana.", published="2024-03-02")
    people = {x["name"]: x["country"] for x in a["actors"] if x["kind"] == "person"}
    assert people.get("Kofi Mensah") is None, people


def test_a_people_of_a_place_of_another_state_are_that_states_people(analyze):
    a = analyze("The Hungarians of southern Slovakia are demanding autonomy from Slovak authorities.",
                published="2024-03-02")
    assert any(t == "REQUEST" and s == ("SVK",) for t, _, s, _ in _coded(a)), _coded(a)


def test_an_ethnic_group_is_placed_by_a_place_further_off_in_the_clause(analyze):
    a = analyze("Kyrgyz police killed two ethnic Uzbeks in a clash in southern Kyrgyzstan on Friday.", published="2024-03-02")
    victims = {t["country"] for e in a["events"] if e["type"] == "ASSAULT" for t in e["target"]}
    assert victims == {"KGZ"}, _coded(a)


def test_a_complaint_over_acts_a_state_qualifies_accuses_that_state(analyze):
    a = analyze("Jordan complained on Friday about two Syrian air raids near the border.", published="2024-03-02")
    assert any(t == "ACCUSE" and s == ("JOR",) and g == ("SYR",) for t, _, s, g in _coded(a)), _coded(a)


def test_a_protest_aimed_at_another_state_by_its_purpose_targets_it(analyze):
    a = analyze("Demonstrators in Tehran blocked a road to show their anger at Britain's new sanctions.",
                published="2024-03-02")
    assert any(t == "PROTEST" and s == ("IRN",) and g == ("GBR",) for t, _, s, g in _coded(a)), _coded(a)


def test_a_states_measures_over_its_own_land_are_coded_to_itself(analyze):
    # declared, imposed or eased over the whole country, by a government named or unnamed
    a = analyze("The military government declared a state of siege in Bolivia on Saturday.", published="2024-03-02")
    assert ("COERCE", "1724", ("BOL",), ("BOL",)) in _coded(a), _coded(a)
    assert not [e for e in _coded(a) if e[0] == "ASSAULT"], _coded(a)  # a state of siege is no blockade
    a = analyze("Peru declared a state of emergency on Monday.", published="2024-03-02")
    assert ("COERCE", "1724", ("PER",), ("PER",)) in _coded(a), _coded(a)
    a = analyze("President Ruto shortened the nightly curfew imposed in Kenya after the riots.", published="2024-03-02")
    assert ("CONCEDE", "0813", ("KEN",), ("KEN",)) in _coded(a), _coded(a)
    # a measure over another's people is aimed at them
    a = analyze("Israel refused to lift the curfew on Palestinians in Hebron.", published="2024-03-02")
    assert ("REJECT", "1241", ("ISR",), ("PSE",)) in _coded(a), _coded(a)
    # other acts of a state on itself are still no event
    assert analyze("Kenyan farmers helped Kenyan villagers.", published="2024-03-02")["events"] == []


def test_a_protest_named_as_the_purpose_of_a_protest_is_one_act_coded_as_the_deed(analyze):
    a = analyze("A Kenyan senator began a hunger strike on Monday to protest President Ruto's refusal to resign.",
                published="2024-03-02")
    assert {e for e in _coded(a) if e[0] in {"PROTEST", "ACCUSE"}} == {("PROTEST", "142", ("KEN",), ("KEN",))}, _coded(a)
    # the resignation refused is the refusal, not an intent to resign
    assert not [e for e in _coded(a) if e[0] == "AGREE"], _coded(a)
    a = analyze("Dozens of Ugandan refugees are on a hunger strike in protest at Kenya's decision to deport them.",
                published="2024-03-02")
    assert [e["cameo"] for e in a["events"] if e["type"] == "PROTEST"] == ["142"], _coded(a)
