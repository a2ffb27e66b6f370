"""Scoring analyses against hand-written expectation files (the format of ../shared/seed/*.expected.json).

An expectation lists what a careful analyst reads in an article; each item is looked for in the analysis with
lenient matching: names as case-folded substrings of an actor's name or mentions, events by PLOVER type and
source/target countries (and date prefix), quantities within 1 % with the unit, dates by text and value
prefix, quotes by a fragment and the speaker's name. The result is recall per category, plus the events
that name a country the expectation does not know (a sign of actors taken from the wrong place).

Beyond the shared scorer's categories, optional fields of our own gold files (tests/gold/README.md) are scored
as categories of their own, so that the shared ones stay comparable: `sectors` and `roles` of the persons found,
`place_countries` (a place given as {"name", "country"}), `quantity_details` (qualifier and counted object),
`event_status` (status of the events found) and `traps` (a name that must not come out as an actor of a kind).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATEGORIES = ["countries", "persons", "organizations", "places", "events", "quantities", "dates", "quotes",
              "dyad_dimensions", "dependencies",
              "sectors", "roles", "place_countries", "quantity_details", "event_status", "traps"]


def _norm(text: Any) -> str:
    return " ".join(str(text or "").casefold().replace("\u2019", "'").split())


def _as_list(x: Any) -> list:
    return x if isinstance(x, list) else [x]


def _countries(refs: Iterable[Any]) -> set[str]:
    return {r.get("country") if isinstance(r, dict) else r for r in refs or []} - {None}


def _names(actor: dict[str, Any]) -> list[str]:
    return [_norm(t) for t in [actor.get("name"), *(m.get("text") for m in actor.get("mentions", []))] if t]


def _event_matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    if got.get("type") not in want["types"]:
        return False
    src, tgt = _countries(got.get("source")), _countries(got.get("target"))

    def has(code: str, side: set[str]) -> bool:
        return code == "*" or code in side

    ok = has(want["source"], src) and has(want["target"], tgt)
    if want.get("reciprocal"):
        ok = ok or (has(want["source"], tgt) and has(want["target"], src)) or \
            (has(want["source"], src) and has(want["target"], src))
    if not ok:
        return False
    return not want.get("date") or str(got.get("date") or "").startswith(want["date"])


def _close(a: Any, b: Any) -> bool:
    try:
        return abs(float(a) - float(b)) <= 0.01 * max(abs(float(b)), 1e-9)
    except (TypeError, ValueError):
        return False


@dataclass
class Score:
    found: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    misses: dict[str, list] = field(default_factory=dict)
    events: int = 0
    stray_events: int = 0

    def add(self, other: Score) -> None:
        for cat in other.total:
            self.found[cat] = self.found.get(cat, 0) + other.found.get(cat, 0)
            self.total[cat] = self.total.get(cat, 0) + other.total[cat]
            self.misses.setdefault(cat, []).extend(other.misses.get(cat, []))
        self.events += other.events
        self.stray_events += other.stray_events

    def recall(self, cat: str) -> float | None:
        return self.found.get(cat, 0) / self.total[cat] if self.total.get(cat) else None

    @property
    def mean(self) -> float:
        values = [r for c in self.total if (r := self.recall(c)) is not None]
        return sum(values) / len(values) if values else 0.0

    def as_json(self) -> dict[str, Any]:
        return {"categories": {c: {"found": self.found.get(c, 0), "expected": self.total[c],
                                   "recall": round(self.recall(c) or 0.0, 3)} for c in CATEGORIES if c in self.total},
                "events": self.events, "stray_events": self.stray_events, "mean_recall": round(self.mean, 3)}


def _place_name(place: Any) -> str:
    return place["name"] if isinstance(place, dict) else place


def _person(actors: list[dict[str, Any]], want: dict[str, Any]) -> dict[str, Any] | None:
    return next((a for a in actors if a.get("country") == want["country"]
                 and any(_norm(want["name"]) in t for t in _names(a))), None)


def _quantity_matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    return _close(got.get("value"), want["value"]) and (not want.get("unit") or got.get("unit") == want["unit"])


def _quantity_details(want: dict[str, Any], got: dict[str, Any]) -> bool:
    """Qualifier as written; the counted object in the object read out or in the quantity's own words."""
    if want.get("qualifier") and _norm(got.get("qualifier")) != _norm(want["qualifier"]):
        return False
    counted = _norm(want.get("object"))
    return counted in _norm(got.get("object")) or counted in _norm((got.get("evidence") or {}).get("text"))


def _detail_checks(expected: dict[str, Any], analysis: dict[str, Any]) -> dict[str, tuple[list, Any]]:
    """The categories of our own gold files; each item is looked at only where its base item was found."""
    actors = analysis.get("actors", [])
    events = analysis.get("events", [])
    quantities = analysis.get("quantities", [])
    persons = expected.get("persons", [])

    def sector_ok(p: dict[str, Any]) -> bool:
        got = _person(actors, p)
        return got is not None and got.get("sector") == p["sector"]

    def role_ok(p: dict[str, Any]) -> bool:
        got = _person(actors, p)
        return got is not None and (got.get("role") or "") == p["role"]

    def place_ok(p: dict[str, Any]) -> bool:
        return any(a.get("country") == p["country"] and any(_norm(p["name"]) in t for t in _names(a))
                   for a in actors)

    def status_ok(e: dict[str, Any]) -> bool:
        return any(_event_matches(e, g) and g.get("status") == e["status"] for g in events)

    def trap_ok(t: dict[str, Any]) -> bool:
        return not any(a.get("kind") == t["kind"] and _norm(t["name"]) in _names(a) for a in actors)

    return {
        "sectors": ([p for p in persons if p.get("sector")], sector_ok),
        "roles": ([p for p in persons if p.get("role")], role_ok),
        "place_countries": ([p for p in expected.get("places", []) if isinstance(p, dict)], place_ok),
        "quantity_details": ([q for q in expected.get("quantities", []) if q.get("qualifier") or q.get("object")],
                             lambda q: any(_quantity_matches(q, g) and _quantity_details(q, g) for g in quantities)),
        "event_status": ([e for e in expected.get("events", []) if e.get("status")], status_ok),
        "traps": (expected.get("absent", []), trap_ok),
    }


def score(expected: dict[str, Any], analysis: dict[str, Any], label: str = "") -> Score:
    """Recall of each category of `expected` in `analysis` (both as JSON objects)."""
    actors = analysis.get("actors", [])
    named = [t for a in actors for t in _names(a)]
    have_countries = {a.get("country") for a in actors} - {None}
    events = analysis.get("events", [])
    checks: dict[str, tuple[list, Any]] = {
        "countries": (expected.get("countries", []), lambda c: c in have_countries),
        "persons": (expected.get("persons", []), lambda p: _person(actors, p) is not None),
        "organizations": (expected.get("organizations", []), lambda o: any(_norm(o) in t for t in named)),
        "places": (expected.get("places", []), lambda o: any(_norm(_place_name(o)) in t for t in named)),
        "events": (expected.get("events", []), lambda e: any(_event_matches(e, g) for g in events)),
        "quantities": (expected.get("quantities", []), lambda q: any(
            _quantity_matches(q, g) for g in analysis.get("quantities", []))),
        "dates": (expected.get("dates", []), lambda d: any(
            _norm(d["text"]) in _norm(g.get("text")) and str(g.get("value") or "").startswith(d["value"])
            for g in analysis.get("dates", []))),
        "quotes": (expected.get("quotes", []), lambda q: any(
            _norm(q["contains"]) in _norm(g.get("text")) and g.get("speaker")
            and _norm(q["speaker"]) in _norm(g["speaker"].get("name")) for g in analysis.get("quotes", []))),
    }
    dyad_want = expected.get("dyad")
    if dyad_want:
        pair = sorted(dyad_want["pair"])
        dyad = next((d for d in analysis.get("dyads", []) if sorted(d.get("pair", [])) == pair), {})
        dims = set(dyad.get("dimensions") or {})
        deps = dyad.get("dependencies", [])
        checks["dyad_dimensions"] = (dyad_want.get("dimensions", []), lambda d: bool(set(_as_list(d)) & dims))
        checks["dependencies"] = (dyad_want.get("dependencies", []), lambda w: any(
            g.get("dependent") == w["dependent"] and g.get("provider") == w["provider"]
            and g.get("dimension") in _as_list(w["dimension"]) for g in deps))
    checks |= _detail_checks(expected, analysis)
    result = Score()
    for cat, (items, found) in checks.items():
        if not items:
            continue
        hits = [found(item) for item in items]
        result.found[cat], result.total[cat] = sum(hits), len(items)
        result.misses[cat] = [{"article": label, "item": item} for item, hit in zip(items, hits) if not hit]
    allowed = set(expected.get("countries", []))
    result.events = len(events)
    result.stray_events = sum(1 for e in events if (_countries(e.get("source")) | _countries(e.get("target"))) - allowed)
    return result


def gold_pairs(folder: Path) -> list[tuple[Path, Path]]:
    """(article, expectation) pairs of a gold folder: NAME.txt beside NAME.expected.json."""
    pairs = []
    for exp in sorted(folder.glob("*.expected.json")):
        article = exp.with_name(json.loads(exp.read_text("utf-8")).get("article") or exp.name.replace(
            ".expected.json", ".txt"))
        if article.exists():
            pairs.append((article, exp))
    return pairs


def evaluate_folder(folder: Path, pipeline=None) -> tuple[Score, dict[str, Score]]:
    """Analyse every gold article of the folder and score it; (total, per article)."""
    from .pipeline import Pipeline
    from .readers import iter_documents

    pipeline = pipeline or Pipeline.default()
    total, per_article = Score(), {}
    for article, exp in gold_pairs(folder):
        expected = json.loads(exp.read_text("utf-8"))
        doc = next(d for d in iter_documents([str(article)]) if hasattr(d, "text"))
        doc.published = expected.get("published") or doc.published  # as `analyze --published` would
        result = score(expected, pipeline.analyze(doc).as_json(), article.name)
        per_article[article.name] = result
        total.add(result)
    return total, per_article
