"""The quality gate: our own gold articles (tests/gold) scored per category against recorded floors.

A floor may rise (a commit of its own) and never silently fall: lowering one needs a reason in the commit.
"""

from __future__ import annotations

import json

import pytest

from dyadwatch.evaluate import CATEGORIES, evaluate_folder, gold_pairs

from .conftest import ROOT

GOLD = ROOT / "tests" / "gold"
FLOORS = json.loads((ROOT / "tests" / "quality_floors.json").read_text("utf-8"))["gold"]


@pytest.fixture(scope="module")
def scored(pipeline):
    return evaluate_folder(GOLD, pipeline)


def test_the_gold_set_is_whole():
    pairs = gold_pairs(GOLD)
    assert len(pairs) >= FLOORS["min_articles"], f"{len(pairs)} gold articles, fewer than {FLOORS['min_articles']}"
    for article, expectation in pairs:
        expected = json.loads(expectation.read_text("utf-8"))
        assert expected["published"] and expected["countries"], expectation.name
        text = article.read_text("utf-8")
        for quote in expected.get("quotes", []):
            assert quote["contains"].replace("’", "'") in text.replace("’", "'"), (expectation.name, quote)
        for d in expected.get("dates", []):
            assert d["text"] in text, (expectation.name, d)


@pytest.mark.parametrize("category", CATEGORIES)
def test_each_category_is_at_or_above_its_floor(scored, category):
    total, _ = scored
    floor = FLOORS["recall"].get(category)
    if category not in total.total:
        pytest.skip(f"no gold item of category {category}")
    assert floor is not None, f"{category} has no floor in tests/quality_floors.json"
    recall = total.recall(category)
    misses = "; ".join(f"{m['article']}: {json.dumps(m['item'], ensure_ascii=False)}" for m in total.misses[category][:8])
    assert recall >= floor, f"{category}: recall {recall:.3f} fell below its floor {floor}. Missed: {misses}"


def test_stray_events_stay_under_their_ceiling(scored):
    total, _ = scored
    share = total.stray_events / max(total.events, 1)
    assert share <= FLOORS["max_stray_event_share"], f"{total.stray_events} of {total.events} events name a country " \
        "the gold does not"
