"""One stored document with everything found in it, and the highlight spans of its page.

Every highlight links somewhere: an actor mention to the actor's page, a quote to its speaker (or, without one,
to the document's main dyad), an event to the page of the dyad it codes (two countries acting together count;
else the document's main dyad, else the page of its one country), a date or a quantity to the dyad of the event
whose sentence holds it (else the document's main dyad). A document that names no dyad at all has highlights
without links.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..store import Store
from ..store.queries import _rows
from .highlight import Span
from .urls import actor_url, dyad_url

KINDS = [("event", "Events"), ("actor", "Actors"), ("date", "Dates"), ("quantity", "Quantities"),
         ("quote", "Quotes")]


def document(store: Store, doc_id: str) -> dict[str, Any] | None:
    rows = _rows(store, """
        SELECT id, title, published, source, url, language, origin, text, duplicate_of, similarity, ingested_at
        FROM documents WHERE id = ?""", [doc_id])
    if not rows:
        return None
    doc = rows[0]
    doc["mentions"] = _rows(store, """
        SELECT m.actor_id, m.text, m.start_char, m.end_char, m.role, a.name, a.kind, a.country
        FROM mentions m LEFT JOIN actors a ON a.id = m.actor_id WHERE m.doc_id = ? ORDER BY m.start_char""", [doc_id])
    doc["events"] = _rows(store, """
        SELECT id, date, type, cameo, score, array_to_string(source_countries, '+') AS source,
               array_to_string(target_countries, '+') AS target, source_countries, target_countries, status, act,
               context, round(confidence, 2) AS confidence, start_char, end_char, evidence
        FROM events WHERE doc_id = ? ORDER BY start_char, id""", [doc_id])
    doc["dates"] = _rows(store, "SELECT text, value, start_char, end_char FROM dates WHERE doc_id = ? "
                                "ORDER BY start_char", [doc_id])
    doc["quantities"] = _rows(store, """
        SELECT value, unit, qualifier, object, evidence, start_char, end_char FROM quantities WHERE doc_id = ?
        ORDER BY start_char""", [doc_id])
    doc["quotes"] = _rows(store, """
        SELECT q.text, q.speaker_id, a.name AS speaker, q.start_char, q.end_char
        FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id WHERE q.doc_id = ? ORDER BY q.start_char""", [doc_id])
    doc["near_duplicates"] = [r[0] for r in store.con.execute(
        "SELECT id FROM documents WHERE duplicate_of = ? ORDER BY id", [doc_id]).fetchall()]
    doc["dyads"] = _dyads(doc["events"])
    return doc


def _pair(event: dict[str, Any]) -> tuple[str, str] | None:
    """The dyad an event codes: a source and a target country, else two countries acting together."""
    sources, targets = event.get("source_countries") or [], event.get("target_countries") or []
    for s in sources:
        for t in targets:
            if s != t:
                return tuple(sorted((s, t)))  # type: ignore[return-value]
    together = sorted(set(sources) | set(targets))
    return (together[0], together[1]) if len(together) >= 2 else None


def _event_href(event: dict[str, Any], main: tuple[str, str] | None) -> str | None:
    pair = _pair(event) or main
    if pair:
        return dyad_url(*pair)
    country = next(iter((event.get("source_countries") or []) + (event.get("target_countries") or [])), None)
    return actor_url(country) if country else None


def _dyads(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    counter: Counter[tuple[str, str]] = Counter()
    for e in events:
        seen = {tuple(sorted((s, t))) for s in e.get("source_countries") or [] for t in e.get("target_countries") or []
                if s != t}
        counter.update(seen)
    return [{"pair": list(p), "events": n} for p, n in counter.most_common()]


def spans(doc: dict[str, Any], *, focus_event: str | None = None,
          focus_span: tuple[int, int] | None = None) -> list[Span]:
    """The highlight spans of the document page; the focused event (or span) is marked and gets id="focus"."""
    main = tuple(doc["dyads"][0]["pair"]) if doc["dyads"] else None
    out: list[Span] = []
    event_ranges: list[tuple[int, int, tuple[str, str] | None]] = []
    for e in doc["events"]:
        pair = _pair(e)
        event_ranges.append((e["start_char"], e["end_char"], pair))
        focused = e["id"] == focus_event
        title = f"{e['type']} {e['source'] or '?'} → {e['target'] or '?'} · score {e['score']:+.1f}" \
            if e["score"] is not None else f"{e['type']} {e['source'] or '?'} → {e['target'] or '?'}"
        out.append(Span(e["start_char"], e["end_char"], "event", href=_event_href(e, main),
                        title=title + (f" · {e['status']}" if e["status"] and e["status"] != "asserted" else ""),
                        classes=("focus",) if focused else (), data=(("event", e["id"]), ("type", e["type"])),
                        element_id="focus" if focused else None))

    def around(start: int, end: int) -> str | None:
        pair = next((p for s, t, p in event_ranges if p and s <= start and end <= t), None) or main
        return dyad_url(*pair) if pair else None

    for m in doc["mentions"]:
        label = m["name"] or m["actor_id"]
        role = f" · {m['role'].replace('_', ' ')}" if m["role"] else ""
        out.append(Span(m["start_char"], m["end_char"], "actor", href=actor_url(m["actor_id"]),
                        title=f"{label} ({m['kind'] or 'actor'}{', ' + m['country'] if m['country'] else ''}){role}",
                        data=(("actor", m["actor_id"]),)))
    for d in doc["dates"]:
        out.append(Span(d["start_char"], d["end_char"], "date", href=around(d["start_char"], d["end_char"]),
                        title=f"date: {d['value'] or '?'}"))
    for q in doc["quantities"]:
        what = " ".join(str(x) for x in (q["qualifier"], q["value"], q["unit"], q["object"]) if x not in (None, ""))
        out.append(Span(q["start_char"], q["end_char"], "quantity", href=around(q["start_char"], q["end_char"]),
                        title=f"quantity: {what}"))
    for q in doc["quotes"]:
        href = actor_url(q["speaker_id"]) if q["speaker_id"] else (dyad_url(*main) if main else None)
        out.append(Span(q["start_char"], q["end_char"], "quote", href=href,
                        title=f"quote, {q['speaker'] or 'speaker unknown'}"))
    if focus_span and not focus_event:
        out.append(Span(focus_span[0], focus_span[1], "focus", classes=("focus",), element_id="focus",
                        title="the evidence you followed"))
    return out


def legend(doc: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = {"event": len(doc["events"]), "actor": len(doc["mentions"]), "date": len(doc["dates"]),
             "quantity": len(doc["quantities"]), "quote": len(doc["quotes"])}
    return [{"kind": k, "label": label, "count": sizes[k]} for k, label in KINDS]


def public(doc: dict[str, Any]) -> dict[str, Any]:
    """The document as the JSON API returns it."""
    out = dict(doc)
    out["events"] = [{k: v for k, v in e.items() if k not in {"source_countries", "target_countries"}}
                     for e in doc["events"]]
    return out
