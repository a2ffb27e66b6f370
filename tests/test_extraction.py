"""Extraction stages on small articles written for these tests: actors, dates, quantities, quotes, events."""

from __future__ import annotations

from datetime import date

import pytest

from dyadwatch.stages.dates import resolve

REF = date(2026, 2, 9)  # a Monday


@pytest.mark.parametrize("text, value", [
    ("late last month", "2026-01"), ("last month", "2026-01"), ("next month", "2026-03"),
    ("in 2025", "2025"), ("until 2022", "2022"), ("January 2025", "2025-01"), ("the 2010s", "201X"),
    ("on Thursday", "2026-02-05"), ("Monday", "2026-02-09"), ("last Monday", "2026-02-02"),
    ("since February", "2026-02"), ("in March", "2025-03"), ("two weeks ago", "2026-01-26"),
    ("three days ago", "2026-02-06"), ("yesterday", "2026-02-08"), ("last year", "2025"),
    ("March 4, 2025", "2025-03-04"), ("4 March 2025", "2025-03-04"), ("Dec. 3", "2025-12-03"),
    ("09.02.2026", "2026-02-09"), ("2026-02-09", "2026-02-09"), ("earlier this month", "2026-02"),
    ("last week", "2026-02"), ("next week", "2026-02"),
])
def test_date_expressions_resolve_against_the_publication_date(text, value):
    assert resolve(text, REF, "DMY") == value


def test_numeric_dates_follow_the_source_convention():
    assert resolve("03/04/2025", REF, "DMY") == "2025-04-03"
    assert resolve("03/04/2025", REF, "MDY") == "2025-03-04"
    assert resolve("25/04/2025", REF, "MDY") == "2025-04-25"  # no 25th month: day first whatever the order


def test_dates_in_text_skip_the_modal_may_and_money(analyze):
    result = analyze("Officials may meet again, and they said $2025 was paid. Now, in May 2024, talks began.",
                     published="2026-02-09")
    values = {(d["text"], d["value"]) for d in result["dates"]}
    assert ("in May 2024", "2024-05") in values  # the governing preposition is part of the mention
    assert not any(d["text"].lower() in {"may", "now"} or d["text"] == "2025" for d in result["dates"])


def test_quantities_money_counts_percents_with_qualifier_and_object(analyze):
    result = analyze("Russia holds around US$ 20 billion in investments. Japan pledged ¥1.5 trillion. "
                     "Ten detained Americans were freed and at least 5,500 fighters left. "
                     "Exports rose 12.5 percent while eight observation points were manned. "
                     "The EU gave €300 million and India sold 2 million barrels a day.")
    q = {(x["value"], x["unit"]): x for x in result["quantities"]}
    assert q[(20_000_000_000, "USD")]["qualifier"] == "around"
    assert (1_500_000_000_000, "JPY") in q
    assert q[(10, None)]["object"].endswith("Americans")
    assert q[(5500, None)]["qualifier"] == "at least" and q[(5500, None)]["object"] == "fighters"
    assert (12.5, "percent") in q
    assert q[(8, None)]["object"] == "observation points"
    assert (300_000_000, "EUR") in q
    assert (2_000_000, "bbl/d") in q
    for x in result["quantities"]:
        assert x["evidence"]["text"]


@pytest.mark.parametrize("text, value, unit, material", [
    ("Russia shipped 6,600 tonnes of wheat to Syria.", 6600, "t", "wheat"),
    ("Output rose to 1.2 million barrels of oil a day in March.", 1_200_000, "bbl/d", "oil"),
    ("Flows of up to 3.4 billion cubic metres a year will start.", 3_400_000_000, "m3", None),
    ("The pipeline can carry 3.4 bcm annually.", 3_400_000_000, "m3", None),
    ("Ukraine says it holds 1,000 square kilometres of Kursk region.", 1000, "km2", "Kursk region"),
    ("The deal covers 20 million tonnes of crude oil over a decade.", 20_000_000, "t", "crude oil"),
])
def test_physical_amounts_carry_their_unit_scale_and_material(analyze, text, value, unit, material):
    (q,) = [x for x in analyze(text)["quantities"] if x["unit"] == unit]
    assert q["value"] == value and q["object"] == material
    assert text[q["evidence"]["start"]:q["evidence"]["end"]] == q["evidence"]["text"]


def test_curly_apostrophes_are_not_quotes_and_speakers_are_found(analyze):
    text = ("Moscow’s envoy met Turkey’s foreign minister Hakan Fidan on Monday. “We want stability in the "
            "region,” Fidan told reporters. “Our borders must be secure.” The Kremlin’s spokesman disagreed. "
            "\"Nobody will dictate terms to us,\" said Dmitry Peskov, according to state media.")
    result = analyze(text, published="2025-03-10")
    quotes = {q["text"]: q for q in result["quotes"]}
    assert "We want stability in the region," in quotes
    assert quotes["We want stability in the region,"]["speaker"]["name"] == "Hakan Fidan"
    assert quotes["Our borders must be secure."]["speaker"]["name"] == "Hakan Fidan"
    assert quotes["Nobody will dictate terms to us,"]["speaker"]["name"] == "Dmitry Peskov"
    assert not any("’s" in q["text"] and len(q["text"]) < 12 for q in result["quotes"])


def test_pronoun_speaker_is_the_person_named_before(analyze):
    result = analyze("Syrian President Ahmad al-Sharaa arrived in Ankara. “We came as partners,” he said.",
                     published="2025-02-04")
    assert result["quotes"][0]["speaker"]["name"] == "Ahmad al-Sharaa"


def test_roles_are_resolved_on_the_articles_date(analyze):
    old = analyze("Syrian President Bashar al-Assad met Russian officials.", published="2023-05-01")
    new = analyze("Bashar al-Assad lives in Moscow now.", published="2026-02-09")
    person = lambda r: next(a for a in r["actors"] if a["name"] == "Bashar al-Assad")  # noqa: E731
    assert person(old)["role"] == "head_of_state"
    assert person(new)["role"] == "former head_of_state"
    assert person(new)["country"] == "SYR"


def test_titles_bind_unknown_people_to_a_country_and_sector(analyze):
    result = analyze("Kenyan Treasury Secretary Wanjiru Kamau met Japan's defence minister Taro Yamada-Ikeda "
                     "in Nairobi on Tuesday.", published="2025-06-10")
    people = {a["name"]: a for a in result["actors"] if a["kind"] == "person"}
    assert people["Wanjiru Kamau"]["country"] == "KEN" and people["Wanjiru Kamau"]["sector"] == "GOV"
    assert people["Taro Yamada-Ikeda"]["country"] == "JPN" and people["Taro Yamada-Ikeda"]["sector"] == "MIL"


def test_metonyms_and_groups_resolve(analyze):
    result = analyze("The Kremlin and the White House traded accusations, while Daesh attacked a checkpoint "
                     "and Hezbollah fired rockets.", published="2025-06-10")
    by_id = {a["id"]: a for a in result["actors"]}
    assert by_id["RUSGOV"]["kind"] == "government" and by_id["USAGOV"]["sector"] == "GOV"
    groups = {a["name"]: a for a in result["actors"] if a["kind"] == "group"}
    assert "Islamic State" in groups and groups["Islamic State"]["country"] is None
    assert any(g["country"] == "LBN" for g in groups.values())


def test_visit_talks_and_aid_are_coded_with_direction_and_date(analyze):
    result = analyze("Late last month, Indian Prime Minister Narendra Modi visited Tokyo. Japan and India held "
                     "talks on defence. Japan will provide India with $2 billion in loans.", published="2026-02-09")
    events = [(e["type"], sorted({a["country"] for a in e["source"]}), sorted({a["country"] for a in e["target"]}),
               e["date"], e["status"]) for e in result["events"]]
    assert ("CONSULT", ["IND"], ["JPN"], "2026-01", "asserted") in events
    # a promised act is an expression of intent (CAMEO 033, PLOVER AGREE) that keeps the act it promises
    promise = next(e for e in result["events"] if e.get("act") == "AID")
    assert (promise["type"], promise["cameo"][:3], promise["status"]) == ("AGREE", "033", "intended")
    assert [a["country"] for a in promise["source"]] == ["JPN"] and [a["country"] for a in promise["target"]] == ["IND"]


@pytest.mark.parametrize("text, cameo, act", [
    ("Peru threatened to cut off diplomatic relations with Bolivia.", "1313", "SANCTION"),
    ("Nigeria announced that it will withdraw its peacekeepers from Chad unless talks resume.", "136", "SANCTION"),
    ("Beijing would retaliate against Taiwan with sanctions if Taipei moves toward independence.", "13", "ASSAULT"),
    ("China threatened to impose sanctions on Lithuania.", "1312", "SANCTION"),
])
def test_threatened_hostile_acts_are_threats(analyze, text, cameo, act):
    threat = next(e for e in analyze(text)["events"] if e["type"] == "THREATEN")
    assert threat["cameo"].startswith(cameo) and threat["status"] == "asserted" and threat.get("act") == act


def test_negated_and_conflict_events(analyze):
    result = analyze("China did not sign the agreement with Japan. Pakistan accused India of violating the "
                     "ceasefire, and India imposed sanctions on Pakistan.", published="2025-05-12")
    by_type = {e["type"]: e for e in result["events"]}
    # signing a formal agreement (CAMEO 057) is SUPPORT in the PLOVER crosswalk
    assert by_type["SUPPORT"]["cameo"] == "057" and by_type["SUPPORT"]["status"] == "negated"
    assert {a["country"] for a in by_type["ACCUSE"]["source"]} == {"PAK"}
    assert {a["country"] for a in by_type["ACCUSE"]["target"]} == {"IND"}
    assert by_type["ACCUSE"]["score"] < 0 and by_type["ACCUSE"]["quad_class"] == 3
    assert by_type["SANCTION"]["quad_class"] == 4


def test_no_event_without_resolvable_actors(analyze):
    result = analyze("Someone visited a museum. The committee accused the report of bias.", published="2025-05-12")
    assert result["events"] == []


def test_evidence_offsets_are_exact(analyze):
    text = ("Brazil and Argentina agreed on Monday to cut tariffs on steel.\n\n“This is a good day,” "
            "Brazilian President Lula said.")
    result = analyze(text, published="2025-07-07")
    for e in result["events"]:
        assert text[e["evidence"]["start"]:e["evidence"]["end"]] == e["evidence"]["text"]
    for q in result["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    for d in result["dates"]:
        assert text[d["start"]:d["end"]] == d["text"]
    agree = next(e for e in result["events"] if e["type"] == "AGREE")
    assert {a["country"] for a in agree["source"]} == {"BRA", "ARG"}
    assert agree.get("reciprocal") is True


def test_an_adverbial_visit_does_not_take_the_main_verbs_negation(analyze):
    """Regression: "During X's visit to Y, a member did not wear a beard" made the visit negated."""
    result = analyze("During Modi’s first visit to Tokyo in 2024, one member of his delegation did not wear a tie.",
                     published="2025-06-15")
    visit = next(e for e in result["events"] if e["type"] == "CONSULT")
    assert visit["status"] == "asserted" and visit["date"] == "2024"


def test_numeric_dates_follow_the_documents_own_convention(analyze):
    result = analyze("The deal was signed on 04/25/2025 and ratified on 05/06/2025.", published="2025-07-01")
    assert {d["value"] for d in result["dates"]} == {"2025-04-25", "2025-05-06"}


def test_a_small_town_name_outside_a_locative_is_not_a_place(analyze):
    result = analyze("The orchestra played Tchaikovsky’s pieces in Damascus.", published="2025-06-15")
    assert not any(a["name"] == "Tchaikovsky" and a["kind"] == "location" for a in result["actors"])


@pytest.mark.parametrize("text, published, expected", [
    ("Troops have been there since 2023 and will leave by 2035.", "2025-03-05",
     {("since 2023", "2023"), ("by 2035", "2035")}),
    ("In January 2025 talks began.", "2025-03-05", {("In January 2025", "2025-01")}),
    ("Output will fall in the first quarter of 2026 and recover by the end of 2027.", "2025-03-05",
     {("in the first quarter of 2026", "2026"), ("by the end of 2027", "2027")}),
    ("The pause lasts until April 2.", "2025-03-07", {("until April 2", "2025-04-02")}),
    ('"If the tariffs come back in April, we will respond," she said.', "2025-03-07", {("in April", "2025-04")}),
    ("Talks were held in April.", "2025-03-07", {("in April", "2024-04")}),
    ("Sales fell in June 2025. A year earlier they had risen.", "2025-07-18",
     {("in June 2025", "2025-06"), ("A year earlier", "2024-06")}),
    ("The attack came on 22 March. Two days after, arrests followed.", "2024-04-10",
     {("on 22 March", "2024-03-22"), ("Two days after", "2024-03-24")}),
    ("He met them at the weekend.", "2025-03-05", {("at the weekend", "2025-03")}),
    ("The office said earlier in the week that it would wait.", "2025-08-08", {("earlier in the week", "2025-08")}),
    ("He sent over 2000 troops in May. It may rain.", "2025-06-01", {("in May", "2025-05")}),
    ("Patrols have searched homes and set up checkpoints since December.", "2025-08-21",
     {("since December", "2024-12")}),
    ("The summit is scheduled for November and the pipeline reopens by the end of the year.", "2025-08-21",
     {("November", "2025-11"), ("by the end of the year", "2025")}),
    ("Similar drills took place in April last year.", "2024-05-24", {("in April last year", "2023-04")}),
])
def test_date_mentions_keep_their_preposition_and_count_from_the_right_date(analyze, text, published, expected):
    assert {(d["text"], d["value"]) for d in analyze(text, published=published)["dates"]} == expected


@pytest.mark.parametrize("text, name, country, sector", [
    ('"Nothing changes," said Valeria Ortiz, an economist at the National Autonomous University of Mexico.',
     "Valeria Ortiz", "MEX", "EDU"),
    ("Kazakh Energy Ministry spokesman Ruslan Akhmetov said output fell.", "Ruslan Akhmetov", "KAZ", "GOV"),
    ('"It holds," said Selin Aydemir, a researcher at Kadir Has University in Istanbul.', "Selin Aydemir", "TUR", "EDU"),
    ("Moscow’s envoy in Vienna, Mikhail Ulyanov, wrote that the vote was political.", "Mikhail Ulyanov", "RUS", "GOV"),
    ("India will look elsewhere. Commerce Minister Piyush Goyal said talks would go on.", "Piyush Goyal", "IND", "GOV"),
    ("Uruguay's Yamandú Orsi urged the bloc to act.", "Yamandú Orsi", "URY", None),
])
def test_people_outside_the_knowledge_base_are_bound_by_their_phrase(analyze, text, name, country, sector):
    person = next(a for a in analyze(text)["actors"] if a["name"] == name)
    assert person["country"] == country
    if sector:
        assert person["sector"] == sector


def test_a_later_mention_without_accents_joins_the_person(analyze):
    result = analyze("Pedro Sánchez spoke first. Later Sanchez left.", published="2025-07-09")
    people = [a for a in result["actors"] if a["kind"] == "person"]
    assert len(people) == 1 and len(people[0]["mentions"]) == 2


@pytest.mark.parametrize("text, value, unit, qualifier, obj", [
    ("Britain signed a £1.6bn deal.", 1_600_000_000, "GBP", None, "deal"),
    ("Paris pledged up to €3bn in aid.", 3_000_000_000, "EUR", "up to", None),
    ("Revenue fell to 787bn roubles.", 787_000_000_000, "RUB", None, None),
    ("Trump announced a 25% tariff on goods.", 25, "percent", None, "tariff"),
    ("About one million Tajiks work in Russia.", 1_000_000, None, "about", "Tajiks"),
    ("Peacekeepers monitor the 80-kilometre buffer zone.", 80, "km", None, None),
    ("Brent traded near $63 a barrel.", 63, "USD", "near", None),
])
def test_glued_scales_hyphenated_units_and_what_a_percent_qualifies(analyze, text, value, unit, qualifier, obj):
    (q,) = analyze(text)["quantities"]
    assert (q["value"], q["unit"], q["qualifier"], q["object"]) == (value, unit, qualifier, obj)


def test_one_is_a_count_only_with_a_scale(analyze):
    assert analyze("One of them left for one day.")["quantities"] == []


def test_a_title_standing_for_a_person_and_continued_quotes(analyze):
    text = ('Friedrich Merz met Volodymyr Zelensky in Berlin. "This is a new kind of partnership. Ukraine must '
            'be able to defend itself," the chancellor said. "We are grateful," Zelensky said. '
            '"We will show results soon."')
    quotes = {q["text"][:12]: q["speaker"]["name"] for q in analyze(text, published="2025-05-28")["quotes"]}
    assert quotes == {"This is a ne": "Friedrich Merz", "We are grate": "Volodymyr Zelensky",
                      "We will show": "Volodymyr Zelensky"}


def test_the_speech_verb_beats_according_to_and_untagged_surnames_are_found(analyze):
    text = ('Treasury Secretary Scott Bessent met Korean officials. Bessent, according to a Treasury readout, '
            'called the talks "a very successful first step" and wanted a deal.')
    (quote,) = analyze(text, published="2025-04-25")["quotes"]
    assert quote["speaker"]["name"] == "Scott Bessent"


def test_a_name_modifying_a_site_is_a_place_not_a_person(analyze):
    result = analyze("Kazakh officials said output at the Tengiz field had been scaled back.")
    kinds = {a["name"]: a["kind"] for a in result["actors"]}
    assert kinds.get("Tengiz") == "location"


def test_sector_actors_from_a_country_and_an_agent_noun(analyze):
    result = analyze("Senior Slovak and Hungarian officials agreed on Thursday to work together. "
                     "Kenyan protesters marched in Nairobi while Russian troops left.")
    ids = {a["id"]: (a["country"], a["sector"]) for a in result["actors"]}
    assert ids["HUNGOV"] == ("HUN", "GOV") and ids["SVKGOV"] == ("SVK", "GOV")
    assert ids["KENCVL"] == ("KEN", "CVL") and ids["RUSMIL"] == ("RUS", "MIL")
    agree = next(e for e in result["events"] if e["type"] == "AGREE")
    assert {a["country"] for a in agree["source"]} == {"HUN", "SVK"}


def test_force_nouns_as_modifiers_are_no_events_and_a_struck_site_gives_the_target(analyze):
    games = analyze("Greek and Cypriot frigates on Tuesday began a week of war games.")
    assert not any(e["type"] == "ASSAULT" for e in games["events"])
    strike = analyze("Israeli warplanes struck the defence ministry in Damascus in July.", published="2025-08-21")
    (event,) = strike["events"]
    assert (event["type"], event["target"][0]["country"], event["date"]) == ("ASSAULT", "SYR", "2025-07")


def test_an_event_takes_the_date_attached_to_its_trigger(analyze):
    text = "On Thursday, officials said Israeli jets had struck Sanaa airport in Yemen on Tuesday."
    (strike,) = [e for e in analyze(text, published="2024-12-27")["events"] if e["type"] == "ASSAULT"]
    assert strike["date"] == "2024-12-24"


def test_the_same_day_counts_from_the_date_named_before(analyze):
    result = analyze("Israel struck Gaza on Thursday. On the same day, Israeli jets struck Sanaa airport.",
                     published="2024-12-27")
    assert ("On the same day", "2024-12-26") in {(d["text"], d["value"]) for d in result["dates"]}


def test_partitives_and_organisations_give_sources(analyze):
    result = analyze("A group of Tunisian diplomats held talks with Libya. UN helicopters evacuated civilians "
                     "from Sudan.")
    consult = next(e for e in result["events"] if e["type"] == "CONSULT")
    assert [a["country"] for a in consult["source"]] == ["TUN"]


@pytest.mark.parametrize("text, kind, source, target, status", [
    ("Turkey halted oil flows to Iraq.", "SANCTION", {"TUR"}, {"IRQ"}, "asserted"),
    ("Continuing Israeli air strikes in Lebanon killed two people.", "ASSAULT", {"ISR"}, {"LBN"}, "asserted"),
    ("Saudi Arabia pledged $600 billion of investment in the United States.", "AGREE", {"SAU"}, {"USA"}, "intended"),
    ("Egypt hosted talks between Israel and Jordan.", "CONSULT", {"EGY"}, {"ISR", "JOR"}, "asserted"),
    ("Israel carried out an air strike on a Hamas compound in Doha.", "ASSAULT", {"ISR"}, {"PSE", "QAT"}, "asserted"),
])
def test_modern_news_frames(analyze, text, kind, source, target, status):
    event = next(e for e in analyze(text)["events"] if e["type"] == kind)
    assert {a["country"] for a in event["source"]} == source and {a["country"] for a in event["target"]} == target
    assert event["status"] == status


def test_a_definite_object_points_back_to_its_owner(analyze):
    result = analyze("Egypt presented its plan on Tuesday. Israel rejected the plan within hours. "
                     "The Jordanian proposal came later. Qatar welcomed the proposal.")
    pairs = {(e["type"], e["source"][0]["country"], e["target"][0]["country"]) for e in result["events"]}
    assert ("REJECT", "ISR", "EGY") in pairs and ("SUPPORT", "QAT", "JOR") in pairs


def test_an_event_noun_in_an_adverbial_phrase_takes_the_clause_subject(analyze):
    text = "Chancellor Friedrich Merz spoke on Wednesday after talks with Ukrainian President Volodymyr Zelensky."
    talks = next(e for e in analyze(text, published="2025-05-28")["events"] if e["type"] == "CONSULT")
    assert [a["country"] for a in talks["source"]] == ["DEU"] and [a["country"] for a in talks["target"]] == ["UKR"]


def test_things_a_country_qualifies_stand_for_it(analyze):
    event = next(e for e in analyze("The United States imposed tariffs on Chinese goods.")["events"])
    assert (event["type"], event["target"][0]["country"]) == ("SANCTION", "CHN")


def test_the_president_resolves_across_paragraphs_by_office(analyze):
    text = ("Somali President Hassan Sheikh Mohamud asked donors for money.\n\nThe mission faces a shortfall. "
            "The council approved it in December. Washington objects to the cost. Donors are divided.\n\n"
            '"We are not asking for charity," the president told a news conference.')
    (quote,) = analyze(text, published="2025-05-22")["quotes"]
    assert quote["speaker"]["name"] == "Hassan Sheikh Mohamud"


@pytest.mark.parametrize("text, expected", [
    ("Germany condemned the attack on Israel.", set()),  # the condemner did not attack
    ("Turkey held talks with Iraq.", {("CONSULT", "TUR", "IRQ")}),
    ("Poland expelled two Russian diplomats.", {("SANCTION", "POL", "RUS")}),
])
def test_event_nouns_take_a_source_only_through_support_verbs(analyze, text, expected):
    events = {(e["type"], e["source"][0]["country"], e["target"][0]["country"]) for e in analyze(text)["events"]}
    assert {e for e in events if e[0] != "ACCUSE"} == expected


def test_a_reduced_passive_relative_has_no_doer_and_names_no_target(analyze):
    events = analyze("Syria fights the Islamic State (banned in Russia), and its leader is a friend.")["events"]
    assert not any(e["type"] == "COERCE" for e in events)
    assert all("RUS" not in {a["country"] for a in e["target"]} for e in events)


def test_foreign_forces_to_be_deployed_are_their_states_intended_deployment(analyze):
    text = "Damascus has been in talks with Moscow to deploy Russian monitoring forces to stabilize the south."
    deploy = next(e for e in analyze(text)["events"] if e["type"] == "MOBILIZE")
    assert ([a["country"] for a in deploy["source"]], [a["country"] for a in deploy["target"]]) == (["RUS"], ["SYR"])
    assert deploy["status"] == "intended"


def test_an_implied_recipient_is_not_taken_from_another_clause(analyze):
    text = ("The visit, Blinken's second to China in less than a year, came days after Biden signed a foreign aid "
            "package.")
    events = analyze(text, published="2024-04-26")["events"]
    assert not any("CHN" in {a["country"] for a in e["target"]} for e in events)


def test_a_reported_would_is_a_plan_not_a_condition(analyze):
    text = "Zelensky said on Tuesday that a Ukrainian team would meet US officials in Saudi Arabia."
    meet = next(e for e in analyze(text, published="2025-03-05")["events"] if e.get("act") == "CONSULT")
    assert meet["status"] == "intended" and meet["type"] == "AGREE"


def test_a_date_qualifying_another_noun_does_not_date_the_act(analyze):
    text = "Trump, Biden's rival in the November vote, has said he would impose tariffs on all Chinese imports."
    (event,) = analyze(text, published="2024-04-26")["events"]
    assert event["date"] == "2024-04-26"
    assert (event["type"], event["act"]) == ("THREATEN", "SANCTION")  # an announced intention to harm


@pytest.mark.parametrize("text, source, target", [
    # an ethnic group is the people of the state it lives in (its name's state is another)
    ("Several hundred ethnic Hungarians demonstrated on Sunday in Romania.", "ROU", "ROU"),
    ("Egyptian demonstrators rioted after the vote.", "EGY", "EGY"),
])
def test_a_protest_without_a_stated_target_is_aimed_at_the_authorities(analyze, text, source, target):
    protest = next(e for e in analyze(text)["events"] if e["type"] == "PROTEST")
    assert (protest["source"][0]["country"], protest["target"][0]["id"]) == (source, f"{target}GOV")


def test_compound_event_nouns_are_their_own_entries(analyze):
    result = analyze("Kenyan protesters began a hunger strike against the government in Nairobi.")
    assert [e["cameo"] for e in result["events"]] == ["142"]


@pytest.mark.parametrize("text, expected", [
    ("The PRC on Friday demanded that the US drop plans to send drones to Taiwan.", ("CHN", "USA")),
    ("Turkey said on Monday that Greece must return a seized trawler.", ("TUR", "GRC")),
    ("Zelensky said Ukraine must get security guarantees.", None),  # a state's own duty is no demand
])
def test_demands_that_another_state_do_something(analyze, text, expected):
    demands = [(e["source"][0]["country"], e["target"][0]["country"]) for e in analyze(text)["events"]
               if e["type"] == "REQUEST"]
    assert demands == ([expected] if expected else [])


def test_an_appositive_names_the_head_and_a_title_modifier_beats_a_posting(analyze):
    scholz = analyze("His predecessor Olaf Scholz had refused to send them.", published="2025-05-28")
    assert [a["name"] for e in scholz["events"] for a in e["source"]] in ([], ["Olaf Scholz"])
    petraeus = analyze("The US commander in Syria, General David Petraeus, met Jordan's king.")
    assert next(a for a in petraeus["actors"] if a["name"] == "David Petraeus")["country"] == "USA"
    signed = analyze("Defence Minister Boris Pistorius and his Ukrainian counterpart Rustem Umerov signed a "
                     "memorandum on joint production.", published="2025-05-28")
    signing = next(e for e in signed["events"] if e["cameo"] == "057")
    assert {a["country"] for a in signing["source"]} == {"DEU", "UKR"}


def test_acts_with_no_one_acted_upon_are_kept_and_a_named_but_unread_target_is_not(analyze):
    resign = analyze("Kyrgyz President Sadyr Japarov agreed to resign.", published="2025-05-28")["events"]
    assert [(e["type"], e["target"]) for e in resign] == [("AGREE", [])]
    assert analyze("Turkey rejected the proposal of the committee.")["events"] == []


@pytest.mark.parametrize("text, expected", [
    ("Paris rejected new calls by Mali's rulers for urgent budget aid.", ("REJECT", "FRA", "MLI")),
    ("Pakistan rejected a fresh offer from Afghanistan for direct talks.", ("REJECT", "PAK", "AFG")),
    ("Security forces in Chad have tortured dozens of Sudanese refugees.", ("ASSAULT", "TCD", "SDN")),
])
def test_proposers_partitives_and_institutions_in_a_state(analyze, text, expected):
    events = {(e["type"], e["source"][0]["country"], e["target"][0]["country"]) for e in analyze(text)["events"]}
    assert expected in events


@pytest.mark.parametrize("text, target", [
    ("Venezuelan leaders said on Friday they would boycott all talks with the United States.", "USA"),
    ("Hamas threatened on Monday to resume attacks in Israel.", "ISR"),
])
def test_announced_hostility_is_a_threat_with_its_target(analyze, text, target):
    threats = [e for e in analyze(text)["events"] if e["type"] == "THREATEN"]
    assert len(threats) == 1 and threats[0]["target"][0]["country"] == target


def test_a_yielding_act_without_a_target_acts_upon_its_place(analyze):
    (event,) = analyze("Georgia lifted an evening curfew in Abkhazia.")["events"]
    assert (event["type"], event["source"][0]["country"], event["target"][0]["country"]) == ("CONCEDE", "GEO", "GEO")


def test_a_verb_of_saying_sense_with_a_clause_is_no_act(analyze):
    assert analyze("Macron told reporters, while conceding there was no consensus at this stage.")["events"] == []
    talks = analyze("U.S. and Russian negotiators go back to Vienna this week for talks on warheads.")["events"]
    assert [({a["country"] for a in e["source"]}, e["type"]) for e in talks] == [({"USA", "RUS"}, "CONSULT")]


def test_a_contrastive_clause_shares_its_sentences_recipient(analyze):
    text = ("Damascus seeks to open the country to the world, but Syria has few ready offers, while the Kremlin "
            "is prepared to deliver economic assistance and grain shipments to show goodwill.")
    offer = next(e for e in analyze(text, published="2026-02-09")["events"] if e.get("act") == "AID")
    assert [a["country"] for a in offer["target"]] == ["SYR"] and offer["status"] == "intended"


def test_states_and_peoples_in_another_case_are_found_but_not_lower_case_words(analyze):
    a = analyze("kenyan police clashed with ugandan traders at the border. TANZANIA AND RWANDA SIGN ACCORD.",
                published="2025-03-05")
    assert {a_["country"] for a_ in a["actors"] if a_["kind"] == "country"} == {"KEN", "UGA", "TZA", "RWA"}, a["actors"]
    a = analyze("She cooked a turkey with polish sausage and jordan almonds.", published="2025-03-05")
    assert not [a_ for a_ in a["actors"] if a_["kind"] == "country"], a["actors"]


def test_the_date_regexs_first_word_guard_finds_what_the_patterns_alone_find():
    """DATE_RE looks ahead for a date's first word before trying the patterns (a speed-up): it must never miss
    a date the patterns find, on our articles and on word salads of every word a date pattern knows."""
    import random
    import re

    from dyadwatch.stages import dates

    from .conftest import ROOT

    plain = re.compile(r"(?=[0-9A-Za-z])\b" + dates.DATE_ALTERNATIVES, re.I)
    texts = [p.read_text("utf-8") for p in [*(ROOT / "tests" / "gold").glob("*.txt"),
                                            *(ROOT / "demo" / "corpus" / "text").glob("*.txt")]]
    words = ("since until till by from in on during the a an few several one twelve day days week weeks month months "
             "year decade ago earlier later before after early mid mid- late beginning start end middle of first half "
             "second third final quarter last this next past coming weekend following previous same yesterday today "
             "tomorrow Monday Sunday January june Sept. Sep Dec. 5 12th 2nd 2020 1990s 2021-03-04 12.03.2021 as of "
             "early as beyond at over for through , -").split()
    rng = random.Random(7)
    texts += [" ".join(rng.choice(words) for _ in range(rng.randint(1, 9))) for _ in range(4000)]
    for text in texts:
        assert [m.span() for m in dates.DATE_RE.finditer(text)] == [m.span() for m in plain.finditer(text)], text[:200]
