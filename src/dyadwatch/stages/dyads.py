"""Dyads: for each pair of countries in a document, its events, tone, dimensions and dependencies.

Dimensions come from the contexts of the pair's events and from the sentences that name both countries
(keywords in dimensions.tsv). Dependencies come from the direction of aid, support and cooperation events
(the target relies on the source) and from explicit statements: "X needs Y", "X depends on / relies on Y",
"most of X's weapons come from Y".
"""

from __future__ import annotations

import re
from itertools import combinations

from ..model import Actor, Analysis
from ..pipeline import stage
from .events import dimension_keywords, dimensions_of

PROVIDING_TYPES = {"AID", "SUPPORT", "COOPERATE"}
NEED_LEMMAS = {"need", "depend", "rely", "count", "lean"}
NEED_WORDS = re.compile(r"\b(?:need(?:s|ed|ing)?|depend(?:s|ed|ing)?|rel(?:y|ies|ied|ying)|count(?:s|ed|ing)?|"
                        r"lean(?:s|ed|ing|t)?)\b", re.I)  # every form of a NEED_LEMMAS verb
SUPPLY_PATTERN = re.compile(r"\b(come|comes|came|coming)\s+from\b|\b(supplied|provided|trained|armed|funded|financed)\s+by\b"
                            r"|\b(trained|educated|schooled|studied|studying)\s+(in|at)\b", re.I)
RECIPROCAL = {"each other", "one another"}


def event_dimension(context: str | None, evidence: str) -> str | None:
    """The dimension an event belongs to: its PLOVER context, else the first dimension its sentence names."""
    return context or next(iter(dimensions_of(evidence)), None)


def _countries_in(analysis: Analysis, sent) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for token in sent:
        actor = analysis.token_actor.get(token.i)
        if actor is not None and actor.country:
            out.setdefault(actor.country, actor)
    return out


def _evidence(analysis: Analysis, sent) -> dict:
    text = analysis.document.text[sent.start_char:sent.end_char].rstrip()
    return {"text": text, "start": sent.start_char, "end": sent.start_char + len(text)}


def _sentence_dimensions(analysis: Analysis, sent) -> list[str]:
    """The dimensions a sentence speaks of, leaving out the names of people and organisations in it: an
    economist "at Kadir Has University" does not make the sentence about education."""
    text = list(analysis.document.text[sent.start_char:sent.end_char])
    for actor in analysis.actors:
        if actor.kind in {"person", "organization"}:
            for m in actor.mentions:
                if sent.start_char <= m.start and m.end <= sent.end_char:
                    text[m.start - sent.start_char:m.end - sent.start_char] = " " * (m.end - m.start)
    return dimensions_of("".join(text))


def _need_statements(analysis: Analysis, sent) -> list[tuple[str, str]]:
    """(dependent, provider) pairs stated by "X needs/depends on/relies on Y" in the sentence."""
    out = []
    text = analysis.document.text[sent.start_char:sent.end_char]  # (Span.text builds it token by token)
    for token in (sent if NEED_WORDS.search(text) else ()):  # most sentences name no need: no token loop
        if token.lemma_.lower() not in NEED_LEMMAS or token.pos_ not in {"VERB", "AUX"}:
            continue
        subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
        objs = [c for c in token.children if c.dep_ == "dobj"]
        objs += [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"on", "upon"}
                 for g in c.children if g.dep_ == "pobj"]
        if subj is None:
            continue
        dependents = _phrase_countries(analysis, subj)
        for obj in objs:
            if " ".join(t.lower_ for t in obj.subtree) in RECIPROCAL:  # "Ankara and Baghdad need each other"
                out += [(x, y) for x in dependents for y in dependents if x != y]
                continue
            out += [(x, y) for x in dependents for y in _phrase_countries(analysis, obj) if x != y]
    m = SUPPLY_PATTERN.search(text)
    if m:
        split_at, from_end = sent.start_char + m.start(), sent.start_char + m.end()
        countries = analysis.token_actor
        rest = text[m.end():]
        stop = from_end + min([len(rest)] + [rest.find(c) for c in ",;." if c in rest])
        providers = {countries[t.i].country for t in sent
                     if from_end <= t.idx < stop and t.i in countries} - {None}
        before = {countries[t.i].country for t in sent if t.idx < split_at and t.i in countries} - {None}
        if not before:  # "most of its weapons come from Y": its = the last other country named before
            pronoun = next((t for t in sent if t.idx < split_at and t.lower_ in {"its", "their"}), None)
            if pronoun is not None:
                before = {_last_country_before(analysis, pronoun.i, exclude=providers)} - {None}
        for provider in providers:
            for dependent in before - {provider}:
                out.append((dependent, provider))
    return out


CONCERN_HEADS = {"concern", "concerns", "interest", "interests", "priority", "priorities", "stake", "stakes"}


def stated_concerns(analysis: Analysis) -> dict[str, list[str]]:
    """The dimensions each country's own concerns are stated in: "Ottawa has security concerns of its own",
    "X's military interests". A bare "X needs Y" is read in their light when its own sentence names none."""
    out: dict[str, list[str]] = {}
    for token in analysis.doc:
        if token.lower_ not in CONCERN_HEADS:
            continue
        dims = dimensions_of(" ".join(t.text for t in token.lefts))
        if not dims:
            continue
        owner = None
        if token.dep_ in {"dobj", "attr"} and token.head.lemma_ in {"have", "be"}:
            subj = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            owner = analysis.token_actor.get(subj.i) if subj is not None else None
        if owner is None:
            poss = next((c for c in token.children if c.dep_ == "poss"), None)
            owner = analysis.token_actor.get(poss.i) if poss is not None else None
        if owner is not None and owner.country:
            for dim in dims:
                if dim not in out.setdefault(owner.country, []):
                    out[owner.country].append(dim)
    return out


def quantity_dimension(sentence: str, start: int, end: int, candidates: list[str]) -> str | None:
    """The dimension a quantity at [start:end) of `sentence` belongs to: of the sentence's dimensions, the one
    whose keyword stands nearest the quantity ("US$ 4 billion in investments" is economic)."""
    best: tuple[int, str] | None = None
    for name, pattern in dimension_keywords():
        if name not in candidates:
            continue
        for m in pattern.finditer(sentence):
            distance = max(0, m.start() - end, start - m.end())
            if best is None or distance < best[0]:
                best = (distance, name)
    return best[1] if best else None


def _phrase_countries(analysis: Analysis, head) -> list[str]:
    """The countries a noun phrase stands for: its own actor ("Moscow"), else its coordinated actors ("Ankara
    and Baghdad"), else the state its modifier names ("Iraqi units", "American drones")."""
    found: list[str] = []
    for token in [head, *(c for c in head.children if c.dep_ == "conj")]:
        actor = analysis.token_actor.get(token.i)
        if actor is None:
            actor = next((analysis.token_actor[c.i] for c in token.children
                          if c.dep_ in {"amod", "compound", "poss"} and c.i in analysis.token_actor), None)
        if actor is not None and actor.country and actor.country not in found:
            found.append(actor.country)
    return found


def _last_country_before(analysis: Analysis, index: int, exclude: set[str]) -> str | None:
    for i in range(index - 1, max(-1, index - 80), -1):
        actor = analysis.token_actor.get(i)
        if actor is not None and actor.kind in {"country", "government"} and actor.country not in exclude:
            return actor.country
    return None


def _dimension_quantities(analysis: Analysis, dimensions: dict[str, list[dict]]) -> list[dict]:
    """The quantities stated in a dimension's evidence sentences, each under its nearest dimension."""
    spans: dict[tuple[int, int], list[str]] = {}
    for name, items in dimensions.items():
        for e in items:
            spans.setdefault((e["start"], e["end"]), []).append(name)
    out = []
    for q in analysis.quantities:
        for (start, end), names in spans.items():
            if start <= q.evidence.start and q.evidence.end <= end:
                sentence = analysis.document.text[start:end]
                dim = quantity_dimension(sentence, q.evidence.start - start, q.evidence.end - start, names)
                out.append({"dimension": dim or names[0], **q.as_json()})
                break
    return out


@stage("dyads", requires=("doc", "actors", "events"), assigns=("dyads",))
def build_dyads(analysis: Analysis) -> None:
    doc = analysis.doc
    profiles: dict[tuple[str, str], dict] = {}

    def profile(a: str, b: str) -> dict:
        pair = tuple(sorted((a, b)))
        if pair not in profiles:
            profiles[pair] = {"pair": list(pair), "events": 0, "cooperation": 0.0, "conflict": 0.0,
                              "dimensions": {}, "dependencies": []}
        return profiles[pair]

    def add_dimension(p: dict, name: str, evidence: dict) -> None:
        items = p["dimensions"].setdefault(name, [])
        if evidence not in items:
            items.append(evidence)

    def add_dependency(p: dict, dependent: str, provider: str, dimension: str, evidence: dict) -> None:
        for dep in p["dependencies"]:
            if (dep["dependent"], dep["provider"], dep["dimension"]) == (dependent, provider, dimension):
                if evidence not in dep["evidence"]:
                    dep["evidence"].append(evidence)
                return
        p["dependencies"].append({"dependent": dependent, "provider": provider, "dimension": dimension,
                                  "evidence": [evidence]})

    for event in analysis.events:
        evidence = event.evidence.as_json()
        dims = [d] if (d := event_dimension(event.context, event.evidence.text)) else []
        # aid given, or promised (AGREE to give it); an accusation of arming someone is no provision
        provides = ((event.type in PROVIDING_TYPES or (event.type == "AGREE" and event.act in PROVIDING_TYPES))
                    and not event.reciprocal
                    and event.status not in {"negated", "hypothetical"})
        for a, b in sorted(event.pairs()):
            p = profile(a, b)
            p["events"] += 1
            p["cooperation" if event.score > 0 else "conflict"] += abs(event.score)
            for dim in dims:
                add_dimension(p, dim, evidence)
                if not provides:
                    continue
                for provider in event.countries("source") & {a, b}:
                    for dependent in event.countries("target") & {a, b} - {provider}:
                        add_dependency(p, dependent, provider, dim, evidence)

    concerns: dict[str, list[str]] | None = None
    for sent in doc.sents:
        countries = _countries_in(analysis, sent)
        if len(countries) < 2:
            continue
        evidence = _evidence(analysis, sent)
        dims = _sentence_dimensions(analysis, sent)
        for a, b in combinations(sorted(countries), 2):
            if (a, b) not in profiles and not dims:
                continue
            p = profile(a, b)
            for dim in dims:
                add_dimension(p, dim, evidence)
        for dependent, provider in _need_statements(analysis, sent):
            p = profile(dependent, provider)
            if concerns is None:
                concerns = stated_concerns(analysis)
            for dim in dims or concerns.get(dependent) or ["diplomatic"]:
                add_dependency(p, dependent, provider, dim, evidence)

    # A pair with no event and a single co-occurrence is a coincidence of mentions, not a relationship.
    profiles = {k: p for k, p in profiles.items()
                if p["events"] or p["dependencies"] or sum(len(v) for v in p["dimensions"].values()) >= 2}
    for p in profiles.values():
        p["cooperation"] = round(p["cooperation"], 2)
        p["conflict"] = round(p["conflict"], 2)
        p["quantities"] = _dimension_quantities(analysis, p["dimensions"])
    analysis.dyads = sorted(profiles.values(), key=lambda p: (-p["events"], p["pair"]))
