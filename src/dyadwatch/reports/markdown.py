"""The dyad report as Markdown: the same sections as the HTML page, tables instead of charts.

Article text is written so that no renderer turns it into markup: `<`, `>` and `&` become entities, Markdown
punctuation is backslash-escaped, and table cells never hold a raw `|` or a line break.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from .. import __version__
from . import format as fmt
from .charts import sparkline
from .data import View, prepare

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|~])")


def md(value: object) -> str:
    """Text safe in Markdown, inline or inside a table cell."""
    text = " ".join(str(value).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def code(value: object) -> str:
    text = " ".join(str(value).split()).replace("`", "'")
    return f"`{text}`"


def table(head: list[str], rows: list[list[str]], right: set[int] | None = None) -> list[str]:
    right = right or set()
    align = ["---:" if i in right else "---" for i in range(len(head))]
    return (["| " + " | ".join(head) + " |", "| " + " | ".join(align) + " |"]
            + ["| " + " | ".join(r) + " |" for r in rows] + [""])


def evidence_md(ev: dict[str, Any] | None) -> str:
    """“sentence” `doc id [start:end]`"""
    if not ev:
        return ""
    return f"“{md(ev['text'])}” {code(fmt.reference(ev, full=True))}"


def _evidence_lines(items: list[Any]) -> list[str]:
    return [f"> {evidence_md(e)}\n>" for e in (fmt.evidence(x) for x in items) if e]


def _bar(m: Any, top: float, width: int = 10) -> str:
    if not top:
        return ""
    return "+" * round(m.cooperation / top * width) + "−" * round(m.conflict / top * width)


def _header(view: View, generated: datetime) -> list[str]:
    p = view.profile
    return [f"# {md(view.name(view.a))} – {md(view.name(view.b))} ({view.a}–{view.b})", "",
            f"*dyadwatch relationship report · generated {generated.strftime('%Y-%m-%d %H:%M')} UTC*", "",
            *table(["Period", "Events", "Independent documents", "Mean score"],
                   [[md(fmt.period_label(*view.period)), str(view.events), str(view.sources),
                     fmt.score(p.get("mean_score"))]], right={1, 2, 3})]


def _tone(view: View) -> list[str]:
    out = ["## Tone over time", ""]
    if not view.months and not view.undated:
        return out + ["*No dated events between these countries yet.*", ""]
    if view.months:
        out += [f"Events per month, {md(fmt.period_label(view.months[0].month, view.months[-1].month))}: "
                f"`{sparkline([m.events for m in view.months])}`", ""]
    rows = [m for m in view.months if m.events] + view.undated
    top = max([max(m.cooperation, m.conflict) for m in rows] + [0])
    head = ["Month", "Events", "Docs", "Cooperation", "Conflict", "Net"]
    if view.directed_available:
        head += [f"{view.a}→{view.b}", f"{view.b}→{view.a}"]
    head.append("Tone (+ coop. / − conflict)")
    body = []
    for m in rows:
        row = [md(fmt.month_label(m.month)), str(m.events), str(m.sources), f"{m.cooperation:.1f}",
               f"{m.conflict:.1f}", fmt.score(m.net)]
        if view.directed_available:
            row += [str(m.a_to_b or 0), str(m.b_to_a or 0)]
        body.append(row + [code(_bar(m, top)) if _bar(m, top) else ""])
    return out + table(head, body, right=set(range(1, len(head) - 1)))


def _balance(view: View) -> list[str]:
    p = view.profile
    shares = p.get("quad_shares") or {}
    out = ["## Balance", "", "**Kinds of event** (CAMEO quad classes)", "",
           *table(["Quad class", "Share"], [[fmt.QUAD_LABELS[k], fmt.share(shares.get(k) or 0)]
                                            for k in fmt.QUAD_LABELS], right={1}),
           "**Who acts on whom**", ""]
    directed, tones = p.get("directed") or {}, p.get("directed_tone") or {}
    rows = []
    for key, x, y in ((view.ab, view.a, view.b), (view.ba, view.b, view.a)):
        t = tones.get(key) or {}
        rows.append([f"{x} → {y}", str(int(directed.get(key) or t.get("events") or 0)),
                     fmt.score(t.get("mean_score")) if t else "–",
                     f"{t.get('cooperation') or 0:.1f}" if t else "–", f"{t.get('conflict') or 0:.1f}" if t else "–"])
    return out + table(["Direction", "Events", "Mean score", "Cooperation", "Conflict"], rows, right={1, 2, 3, 4})


def _dimensions(view: View) -> list[str]:
    dims = view.get("dimensions", [])
    out = ["## Dimensions of the relationship", ""]
    if not dims:
        return out + ["*No dimension was found in the stored documents.*", ""]
    out += table(["Dimension", "Documents", "Mentions"],
                 [[md(fmt.dimension_label(d.get("dimension"))), str(d.get("documents") or 0),
                   str(d.get("mentions") or 0)] for d in dims], right={1, 2})
    for d in dims:
        out += [f"### {md(fmt.dimension_label(d.get('dimension')))}", "",
                f"{d.get('documents') or 0} documents · {d.get('mentions') or 0} mentions", ""]
        quantities = d.get("quantities") or []
        if quantities:
            out += ["**Quantities**", ""]
            out += [f"- **{md(fmt.quantity(q))}**"
                    + (f" — {evidence_md(fmt.evidence(q.get('evidence')))}" if q.get("evidence") else "")
                    for q in quantities]
            out.append("")
        events = d.get("events") or []
        if events:
            out += ["**Events**", ""]
            out += table(["Date", "Type", "Score", "Source → target"],
                         [[md(fmt.day_label(e.get("date"))), code(e.get("type") or "?"), fmt.score(e.get("score")),
                           md(f"{e.get('source') or '?'} → {e.get('target') or '?'}")] for e in events], right={2})
        evidence = _evidence_lines(d.get("evidence") or [])
        if evidence:
            out += ["**Evidence**", "", *evidence, ""]
    return out


def _dependencies(view: View) -> list[str]:
    deps = view.get("dependencies", [])
    out = ["## Dependency ledger", "", f"**Balance:** {md(view.get('balance', '') or '—')}", ""]
    if not deps:
        return out + ["*No statement of reliance was found in the stored documents.*", ""]
    rows = []
    for d in deps:
        evs = [e for e in (fmt.evidence(x) for x in d.get("evidence") or []) if e]
        rows.append([f"{md(view.name(d.get('dependent') or '?'))} relies on {md(view.name(d.get('provider') or '?'))}",
                     md(fmt.dimension_label(d.get("dimension"))), str(d.get("documents") or 0),
                     "<br>".join(evidence_md(e) for e in evs)])
    return out + table(["Who relies on whom", "For", "Docs", "Evidence"], rows, right={2})


def _changes(view: View) -> list[str]:
    changes = view.profile.get("changes")
    out = ["## Changes that matter", ""]
    if changes is None:
        return out + ["*This profile has no change analysis.*", ""]
    if not changes:
        return out + ["*No turn in tone, first-of-its-kind event or leader change was found.*", ""]
    for c in changes:
        kind = fmt.KIND_LABELS.get(c.get("kind") or "", c.get("kind") or "change")
        out.append(f"- **{md(fmt.month_label(c.get('month')))}** · {md(kind)}: {md(c.get('description') or '')}")
        ev = fmt.evidence(c.get("evidence"))
        if ev:
            out.append(f"  > {evidence_md(ev)}")
    return out + [""]


def _events(view: View) -> list[str]:
    events = view.get("key_events", [])
    out = ["## Key events", ""]
    if not events:
        return out + ["*No event between these countries is stored.*", ""]
    rows = [[md(fmt.day_label(e.get("date"))), code(e.get("type") or "?"), code(e.get("cameo") or "–"),
             fmt.score(e.get("score")), md(f"{e.get('source') or '?'} → {e.get('target') or '?'}"),
             md(e.get("status") or "asserted"), evidence_md(fmt.evidence(e.get("evidence"), e))] for e in events]
    return out + table(["Date", "Type", "CAMEO", "Score", "Source → target", "Status", "Evidence"], rows, right={3})


def _actors(view: View) -> list[str]:
    actors = view.profile.get("actors")
    out = ["## Actors involved", ""]
    if actors is None:
        return out + ["*This profile does not list actors.*", ""]
    if not actors:
        return out + ["*No actor is stored for these events.*", ""]
    return out + table(["Name", "Kind", "Country", "Sector", "Events"],
                       [[md(x.get("name") or x.get("id") or "?"), md(x.get("kind") or "–"),
                         md(x.get("country") or "–"), md(x.get("sector") or "–"), str(x.get("events") or 0)]
                        for x in actors], right={4})


def render_markdown(profile: dict[str, Any], *, generated_at: datetime | None = None) -> str:
    view = prepare(profile)
    generated = (generated_at or datetime.now(UTC)).astimezone(UTC)
    lines = [*_header(view, generated), *_tone(view), *_balance(view), *_dimensions(view), *_dependencies(view),
             *_changes(view), *_events(view), *_actors(view), "---", "",
             f"*Made by dyadwatch {__version__} from the store's original documents. Each quoted sentence is followed "
             "by its document id and its character offsets `[start:end]` in the stored text.*", ""]
    return "\n".join(lines)
