"""Article text marked up at character offsets: actors, events, dates, quantities, quotes, search hits.

Spans may nest or cross (an event's sentence holds actor mentions and dates; a quote may run over a sentence
end). The text is cut at every span boundary; each piece is escaped and wrapped in the spans that cover it, outer
spans (those reaching furthest) first. A span that crosses the end of one opened inside it is closed there and
reopened after, so the markup is always well nested; its pieces share the same data attributes and only the
first carries the element id. Anchors never nest: a linked span inside another link is drawn as a <mark> with a
`data-href` that the page's script follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from markupsafe import Markup

# kinds drawn as <a> when they have a link and no link is open around them; the others are <mark>
ANCHOR_KINDS = {"actor", "date", "quantity"}
# at equal extent, the outer one first
RANK = {"focus": 0, "event": 1, "quote": 2, "hit": 3, "quantity": 4, "date": 5, "actor": 6}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    href: str | None = None
    title: str | None = None
    classes: tuple[str, ...] = ()
    data: tuple[tuple[str, str], ...] = ()  # data-* attributes, e.g. (("event", "doc-e1"),)
    element_id: str | None = None


def _attr(name: str, value: str) -> str:
    return f' {name}="{escape(value, quote=True)}"'


def _open(span: Span, *, anchor: bool, first: bool) -> str:
    tag = "a" if anchor else "mark"
    classes = ["hl", f"hl-{span.kind}", *span.classes] + ([] if first else ["cont"])
    out = [f"<{tag}", _attr("class", " ".join(classes))]
    if span.href:
        out.append(_attr("href" if anchor else "data-href", span.href))
    if span.title:
        out.append(_attr("title", span.title))
    for key, value in span.data:
        out.append(_attr(f"data-{key}", value))
    if first and span.element_id:
        out.append(_attr("id", span.element_id))
    return "".join(out) + ">"


def markup(text: str, spans: list[Span]) -> Markup:
    """The text as HTML with every span wrapped; every piece of text is escaped."""
    n = len(text)
    clean = []
    for s in spans:
        start, end = max(0, int(s.start)), min(n, int(s.end))
        if start < end:
            clean.append(s if (start, end) == (s.start, s.end) else
                         Span(start, end, s.kind, s.href, s.title, s.classes, s.data, s.element_id))
    order = sorted(clean, key=lambda s: (s.start, -s.end, RANK.get(s.kind, 9)))
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for i, s in enumerate(order):
        starts.setdefault(s.start, []).append(i)
        ends.setdefault(s.end, []).append(i)
    bounds = sorted({0, n, *starts, *ends})
    active: set[int] = set()
    stack: list[tuple[int, str]] = []  # (span index, tag)
    opened: set[int] = set()
    out: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        active.difference_update(ends.get(left, ()))
        active.update(starts.get(left, ()))
        keep = 0
        while keep < len(stack) and stack[keep][0] in active:
            keep += 1
        for _, tag in reversed(stack[keep:]):
            out.append(f"</{tag}>")
        del stack[keep:]
        on_stack = {i for i, _ in stack}
        # the span reaching furthest goes outside, so it is split as little as possible
        for i in sorted(active - on_stack, key=lambda i: (-order[i].end, order[i].start, RANK.get(order[i].kind, 9))):
            span = order[i]
            anchor = bool(span.href) and span.kind in ANCHOR_KINDS and all(tag != "a" for _, tag in stack)
            out.append(_open(span, anchor=anchor, first=i not in opened))
            opened.add(i)
            stack.append((i, "a" if anchor else "mark"))
        out.append(escape(text[left:right], quote=False))
    for _, tag in reversed(stack):
        out.append(f"</{tag}>")
    return Markup("".join(out))


def snippet_spans(text: str, terms: list[str], width: int = 240) -> tuple[str, list[Span], bool, bool]:
    """A window of `text` around the first place a term starts a word, with every term occurrence in it as a
    "hit" span: (window, spans relative to it, cut at the start, cut at the end)."""
    import re

    if not terms:
        return text[:width], [], False, len(text) > width
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(t) for t in terms) + r")\w*", re.IGNORECASE)
    first = pattern.search(text)
    begin = 0 if first is None else max(0, first.start() - width // 3)
    if begin:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 30 else begin
    window = text[begin:begin + width]
    if begin + width < len(text):
        space = window.rfind(" ")
        window = window[:space] if space > width // 2 else window
    spans = [Span(m.start(), m.end(), "hit") for m in pattern.finditer(window)]
    return window, spans, begin > 0, begin + len(window) < len(text)
