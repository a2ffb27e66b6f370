"""The relationship profile of a pair of countries over everything stored.

Volume and tone (overall, each way and by month), the dimensions the relationship rests on with their events,
quantities and evidence, the dependency ledger with its balance, the changes that matter, the key events and
the actors involved. Near-duplicate documents are not independent evidence: only originals count, and every
figure says how many documents stand behind it.

Everything is counted in SQL over the aggregates of `store.aggregates` (`dyad_months`, `event_dyads`) and
`dyad_facts`; Python only sees the rows it shows (a few evidence sentences per item), so a pair with a million
events answers as fast as one with ten.
"""

from __future__ import annotations

from typing import Any

from .. import config
from ..kb import load as load_kb
from . import Store
from .queries import EVENT_LISTING, _rows, by_ids

LEADER_ROLES = ("head_of_state", "head_of_government")
# Durations say when, not how much of the relationship: "for 90 days", "three years" are not its quantities.
DURATIONS = ("second", "minute", "hour", "day", "week", "month", "year", "decade", "century", "time", "round")

# the columns of an event as the profile shows it (events e)
EVENT_FIELDS = EVENT_LISTING + ", e.dimension"  # an event as the profile shows it (events e)
ORIGINAL_FACTS = """dyad_facts f JOIN documents d ON d.id = f.doc_id
                    WHERE d.duplicate_of IS NULL AND f.a = $a AND f.b = $b"""


def _events_by_id(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    """The events of the given ids, read in full by the events' key (only these rows are touched)."""
    return {r["id"]: r for r in by_ids(store, [(i, "") for i in ids], EVENT_FIELDS)}


def _tone(events: int, cooperation: Any, conflict: Any, score_sum: Any, sources: int) -> dict[str, Any]:
    cooperation, conflict, score_sum = float(cooperation), float(conflict), float(score_sum)  # stored as decimals
    return {"events": events, "cooperation": round(cooperation, 2), "conflict": round(conflict, 2),
            "mean_score": round(score_sum / events, 2) if events else None, "sources": sources}


def _evidence(doc_id: str, text: str | None, start: int, end: int) -> dict[str, Any]:
    return {"doc_id": doc_id, "text": text, "start": start, "end": end}


def monthly_series(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """Per month (the event's own month, else its document's; `unknown` last): volume, tone, each way."""
    series = []
    for month, n, docs, coop, conf, total, ab, ba in store.con.execute("""
            SELECT month, events, documents, cooperation, conflict, score_sum, ab_events, ba_events
            FROM dyad_months WHERE a = ? AND b = ? ORDER BY month = 'unknown', month""", [a, b]).fetchall():
        tone = _tone(n, coop, conf, total, docs)
        series.append({"month": month, **tone, "tone": round(tone["cooperation"] - tone["conflict"], 2),
                       "a_to_b": ab, "b_to_a": ba})
    return series


def _quantities(store: Store, a: str, b: str, limit: int) -> dict[str, list[dict[str, Any]]]:
    """Per dimension, the quantities stated in its sentences (`dyad_facts` of kind 'quantity'), one per value,
    unit and object with the documents stating it: money first, then what most documents state."""
    durations = ", ".join(f"'{d}'" for d in DURATIONS)
    rows = _rows(store, f"""
        WITH q AS (
            SELECT f.dimension, q.value, q.unit, q.qualifier, q.object, q.doc_id, q.evidence, q.start_char,
                   q.end_char
            FROM dyad_facts f JOIN documents d ON d.id = f.doc_id
            JOIN quantities q ON q.doc_id = f.doc_id AND q.start_char = f.start_char AND q.end_char = f.end_char
            WHERE d.duplicate_of IS NULL AND f.a = $a AND f.b = $b AND f.kind = 'quantity'
              AND NOT (coalesce(rtrim(regexp_extract(lower(q.object), '(\\S+)\\s*$', 1), 's'), '') IN ({durations}))
              AND NOT (q.unit IS NULL AND (q.object IS NULL OR q.object = '' OR q.value < 3))),
        grouped AS (
            SELECT dimension, value, unit, object, count(DISTINCT doc_id) AS documents,
                   arg_min(qualifier, (doc_id, start_char)) AS qualifier,
                   arg_min({{'doc_id': doc_id, 'text': evidence, 'start': start_char, 'end': end_char}},
                           (doc_id, start_char)) AS evidence,
                   min((doc_id, start_char)) AS first
            FROM q GROUP BY dimension, value, unit, object)
        SELECT * EXCLUDE (first) FROM grouped
        QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY unit IS NULL OR unit = 'percent',
                                   documents DESC, first) <= {int(limit)}
        ORDER BY dimension, unit IS NULL OR unit = 'percent', documents DESC, first""", {"a": a, "b": b})
    out: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        value = r["value"]
        out.setdefault(r["dimension"], []).append(
            {"value": int(value) if float(value).is_integer() else value, "unit": r["unit"],
             "qualifier": r["qualifier"], "object": r["object"], "documents": r["documents"],
             "evidence": dict(r["evidence"])})
    return out


def _dimensions(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    """Per dimension, in one pass over the pair's facts and events: the sentences naming it (first few as
    evidence), its events (first few shown), the documents behind either, and its quantities."""
    limit = int(config.get("profile", "evidence_per_item"))
    rows = store.con.execute(f"""
        WITH facts AS (
            SELECT f.dimension, f.doc_id, true AS is_fact, NULL::VARCHAR AS event_id, NULL::VARCHAR AS date,
                   d.published, f.start_char, f.end_char, f.evidence
            FROM {ORIGINAL_FACTS} AND f.kind = 'dimension'),
        evs AS (
            SELECT dimension, doc_id, false, event_id, date, NULL::DATE, NULL::INTEGER, NULL::INTEGER, NULL::VARCHAR
            FROM event_dyads WHERE a = $a AND b = $b AND dimension <> '')
        SELECT dimension, count(*) FILTER (WHERE is_fact) AS mentions, count(*) FILTER (WHERE NOT is_fact),
               count(DISTINCT doc_id),
               min_by({{'doc_id': doc_id, 'text': evidence, 'start': start_char, 'end': end_char}},
                      (published IS NULL, published, doc_id, start_char, end_char), {limit}) FILTER (WHERE is_fact),
               min_by(event_id, (date IS NULL, date, event_id), {limit * 4}) FILTER (WHERE NOT is_fact)
        FROM (SELECT * FROM facts UNION ALL SELECT * FROM evs) GROUP BY dimension""", {"a": a, "b": b}).fetchall()
    full = _events_by_id(store, [i for r in rows for i in r[5] or []])
    quantities = _quantities(store, a, b, limit * 2)
    out = []
    for name, mentions, n_events, documents, evidence, firsts in rows:
        events = [full[i] for i in firsts or []]
        out.append({
            "dimension": name, "mentions": mentions, "documents": documents,
            "evidence": [dict(e) for e in evidence or []],
            "events": [{k: r[k] for k in ("id", "date", "type", "score", "source", "target")}
                       | {"evidence": _evidence(r["doc_id"], r["evidence"], r["start_char"], r["end_char"])}
                       for r in events],
            "quantities": quantities.get(name, []), "n_events_": n_events})
    out.sort(key=lambda d: (-d["documents"], -d["mentions"] - d["n_events_"], d["dimension"]))
    return [{k: v for k, v in d.items() if k != "n_events_"} for d in out]


def _dependencies(store: Store, a: str, b: str) -> tuple[list[dict[str, Any]], str]:
    limit = int(config.get("profile", "evidence_per_item"))
    params = {"a": a, "b": b}
    ledger = _rows(store, f"""
        SELECT f.dependent, f.provider, f.dimension, count(DISTINCT f.doc_id) AS documents,
               min((d.published, f.doc_id, f.start_char)) AS first
        FROM {ORIGINAL_FACTS} AND f.kind = 'dependency' GROUP BY ALL
        ORDER BY documents DESC, f.dependent, f.dimension, first""", params)
    evidence = _rows(store, f"""
        SELECT * FROM (
            SELECT f.dependent, f.provider, f.dimension, f.doc_id, f.evidence, f.start_char, f.end_char,
                   d.published FROM {ORIGINAL_FACTS} AND f.kind = 'dependency'
            QUALIFY row_number() OVER (PARTITION BY f.dependent, f.provider, f.dimension, f.evidence
                                       ORDER BY d.published, f.doc_id, f.start_char) = 1)
        QUALIFY row_number() OVER (PARTITION BY dependent, provider, dimension
                                   ORDER BY published, doc_id, start_char) <= {limit}
        ORDER BY published, doc_id, start_char""", params)
    deps = []
    for d in ledger:
        key = (d["dependent"], d["provider"], d["dimension"])
        deps.append({"dependent": key[0], "provider": key[1], "dimension": key[2], "documents": d["documents"],
                     "evidence": [_evidence(e["doc_id"], e["evidence"], e["start_char"], e["end_char"])
                                  for e in evidence if (e["dependent"], e["provider"], e["dimension"]) == key]})
    sides = {x: sorted({d["dimension"] for d in deps if d["dependent"] == x}) for x in (a, b)}
    if sides[a] and sides[b]:
        balance = f"mutual: {a} relies on {b} for {', '.join(sides[a])}; {b} relies on {a} for {', '.join(sides[b])}"
    elif sides[a] or sides[b]:
        x, y = (a, b) if sides[a] else (b, a)
        balance = f"one-sided: {x} relies on {y} for {', '.join(sides[x])}"
    else:
        balance = "no dependency found"
    return deps, balance


def _strongest(store: Store, a: str, b: str, month: str, sign: int) -> dict[str, Any] | None:
    """The month's event of the given sign with the largest score: the evidence of a turn in tone."""
    row = store.con.execute("""
        SELECT event_id FROM event_dyads WHERE a = ? AND b = ? AND month = ? AND score * ? > 0
        ORDER BY abs(score) DESC, date NULLS LAST, event_id LIMIT 1""", [a, b, month, sign]).fetchone()
    if row is None:
        return None
    r = _events_by_id(store, [row[0]])[row[0]]
    return _evidence(r["doc_id"], r["evidence"], r["start_char"], r["end_char"])


def changes_of(store: Store, a: str, b: str, monthly: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sharp turns in tone, first-ever kinds of event, and changes of leader on either side."""
    turn = float(config.get("profile", "tone_turn"))
    min_events = int(config.get("profile", "tone_turn_min_events"))
    dated = [m for m in monthly if m["month"] != "unknown"]
    changes: list[dict[str, Any]] = []
    n_before = 0
    sum_before = 0.0
    for i, m in enumerate(dated):
        if i and m["events"] >= min_events and n_before >= min_events:
            mean_before = sum_before / n_before
            shift = m["mean_score"] - mean_before
            if abs(shift) >= turn and (m["mean_score"] > 0) != (mean_before > 0):
                direction = "towards cooperation" if shift > 0 else "towards conflict"
                changes.append({"month": m["month"], "kind": "tone_turn",
                                "description": f"tone turned {direction}: mean score {m['mean_score']:+.1f} "
                                               f"against {mean_before:+.1f} before ({m['events']} events)",
                                "evidence": _strongest(store, a, b, m["month"], 1 if shift > 0 else -1)})
        n_before += m["events"]
        sum_before += m["mean_score"] * m["events"]
    if dated:
        first_month = dated[0]["month"]
        firsts = store.con.execute("""
            SELECT min_by(event_id, (month, coalesce(date, ''), event_id)), min((month, coalesce(date, ''), event_id))
            FROM event_dyads WHERE a = ? AND b = ? AND month <> 'unknown' GROUP BY type""", [a, b]).fetchall()
        full = _events_by_id(store, [i for i, _ in firsts])
        for event_id, key in sorted(firsts, key=lambda f: tuple(f[1])):
            r = full[event_id] | {"month": key[0]}
            if r["month"] != first_month and r["status"] not in {"negated", "hypothetical"}:
                changes.append({"month": r["month"], "kind": "first_event",
                                "description": f"first {r['type']} event between {a} and {b} on record "
                                               f"({r['source']} → {r['target']})",
                                "evidence": _evidence(r["doc_id"], r["evidence"], r["start_char"], r["end_char"])})
        changes += _leader_changes(a, b, first_month, dated[-1]["month"])
    return sorted(changes, key=lambda c: (c["month"], c["kind"]))


def _leader_changes(a: str, b: str, first: str, last: str) -> list[dict[str, Any]]:
    kb = load_kb()
    changes = []
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
    return changes


def _actors(store: Store, a: str, b: str) -> list[dict[str, Any]]:
    return _rows(store, """
        SELECT ac.id, ac.name, ac.kind, ac.country, ac.sector, x.events
        FROM dyad_actors x JOIN actors ac ON ac.id = x.actor_id WHERE x.a = ? AND x.b = ?
        ORDER BY x.events DESC, ac.name""", [a, b])


def _mean(total: float, n: int) -> float:
    return round(total / n, 2) if n else 0.0


def dyad_profile(store: Store, a: str, b: str) -> dict[str, Any]:
    """The relationship profile of the pair over everything stored (originals only)."""
    a, b = sorted((a.upper(), b.upper()))
    monthly = monthly_series(store, a, b)
    t = store.con.execute("""
        SELECT coalesce(sum(events), 0), coalesce(sum(cooperation), 0), coalesce(sum(conflict), 0),
               coalesce(sum(score_sum), 0), coalesce(sum(n_cooperation), 0), coalesce(sum(n_conflict), 0),
               coalesce(sum(q1), 0), coalesce(sum(q2), 0), coalesce(sum(q3), 0), coalesce(sum(q4), 0),
               coalesce(sum(ab_events), 0), coalesce(sum(ab_cooperation), 0), coalesce(sum(ab_conflict), 0),
               coalesce(sum(ab_score_sum), 0), coalesce(sum(ba_events), 0), coalesce(sum(ba_cooperation), 0),
               coalesce(sum(ba_conflict), 0), coalesce(sum(ba_score_sum), 0)
        FROM dyad_months WHERE a = ? AND b = ?""", [a, b]).fetchone()
    n, coop, conf, total, n_coop, n_conf, *quad = (int(t[0]), *map(float, t[1:4]), int(t[4]), int(t[5]),
                                                   *map(int, t[6:10]))
    ab, ba = (int(t[10]), *t[11:14]), (int(t[14]), *t[15:18])
    docs_ab, docs_ba, sources = store.con.execute(
        "SELECT ab_documents, ba_documents, sources FROM dyad_totals WHERE a = ? AND b = ?", [a, b]).fetchone() or (0, 0, 0)
    deps, balance = _dependencies(store, a, b)
    kb = load_kb()
    dated = [m["month"] for m in monthly if m["month"] != "unknown"]
    top = [i for (i,) in store.con.execute("""
        SELECT event_id FROM event_dyads WHERE a = ? AND b = ?
        ORDER BY abs(coalesce(score, 0)) DESC, coalesce(date, ''), event_id LIMIT ?""",
                                           [a, b, int(config.get("profile", "key_events"))]).fetchall()]
    full = _events_by_id(store, top)
    key_events = [full[i] for i in top]
    return {
        "pair": [a, b], "names": {c: kb.countries[c].name if c in kb.countries else c for c in (a, b)},
        "period": {"first": dated[0] if dated else None, "last": dated[-1] if dated else None},
        "events": n, "sources": sources,
        "cooperation": {"sum": round(coop, 2), "mean": _mean(coop, n_coop)},
        "conflict": {"sum": round(conf, 2), "mean": _mean(conf, n_conf)},
        "mean_score": round(total / n, 2) if n else None,
        "quad_shares": {str(q): round(c / n, 3) if n else 0.0 for q, c in zip(range(1, 5), quad)},
        "directed": {f"{a}->{b}": ab[0], f"{b}->{a}": ba[0]},
        "directed_tone": {f"{a}->{b}": _tone(*ab, docs_ab), f"{b}->{a}": _tone(*ba, docs_ba)},
        "monthly": monthly,
        "dimensions": _dimensions(store, a, b),
        "dependencies": deps, "balance": balance,
        "changes": changes_of(store, a, b, monthly),
        "key_events": key_events,
        "actors": _actors(store, a, b),
    }
