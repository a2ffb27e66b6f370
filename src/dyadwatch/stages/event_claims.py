"""Accusations carried by claims: "Kenya said Ugandan troops had shelled its border posts" states the shelling
(as Kenya tells it) and an act of Kenya's own, blaming Uganda (CAMEO 112, PLOVER ACCUSE).

A claim about an act of force or coercion is an accusation of its doer when the claimant is not the doer and
either the verb itself blames ("claimed", "alleged", "charged"), or the claimant is the one the act struck, or
the claimant is a state's authorities speaking of another's act. A news outlet or agency reporting an act is
not accusing anyone; nor is an act denied, wished for or only possible.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from ..model import Actor, Analysis, Event
from .event_modality import REPORTING_VERBS
from .event_roles import ACTOR_KINDS, STATE_SECTORS, actors_at, governing_verb, subject_of

BLAMING_VERBS = {"claim", "allege", "charge", "accuse", "blame", "insist", "assert"}
CLAIMED_TYPES = {"ASSAULT", "COERCE"}
REPORTERS = {"MED"}  # news outlets and agencies report; they do not accuse
AGGRESSION = {"ASSAULT": "1123"}
UNNAMED_SPEAKERS = {"source", "report", "witness", "resident", "observer"}  # they tell, they do not blame


def _claiming_verb(token):
    """The reporting verb whose clause holds the act ("Kenya said that Ugandan troops attacked") and that clause's
    head."""
    node = token if token.pos_ in {"VERB", "AUX"} else governing_verb(token)
    for _ in range(4):
        if node.dep_ in {"conj", "xcomp"} and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING_VERBS | BLAMING_VERBS:
            return node.head, node
        break
    return None, None


def _is_state(actor: Actor) -> bool:
    return actor.kind in {"country", "government"} or (actor.sector is not None and actor.sector in STATE_SECTORS)


def _countries(actors: list[Actor]) -> set[str]:
    return {a.country for a in actors if a.country}


def accusations(analysis: Analysis, events: list[Event], codes, date_of: Callable) -> list[Event]:
    """The events with, after each act of force a claimant blames on its doer, the claimant's accusation
    (dated by `date_of(verb)`, the date of the claim)."""
    doc = analysis.doc
    out: list[Event] = []
    made: set[tuple] = set()  # (claim verb, claimants, accused): "claimed X had attacked Y and taken Z" is one
    for event in events:
        out.append(event)
        if event.type not in CLAIMED_TYPES or event.status != "asserted" or event.trigger is None:
            continue
        span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
        verb, clause = _claiming_verb(span.root) if span is not None else (None, None)
        if verb is None or any(c.dep_ == "neg" for c in verb.children):
            continue
        subj, passive = subject_of(verb)
        if subj is None or passive or subj.lemma_.lower() in UNNAMED_SPEAKERS:
            continue
        claimants = [a for a in actors_at(analysis, subj) if a.kind in ACTOR_KINDS and a not in event.source
                     and a.sector not in REPORTERS]
        accused = list(event.source)  # (no claimant is among them)
        if not claimants or not accused:
            continue
        if _countries(accused) <= _countries(claimants) and all(map(_is_state, claimants + accused)):
            continue  # a state speaking of its own forces' act
        struck = bool(_countries(claimants) & _countries(event.target))
        # a state's word on another's act is a charge when the act is what it reports ("said Uganda shelled"),
        # not a noun of the background ("said Europe faced a test because of Russia's war"), and when it speaks
        # first: an attribution after the fact ("troops took the town, Thai police said") tells where the news
        # came from, not who blames
        charged = all(map(_is_state, claimants)) and span.root.pos_ in {"VERB", "AUX"} and clause.i > verb.i
        if not (verb.lemma_.lower() in BLAMING_VERBS or struck or charged):
            continue
        if any(e.type == "ACCUSE" and set(map(id, e.source)) == set(map(id, claimants))
               and e.evidence.start == event.evidence.start for e in events):
            continue  # the sentence codes the accusation itself ("accused Uganda of shelling")
        key = (verb.i, frozenset(map(id, claimants)), frozenset(map(id, accused)))
        if key in made:
            continue
        made.add(key)
        code = codes[AGGRESSION.get(event.type, "112")]
        out.append(replace(
            event, type=code.plover, mode=code.mode, context=code.context.split("|")[0] if code.context else None,
            cameo=code.code, score=code.goldstein, quad_class=code.quad_class, source=claimants, target=accused,
            trigger=analysis.span(verb.idx, verb.idx + len(verb.text)), reciprocal=False, act=None,
            act_cameo=None, confidence=min(event.confidence, 0.7), date=date_of(verb) or event.date))
    return out
