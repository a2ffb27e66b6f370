"""Charts as inline SVG strings, drawn in Python: no JavaScript library, no external request.

Every chart has a <title> and a <desc> and is labelled for screen readers; every month group carries a <title>
that browsers show as a tooltip. All text that reaches the SVG goes through `esc`.
"""

from __future__ import annotations

import math
from html import escape

from . import format as fmt
from .data import Month, View

COOP, CONFLICT, NET = "#2f855a", "#c2410c", "#1f2937"
A_TO_B, B_TO_A = "#3f5f8f", "#a9bbd6"
GRID, AXIS, MUTED = "#e5e7eb", "#9ca3af", "#6b7280"
QUAD_COLORS = {"1": "#8cc7a1", "2": "#2f855a", "3": "#f0a672", "4": "#c2410c"}
FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"


def esc(value: object) -> str:
    return escape(str(value), quote=True)


def _n(x: float) -> str:
    """A coordinate with at most one decimal."""
    return f"{x:.1f}".rstrip("0").rstrip(".")


def nice_ticks(top: float, count: int = 3) -> list[float]:
    """Round tick values from 0 up to at least `top`: 0, 10, 20, 30."""
    if top <= 0:
        return [0.0, 1.0]
    raw = top / count
    power = 10 ** math.floor(math.log10(raw))
    step = next(s * power for s in (1, 2, 2.5, 5, 10) if s * power >= raw)
    n = math.ceil(top / step - 1e-9)
    return [round(i * step, 6) for i in range(n + 1)]


def _tick_label(value: float) -> str:
    return fmt.number(value, scale=False) if value else "0"


def _label_every(n: int) -> int:
    for k in (1, 2, 3, 6, 12, 24):
        if n / k <= 16:
            return k
    return 60


def _labelled(month: str, every: int) -> bool:
    """Whether the month gets an axis label: every month, or calendar-aligned ones (Jan, Apr, Jul, Oct...)."""
    key = fmt.month_key(month)
    if not key:
        return False
    if every <= 12:
        return (key[1] - 1) % every == 0
    return key[1] == 1 and key[0] % (every // 12) == 0


def _month_title(view: View, m: Month) -> str:
    lines = [f"{fmt.month_label(m.month)}: {m.events} event{'s' if m.events != 1 else ''} "
             f"from {m.sources} document{'s' if m.sources != 1 else ''}",
             f"cooperation {m.cooperation:.1f} · conflict {m.conflict:.1f} · net {fmt.score(m.net)}"]
    if m.tone is not None:
        lines.append(f"tone {fmt.score(m.tone)}")
    if view.directed_available:
        lines.append(f"{view.a}→{view.b} {m.a_to_b or 0} · {view.b}→{view.a} {m.b_to_a or 0}")
    return "\n".join(lines)


def _summary(view: View) -> str:
    months = view.months
    busiest = max(months, key=lambda m: m.events)
    coop = max(months, key=lambda m: m.cooperation)
    conf = max(months, key=lambda m: m.conflict)
    parts = [f"Monthly cooperation and conflict between {view.name(view.a)} and {view.name(view.b)}, "
             f"{fmt.month_label(months[0].month)} to {fmt.month_label(months[-1].month)}: "
             f"{sum(m.events for m in months)} dated events in {sum(1 for m in months if m.events)} of "
             f"{len(months)} months.", f"Busiest month {fmt.month_label(busiest.month)} ({busiest.events} events)."]
    if coop.cooperation:
        parts.append(f"Most cooperation in {fmt.month_label(coop.month)} ({coop.cooperation:.1f}).")
    if conf.conflict:
        parts.append(f"Most conflict in {fmt.month_label(conf.month)} ({conf.conflict:.1f}).")
    return " ".join(parts)


def _legend(items: list[tuple[str, str, str]], x: float, y: float) -> list[str]:
    """Legend entries (kind "box" or "line", colour, label) laid out left to right from (x, y)."""
    out = ['<g class="legend" font-size="12" fill="#374151">']
    for kind, colour, label in items:
        if kind == "line":
            out.append(f'<line x1="{_n(x)}" y1="{_n(y - 4)}" x2="{_n(x + 16)}" y2="{_n(y - 4)}" stroke="{colour}" '
                       f'stroke-width="2"/><circle cx="{_n(x + 8)}" cy="{_n(y - 4)}" r="3" fill="{colour}" '
                       'stroke="#fff" stroke-width="1"/>')
        else:
            out.append(f'<rect x="{_n(x + 2)}" y="{_n(y - 10)}" width="12" height="12" rx="2" fill="{colour}"/>')
        out.append(f'<text x="{_n(x + 21)}" y="{_n(y)}">{esc(label)}</text>')
        x += 21 + 6.6 * len(label) + 18
    out.append("</g>")
    return out


def tone_chart(view: View, width: int = 900) -> str:
    """Cooperation up, conflict down, net tone as a line; event counts (A→B / B→A) in a panel below."""
    months = view.months
    if not months:
        return ""
    left, right, top = 52, 14, 54
    tone_h, gap, count_h, axis_h = 210, 34, 72, 38
    height = top + tone_h + gap + count_h + axis_h
    plot_w = width - left - right
    band = plot_w / len(months)
    bar_w = min(34.0, max(2.0, band * 0.64))
    top_coop, top_conf = max(m.cooperation for m in months), max(m.conflict for m in months)
    step = nice_ticks(max(top_coop, top_conf, 1.0), 3)[1]  # one step both ways: the halves compare at a glance
    coop_ticks = [i * step for i in range(math.ceil(top_coop / step - 1e-9) + 1)]
    conf_ticks = [i * step for i in range(math.ceil(top_conf / step - 1e-9) + 1)]
    up, down = coop_ticks[-1], conf_ticks[-1]
    if not up and not down:
        up = step
    unit = tone_h / (up + down)
    zero = top + up * unit
    count_ticks = nice_ticks(max(m.events for m in months), 2)
    count_unit = count_h / count_ticks[-1]
    count_base = top + tone_h + gap + count_h
    title = f"Tone over time: {view.name(view.a)} and {view.name(view.b)}"
    out = [f'<svg class="chart tone-chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-labelledby="tone-title tone-desc" font-family="{esc(FONT)}" preserveAspectRatio="xMidYMid meet" '
           'xmlns="http://www.w3.org/2000/svg">',
           f'<title id="tone-title">{esc(title)}</title>', f'<desc id="tone-desc">{esc(_summary(view))}</desc>']
    items = [("box", COOP, "Cooperation"), ("box", CONFLICT, "Conflict"), ("line", NET, "Net tone")]
    if view.directed_available:
        items += [("box", A_TO_B, f"{view.a} → {view.b}"), ("box", B_TO_A, f"{view.b} → {view.a}")]
    else:
        items.append(("box", A_TO_B, "Events"))
    out += _legend(items, left - 2, 18)
    # grid and y axes
    out.append(f'<g class="axis" font-size="11" fill="{MUTED}" text-anchor="end">')
    out.append(f'<text x="{left}" y="{top - 12}" text-anchor="start" font-weight="600" fill="#374151">'
               'Tone · sum of event scores</text>')
    def grid(y: float, label: str) -> str:
        return (f'<line x1="{left}" x2="{width - right}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}"/>'
                f'<text x="{left - 8}" y="{_n(y + 4)}">{label}</text>')

    out += [grid(zero - value * unit, f"+{_tick_label(value)}") for value in coop_ticks[1:]]
    out += [grid(zero + value * unit, f"−{_tick_label(value)}") for value in conf_ticks[1:]]
    out.append(f'<text x="{left - 8}" y="{_n(zero + 4)}">0</text>')
    out.append(f'<text x="{left}" y="{_n(count_base - count_h - 10)}" text-anchor="start" font-weight="600" '
               'fill="#374151">Events per month</text>')
    out += [grid(count_base - value * count_unit, _tick_label(value)) for value in count_ticks[1:]]
    out.append(f'<text x="{left - 8}" y="{_n(count_base + 4)}">0</text></g>')
    # one group per month
    every = _label_every(len(months))
    labelled = [_labelled(m.month, every) for m in months]
    first_label = labelled.index(True) if True in labelled else -1
    out.append('<g class="months">')
    for i, m in enumerate(months):
        x0 = left + i * band
        cx = x0 + band / 2
        bx = cx - bar_w / 2
        out.append(f'<g class="month" data-month="{esc(m.month)}" data-events="{m.events}">'
                   f'<title>{esc(_month_title(view, m))}</title>'
                   f'<rect class="hit" x="{_n(x0)}" y="{top}" width="{_n(band)}" height="{_n(count_base - top)}" '
                   'fill="transparent"/>')
        if m.cooperation:
            out.append(f'<rect class="coop" x="{_n(bx)}" y="{_n(zero - m.cooperation * unit)}" width="{_n(bar_w)}" '
                       f'height="{_n(m.cooperation * unit)}" fill="{COOP}" rx="1.5"/>')
        if m.conflict:
            out.append(f'<rect class="conflict" x="{_n(bx)}" y="{_n(zero)}" width="{_n(bar_w)}" '
                       f'height="{_n(m.conflict * unit)}" fill="{CONFLICT}" rx="1.5"/>')
        parts = ([(m.a_to_b or 0, A_TO_B), (m.b_to_a or 0, B_TO_A)] if view.directed_available
                 else [(m.events, A_TO_B)])
        y = count_base
        for value, colour in parts:
            if value:
                h = value * count_unit
                y -= h
                out.append(f'<rect class="count" x="{_n(bx)}" y="{_n(y)}" width="{_n(bar_w)}" height="{_n(h)}" '
                           f'fill="{colour}"/>')
        if labelled[i]:
            label = fmt.month_label(m.month, short=True)
            year = m.month[:4] if i == first_label or m.month.endswith("-01") else ""
            out.append(f'<text x="{_n(cx)}" y="{count_base + 16}" font-size="11" fill="#4b5563" '
                       f'text-anchor="middle">{esc(label)}</text>')
            if year:
                out.append(f'<text x="{_n(cx)}" y="{count_base + 30}" font-size="11" font-weight="600" '
                           f'fill="#374151" text-anchor="middle">{esc(year)}</text>')
        out.append("</g>")
    out.append("</g>")
    # baselines, then the net tone line on top of the bars (broken where a month has no event)
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{_n(zero)}" y2="{_n(zero)}" stroke="{AXIS}"/>'
               f'<line x1="{left}" x2="{width - right}" y1="{count_base}" y2="{count_base}" stroke="{AXIS}"/>')
    runs: list[list[tuple[float, float]]] = [[]]
    for i, m in enumerate(months):
        if m.events:
            runs[-1].append((left + (i + 0.5) * band, zero - m.net * unit))
        elif runs[-1]:
            runs.append([])
    out.append('<g class="net" pointer-events="none">')
    for run in runs:
        if len(run) > 1:
            points = " ".join(f"{_n(x)},{_n(y)}" for x, y in run)
            out.append(f'<polyline points="{points}" fill="none" stroke="{NET}" stroke-width="1.8" '
                       'stroke-linejoin="round"/>')
        out += [f'<circle cx="{_n(x)}" cy="{_n(y)}" r="3.2" fill="{NET}" stroke="#fff" stroke-width="1.2"/>'
                for x, y in run]
    out.append("</g></svg>")
    return "\n".join(out)


def quad_bar(shares: dict[str, float], width: int = 420, height: int = 22) -> str:
    """The four quad classes as one stacked 100% bar."""
    total = sum(float(shares.get(k) or 0) for k in QUAD_COLORS)
    desc = "; ".join(f"{fmt.QUAD_LABELS[k]} {fmt.share(shares.get(k) or 0)}" for k in QUAD_COLORS)
    out = [f'<svg class="chart quad-bar" viewBox="0 0 {width} {height}" width="100%" height="{height}" role="img" '
           'aria-labelledby="quad-title quad-desc" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">',
           '<title id="quad-title">Quad-class shares</title>', f'<desc id="quad-desc">{esc(desc)}</desc>',
           f'<rect width="{width}" height="{height}" fill="{GRID}" rx="3"/>']
    x = 0.0
    for key, colour in QUAD_COLORS.items():
        w = width * float(shares.get(key) or 0) / total if total else 0
        if w:
            out.append(f'<rect x="{_n(x)}" width="{_n(w)}" height="{height}" fill="{colour}">'
                       f'<title>{esc(fmt.QUAD_LABELS[key])}: {esc(fmt.share(shares.get(key)))}</title></rect>')
        x += w
    out.append("</svg>")
    return "".join(out)


BLOCKS = "▁▂▃▄▅▆▇█"


def sparkline(values: list[float]) -> str:
    """A text sparkline: "▁▃█▁"; months with nothing are a low dot."""
    top = max(values, default=0)
    if not top:
        return "·" * len(values)
    return "".join("·" if not v else BLOCKS[min(7, int(v / top * 7 + 0.5))] for v in values)
