"""The relationship profile of a pair of countries over everything stored.

Volume and tone (overall, each way and by month), the dimensions the relationship rests on with their events,
quantities and evidence, the dependency ledger with its balance, the changes that matter, the key events and
the actors involved. Near-duplicate documents are not independent evidence: only originals count, and every
figure says how many documents stand behind it.
"""

from __future__ import annotations

from typing import Any

from .. import config
from ..kb import load as load_kb
from ..stages.dyads import event_dimension, quantity_dimension
from . import Store
from .queries import _rows, events

LEADER_ROLES = ("head_of_state", "head_of_government")
# Durations say when, not how much of the relationship: "for 90 days", "three years" are not its quantities.
DURATIONS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time", "round"}


def _is_duration(obj: str | None) -> bool:
    return bool(obj) and obj.lower().split()[-1].rstrip("s") in DURATIONS


def _tone(rows: list[dict[str, Any]]) -> dict[str, Any]:
    coop = sum(r["score"] for r in rows if r["score"] > 0)
    conf = -sum(r["score"] for r in rows if r["score"] < 0)
    return {"events": len(rows), "cooperation": round(coop, 2), "conflict": round(conf, 2),
            "mean_score": round(sum(r["score"] for r in rows) / len(rows), 2) if rows else None,
            "sources": len({r["doc_id"] for r in rows})}


def _month(r: dict[str, Any]) -> str:
    date = r["date"] or (str(r["published"]) if r.get("published") else "")
    return date[:7] if len(date) >= 7 else "unknown"


def _event_dimension(r: dict[str, Any]) -> str | None:
    if r.get("dimension") is not None:  # "" when the event has none
        return r["dimension"] or None
    return event_dimension(r["context"], r["evidence"] or "")  # a row stored before 004_event_dimension


def monthly_series(rows: list[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    by_month: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_month.setdefault(_month(r), []).append(r)
    series = []
    for month in sorted(by_month, key=lambda m: (m == "unknown", m)):
        group = by_month[month]
        tone = _tone(group)
        series.append({"month": month, **tone, "tone": round(tone["cooperation"] - tone["conflict"], 2),
                       "a_to_b": sum(1 for r in group if a in r["sources_"] and b in r["targets_"]),
                       "b_to_a": sum(1 for r in group if b in r["sources_"] and a in r["targets_"])})
    return series


def _evidence(f: dict[str, Any]) -> dict[str, Any]:
    return {"doc_id": f["doc_id"], "text": f["evidence"], "start": f["start_char"], "end": f["end_char"]}


def _dimensions(store: Store, a: str, b: str, rows: list[dict[str, Any]], facts: list[dict[str, Any]]
                ) -> list[dict[str, Any]]:
    limit = int(config.get("profile", "evidence_per_item"))
    dims: dict[str, dict[str, Any]] = {}

    def dim(name: str) -> dict[str, Any]:
        return dims.setdefault(name, {"dimension": name, "mentions": 0, "documents": set(), "evidence": [],
                                      "events": [], "quantities": []})

    spans: dict[tuple[str, int, int], list[str]] = {}
    for f in facts:
        if f["kind"] != "dimension":
            continue
        d = dim(f["dimension"])
        d["mentions"] += 1
        d["documents"].add(f["doc_id"])
        if len(d["evidence"]) < limit:
            d["evidence"].append(_evidence(f))
        spans.setdefault((f["doc_id"], f["start_char"], f["end_char"]), []).append(f["dimension"])
    for r in rows:
        name = _event_dimension(r)
        if name is None:
            continue
        d = dim(name)
        d["documents"].add(r["doc_id"])
        d["events"].append({k: r[k] for k in ("id", "date", "type", "score", "source", "target")}
                           | {"evidence": {"doc_id": r["doc_id"], "text": r["evidence"], "start": r["start_char"],
                                           "end": r["end_char"]}})
    if spans:
        doc_ids = sorted({k[0] for k in spans})
        quantities = _rows(store, f"""
            SELECT doc_id, value, unit, qualifier, object, evidence, start_char, end_char FROM quantities
            WHERE doc_id IN ({', '.join('?' * len(doc_ids))}) ORDER BY doc_id, start_char""", doc_ids)
        by_doc: dict[str, list[tuple[int, int, list[str]]]] = {}
        for (doc_id, start, end), names in spans.items():
            by_doc.setdefault(doc_id, []).append((start, end, names))
        sentences = {(f["doc_id"], f["start_char"]): f["evidence"] for f in facts}
        for q in quantities:
            # "the two countries", "both powers": a plain count under three names the parties, not a stake
            if _is_duration(q["object"]) or (q["unit"] is None and (not q["object"] or q["value"] < 3)):
                continue
            for start, end, names in by_doc.get(q["doc_id"], []):
                if start <= q["start_char"] and q["end_char"] <= end:
                    sentence = sentences[(q["doc_id"], start)]
                    name = quantity_dimension(sentence, q["start_char"] - start, q["end_char"] - start, names)
                    value = q["value"]
                    items = dim(name or names[0])["quantities"]
                    same = next((i for i in items if (i["value"], i["unit"], i["object"]) ==
                                 (value, q["unit"], q["object"])), None)
                    if same is None:
                        same = {"value": int(value) if float(value).is_integer() else value, "unit": q["unit"],
                                "qualifier": q["qualifier"], "object": q["object"], "documents": set(),
                                "evidence": _evidence(q)}
                        items.append(same)
                    same["documents"].add(q["doc_id"])
                    break
    for d in dims.values():  # money first, then the quantities most documents state
        d["quantities"] = sorted(({**q, "documents": len(q["documents"])} for q in d["quantities"]),
                                 key=lambda q: (q["unit"] in {None, "percent"}, -q["documents"]))
    out = [{**d, "documents": len(d["documents"]), "events": d["events"][:limit * 4],
            "quantities": d["quantities"][:limit * 2]} for d in dims.values()]
    return sorted(out, key=lambda d: (-d["documents"], -d["mentions"] - len(d["events"]), d["dimension"]))


def _dependencies(facts: list[dict[str, Any]], a: str, b: str) -> tuple[list[dict[str, Any]], str]:
    limit = int(config.get("profile", "evidence_per_item"))
    ledger: dict[tuple[str, str, str], dict[str, Any]] = {}
    for f in facts:
        if f["kind"] != "dependency":
            continue
        key = (f["dependent"], f["provider"], f["dimension"])
        d = ledger.setdefault(key, {"dependent": key[0], "provider": key[1], "dimension": key[2],
                                    "documents": set(), "evidence": []})
        d["documents"].add(f["doc_id"])
        if len(d["evidence"]) < limit and f["evidence"] not in [e["text"] for e in d["evidence"]]:
            d["evidence"].append(_evidence(f))
    deps = sorted(({**d, "documents": len(d["documents"])} for d in ledger.values()),
                  key=lambda d: (-d["documents"], d["dependent"], d["dimension"]))
    sides = {x: sorted({d["dimension"] for d in deps if d["dependent"] == x}) for x in (a, b)}
    if sides[a] and sides[b]:
        balance = f"mutual: {a} relies on {b} for {', '.join(sides[a])}; {b} relies on {a} for {', '.join(sides[b])}"
    elif sides[a] or sides[b]:
        x, y = (a, b) if sides[a] else (b, a)
        balance = f"one-sided: {x} relies on {y} for {', '.join(sides[x])}"
    else:
        balance = "no dependency found"
    return deps, balance


def changes_of(rows: list[dict[str, Any]], monthly: list[dict[str, Any]], a: str, b: str) -> list[dict[str, Any]]:
    """Sharp turns in tone, first-ever kinds of event, and changes of leader on either side."""
    turn = float(config.get("profile", "tone_turn"))
    min_events = int(config.get("profile", "tone_turn_min_events"))
    dated = [m for m in monthly if m["month"] != "unknown"]
    changes: list[dict[str, Any]] = []
    by_month: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_month.setdefault(_month(r), []).append(r)

    def strongest(month: str, sign: int) -> dict[str, Any] | None:
        group = [r for r in by_month.get(month, []) if r["score"] * sign > 0]
        r = max(group, key=lambda r: abs(r["score"]), default=None)
        return None if r is None else {"doc_id": r["doc_id"], "text": r["evidence"], "start": r["start_char"],
                                       "end": r["end_char"]}

    for prev_i, m in enumerate(dated[1:]):
        before = dated[: prev_i + 1]
        n_before = sum(x["events"] for x in before)
        if m["events"] < min_events or n_before < min_events:
            continue
        mean_before = sum(x["mean_score"] * x["events"] for x in before) / n_before
        shift = m["mean_score"] - mean_before
        if abs(shift) >= turn and (m["mean_score"] > 0) != (mean_before > 0):
            direction = "towards cooperation" if shift > 0 else "towards conflict"
            changes.append({"month": m["month"], "kind": "tone_turn",
                            "description": f"tone turned {direction}: mean score {m['mean_score']:+.1f} against "
                                           f"{mean_before:+.1f} before ({m['events']} events)",
                            "evidence": strongest(m["month"], 1 if shift > 0 else -1)})
    seen: set[str] = set()
    first_month = dated[0]["month"] if dated else None
    for r in sorted((r for r in rows if _month(r) != "unknown"), key=lambda r: (_month(r), r["date"] or "")):
        if r["type"] in seen:
            continue
        seen.add(r["type"])
        if _month(r) != first_month and r["status"] not in {"negated", "hypothetical"}:
            changes.append({"month": _month(r), "kind": "first_event",
                            "description": f"first {r['type']} event between {a} and {b} on record "
                                           f"({r['source']} → {r['target']})",
                            "evidence": {"doc_id": r["doc_id"], "text": r["evidence"], "start": r["start_char"],
                                         "end": r["end_char"]}})
    if dated:
        first, last = dated[0]["month"], dated[-1]["month"]
        kb = load_kb()
        for country in (a, b):
            name = kb.countries[country].name if country in kb.countries else country
            taken: dict[tuple[str, str], list[str]] = {}
            for term in kb.terms:
                if term.country == country and term.role in LEADER_ROLES and first < term.start[:7] <= last:
                    taken.setdefault((term.name, term.start), []).append(term.role.replace("_", " "))
            for (person, start), roles in sorted(taken.items(), key=lambda kv: kv[0][1]):
                office = roles[0] if len(roles) == 1 else "head of state and government"
                changes.append({"month": start[:7], "kind": "leader_change",
                                "description": f"{person} took office as {office} of {name} on {start} "
                                               "(actor knowledge base)", "evidence": None})
    return sorted(changes, key=lambda c: (c["month"], c["kind"]))


def _actors(store: Store, event_ids: list[str]) -> list[dict[str, Any]]:
    if not event_ids:
        return []
    return _rows(store, f"""
        SELECT a.id, a.name, a.kind, a.country, a.sector, count(DISTINCT ea.event_id) AS events
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id IN ({', '.join('?' * len(event_ids))})
        GROUP BY ALL ORDER BY events DESC, a.name""", event_ids)


def dyad_profile(store: Store, a: str, b: str) -> dict[str, Any]:
    """The relationship profile of the pair over everything stored (originals only)."""
    a, b = sorted((a.upper(), b.upper()))
    rows = events(store, dyad=(a, b), with_published=True)
    for r in rows:
        r["sources_"], r["targets_"] = set(r["source"].split("+")), set(r["target"].split("+"))
    n = len(rows)
    quad = {str(q): sum(1 for r in rows if r["quad_class"] == q) for q in range(1, 5)}
    directed_rows = {f"{x}->{y}": [r for r in rows if x in r["sources_"] and y in r["targets_"]]
                     for x, y in ((a, b), (b, a))}
    monthly = monthly_series(rows, a, b)
    facts = _rows(store, """
        SELECT f.kind, f.dimension, f.dependent, f.provider, f.evidence, f.doc_id, f.start_char, f.end_char
        FROM dyad_facts f JOIN documents d ON d.id = f.doc_id
        WHERE d.duplicate_of IS NULL AND f.a = ? AND f.b = ? ORDER BY d.published, f.doc_id, f.start_char""", [a, b])
    deps, balance = _dependencies(facts, a, b)
    kb = load_kb()
    overall = _tone(rows)
    dated = [m["month"] for m in monthly if m["month"] != "unknown"]
    key_events = sorted(rows, key=lambda r: (-abs(r["score"] or 0), r["date"] or ""))[
        : int(config.get("profile", "key_events"))]
    return {
        "pair": [a, b], "names": {c: kb.countries[c].name if c in kb.countries else c for c in (a, b)},
        "period": {"first": dated[0] if dated else None, "last": dated[-1] if dated else None},
        "events": n, "sources": len({f["doc_id"] for f in facts} | {r["doc_id"] for r in rows}),
        "cooperation": {"sum": overall["cooperation"],
                        "mean": _mean([r["score"] for r in rows if r["score"] > 0])},
        "conflict": {"sum": overall["conflict"], "mean": _mean([-r["score"] for r in rows if r["score"] < 0])},
        "mean_score": overall["mean_score"],
        "quad_shares": {k: round(v / n, 3) if n else 0.0 for k, v in quad.items()},
        "directed": {k: len(v) for k, v in directed_rows.items()},
        "directed_tone": {k: _tone(v) for k, v in directed_rows.items()},
        "monthly": monthly,
        "dimensions": _dimensions(store, a, b, rows, facts),
        "dependencies": deps, "balance": balance,
        "changes": changes_of(rows, monthly, a, b),
        "key_events": [_public(r) for r in key_events],
        "actors": _actors(store, [r["id"] for r in rows]),
    }


def _mean(values: list[float]) -> float:
    return round(sum(values) / len(values), 2) if values else 0.0


def _public(r: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in r.items() if not k.endswith("_") and k not in {"published", "quad_class"}}
