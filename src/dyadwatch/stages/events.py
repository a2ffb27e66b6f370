"""Events: who did what to whom, read from the dependency parse against the predicate lexicon (verbs.tsv).

A trigger (verb or event noun) with a frame in the lexicon makes an event only when its source and its
target resolve to actors of the same sentence (or, for material acts with an implied recipient, of the
sentence before it in the paragraph, at lower confidence). No frame, no actors: no event.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import config
from .. import kb as kbase
from ..model import Actor, Analysis, Event
from ..pipeline import stage

INTENT_HEADS = {"prepare", "prepared", "plan", "intend", "promise", "pledge", "offer", "seek", "want", "hope",
                "aim", "expect", "ready", "willing", "set", "vow", "propose", "consider", "agree", "decide",
                "try", "attempt", "threaten", "going"}
MUST_FRAME = kbase.Frame("say", "VERB", frozenset(), (), "100", None)
REPORTING_VERBS = {"say", "tell", "announce", "state", "confirm", "report", "add", "indicate", "declare",
                   "insist", "write", "note", "explain", "predict", "reiterate", "stress", "remind"}
HYPOTHETICAL_AUX = {"could", "might", "may", "would"}
INTENT_AUX = {"will", "shall"}
ADVERBIAL_PREPS = {"during", "after", "before", "since", "until", "following", "amid", "despite", "ahead",
                   "throughout", "like", "unlike"}
RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "ASSAULT"}
IMPLIED_TARGET_TYPES = {"AID", "COOPERATE", "SUPPORT", "MOBILIZE", "CONSULT"}
# Acts that often have no one acted upon ("agreed to resign", "surrendered", "mobilised reservists").
UNDIRECTED_TYPES = {"AGREE", "RETREAT", "CONCEDE", "MOBILIZE", "REJECT"}
PARTITIVES = {"group", "groups", "delegation", "team", "number", "members", "member", "leaders", "leader",
              "representatives", "head", "heads", "chief", "officials", "some", "many", "most", "all", "part",
              "one", "two", "dozens", "scores", "hundreds", "thousands", "tens", "units", "unit", "contingent", "wing", "side"}
# Verbs whose subject performs the event noun they govern ("held talks", "imposed sanctions", "launched a
# strike", "has been in talks"); any other governor ("condemned the attack") says something about an act
# by someone else.
SUPPORT_VERBS = {"hold", "have", "be", "carry", "conduct", "launch", "stage", "make", "give", "pay", "sign",
                 "impose", "provide", "offer", "pledge", "promise", "announce", "begin", "start", "continue",
                 "resume", "step", "order", "approve", "agree", "extend", "grant", "deliver", "send", "open",
                 "mount", "undertake", "complete", "finalize", "finalise", "conclude", "reach", "seal", "ink",
                 "propose", "seek", "request", "lodge", "file", "issue", "deploy", "intensify", "escalate",
                 "expand", "increase", "broker", "host", "restart", "renew", "restore", "establish", "join",
                 "enter", "plan", "prepare", "want", "need", "vow", "threaten", "allocate", "earmark", "commit",
                 "keep", "maintain", "end", "halt", "suspend", "lift", "ease", "tighten", "unveil", "accept",
                 "finance", "fund", "initial", "adopt", "raise", "apply", "run", "invest", "perform", "trigger",
                 "attend", "negotiate", "reaffirm", "authorize", "authorise", "introduce", "levy", "slap",
                 "implement", "enforce", "double", "triple", "lower", "cut", "reduce", "endorse", "ratify",
                 "return", "travel", "go", "come", "fly", "arrive", "head", "gather", "convene", "meet"}
# Verbs that also introduce a statement ("admitted that …"); with a clause and no object they are speech.
SAYING_SENSE = {"concede", "admit", "acknowledge", "accept", "recognize", "recognise", "grant", "deny"}
PROMISE_VERBS = {"pledge", "promise", "offer", "propose", "announce", "plan", "vow"}
FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}
ACTOR_KINDS = {"country", "government", "person", "organization", "group"}


@lru_cache(maxsize=1)
def dimension_keywords() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for row in kbase.read_table("dimensions.tsv")[1]:
        words = sorted(kbase.split(row["keywords"]), key=len, reverse=True)
        out.append((row["dimension"], re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)))
    return out


def dimensions_of(text: str) -> list[str]:
    return [name for name, pattern in dimension_keywords() if pattern.search(text)]


def _actors_at(analysis: Analysis, token, *, with_conjuncts: bool = True) -> list[Actor]:
    """Actors a noun phrase stands for: the head itself, else its modifiers; plus coordinated phrases."""
    out: list[Actor] = []
    heads = [token, *token.conjuncts] if with_conjuncts else [token]
    for head in heads:
        several = analysis.token_actors.get(head.i)
        if several:
            out += [a for a in several if a not in out]
            continue
        actor = analysis.token_actor.get(head.i)
        if actor is None:  # an appositive names the head itself ("his predecessor, Olaf Scholz")
            actor = next((a for c in head.children if c.dep_ == "appos"
                          and (a := analysis.token_actor.get(c.i)) is not None), None)
        if actor is None:  # else a modifier; a possessive pronoun last ("his Ukrainian counterpart")
            modifiers = [c for c in head.lefts if c.dep_ in {"compound", "amod", "poss", "nmod"}]
            modifiers.sort(key=lambda c: c.pos_ == "PRON")
            actor = next((a for c in modifiers if (a := analysis.token_actor.get(c.i)) is not None), None)
        if actor is None and head.lower_ in PARTITIVES:  # "a group of Moroccan diplomats", "leaders of Hamas"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out += [a for a in _actors_at(analysis, pobj, with_conjuncts=with_conjuncts)
                                    if a not in out]
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _subject(token):
    """The subject of a verb, climbing through xcomp/conj/advcl chains; (token, passive?)."""
    seen = 0
    while token is not None and seen < 6:
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj", "nsubjpass"}]
        if subjects:  # the one nearest the verb ("ANKARA, Aug. 13 — Turkey signed": Turkey)
            nearest = min(subjects, key=lambda c: abs(token.i - c.i))
            if nearest.lower_ in {"it", "they", "we"} and token.dep_ == "ccomp":
                # "Nigeria announced that it will withdraw": the pronoun is the reporting clause's subject
                outer, _ = _subject(token.head)
                if outer is not None and outer.lower_ not in {"it", "they", "we"}:
                    return outer, nearest.dep_ == "nsubjpass"
            return nearest, nearest.dep_ == "nsubjpass"
        if token.dep_ in {"xcomp", "conj", "advcl", "acomp", "ccomp"} and token.head.i != token.i:
            token = token.head
        elif token.dep_ in {"relcl", "acl"}:
            # "the group, banned in Russia": a past participle's head is what was done to, not the doer
            # (unless the participle has an object: then the parser mistook an active verb for it)
            has_object = any(c.dep_ == "dobj" for v in (token, *token.conjuncts) for c in v.children)
            return token.head, token.dep_ == "acl" and token.tag_ == "VBN" and not has_object
        else:
            return None, False
        seen += 1
    return None, False


def _agent(token):
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def _prep_objects(token, preps: set[str]):
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild


def _dobj(token):
    return next((c for c in token.children if c.dep_ in {"dobj", "attr", "oprd"}), None)


def _without_bare_agreements(analysis: Analysis, events: list[Event]) -> list[Event]:
    """"Agreed to resign", "threatened to break off relations": when the promised or threatened act is
    itself an event, the bare "agreed" (030) or "threatened" (130) is the same event said twice; keep the
    act (coded as an intent or a threat)."""
    by_trigger = {e.trigger.start: e for e in events if e.trigger}
    doc = analysis.doc
    drop = set()
    for e in events:
        if e.cameo not in {"03", "030", "13", "130"} or not e.trigger:
            continue
        token = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")[0]
        if any(c.dep_ == "xcomp" and any(t.idx in by_trigger for t in c.subtree) for c in token.children):
            drop.add(e.id)
    kept = [e for e in events if e.id not in drop]
    for n, e in enumerate(kept, 1):
        e.id = f"{analysis.document.id}-e{n}"
    return kept


def _names_a_target(frame, token, obj) -> bool:
    """Does the sentence name a target slot of the frame (an object or one of its prepositions) that did
    not resolve to an actor? Then the act has a target we could not read: abstain rather than drop it."""
    if obj is not None and "obj" in frame.targets:
        return True
    preps = {c.lower_ for c in token.children if c.dep_ in {"prep", "dative"}}
    if obj is not None:
        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
    return bool(preps & set(frame.targets))


def _place_of(analysis: Analysis, noun) -> list[Actor]:
    """The state or place a thing is in ("struck the defence ministry in Damascus"), for a target."""
    return [a for child in noun.children if child.dep_ == "prep" and child.lower_ in {"in", "of", "at", "near"}
            for pobj in child.children if pobj.dep_ == "pobj" for a in _actors_at(analysis, pobj)]


def _places_within(analysis: Analysis, head) -> list[Actor]:
    """Places named as "in/at/near X" in a noun phrase ("a strike on a compound in Doha"), following
    prepositions only: a clause inside the phrase ("the group, banned in Russia") says something else."""
    out: list[Actor] = []
    for child in head.children:
        if child.dep_ != "prep":
            continue
        for pobj in child.children:
            if pobj.dep_ != "pobj":
                continue
            if child.lower_ in {"in", "at", "near", "inside"}:
                out += [a for a in _actors_at(analysis, pobj) if a.kind in {"location", "country"}]
            out += _places_within(analysis, pobj)
    return out


PROPOSALS = {"call", "offer", "appeal", "invitation", "demand", "request", "proposal", "plan", "bid", "initiative",
             "ultimatum", "overture", "suggestion", "resolution", "warning", "accusation", "charge", "claim"}


def _proposer(analysis: Analysis, noun) -> list[Actor]:
    """Who made the call, offer or plan that was rejected or welcomed: "calls by Belarus's rulers",
    "an offer from Afghanistan"."""
    if noun.lemma_.lower() not in PROPOSALS:
        return []
    return [a for child in noun.children if child.dep_ in {"prep", "agent"} and child.lower_ in {"from", "by"}
            for pobj in child.children if pobj.dep_ == "pobj" for a in _actors_at(analysis, pobj)]


def _partner_of(analysis: Analysis, noun) -> list[Actor]:
    """The other party of a relation named as the object ("boycott all contact with the United States",
    "sanctions against Iran")."""
    return [a for child in noun.children if child.dep_ == "prep" and child.lower_ in {"with", "against"}
            for pobj in child.children if pobj.dep_ == "pobj" for a in _actors_at(analysis, pobj)]


def _owner_before(analysis: Analysis, noun) -> list[Actor]:
    """Whose "the plan" is: the actor that qualified the same noun earlier ("Egypt's plan", "the Egyptian
    plan"), within the three sentences before."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return []
    doc = analysis.doc
    first_sent = doc[noun.sent.start].sent
    for _ in range(3):
        if first_sent.start == 0:
            break
        first_sent = doc[first_sent.start - 1].sent
    for t in reversed(doc[first_sent.start:noun.i]):
        if t.lemma_ == noun.lemma_ and t.pos_ == "NOUN":
            owners = [a for c in t.lefts if c.dep_ in {"poss", "amod", "compound", "nmod"}
                      for a in _actors_at(analysis, c, with_conjuncts=False)]
            if not owners and any(c.lower_ in {"its", "their"} for c in t.lefts):  # "Egypt presented its plan"
                subj, _ = _subject(_governing_verb(t))
                owners = _actors_at(analysis, subj) if subj is not None else []
            if owners:
                return owners
    return []


def _threatened(analysis: Analysis, token, source: list[Actor]) -> list[Actor]:
    """Whom "threatened to <act>" threatens: the other party named inside the threatened act ("to cut off
    electricity to Nakhichevan", "to resume attacks in Israel") or in its condition ("unless Israel …")."""
    own = {a.country for a in source}
    for child in token.children:
        if child.dep_ not in {"xcomp", "advcl", "ccomp"}:
            continue
        found = [a for t in child.subtree if (a := analysis.token_actor.get(t.i)) is not None
                 and a.kind in ACTOR_KINDS | {"location"} and a.country and a.country not in own]
        if found:
            return list(dict.fromkeys(found))[:2]
    return []


def _protested(analysis: Analysis, token, source: list[Actor]) -> list[Actor]:
    """Whom a protest without a stated target is aimed at: the authorities of the place it happens in
    ("demonstrated in Serbia"), else those of the protesters' own state ("Egyptian students rallied")."""
    places = _places_within(analysis, token.head if token.dep_ == "compound" else token)
    if token.pos_ == "NOUN":
        places += _places_within(analysis, _governing_verb(token))
    country = next((p.country for p in places if p.country), None)
    if country is None:
        country = next((a.country for a in source if a.country and a.sector not in {"GOV", None}), None)
    return [_government_actor(analysis, country)] if country else []


def _government_actor(analysis: Analysis, iso3: str) -> Actor:
    """The government actor of a state, shared with the actors stage's (same id)."""
    for actor in analysis.actors:
        if actor.id == f"{iso3}GOV":
            return actor
    name = kbase.load().countries[iso3].name
    actor = Actor(id=f"{iso3}GOV", name=f"Government of {name}", kind="government", country=iso3, sector="GOV")
    analysis.actors.append(actor)
    return actor


def _frame_for(token):
    """The first lexicon frame whose object condition the trigger satisfies."""
    frames_table = kbase.verb_frames()
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
    if pos is None:
        return None, None
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    keys = ([(f"{lemma} {particle}", pos)] if particle else []) + [(lemma, pos)]
    if pos == "NOUN":  # compound event nouns first: "hunger strike" is not "strike", "general strike" neither
        keys = [(f"{c.lemma_.lower()} {lemma}", pos) for c in token.lefts if c.dep_ in {"compound", "amod"}] + keys
    obj = _dobj(token) if pos == "VERB" else None
    obj_lemmas = {t.lemma_.lower() for t in ([obj, *obj.conjuncts] if obj is not None else [])}
    for key in keys:
        for frame in frames_table.get(key, []):
            if not frame.objects or frame.objects & obj_lemmas:
                return frame, obj
    if pos == "VERB" and lemma in REPORTING_VERBS and _obliged_clause(token) is not None:
        return MUST_FRAME, None  # "Russia said that Sudan must return the helicopter": a demand
    return None, None


def _obliged_clause(token):
    """The reported clause of a speech verb that says someone must or should do something."""
    for child in token.children:
        if child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in {"must", "should"} for a in child.children):
            return child
    return None


def _clause_subject(analysis: Analysis, token) -> list[Actor]:
    """The subject of the clause a demand reports: "demanded that the US cancel" -> the US."""
    clause = _obliged_clause(token) or next((c for c in token.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return []
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return _actors_at(analysis, subj) if subj is not None else []


def _governing_verb(token):
    """The verb an event noun depends on ("will provide ... loans" -> provide), else the noun itself."""
    governor = token
    for _ in range(4):
        if governor.head.i == governor.i:
            break
        governor = governor.head
        if governor.dep_ == "prep" and governor.lower_ in ADVERBIAL_PREPS:
            break  # "during his visit, X did not ...": the visit is not what the verb says
        if governor.pos_ in {"VERB", "AUX"}:
            return governor
    return token


def _verb_beyond_adverbial(token):
    """The verb an adverbial phrase holding the event noun attaches to ("after talks with X, Merz said"):
    its subject did the talking; its negation and mood are not the noun's (see _governing_verb)."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ in ADVERBIAL_PREPS and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


def _status(token, doc) -> str:
    if any(c.dep_ == "neg" for c in token.children) or any(c.dep_ == "neg" for c in token.head.children
                                                             if token.dep_ in {"xcomp"}):
        return "negated"
    window = doc[max(token.sent.start, token.i - 4):token.i].text.lower()
    if re.search(r"\b(no longer|never|not)\b", window) and token.pos_ == "VERB":
        return "negated"
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    head = token.head
    if token.dep_ in {"xcomp", "acomp"} and (head.lemma_.lower() in INTENT_HEADS or head.lower_ in INTENT_HEADS):
        return "intended"
    if token.dep_ == "pcomp" or (token.dep_ == "xcomp" and head.dep_ == "acomp" and head.lower_ in INTENT_HEADS):
        return "intended"
    if token.dep_ in {"acl", "relcl"} and token.tag_ == "VB" and head.pos_ == "NOUN":
        return "intended"  # "talks to deploy forces", "a plan to build": what the talks or the plan are for
    if token.dep_ == "advcl" and token.tag_ == "VB" and "to" in aux:
        return "intended"  # "in talks with Moscow to deploy forces": a purpose, not a deed
    if aux & INTENT_AUX:
        return "intended"
    conditional = any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children) or any(
        c.dep_ == "advcl" and any(m.lower_ in {"if", "unless"} for m in c.children if m.dep_ == "mark")
        for c in token.children)
    if "would" in aux and not conditional and token.dep_ == "ccomp" and token.head.lemma_ in REPORTING_VERBS:
        return "intended"  # "said that a team would meet": the reported "will" of a plan, not a condition
    if aux & HYPOTHETICAL_AUX or any(c.dep_ == "mark" and c.lower_ in {"if", "unless"} for c in token.children):
        return "hypothetical"
    return "asserted"


def _names_a_noun(doc, date, trigger) -> bool:
    """A date that qualifies another noun ("Biden's rival in the November vote") dates that noun, not the act."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and root.dep_ in {"compound", "nmod", "amod"} and root.head.pos_ == "NOUN" \
        and root.head.i != trigger.i


def _date_for(analysis: Analysis, sent, trigger=None) -> tuple[str | None, bool]:
    """The value of the sentence's date expression that belongs to the trigger (attached to it in the
    parse, else the nearest), else the publication date."""
    doc = analysis.doc
    in_sent = [d for d in analysis.dates if sent.start_char <= d.start < sent.end_char and d.value
               and not (trigger is not None and _names_a_noun(doc, d, trigger))]
    if not in_sent:
        return analysis.document.published, False
    if trigger is None or len(in_sent) == 1:
        return in_sent[0].value, True

    def attached(d) -> bool:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        token = span.root if span is not None else None
        for _ in range(4):
            if token is None or token.head.i == token.i:
                return False
            token = token.head
            if token.i == trigger.i:
                return True
        return False

    own = [d for d in in_sent if attached(d)]
    best = min(own or in_sent, key=lambda d: abs(d.start - trigger.idx))
    return best.value, True


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "csubj", "pcomp"}
TIME_MARKS = {"after", "before", "since", "until", "till", "when", "once", "as"}


def _implied_target(analysis: Analysis, sent, source: list[Actor], trigger) -> tuple[list[Actor], int]:
    """The one other country of the trigger's sentence (or of the one before it in the paragraph), and
    where. A trigger in a clause about another event (a relative clause, or a time clause: "the visit came
    days after Biden signed an aid package") looks only in its own clause; a contrastive one ("…, while
    the Kremlin is prepared to deliver aid") shares its sentence's subject matter."""
    doc = analysis.doc
    own = {a.country for a in source}
    clause = trigger
    while clause.dep_ not in SUBORDINATE and clause.head.i != clause.i:
        clause = clause.head
    temporal = clause.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in TIME_MARKS for m in clause.children)
    if clause.dep_ in {"relcl", "acl", "pcomp"} or temporal:  # a clause about another event
        candidates = [list(clause.subtree)]
    else:
        candidates = [sent]
        prev_end = sent.start - 1
        if prev_end > 0 and "\n" not in doc[prev_end].sent.text and "\n" not in doc[prev_end:sent.start].text_with_ws:
            candidates.append(doc[prev_end].sent)
    for span in candidates:
        found: dict[str, Actor] = {}
        for token in span:
            actor = analysis.token_actor.get(token.i)
            if actor is not None and actor.country and actor.country not in own:
                found.setdefault(actor.country, actor)
        if len(found) == 1:
            return list(found.values()), span[0].sent.start_char
    return [], sent.start_char


# CAMEO codes a promised cooperative act as an expression of intent (03x, PLOVER AGREE) and a threatened
# hostile act as a threat (13x, PLOVER THREATEN); the act itself is kept as the event's `act`.
INTENT_CODES = {"AID": "033", "SUPPORT": "032", "COOPERATE": "031", "CONSULT": "036", "CONCEDE": "034",
                "RETREAT": "035"}
INTENT_BY_CONTEXT = {("AID", "economic"): "0331", ("AID", "military"): "0332", ("AID", "humanitarian"): "0333",
                     ("AID", "peacekeeping"): "0334", ("COOPERATE", "economic"): "0311",
                     ("COOPERATE", "military"): "0312", ("COOPERATE", "intelligence"): "0314"}
THREAT_CODES = {"SANCTION": "1312", "ASSAULT": "138", "MOBILIZE": "138", "COERCE": "137", "PROTEST": "133",
                "REJECT": "130", "ACCUSE": "130", "REQUEST": "130"}
THREAT_BY_CAMEO = {"161": "1313", "162": "1311", "163": "1312", "164": "134", "165": "135", "166": "136",
                   "172": "132", "173": "137", "175": "137", "15": "138", "18": "138", "19": "138", "20": "1383",
                   "087": "136"}  # CAMEO's own threat codes for the acts threatened (longest prefix wins)
THREAT_HEADS = {"threaten", "warn", "vow"}


def _modal_code(code, status: str, governor, codes) -> tuple:
    """(code, act, status) with promised cooperation as intent (03x) and threatened hostility as a threat (13x)."""
    def marks(words: set[str]) -> bool:
        return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in words for m in c.children)
                   for c in governor.children)

    if code.plover == "THREATEN" or status not in {"intended", "hypothetical"}:
        return code, None, status
    head = governor.head if governor.dep_ in {"xcomp", "ccomp"} else None
    threatened = head is not None and head.lemma_.lower() in THREAT_HEADS
    # An announced intention to harm is a threat (CAMEO 13), as an intention to cooperate is CAMEO 03.
    announced = status == "intended" and code.plover != "MOBILIZE"  # a deployment may be asked for, not feared
    if marks({"unless"}) or (code.quad_class in (3, 4) and (threatened or marks({"if"}) or announced)):
        prefix = next((p for p in sorted(THREAT_BY_CAMEO, key=len, reverse=True) if code.code.startswith(p)), None)
        threat = codes.get(THREAT_BY_CAMEO[prefix] if prefix else THREAT_CODES.get(code.plover, "130"))
        if threat is not None:
            return threat, code.plover, "asserted"
    if code.quad_class in (1, 2) and status == "intended" and code.plover in INTENT_CODES \
            and not code.code.startswith("03"):
        intent = INTENT_BY_CONTEXT.get((code.plover, code.context)) or INTENT_CODES[code.plover]
        return codes[intent], code.plover, status
    return code, None, status


TRACE: list[tuple[str, str, str]] | None = None  # set to a list to collect why triggers made no event


def _abstain(token, frame, reason: str) -> None:
    if TRACE is not None:
        TRACE.append((token.sent.text, f"{frame.lemma}/{frame.cameo}", reason))


@stage("events", requires=("doc", "actors", "dates"), assigns=("events",))
def find_events(analysis: Analysis) -> None:
    doc = analysis.doc
    codes = kbase.cameo_codes()
    floor = config.get("events", "min_confidence")
    events: list[Event] = []
    consumed: set[int] = set()  # event nouns already read as the object of a coded verb
    for token in doc:
        if token.i in consumed:
            continue
        frame, obj = _frame_for(token)
        if frame is None:
            continue
        if token.lemma_.lower() in SAYING_SENSE and obj is None and any(c.dep_ == "ccomp" for c in token.children):
            continue  # "conceding there was no consensus": a statement, not a concession
        if obj is not None and frame.objects:
            consumed.update(t.i for t in (obj, *obj.conjuncts))
        code = codes.get(frame.cameo)
        if code is None or not code.plover:
            continue
        if frame.pos == "NOUN" and token.dep_ == "compound" and code.plover in FORCE_TYPES:
            continue  # "war games", "attack helicopters": force named as a modifier is not an act of force
        sent = token.sent
        confidence = 0.85
        passive = False
        if frame.pos == "VERB":
            subj, passive = _subject(token)
            if passive:
                agent = _agent(token)
                source = _actors_at(analysis, agent) if agent is not None else []
            else:
                source = _actors_at(analysis, subj) if subj is not None else []
        else:
            source = []
            for child in token.lefts:
                if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                    source = _actors_at(analysis, child)
                    if source:
                        break
            if not source:
                # "held talks with", "has been in talks with", "restarted the allocation of scholarships":
                # the subject of the verb that governs the event noun.
                governor = _governing_verb(token)
                if governor is token:
                    governor = _verb_beyond_adverbial(token)
                elif governor.lemma_.lower() not in SUPPORT_VERBS:
                    governor = None  # "condemned the attack on X": the condemner did not attack
                if governor is not None and governor is not token:
                    subj, _ = _subject(governor)
                    source = _actors_at(analysis, subj) if subj is not None else []
        target: list[Actor] = []
        for where in frame.targets:
            if where == "obj":
                if passive:
                    subj, _ = _subject(token)
                    target += _actors_at(analysis, subj) if subj is not None else []
                elif obj is not None and not frame.objects:
                    target += (_actors_at(analysis, obj) or _place_of(analysis, obj) or _proposer(analysis, obj)
                               or _partner_of(analysis, obj) or _owner_before(analysis, obj))
                elif obj is not None:  # "expelled two Russian diplomats": the object's own country
                    target += [a for a in _actors_at(analysis, obj) if a.kind != "location"]
            elif where == "iobj":
                target += [a for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"
                           for a in _actors_at(analysis, c)]
            else:
                for pobj in _prep_objects(token, {where}):
                    target += _actors_at(analysis, pobj)
                if obj is not None:
                    for pobj in _prep_objects(obj, {where}):
                        target += _actors_at(analysis, pobj)
        if code.plover in FORCE_TYPES:
            # "air strikes in Lebanon", "struck a Hamas compound in Doha": where force lands is hit too
            places = _places_within(analysis, obj if obj is not None else token)
            target += [p for p in places if p.country and p.country not in {a.country for a in target}]
        if code.plover == "MOBILIZE" and obj is not None:
            # "talks to deploy Russian forces": forces of another state are that state's deployment,
            # in the country that asked for them
            foreign = [a for a in _actors_at(analysis, obj) if a.sector == "MIL" and a.country
                       and a.country not in {s.country for s in source}]
            if foreign:
                source, target = foreign, target or [a for a in source if a.country]
        source = [a for a in source if a.kind in ACTOR_KINDS]
        target = [a for a in dict.fromkeys(target) if a.kind in ACTOR_KINDS | {"location"}]
        if not source:
            _abstain(token, frame, "no source actor")
            continue
        evidence_start = sent.start_char
        reciprocal = False
        if not target and code.plover in RECIPROCAL_TYPES and len({a.country for a in source}) > 1:
            target, reciprocal = list(source), True  # "Brazil and Argentina agreed": one event, both sides
        if not target and code.plover == "THREATEN" and frame.cameo.startswith("13"):
            target = _threatened(analysis, token, source)
        if not target and code.plover == "REQUEST":
            own = {a.country for a in source}  # "Zelensky said Ukraine must get guarantees" demands nothing of another
            target = [a for a in _clause_subject(analysis, token) if a not in source and a.country not in own]
        if not target and code.plover in {"CONCEDE", "RETREAT", "COERCE"}:
            # "lifted the curfew in Montenegro", "imposed martial law in Darfur": the place acted upon
            target = [p for p in _places_within(analysis, token) + (_places_within(analysis, obj) if obj is not None
                                                                     else []) if p.country]
        if not target and code.plover == "PROTEST":
            target = _protested(analysis, token, source)
        if not target and code.plover in IMPLIED_TARGET_TYPES:
            target, evidence_start = _implied_target(analysis, sent, source, token)
            confidence = 0.5
        if not target and (code.plover not in UNDIRECTED_TYPES or _names_a_target(frame, token, obj)):
            _abstain(token, frame, "no target actor")
            continue
        if not target:
            confidence = min(confidence, 0.6)  # "Akayev agreed to resign": an act with no one acted upon
        src_countries = {a.country for a in source}
        if not reciprocal and {a.country for a in target} <= src_countries and all(a.kind in {"country", "government"}
                                                                                   for a in source + target):
            _abstain(token, frame, "a state acting on itself")
            continue  # a state acting on itself is not a dyadic event
        if any(token.lower_ in {"he", "she", "his", "her"} for token in sent if analysis.token_actor.get(token.i) in source):
            confidence -= 0.1
        if confidence < floor:
            continue
        governor = token if frame.pos == "VERB" else _governing_verb(token)
        date, own_date = _date_for(analysis, sent, governor)
        status = _status(governor, doc)
        if frame.pos == "NOUN" and status == "asserted" and governor.lemma_.lower() in PROMISE_VERBS:
            status = "intended"  # "pledged $600 billion of investment": the investment is promised
        code, act, status = _modal_code(code, status, governor, codes)
        if own_date and date and analysis.document.published and date[:4] < str(int(analysis.document.published[:4]) - 1):
            status = "historical" if status == "asserted" else status
        location = next((a.name for t in token.subtree if (a := analysis.token_actor.get(t.i)) is not None
                         and a.kind == "location"), None)
        scope = obj if obj is not None else token
        phrase = " ".join(t.text for t in scope.subtree)
        context = frame.context or code.context or next(iter(dimensions_of(phrase)), None)
        if context and "|" in context:
            context = context.split("|")[0]
        text_end = sent.end_char
        while text_end > evidence_start and analysis.document.text[text_end - 1].isspace():
            text_end -= 1
        events.append(Event(
            id=f"{analysis.document.id}-e{len(events) + 1}", type=code.plover, mode=code.mode, context=context,
            cameo=code.code, score=code.goldstein, quad_class=code.quad_class, source=source, target=target,
            date=date, location=location, status=status, confidence=confidence,
            evidence=analysis.span(evidence_start, text_end),
            trigger=analysis.span(token.idx, token.idx + len(token.text)), reciprocal=reciprocal, act=act))
    analysis.events = _without_bare_agreements(analysis, events)
