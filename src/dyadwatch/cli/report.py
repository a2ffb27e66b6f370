"""Readable reports: one analysed document, and the profile of a dyad."""

from __future__ import annotations

from typing import Any

from ..kb import load as load_kb
from ..reports.format import quantity


def _country_name(code: str) -> str:
    c = load_kb().countries.get(code)
    return c.name if c else code


def _sides(refs: list[dict[str, Any]]) -> str:
    return " + ".join(f"{r['name']}" + (f" ({r['country']})" if r.get("country") else "") for r in refs)


def analysis_report(a: dict[str, Any]) -> str:
    doc = a["document"]
    lines = [f"{doc.get('title') or doc['id']}", f"  id {doc['id']} · published {doc.get('published') or 'unknown'}"
             + (f" · {doc['source']}" if doc.get("source") else ""), ""]
    lines.append(f"Actors ({len(a['actors'])})")
    for actor in a["actors"]:
        where = actor.get("country") or "-"
        role = f", {actor['role'].replace('_', ' ')}" if actor.get("role") else ""
        lines.append(f"  {actor['name']:<40} {actor['kind']:<12} {where:<4} {actor.get('sector') or '':<4}"
                     f" ×{len(actor['mentions'])}{role}")
    lines += ["", f"Events ({len(a['events'])})"]
    for e in a["events"]:
        flag = "" if e["status"] == "asserted" else f" [{e['status']}]"
        lines.append(f"  {e.get('date') or '?':<10} {e['type']:<9} {e['cameo']:<5} {e['score']:+5.1f}  "
                     f"{_sides(e['source'])} → {_sides(e['target'])}{flag}")
        lines.append(f"      “{e['evidence']['text'][:150]}” [{e['evidence']['start']}:{e['evidence']['end']}]")
    lines += ["", f"Quantities ({len(a['quantities'])})"]
    for q in a["quantities"]:
        qual = f"{q['qualifier']} " if q.get("qualifier") else ""
        unit = f" {q['unit']}" if q.get("unit") else ""
        lines.append(f"  {qual}{q['value']:,}{unit} {q.get('object') or ''}".rstrip()
                     + f"   “{q['evidence']['text']}”")
    lines += ["", f"Dates ({len(a['dates'])})"]
    lines += [f"  {d['text']!r:<28} → {d['value']}" for d in a["dates"]]
    lines += ["", f"Quotes ({len(a['quotes'])})"]
    for q in a["quotes"]:
        who = q["speaker"]["name"] if q.get("speaker") else "unattributed"
        lines.append(f"  {who}: “{q['text'][:140]}{'…' if len(q['text']) > 140 else ''}”")
    lines += ["", f"Dyads ({len(a['dyads'])})"]
    for d in a["dyads"]:
        x, y = d["pair"]
        lines.append(f"  {x}–{y}: {d['events']} events, cooperation {d['cooperation']}, conflict {d['conflict']}; "
                     f"dimensions: {', '.join(d['dimensions']) or '-'}")
        for dep in d["dependencies"]:
            lines.append(f"      {dep['dependent']} relies on {dep['provider']} for {dep['dimension']}")
    return "\n".join(lines) + "\n"


def dyad_report(p: dict[str, Any]) -> str:
    a, b = p["pair"]
    lines = [f"{_country_name(a)} – {_country_name(b)} ({a}–{b})",
             f"  {p['events']} events from {p['sources']} independent documents"]
    if not p["events"] and not p["dimensions"]:
        return "\n".join(lines + ["  nothing stored for this pair yet"]) + "\n"
    shares = p["quad_shares"]
    lines += [
        f"  cooperation {p['cooperation']['sum']} (mean {p['cooperation']['mean']}), "
        f"conflict {p['conflict']['sum']} (mean {p['conflict']['mean']}), mean score {p['mean_score']}",
        f"  quad classes: verbal coop {shares['1']:.0%}, material coop {shares['2']:.0%}, "
        f"verbal conflict {shares['3']:.0%}, material conflict {shares['4']:.0%}",
        *(f"  {x}→{y}: {t['events']} events, mean score {t['mean_score'] if t['mean_score'] is not None else '-'}"
          f" ({t['sources']} docs)" for x, y in ((a, b), (b, a)) if (t := p["directed_tone"][f"{x}->{y}"])),
        "", "By month"]
    for m in p["monthly"]:
        tone = m["cooperation"] - m["conflict"]
        bar = ("+" * min(20, round(m["cooperation"]))) + ("-" * min(20, round(m["conflict"])))
        lines.append(f"  {m['month']:<8} {m['events']:>3} events  tone {tone:+6.1f}  {bar}  ({m['sources']} docs)")
    lines += ["", "Dimensions"]
    for d in p["dimensions"]:
        first = (d["evidence"] or [e["evidence"] for e in d["events"]])[0]["text"]
        lines.append(f"  {d['dimension']:<16} {d['documents']} docs, {len(d['events'])} events, "
                     f"{d['mentions']} mentions — “{first[:100]}”")
        for q in d["quantities"][:4]:
            lines.append(f"  {'':<16} {quantity(q)}  “{q['evidence']['text']}”")
    lines += ["", "Dependencies", f"  {p['balance']}"]
    for d in p["dependencies"]:
        lines.append(f"  {d['dependent']} relies on {d['provider']} for {d['dimension']} ({d['documents']} docs) — "
                     f"“{d['evidence'][0]['text'][:100]}”")
    lines += ["", "Changes"] + [f"  {c['month']:<8} {c['description']}" for c in p["changes"]] or ["  none"]
    lines += ["", "Key events"]
    for e in p["key_events"]:
        lines.append(f"  {e['date'] or '?':<10} {e['type']:<9} {e['score']:+5.1f} {e['source']}→{e['target']}"
                     f"{'' if e['status'] == 'asserted' else ' [' + e['status'] + ']'}  “{e['evidence'][:100]}”")
    return "\n".join(lines) + "\n"
