"""Quotations and their speakers.

Straight and curly double quotes, and single curly quotes when they open at a word start and close before
a space or punctuation (so the apostrophe in "Moscow’s" is never a quotation mark). The speaker comes from
the attribution verb around the quote ("said", "told", "stressed", "according to"); a pronoun there is the
person it refers to; a quote that follows another in the same paragraph without attribution keeps its
speaker.
"""

from __future__ import annotations

import re

from ..model import Actor, Analysis, Quote
from ..pipeline import stage

SPEECH_LEMMAS = {"say", "tell", "stress", "add", "note", "state", "declare", "insist", "explain", "warn",
                 "write", "argue", "claim", "announce", "remark", "recall", "emphasize", "emphasise",
                 "underline", "reply", "respond", "ask", "urge", "continue", "conclude", "describe",
                 "call", "affirm", "confirm", "deny", "tweet", "post", "comment", "acknowledge", "admit"}
QUOTE_RE = re.compile(
    r"“(?P<c>[^”“]{2,2000})”"
    r"|\"(?P<s>[^\"\n]{2,2000})\""
    r"|(?:(?<=^)|(?<=[\s(\[—–-]))‘(?P<q>[^‘’]{2,600}?)’(?=[\s.,;:!?)\]—–-]|$)",
    re.M,
)
MIN_WORDS = 3


def _speaker_near(analysis: Analysis, start: int, end: int, inner: str) -> Actor | None:
    """The speaker named by the attribution around a quote, outside the quote itself.

    First the subject of a speech verb in the quote's own sentence(s), then "according to"; the sentence
    after the quote only when the quote leaves its sentence open (`"...," he said.`)."""
    doc = analysis.doc
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if first is None or last is None:
        return None
    sents = {first.sent.start: first.sent, last.sent.start: last.sent}
    after = last.sent.end
    if after < len(doc) and inner.rstrip().endswith((",", "—", "–")):
        sents.setdefault(doc[after].sent.start, doc[after].sent)
    outside = [t for sent in sorted(sents.values(), key=lambda s: s.start) for t in sent if not start <= t.idx < end]
    for token in outside:
        if token.lemma_ in SPEECH_LEMMAS and token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            # no subject in the parse: a person standing before the verb ("Bessent, according to ..., called")
            for child in subjects or [c for c in token.lefts if c.dep_ not in {"prep", "punct"}]:
                actor = _actor_of(analysis, child)
                if actor is not None and (subjects or actor.kind == "person"):
                    return actor
    for token in outside:
        if token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to":
            for t in doc[token.i + 2:min(token.i + 8, token.sent.end)]:
                actor = analysis.token_actor.get(t.i)
                if actor is not None:
                    return actor
    return None


def _actor_of(analysis: Analysis, token) -> Actor | None:
    """The actor a subject token stands for: itself, or a name inside its phrase ("the Syrian minister X")."""
    actor = analysis.token_actor.get(token.i)
    if actor is not None:
        return actor
    for t in token.subtree:
        actor = analysis.token_actor.get(t.i)
        if actor is not None and actor.kind in {"person", "government", "organization", "group"}:
            return actor
    return None


@stage("quotes", requires=("doc", "actors"), assigns=("quotes",))
def find_quotes(analysis: Analysis) -> None:
    text = analysis.document.text
    quotes: list[Quote] = []
    previous: Quote | None = None
    for m in QUOTE_RE.finditer(text):
        group = "c" if m.group("c") is not None else "s" if m.group("s") is not None else "q"
        inner = m.group(group)
        if len(inner.split()) < (MIN_WORDS + 1 if group == "q" else MIN_WORDS):
            continue
        start, end = m.start(group), m.end(group)
        speaker = _speaker_near(analysis, m.start(), m.end(), inner)
        if speaker is None and previous is not None and previous.speaker is not None:
            between = text[previous.end + 1:m.start()]
            if "\n" not in between:
                speaker = previous.speaker
        quote = Quote(inner, speaker, start, end)
        quotes.append(quote)
        previous = quote
    analysis.quotes = quotes
