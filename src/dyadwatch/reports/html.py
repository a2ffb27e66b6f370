"""The dyad report as one self-contained HTML page: inline CSS and SVG, no external request, readable without JS.

Every string that comes from an article or the store is escaped with `esc`; the Content-Security-Policy allows
only the page's own script, so even a slip in escaping could not run injected code.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from .. import __version__
from . import charts, style
from . import format as fmt
from .charts import QUAD_COLORS, esc
from .data import View, prepare

SHOWN_EVIDENCE = 2  # evidence sentences shown per item before "n more"
SHOWN_EVENTS = 5  # events shown per dimension before "n more"
SECTIONS = [("tone", "Tone over time"), ("balance", "Balance"), ("dimensions", "Dimensions"),
            ("dependencies", "Dependencies"), ("changes", "Changes"), ("events", "Key events"), ("actors", "Actors")]


def score_pill(value: float | None) -> str:
    cls = "zero" if value is None or abs(value) < 0.05 else ("pos" if value > 0 else "neg")
    return f'<span class="score {cls}">{esc(fmt.score(value))}</span>'


def pair_html(source: str | None, target: str | None) -> str:
    return (f'<span class="pair">{esc((source or "?").replace("+", " + "))} → '
            f'{esc((target or "?").replace("+", " + "))}</span>')


def evidence_html(ev: dict[str, Any] | None) -> str:
    if not ev:
        return ""
    ref = fmt.reference(ev)
    return (f'<blockquote class="evidence"><p>{esc(ev["text"])}</p><cite class="ref" '
            f'title="document {esc(ev.get("doc_id") or "?")}">{esc(ref)}</cite></blockquote>')


def evidence_list(items: list[Any], shown_first: int = SHOWN_EVIDENCE) -> str:
    """Evidence sentences: the first few shown, the rest folded."""
    evs = [e for e in (fmt.evidence(x) for x in items) if e]
    if not evs:
        return ""
    shown = "".join(evidence_html(e) for e in evs[:shown_first])
    rest = evs[shown_first:]
    if rest:
        n = len(rest)
        shown += (f"<details><summary>{n} more sentence{'s' if n > 1 else ''}</summary>"
                  + "".join(evidence_html(e) for e in rest) + "</details>")
    return shown


def status_badge(status: str | None) -> str:
    status = status or "asserted"
    return f'<span class="badge{"" if status == "asserted" else " warn"}">{esc(status)}</span>'


def _sum(value: float | None) -> str:
    return "–" if value is None else f"{value:.1f}"


def _none(text: str) -> str:
    return f'<p class="none">{esc(text)}</p>'


def header(view: View, generated: datetime) -> str:
    p = view.profile
    a, b = view.a, view.b
    facts = [("Period", esc(fmt.period_label(*view.period))),
             ("Events", esc(fmt.number(view.events, scale=False))),
             ("Documents", esc(fmt.number(view.sources, scale=False)) + " <small>independent</small>"),
             ("Mean score", score_pill(p.get("mean_score")) + " <small>of ±10</small>"),
             ("Generated", f'<span class="nowrap">{esc(generated.strftime("%Y-%m-%d"))}</span> '
                           f'<small class="line">{esc(generated.strftime("%H:%M UTC"))}</small>')]
    dl = "".join(f'<div class="fact"><dt>{k}</dt><dd>{v}</dd></div>' for k, v in facts)
    return (f'<header class="masthead"><div class="eyebrow">dyadwatch · relationship report</div>'
            f'<h1>{esc(view.name(a))}<span class="dash">–</span>{esc(view.name(b))}</h1>'
            f'<div class="codes"><span class="code">{esc(a)}</span><span class="code">{esc(b)}</span>'
            f'<span>counted from original documents only; near-duplicates are linked, not counted</span></div>'
            f'<dl class="facts">{dl}</dl></header>')


def tone_section(view: View) -> str:
    out = _open("tone", "Tone over time", "Each month: cooperation (sum of positive event scores) above the line, "
                "conflict (sum of negative scores) below it, and the net tone. Hover a month for its figures.")
    if not view.months:
        out.append(_none("No dated events between these countries yet."))
    else:
        undated = sum(m.events for m in view.undated)
        note = (f" {undated} event{'s' if undated != 1 else ''} dated only to the year, or not at all, "
                f"{'is' if undated == 1 else 'are'} counted in the totals but not plotted." if undated else "")
        out.append(f"<figure>{charts.tone_chart(view)}<figcaption>Scores are on the Goldstein scale (−10 … +10). "
                   f"Months without a bar had no stored event.{esc(note)}</figcaption></figure>")
    rows = [m for m in view.months if m.events] + view.undated
    if rows:
        has_dir = view.directed_available
        head = ("<tr><th>Month</th><th class='num'>Events</th><th class='num'>Documents</th>"
                "<th class='num'>Cooperation</th><th class='num'>Conflict</th><th class='num'>Net</th>"
                + (f"<th class='num'>{esc(view.a)}→{esc(view.b)}</th>"
                   f"<th class='num'>{esc(view.b)}→{esc(view.a)}</th>" if has_dir else "") + "</tr>")
        body = "".join(
            f"<tr><td>{esc(fmt.month_label(m.month))}</td><td class='num'>{m.events}</td>"
            f"<td class='num'>{m.sources}</td><td class='num'>{m.cooperation:.1f}</td>"
            f"<td class='num'>{m.conflict:.1f}</td><td class='num'>{score_pill(m.net)}</td>"
            + (f"<td class='num'>{m.a_to_b or 0}</td><td class='num'>{m.b_to_a or 0}</td>" if has_dir else "")
            + "</tr>" for m in rows)
        out.append(f"<details><summary>The figures by month</summary><div class='scroll'><table class='monthly'>"
                   f"<thead>{head}</thead><tbody>{body}</tbody></table></div></details>")
    out.append("</section>")
    return "".join(out)


def balance_section(view: View) -> str:
    p = view.profile
    shares = p.get("quad_shares") or {}
    legend = "".join(f'<li><span class="swatch" style="background:{c}"></span>{esc(fmt.QUAD_LABELS[k])}'
                     f'<span class="num">{esc(fmt.share(shares.get(k) or 0))}</span></li>'
                     for k, c in QUAD_COLORS.items())
    quad = (f'<div><h3>Kinds of event</h3><p class="note">Share of events by CAMEO quad class.</p>'
            f'{charts.quad_bar(shares)}<ul class="legend-list">{legend}</ul></div>')
    directed = p.get("directed") or {}
    tones = p.get("directed_tone") or {}
    top = max([int(directed.get(k) or 0) for k in (view.ab, view.ba)] + [1])
    rows = []
    for key, x, y in ((view.ab, view.a, view.b), (view.ba, view.b, view.a)):
        n = int(directed.get(key) or (tones.get(key) or {}).get("events") or 0)
        t = tones.get(key) or {}
        rows.append(f"<tr><td class='nowrap'><span class='pair'>{esc(x)} → {esc(y)}</span></td>"
                    f"<td class='num'>{n}</td><td><div class='bar'><span style='width:{100 * n / top:.0f}%'></span>"
                    f"</div></td><td class='num'>{score_pill(t.get('mean_score')) if t else '–'}</td>"
                    f"<td class='num'>{_sum(t.get('cooperation')) if t else '–'}</td>"
                    f"<td class='num'>{_sum(t.get('conflict')) if t else '–'}</td></tr>")
    direction = ('<div><h3>Who acts on whom</h3><p class="note">Events by direction, with the mean score and the '
                 'sums of cooperation and conflict each way.</p><div class="scroll"><table class="directed"><thead>'
                 '<tr><th>Direction</th>'
                 '<th class="num">Events</th><th></th><th class="num">Mean</th><th class="num">Coop.</th>'
                 f'<th class="num">Conflict</th></tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>')
    return (f'<section id="balance" aria-labelledby="h-balance"><h2 id="h-balance">Balance</h2>'
            f'<div class="grid2">{quad}{direction}</div></section>')


def _event_title(e: dict[str, Any]) -> str:
    ev = fmt.evidence(e.get("evidence"), e)
    return f" title='“{esc(ev['text'])}” {esc(fmt.reference(ev))}'" if ev else ""


def _event_rows(events: list[dict[str, Any]]) -> str:
    return "".join(
        f"<tr{_event_title(e)}><td class='nowrap'>{esc(fmt.day_label(e.get('date')))}</td>"
        f"<td><span class='badge type'>{esc(e.get('type') or '?')}</span></td><td class='num'>"
        f"{score_pill(e.get('score'))}</td><td>{pair_html(e.get('source'), e.get('target'))}</td></tr>"
        for e in events)


def _quantity_chip(q: dict[str, Any]) -> str:
    ev = fmt.evidence(q.get("evidence"))
    docs = int(q.get("documents") or 0)
    more = f" · {docs} documents" if docs > 1 else ""
    ref = (f"<span class='ref' title='“{esc(ev['text'])}”'>{esc(fmt.reference(ev))}{more}</span>" if ev else "")
    return f"<li><strong>{esc(fmt.quantity(q))}</strong>{ref}</li>"


def _open(section: str, title: str, lead: str = "") -> list[str]:
    """The start of a report section: its anchor, heading and lead sentence."""
    head = f'<section id="{section}" aria-labelledby="h-{section}"><h2 id="h-{section}">{title}</h2>'
    return [head] + ([f'<p class="lead">{lead}</p>'] if lead else [])


def dimensions_section(view: View) -> str:
    dims = view.get("dimensions", [])
    out = _open("dimensions", "Dimensions of the relationship",
                "What the two countries deal with each other about, with the documents that say so.")
    if not dims:
        out.append(_none("No dimension was found in the stored documents."))
    top = max([int(d.get("documents") or 0) for d in dims] + [1])
    out.append('<div class="dims">')
    for d in dims:
        docs, mentions = int(d.get("documents") or 0), int(d.get("mentions") or 0)
        block = [f'<article class="dim" id="dim-{esc(d.get("dimension") or "other")}"><div class="dim-head">'
                 f'<h3>{esc(fmt.dimension_label(d.get("dimension")))}</h3><span class="meta">{docs} document'
                 f'{"s" if docs != 1 else ""} · {mentions} mention{"s" if mentions != 1 else ""}</span>'
                 f'<div class="bar" title="{docs} of the busiest dimension\'s {top} documents">'
                 f'<span style="width:{100 * docs / top:.0f}%"></span></div></div>']
        quantities = d.get("quantities") or []
        if quantities:
            chips = "".join(_quantity_chip(q) for q in quantities)
            block.append(f'<div class="sub">Quantities</div><ul class="chips">{chips}</ul>')
        events, body = d.get("events") or [], []
        if events:
            more = (f'<details><summary>{len(events) - SHOWN_EVENTS} more events</summary><table class="mini">'
                    f'<tbody>{_event_rows(events[SHOWN_EVENTS:])}</tbody></table></details>'
                    if len(events) > SHOWN_EVENTS else "")
            body.append(f'<div class="dim-events"><div class="sub">Events ({len(events)})</div><table class="mini">'
                        f'<tbody>{_event_rows(events[:SHOWN_EVENTS])}</tbody></table>{more}</div>')
        evidence = evidence_list(d.get("evidence") or [], shown_first=1)
        if evidence:
            body.append(f'<div class="dim-evidence"><div class="sub">Evidence</div>{evidence}</div>')
        if body:
            block.append(f'<div class="dim-body">{"".join(body)}</div>')
        out.append("".join(block) + "</article>")
    out.append("</div></section>")
    return "".join(out)


def dependencies_section(view: View) -> str:
    deps = view.get("dependencies", [])
    balance = str(view.get("balance", "") or "")
    kind, _, text = balance.partition(":") if ":" in balance else ("none" if not deps else "", "", balance)
    kind, text = kind.strip(), text.strip()
    label = {"mutual": "Mutual", "one-sided": "One-sided", "none": "None found"}.get(kind, kind.capitalize() or "—")
    balance = (text[:1].upper() + text[1:]) if text else "No dependency found."
    out = _open("dependencies", "Dependency ledger", "Who relies on whom, and for what.") + [
           f'<div class="callout balance"><span class="badge">{esc(label)}</span><span>{esc(balance)}</span></div>']
    if not deps:
        out.append(_none("No statement of reliance was found in the stored documents."))
    else:
        rows = "".join(
            f"<tr><td class='nowrap'><strong>{esc(view.name(d.get('dependent') or '?'))}</strong> relies on "
            f"<strong>{esc(view.name(d.get('provider') or '?'))}</strong></td>"
            f"<td>{esc(fmt.dimension_label(d.get('dimension')))}</td><td class='num'>{int(d.get('documents') or 0)}"
            f"</td><td>{evidence_list(d.get('evidence') or [])}</td></tr>" for d in deps)
        out.append('<div class="scroll"><table class="deps"><thead><tr><th>Who relies on whom</th><th>For</th>'
                   f'<th class="num">Docs</th><th>Evidence</th></tr></thead><tbody>{rows}</tbody></table></div>')
    out.append("</section>")
    return "".join(out)


def changes_section(view: View) -> str:
    changes = view.profile.get("changes")
    out = _open("changes", "Changes that matter", "Turns in tone, first events of a kind, and new leaders.")
    if changes is None:
        out.append(_none("This profile has no change analysis."))
    elif not changes:
        out.append(_none("No turn in tone, first-of-its-kind event or leader change was found."))
    else:
        items = "".join(
            f'<li><div class="when">{esc(fmt.month_label(c.get("month")))}</div><div>'
            f'<span class="badge">{esc(fmt.KIND_LABELS.get(c.get("kind") or "", c.get("kind") or "change"))}</span> '
            f'{esc(c.get("description") or "")}{evidence_html(fmt.evidence(c.get("evidence")))}</div></li>'
            for c in changes)
        out.append(f'<ol class="timeline">{items}</ol>')
    out.append("</section>")
    return "".join(out)


def _cameo_title(code: str | None) -> str:
    from ..kb import cameo_codes

    try:
        c = cameo_codes().get(code or "")
    except Exception:
        c = None
    return f"CAMEO {code}: {c.name}" if c else f"CAMEO {code or '?'}"


def events_section(view: View) -> str:
    events = view.get("key_events", [])
    out = _open("events", "Key events", "The strongest events by score, either way.")
    if not events:
        out.append(_none("No event between these countries is stored."))
    else:
        rows = "".join(
            f"<tr><td class='nowrap'>{esc(fmt.day_label(e.get('date')))}</td>"
            f"<td><span class='badge type'>{esc(e.get('type') or '?')}</span></td>"
            f"<td class='num' title='{esc(_cameo_title(e.get('cameo')))}'>{esc(e.get('cameo') or '–')}</td>"
            f"<td class='num'>{score_pill(e.get('score'))}</td><td>{pair_html(e.get('source'), e.get('target'))}</td>"
            f"<td>{status_badge(e.get('status'))}</td><td>{evidence_html(fmt.evidence(e.get('evidence'), e))}</td></tr>"
            for e in events)
        out.append('<div class="scroll"><table class="key-events"><thead><tr><th>Date</th><th>Type</th>'
                   '<th class="num">CAMEO</th><th class="num">Score</th><th>Source → target</th><th>Status</th>'
                   '<th>Evidence</th></tr></thead>'
                   f"<tbody>{rows}</tbody></table></div>")
    out.append("</section>")
    return "".join(out)


def actors_section(view: View) -> str:
    actors = view.profile.get("actors")
    out = _open("actors", "Actors involved")
    if actors is None:
        out.append(_none("This profile does not list actors."))
    elif not actors:
        out.append(_none("No actor is stored for these events."))
    else:
        top = max([int(x.get("events") or 0) for x in actors] + [1])
        rows = "".join(
            f"<tr><td>{esc(x.get('name') or x.get('id') or '?')}</td><td>{esc(x.get('kind') or '–')}</td>"
            f"<td>{esc(x.get('country') or '–')}</td><td>{esc(x.get('sector') or '–')}</td>"
            f"<td class='num'>{int(x.get('events') or 0)}</td><td><span class='bar small'><span style='width:"
            f"{100 * int(x.get('events') or 0) / top:.0f}%'></span></span></td></tr>" for x in actors)
        out.append('<p class="lead">Who the events name as source or target, with the number of events each '
                   'takes part in.</p><div class="scroll"><table class="actors"><thead><tr><th>Name</th><th>Kind</th>'
                   '<th>Country</th><th>Sector</th><th class="num">Events</th><th></th></tr></thead>'
                   f'<tbody>{rows}</tbody></table></div>')
    out.append("</section>")
    return "".join(out)


def render_html(profile: dict[str, Any], *, generated_at: datetime | None = None) -> str:
    view = prepare(profile)
    generated = (generated_at or datetime.now(UTC)).astimezone(UTC)
    title = f"{view.name(view.a)} – {view.name(view.b)} · dyadwatch report"
    nav = "".join(f'<a href="#{key}">{esc(label)}</a>' for key, label in SECTIONS)
    body = "".join([header(view, generated), f'<nav class="toc" aria-label="Sections">{nav}</nav>', "<main>",
                    tone_section(view), balance_section(view), dimensions_section(view), dependencies_section(view),
                    changes_section(view), events_section(view), actors_section(view), "</main>"])
    footer = (f"<footer>Made by dyadwatch {esc(__version__)} from the store's original documents. Every sentence "
              "is quoted from its document, with the document id and the character offsets "
              "<code>[start:end]</code> of the sentence in the stored text.</footer>")
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta http-equiv="Content-Security-Policy" content="{esc(style.csp())}">'
            f'<meta name="generator" content="dyadwatch {esc(__version__)}">'
            f"<title>{esc(title)}</title><style>{style.CSS}</style></head>\n"
            f'<body><div class="page">{body}{footer}</div><script>{style.SCRIPT}</script></body></html>\n')
