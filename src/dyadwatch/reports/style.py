"""The report's stylesheet and its one small script, inlined into every HTML report."""

from __future__ import annotations

import base64
import hashlib

CSS = """
:root { color-scheme: light; --ink: #1f2937; --soft: #4b5563; --muted: #6b7280; --rule: #e5e7eb;
  --panel: #f8fafc; --coop: #2f855a; --coop-bg: #e8f4ec; --conf: #c2410c; --conf-bg: #fbeee6;
  --accent: #3f5f8f; --mono: ui-monospace, 'SFMono-Regular', Menlo, Consolas, 'Liberation Mono', monospace; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto,
  'Helvetica Neue', Arial, sans-serif; }
.page { max-width: 980px; margin: 0 auto; padding: 28px 32px 48px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 6px; font-weight: 650; letter-spacing: -0.01em; }
h1 .dash { color: var(--muted); font-weight: 400; padding: 0 4px; }
h2 { font-size: 19px; margin: 0 0 4px; font-weight: 650; }
h3 { font-size: 15px; margin: 0; font-weight: 650; }
.eyebrow { text-transform: uppercase; letter-spacing: .08em; font-size: 11.5px; color: var(--muted); font-weight: 600; }
.code { font: 600 12px/1 var(--mono); color: var(--soft); background: var(--panel); border: 1px solid var(--rule);
  border-radius: 4px; padding: 3px 6px; vertical-align: middle; }
header.masthead { border-bottom: 1px solid var(--rule); padding-bottom: 18px; }
.codes { display: flex; gap: 6px; align-items: center; color: var(--muted); font-size: 13px; }
.facts { display: grid; grid-template-columns: 2.2fr 1fr 1.4fr 1.2fr 1.3fr; gap: 10px; margin: 18px 0 0; }
.fact { background: var(--panel); border: 1px solid var(--rule); border-radius: 8px; padding: 9px 12px; }
.fact dt { font-size: 11.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
.fact dd { margin: 2px 0 0; font-size: 18px; font-weight: 600; font-variant-numeric: tabular-nums; }
.fact dd small { font-size: 12px; color: var(--muted); font-weight: 400; }
.fact dd small.line { display: block; margin-top: 2px; }
nav.toc { display: flex; flex-wrap: wrap; gap: 4px 16px; font-size: 13px; padding: 10px 0;
  border-bottom: 1px solid var(--rule); }
section { padding: 26px 0 6px; }
.lead { color: var(--soft); margin: 0 0 14px; font-size: 14px; }
.none { color: var(--muted); font-style: italic; }
figure { margin: 0; }
figcaption, .note { color: var(--muted); font-size: 12.5px; margin-top: 6px; }
svg.chart { display: block; max-width: 100%; height: auto; }
svg.tone-chart .month:hover .hit { fill: rgba(15, 23, 42, .045); }
.grid2 { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.1fr); gap: 28px; align-items: start; }
.legend-list { list-style: none; padding: 0; margin: 10px 0 0; display: grid; grid-template-columns: 1fr 1fr;
  gap: 4px 18px; font-size: 13px; }
.legend-list li { display: flex; align-items: center; gap: 8px; }
.legend-list .num { margin-left: auto; font-variant-numeric: tabular-nums; color: var(--soft); }
.swatch { width: 11px; height: 11px; border-radius: 2px; display: inline-block; flex: none; }
table { border-collapse: collapse; width: 100%; font-size: 13.5px; }
th { text-align: left; font-weight: 600; color: var(--soft); font-size: 12px; text-transform: uppercase;
  letter-spacing: .04em; border-bottom: 1px solid #d1d5db; padding: 6px 10px 6px 0; vertical-align: bottom; }
td { border-bottom: 1px solid var(--rule); padding: 8px 10px 8px 0; vertical-align: top; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.nowrap, .nowrap { white-space: nowrap; }
.scroll { overflow-x: auto; }
tbody tr:hover td { background: #fafbfc; }
.bar { height: 8px; background: var(--rule); border-radius: 4px; overflow: hidden; min-width: 40px; }
.bar > span { display: block; height: 100%; background: var(--accent); }
td .bar.small { min-width: 60px; max-width: 120px; height: 6px; display: inline-block; width: 100%;
  vertical-align: middle; }
.score { display: inline-block; min-width: 44px; text-align: center; border-radius: 10px; padding: 1px 7px;
  font-weight: 600; font-size: 12.5px; font-variant-numeric: tabular-nums; }
.score.pos { color: #1e6b45; background: var(--coop-bg); }
.score.neg { color: #9a3412; background: var(--conf-bg); }
.score.zero { color: var(--soft); background: var(--panel); }
.badge { display: inline-block; font-size: 11.5px; border-radius: 4px; padding: 1px 6px; border: 1px solid var(--rule);
  color: var(--soft); background: #fff; white-space: nowrap; }
.badge.warn { border-color: #f3d3b8; background: #fff7ef; color: #9a3412; }
.badge.type { font-family: var(--mono); font-size: 11.5px; }
.pair { white-space: nowrap; font-family: var(--mono); font-size: 12.5px; }
.evidence { margin: 6px 0 0; padding: 2px 0 2px 12px; border-left: 3px solid var(--rule); color: var(--ink);
  font-size: 14px; }
td .evidence { font-size: 13.5px; }
.evidence p { margin: 0; }
.evidence .ref { display: block; font: 11.5px/1.5 var(--mono); color: var(--muted); margin-top: 2px;
  overflow-wrap: anywhere; }
td .evidence { margin: 0; border-left-width: 2px; }
.dims { display: grid; grid-template-columns: minmax(0, 1fr); gap: 14px; }
.dim { border: 1px solid var(--rule); border-radius: 10px; padding: 14px 16px; break-inside: avoid; }
.dim-head { display: flex; align-items: baseline; gap: 12px; flex-wrap: wrap; }
.dim-head .meta { color: var(--muted); font-size: 13px; }
.dim-head .bar { flex: 1 1 120px; max-width: 220px; margin-left: auto; align-self: center; }
.dim-body { display: grid; grid-template-columns: minmax(0, auto) minmax(0, 1fr); gap: 0 30px; }
.dim-body > :only-child { grid-column: 1 / -1; }
.sub { font-size: 11.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); font-weight: 600;
  margin: 12px 0 4px; }
.chips { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(250px, 100%), 1fr)); gap: 6px; list-style: none;
  padding: 0; margin: 0; }
.chips li { background: var(--panel); border: 1px solid var(--rule); border-radius: 6px; padding: 5px 10px;
  font-size: 13.5px; line-height: 1.35; }
.chips li strong { font-variant-numeric: tabular-nums; font-weight: 600; }
.chips .ref { display: block; font: 11px/1.4 var(--mono); color: var(--muted); margin-top: 2px;
  overflow-wrap: anywhere; }
table.mini { width: auto; }
.mini td { padding: 4px 18px 4px 0; font-size: 13px; }
.mini td:last-child { padding-right: 0; }
details > summary { cursor: pointer; color: var(--accent); font-size: 13px; margin-top: 8px; }
.callout { border: 1px solid var(--rule); background: var(--panel); border-radius: 8px; padding: 10px 14px;
  margin: 0 0 14px; display: flex; gap: 10px; align-items: baseline; }
.callout .badge { font-weight: 600; }
.timeline { list-style: none; margin: 0; padding: 0; }
.timeline li { display: grid; grid-template-columns: 92px 1fr; gap: 14px; padding: 10px 0;
  border-bottom: 1px solid var(--rule); }
.timeline .when { font-weight: 600; font-variant-numeric: tabular-nums; color: var(--soft); font-size: 13.5px; }
footer { margin-top: 34px; padding-top: 14px; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: 12.5px; }
@media (max-width: 760px) { .page { padding: 18px 14px 36px; } .grid2 { grid-template-columns: minmax(0, 1fr); }
  .facts { grid-template-columns: repeat(auto-fit, minmax(140px, 1fr)); } .dim-body { grid-template-columns: minmax(0, 1fr); } .pair, td.nowrap { white-space: normal; }
  .timeline li { grid-template-columns: 1fr; gap: 2px; } }
@media print {
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; } .page { max-width: none; padding: 0; } nav.toc { display: none; }
  .scroll { overflow: visible; } .facts { grid-template-columns: 2.2fr 1fr 1.4fr 1.2fr 1.3fr; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  section { break-inside: auto; } h2, h3 { break-after: avoid; } tr, .dim, .evidence, figure { break-inside: avoid; }
  details > summary { display: none; } a { color: inherit; }
}
"""

# Opens every collapsed block before printing; the page reads the same without it.
SCRIPT = ("addEventListener('beforeprint',()=>{for(const d of document.querySelectorAll('details:not([open])'))"
          "{d.open=true;d.dataset.printOpened='1';}});addEventListener('afterprint',()=>{for(const d of "
          "document.querySelectorAll('details[data-print-opened]')){d.open=false;delete d.dataset.printOpened;}});")


def script_hash() -> str:
    """The CSP source that allows exactly SCRIPT and no other script (an injected one would be blocked)."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode() + "'"


def csp() -> str:
    return (f"default-src 'none'; style-src 'unsafe-inline'; script-src {script_hash()}; img-src data:; "
            "base-uri 'none'; form-action 'none'")
