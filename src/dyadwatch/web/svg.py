"""Small charts as inline SVG drawn on the server: documents by month, bars, sparklines, an actor's partners.

Only presentation attributes are used (no style attributes), so the pages' Content-Security-Policy holds; every
text that reaches an SVG is escaped. The dyad tone chart is `dyadwatch.reports.charts.tone_chart`.
"""

from __future__ import annotations

import math
from typing import Any

from markupsafe import Markup

from ..reports import format as fmt
from ..reports.charts import AXIS, CONFLICT, COOP, FONT, GRID, MUTED, esc, nice_ticks

ACCENT, SOFT_ACCENT, INK = "#3f5f8f", "#a9bbd6", "#1f2937"


def _n(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def tone_colour(mean: float | None) -> str:
    if mean is None or abs(mean) < 0.5:
        return "#9ca3af"
    return COOP if mean > 0 else CONFLICT


def month_bars(counts: dict[str, int], *, href: str | None = None, width: int = 760, height: int = 170,
               label: str = "Documents by month") -> Markup:
    """Bars per calendar month from the first to the last month in `counts` (gaps drawn as empty months). With
    `href`, each bar links to href + the month ("/documents?month=2025-03")."""
    keys = sorted(k for k in (fmt.month_key(m) for m in counts) if k)
    if not keys:
        return Markup("")
    months = fmt.month_range(keys[0], keys[-1])
    left, right, top, bottom = 34, 6, 12, 34
    plot_w, plot_h = width - left - right, height - top - bottom
    band = plot_w / len(months)
    bar_w = max(1.5, min(26.0, band * 0.72))
    ticks = nice_ticks(max(counts.values()), 3)
    unit = plot_h / ticks[-1]
    base = top + plot_h
    out = [f'<svg class="chart month-bars" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{esc(label)}" font-family="{esc(FONT)}" xmlns="http://www.w3.org/2000/svg">',
           f'<g font-size="10.5" fill="{MUTED}" text-anchor="end">']
    for t in ticks:
        y = base - t * unit
        out.append(f'<line x1="{left}" x2="{width - right}" y1="{_n(y)}" y2="{_n(y)}" stroke="{GRID}"/>'
                   f'<text x="{left - 6}" y="{_n(y + 3.5)}">{esc(fmt.number(t, scale=False))}</text>')
    out.append("</g>")
    every = next((k for k in (1, 2, 3, 6, 12, 24) if len(months) / k <= 14), 60)
    for i, month in enumerate(months):
        n = int(counts.get(month, 0))
        cx = left + (i + 0.5) * band
        title = f"{fmt.month_label(month)}: {n} document{'s' if n != 1 else ''}"
        bar = (f'<rect class="hit" x="{_n(left + i * band)}" y="{top}" width="{_n(band)}" height="{plot_h}" '
               f'fill="transparent"/>')
        if n:
            h = max(1.0, n * unit)
            bar += (f'<rect x="{_n(cx - bar_w / 2)}" y="{_n(base - h)}" width="{_n(bar_w)}" height="{_n(h)}" '
                    f'fill="{ACCENT}" rx="1"/>')
        body = f"<title>{esc(title)}</title>{bar}"
        if href and n:
            out.append(f'<a class="bar-link" href="{esc(href + month)}">{body}</a>')
        else:
            out.append(f"<g>{body}</g>")
        key = fmt.month_key(month) or (0, 1)
        if (key[1] - 1) % every == 0 if every <= 12 else key[1] == 1:
            out.append(f'<text x="{_n(cx)}" y="{base + 14}" font-size="10.5" fill="#4b5563" text-anchor="middle">'
                       f'{esc(fmt.month_label(month, short=True))}</text>')
            if i == 0 or month.endswith("-01"):
                out.append(f'<text x="{_n(cx)}" y="{base + 27}" font-size="10.5" font-weight="600" fill="#374151" '
                           f'text-anchor="middle">{esc(month[:4])}</text>')
    out.append(f'<line x1="{left}" x2="{width - right}" y1="{base}" y2="{base}" stroke="{AXIS}"/></svg>')
    return Markup("".join(out))


def hbar(value: float, top: float, *, width: int = 120, height: int = 8, colour: str = ACCENT) -> Markup:
    """A horizontal bar of value/top, for tables."""
    w = width * value / top if top else 0
    return Markup(f'<svg class="hbar" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
                  f'aria-hidden="true" xmlns="http://www.w3.org/2000/svg"><rect width="{width}" height="{height}" '
                  f'rx="{height / 2}" fill="{GRID}"/><rect width="{_n(max(w, 1 if value else 0))}" height="{height}" '
                  f'rx="{height / 2}" fill="{colour}"/></svg>')


def sparkline(values: list[tuple[int, float]], *, width: int = 132, height: int = 24, label: str = "") -> Markup:
    """Tiny bars of (events, tone) per month, coloured by the month's mean score."""
    if not values:
        return Markup("")
    top = max(v for v, _ in values) or 1
    band = width / len(values)
    bar_w = max(1.0, band - (1 if band > 3 else 0))
    out = [f'<svg class="spark" viewBox="0 0 {width} {height}" width="{width}" height="{height}" role="img" '
           f'aria-label="{esc(label)}" xmlns="http://www.w3.org/2000/svg">',
           f'<line x1="0" x2="{width}" y1="{height - 0.5}" y2="{height - 0.5}" stroke="{GRID}"/>']
    for i, (n, tone) in enumerate(values):
        if n:
            h = max(1.5, (height - 2) * n / top)
            colour = tone_colour(tone / n if n else None)
            out.append(f'<rect x="{_n(i * band)}" y="{_n(height - h)}" width="{_n(bar_w)}" height="{_n(h)}" '
                       f'fill="{colour}"/>')
    out.append("</svg>")
    return Markup("".join(out))


def network(center: dict[str, Any], partners: list[dict[str, Any]], links: list[dict[str, Any]], *,
            href: Any, size: int = 400) -> Markup:
    """The actor in the middle, its partners on a circle around it; an edge's width is the number of events
    together, its colour their mean score. `links` are edges between partners ({"a", "b", "events"}); `href`
    maps an actor id to its page."""
    if not partners:
        return Markup("")
    width, height = int(size * 1.5), size
    cx, cy = width / 2, height / 2
    ry = height / 2 - 34
    rx = width / 2 - 150  # room for the labels either side
    top = max(p["events"] for p in partners) or 1
    pos: dict[str, tuple[float, float]] = {center["id"]: (cx, cy)}
    for i, p in enumerate(partners):
        angle = -math.pi / 2 + 2 * math.pi * i / len(partners)
        pos[p["id"]] = (cx + rx * math.cos(angle), cy + ry * math.sin(angle))
    halo = 'stroke="#fff" stroke-width="3" paint-order="stroke"'
    out = [f'<svg class="chart network" viewBox="0 0 {width} {height}" width="100%" role="img" '
           f'aria-label="{esc(center["name"])} and its partners" font-family="{esc(FONT)}" '
           'xmlns="http://www.w3.org/2000/svg">', '<g class="links">']
    for link in links:
        if link["a"] in pos and link["b"] in pos:
            (x1, y1), (x2, y2) = pos[link["a"]], pos[link["b"]]
            out.append(f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{GRID}" '
                       f'stroke-width="{_n(1 + 2 * min(1.0, link["events"] / top))}"/>')
    for p in partners:
        x, y = pos[p["id"]]
        w = 1.5 + 4.5 * p["events"] / top
        out.append(f'<line x1="{_n(cx)}" y1="{_n(cy)}" x2="{_n(x)}" y2="{_n(y)}" '
                   f'stroke="{tone_colour(p["mean_score"])}" stroke-opacity="0.75" stroke-width="{_n(w)}" '
                   f'stroke-linecap="round"><title>{esc(center["name"])} – {esc(p["name"])}: {p["events"]} events, '
                   f'mean score {esc(fmt.score(p["mean_score"]))}</title></line>')
    out.append("</g>")
    for p in partners:
        x, y = pos[p["id"]]
        r = 4 + 6 * math.sqrt(p["events"] / top)
        anchor = "middle" if abs(x - cx) < 8 else ("start" if x > cx else "end")
        dx = 0 if anchor == "middle" else (r + 5 if x > cx else -(r + 5))
        dy = (-r - 6 if y < cy else r + 13) if anchor == "middle" else 4
        name = p["name"] if len(p["name"]) <= 24 else p["name"][:23] + "…"
        out.append(f'<a href="{esc(href(p["id"]))}"><title>{esc(p["name"])} ({esc(p["kind"])}): {p["events"]} '
                   f'events</title><circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="#fff" stroke="{ACCENT}" '
                   f'stroke-width="1.6"/><text x="{_n(x + dx)}" y="{_n(y + dy)}" font-size="12" fill="{INK}" '
                   f'text-anchor="{anchor}" {halo}>{esc(name)}</text></a>')
    out.append(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="14" fill="{ACCENT}"/><text x="{_n(cx)}" y="{_n(cy + 31)}" '
               f'font-size="13" font-weight="600" fill="{INK}" text-anchor="middle" {halo}>{esc(center["name"])}</text>')
    out.append("</svg>")
    return Markup("".join(out))
