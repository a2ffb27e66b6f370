"""Scoring analyses against hand-written expectation files (the format of ../shared/seed/*.expected.json).

An expectation lists what a careful analyst reads in an article; each item is looked for in the analysis with
lenient matching: names as case-folded substrings of an actor's name or mentions, events by PLOVER type and
source/target countries (and date prefix), quantities within 1 % with the unit, dates by text and value
prefix, quotes by a fragment and the speaker's name. The result is recall per category, plus the events
that name a country the expectation does not know (a sign of actors taken from the wrong place).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CATEGORIES = ["countries", "persons", "organizations", "places", "events", "quantities", "dates", "quotes",
              "dyad_dimensions", "dependencies"]


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


def score(expected: dict[str, Any], analysis: dict[str, Any], label: str = "") -> Score:
    """Recall of each category of `expected` in `analysis` (both as JSON objects)."""
    actors = analysis.get("actors", [])
    named = [t for a in actors for t in _names(a)]
    have_countries = {a.get("country") for a in actors} - {None}
    events = analysis.get("events", [])
    checks: dict[str, tuple[list, Any]] = {
        "countries": (expected.get("countries", []), lambda c: c in have_countries),
        "persons": (expected.get("persons", []), lambda p: any(
            a.get("country") == p["country"] and any(_norm(p["name"]) in t for t in _names(a)) for a in actors)),
        "organizations": (expected.get("organizations", []), lambda o: any(_norm(o) in t for t in named)),
        "places": (expected.get("places", []), lambda o: any(_norm(o) in t for t in named)),
        "events": (expected.get("events", []), lambda e: any(_event_matches(e, g) for g in events)),
        "quantities": (expected.get("quantities", []), lambda q: any(
            _close(g.get("value"), q["value"]) and (not q.get("unit") or g.get("unit") == q["unit"])
            for g in analysis.get("quantities", []))),
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
        result = score(expected, pipeline.analyze(doc).as_json(), article.name)
        per_article[article.name] = result
        total.add(result)
    return total, per_article
