"""An act named again later in the article, and acts whose doer or recipient the sentence leaves implicit; each
with sentences written for the test."""

from __future__ import annotations


def _coded(a: dict) -> list[tuple]:
    return [(e["type"], sorted({s["country"] for s in e["source"]}), sorted({t["country"] for t in e["target"]}),
             e["date"]) for e in a["events"]]


def test_the_act_named_again_with_its_own_date_is_dated_by_it(analyze):
    text = ("Turkish jets struck a depot in northern Iraq, officials said on Friday.\n\n"
            "The strike on March 3 destroyed fuel stores.")
    coded = _coded(analyze(text, published="2025-03-07"))
    assert ("ASSAULT", ["TUR"], ["IRQ"], "2025-03-03") in coded, coded


def test_the_act_named_again_without_a_date_is_not_a_second_event(analyze):
    text = ("Turkish jets struck a depot in northern Iraq, officials said on Friday.\n\n"
            "Baghdad condemned the strike as a violation of its sovereignty.")
    coded = _coded(analyze(text, published="2025-03-07"))
    assert len([c for c in coded if c[0] == "ASSAULT"]) == 1, coded


def test_a_state_force_is_shown_around_receives_no_aid(analyze):
    coded = _coded(analyze("China's navy pressed on with drills around Taiwan, sending warships and jets to encircle "
                           "the island.", published="2024-05-24"))
    assert not [c for c in coded if c[0] == "AID"], coded
    assert any(t == "MOBILIZE" and s == ["CHN"] for t, s, _, _ in coded), coded
