"""Who did it to whom: the source and target of an event read off the dependency parse.

The events stage finds a trigger and its frame; these functions find the actors a phrase stands for
(head, appositive, modifiers, partitives, coordinated phrases), the subject through verb chains, the
target in the frame's slots, and the fallbacks a frame may use when its slot names no actor: the place
acted upon, the proposer of a rejected call, the party a threat or a protest is aimed at, the one other
state of the sentence.
"""

from __future__ import annotations

from functools import lru_cache

from .. import kb as kbase
from ..model import Actor, Analysis
from .actor_index import Registry, titles
from .event_modality import REPORTING_VERBS

ADVERBIAL_PREPS = {"during", "after", "before", "since", "until", "following", "amid", "despite", "ahead",
                   "throughout", "like", "unlike"}


PARTITIVES = {"group", "groups", "delegation", "team", "number", "members", "member", "leaders", "leader",
              "representatives", "head", "heads", "chief", "officials", "some", "many", "most", "all", "part",
              "one", "two", "dozens", "scores", "hundreds", "thousands", "tens", "units", "unit", "contingent", "wing", "side",
              "millions", "dozen", "handful", "majority", "minority", "half", "third", "quarter", "batch", "patch",
              "band", "crowd", "crowds", "column", "convoy", "detachment", "battalion", "brigade", "squad", "wave",
              "opponents", "critics", "supporters", "followers", "loyalists"}


@lru_cache(maxsize=1)
def office_heads() -> frozenset[str]:
    """The last words of the titles table ("mayor", "minister"): an office "of X" is held in X."""
    return frozenset(title.split()[-1] for title in titles())


ACTOR_KINDS = {"country", "government", "person", "organization", "group"}
# the sectors of a state's own people: its government, forces, police, courts, parliament, services (None: the
# state itself)
STATE_SECTORS = {None, "GOV", "MIL", "COP", "JUD", "LEG", "SPY"}
DISSENT_SECTORS = {"OPP", "REB", "RAD"}  # a state's own opponents


LED_BY = {"led", "run", "commanded"}  # "Saudi-led forces" are Saudi forces ("Iranian-backed" ones are not Iran's)


def actors_at(analysis: Analysis, token, *, with_conjuncts: bool = True) -> list[Actor]:
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
            # ... or one of a modifier's own ("a Chinese coast guard ship": Chinese qualifies coast)
            for c in modifiers:  # (the list grows as it is walked: a compound's compounds in turn)
                if c.dep_ in {"compound", "nmod"}:  # ("the Hizbollah (Party of God) group": a gloss between)
                    modifiers += [g for g in c.lefts if g.dep_ in {"compound", "amod", "nmod"}]
                elif c.dep_ == "amod" and c.lower_ in LED_BY:  # "Saudi-led forces": the state that leads them
                    modifiers += [g for g in c.lefts if g.dep_ in {"npadvmod", "compound", "amod", "nmod"}]
            modifiers.sort(key=lambda c: c.pos_ == "PRON")
            actor = next((a for c in modifiers if (a := analysis.token_actor.get(c.i)) is not None), None)
        if actor is None and (head.lower_ in PARTITIVES or head.lemma_.lower() in office_heads()):
            # "a group of Moroccan diplomats", "leaders of Hamas", "the mayor of Nablus"
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ == "of":
                    for pobj in child.children:
                        if pobj.dep_ == "pobj":
                            out += [a for a in actors_at(analysis, pobj, with_conjuncts=with_conjuncts)
                                    if a not in out]
        pronoun = head.lower_ if head.lower_ in {"it", "they", "them"} else next(
            (c.lower_ for c in head.lefts if c.dep_ == "poss" and c.lower_ in {"its", "their"}), None)
        if actor is None and pronoun is not None:
            actor = _reporting_state(analysis, head, plural=pronoun in {"they", "them", "their"})
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _reporting_state(analysis: Analysis, token, *, plural: bool = False) -> Actor | None:
    """"Israel said a shell was fired at it", "Kenya said troops had shelled its posts": "it" in a reported
    clause is the state that reports, unless the clause's own subject is a state ("Kenya said Uganda would
    close its border": Uganda's). "Bosnian Serbs said their forces had completed their withdrawal": "their" is
    the reporting group's, unless the clause's own subject is an actor."""
    node = token
    for _ in range(8):
        if node.head.i == node.i:
            return None
        if node.dep_ == "ccomp" and node.head.lemma_.lower() in REPORTING_VERBS:
            own = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
            own_actor = analysis.token_actor.get(own.i) if own is not None and own.i != token.i else None
            if own_actor is not None and (plural or own_actor.kind in {"country", "government"}):
                return None
            speaker = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
            actor = analysis.token_actor.get(speaker.i) if speaker is not None else None
            kinds = {"group", "organization", "country", "government"} if plural else {"country", "government"}
            return actor if actor is not None and actor.kind in kinds else None
        node = node.head
    return None


ASPECTUAL = {"resume", "continue", "start", "begin", "stop", "keep", "halt", "cease", "intensify", "step"}


def subject_of(token):
    """The subject of a verb, climbing through xcomp/conj/advcl chains; (token, passive?)."""
    seen = 0
    # "Obama is scheduled to attend", "X was asked to attend": the passive subject does the xcomp; "was indicted
    # and will resign": a conjoined verb of its own form is active, whatever the first verb's voice
    raised = token.dep_ == "conj" and token.tag_ != "VBN"
    while token is not None and seen < 6:
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "csubj", "nsubjpass"}]
        if subjects:  # the one nearest the verb ("ANKARA, Aug. 13 — Turkey signed": Turkey)
            nearest = min(subjects, key=lambda c: abs(token.i - c.i))
            if nearest.lower_ in {"it", "they", "we"} and token.dep_ == "ccomp":
                # "Nigeria announced that it will withdraw": the pronoun is the reporting clause's subject
                outer, _ = subject_of(token.head)
                if outer is not None and outer.lower_ not in {"it", "they", "we"}:
                    return outer, nearest.dep_ == "nsubjpass"
            return nearest, nearest.dep_ == "nsubjpass" and not raised
        if token.dep_ in {"xcomp", "conj", "advcl", "acomp", "ccomp"} and token.head.i != token.i:
            raised = raised or token.dep_ == "xcomp"
            token = token.head
        elif token.dep_ == "dobj" and token.tag_ == "VBG" and token.head.lemma_.lower() in ASPECTUAL:
            token = token.head  # "resume shelling", "kept firing": the shelling is the subject's own
        elif (token.dep_ == "pcomp" and token.head.dep_ == "prep" and token.head.head.pos_ in {"VERB", "AUX"}
              and not any(c.dep_ in {"dobj", "dative"} for c in token.head.head.children)):
            # "resorted to shelling", "responded by closing the border": the subject's own act ("accused Kyiv
            # of shelling" is not the accuser's)
            token = token.head.head
        elif token.dep_ in {"relcl", "acl"}:
            # "the group, banned in Russia": a past participle's head is what was done to, not the doer
            # (unless the participle has an object: then the parser mistook an active verb for it)
            has_object = any(c.dep_ == "dobj" for v in (token, *token.conjuncts) for c in v.children)
            return token.head, token.dep_ == "acl" and token.tag_ == "VBN" and not has_object
        else:
            return None, False
        seen += 1
    return None, False


def agent_of(token):
    for child in token.children:
        if child.dep_ == "agent":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def prep_objects(token, preps: set[str]):
    for child in token.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    yield grandchild


def dobj(token):
    return next((c for c in token.children if c.dep_ in {"dobj", "attr", "oprd"}), None)


def names_a_target(frame, token, obj) -> bool:
    """Does the sentence name a target slot of the frame (an object or one of its prepositions) that did
    not resolve to an actor? Then the act has a target we could not read: abstain rather than drop it."""
    if obj is not None and {"obj", "obj@"} & set(frame.targets):
        return True
    preps = {c.lower_ for c in token.children if c.dep_ in {"prep", "dative"}}
    if obj is not None:
        preps |= {c.lower_ for c in obj.children if c.dep_ == "prep"}
    return bool(preps & {w.lstrip("<") for w in frame.targets})


def place_of(analysis: Analysis, noun) -> list[Actor]:
    """The state or place a thing is in ("struck the defence ministry in Damascus"), for a target."""
    return [a for child in noun.children if child.dep_ == "prep" and child.lower_ in {"in", "of", "at", "near"}
            for pobj in child.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]


LOCATIVE_PREPS = {"in", "at", "near", "inside", "outside", "around", "across", "throughout"}


COMPASS = {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "north-east",
           "north-west", "south-east", "south-west"}


def compass_places(analysis: Analysis, token) -> list[Actor]:
    """Places a word's compass modifiers name ("struck southwest of Mosul")."""
    return [a for c in token.children if c.lower_ in COMPASS for a in _places_of(analysis, c)]


def _places_of(analysis: Analysis, token) -> list[Actor]:
    return [a for g in prep_objects(token, {"of"}) for a in actors_at(analysis, g) if a.kind in {"location", "country"}]


def places_within(analysis: Analysis, head) -> list[Actor]:
    """Places named as "in/at/near X" in a noun phrase ("a strike on a compound in Doha"), following
    prepositions only: a clause inside the phrase ("the group, banned in Russia") says something else. "Near the
    town of Kirkuk" and "outside of Mosul" name their place through "of"."""
    out: list[Actor] = []
    for child in head.children:
        if child.lower_ in COMPASS:  # "a target southwest of Baghdad"
            out += _places_of(analysis, child)
            continue
        locative = child.lower_ in LOCATIVE_PREPS
        if child.dep_ != "prep" and not (locative and child.dep_ == "advmod"):  # "outside" parsed as an adverb
            continue
        pobjs = [c for c in child.children if c.dep_ == "pobj"]
        if locative and not pobjs:  # "outside of the Iraqi city"
            pobjs = list(prep_objects(child, {"of"}))
        for pobj in pobjs:
            if locative:
                # "the town of Samarra", "a residential district of Beirut"
                out += [a for a in actors_at(analysis, pobj) if a.kind in {"location", "country"}] or _places_of(
                    analysis, pobj)
            elif pobj.lower_ in COMPASS:  # "against a target, southwest of Baghdad"
                out += _places_of(analysis, pobj)
            out += places_within(analysis, pobj)
    return out


DOCUMENTS = {"report", "statement", "communique", "communiqué", "dossier", "document", "memorandum", "declaration"}
ISSUING = {"release", "issue", "publish", "present", "unveil", "make"}


def issued_in_capital(analysis: Analysis, noun) -> list[Actor]:
    """Who speaks through an unsigned document released in a state's capital ("a report released in the Rwandan
    capital", "a statement issued in Kigali"): that state's government. A document released elsewhere, or
    with its author named, says nothing of the kind."""
    if noun.lemma_.lower() not in DOCUMENTS:
        return []
    countries = kbase.load().countries
    for verb in (c for c in noun.children if c.dep_ == "acl" and c.lemma_.lower() in ISSUING):
        if any(c.dep_ == "agent" for c in verb.children):
            return []
        for place in prep_objects(verb, {"in"}):
            states = {a.country for a in actors_at(analysis, place) if a.country}
            if len(states) != 1:
                continue
            state = states.pop()
            if place.lemma_.lower() == "capital" or place.text == countries[state].capital:
                return [state_actor(analysis, state)]
    return []


PROPOSALS = {"call", "offer", "appeal", "invitation", "demand", "request", "proposal", "plan", "bid", "initiative",
             "ultimatum", "overture", "suggestion", "resolution", "warning", "accusation", "charge", "claim"}


def proposer(analysis: Analysis, noun) -> list[Actor]:
    """Who made the call, offer or plan that was rejected or welcomed: "calls by Belarus's rulers",
    "an offer from Afghanistan"."""
    if noun.lemma_.lower() not in PROPOSALS:
        return []
    return [a for child in noun.children if child.dep_ in {"prep", "agent"} and child.lower_ in {"from", "by"}
            for pobj in child.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]


def doer_of(analysis: Analysis, noun) -> list[Actor]:
    """Who is to do what a nominalised act names: "an admission by Moscow", "Moscow's admission", "the
    withdrawal of Russian troops"."""
    if noun.pos_ != "NOUN":
        return []
    found = [a for child in noun.children if child.dep_ in {"prep", "agent"} and child.lower_ in {"by", "of"}
             for pobj in child.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]
    found += [a for child in noun.children if child.dep_ == "poss" for a in actors_at(analysis, child)]
    found += [a for child in noun.children if child.dep_ == "acl"  # "crimes committed by Croat forces"
              for agent in child.children if agent.dep_ == "agent"
              for pobj in agent.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]
    if not found and (noun.lemma_.lower(), "NOUN") in kbase.verb_frames():
        # "two Israeli air raids", "the Syrian crackdown": a state qualifying an act is its doer
        found = [a for child in noun.lefts if child.dep_ in {"amod", "compound", "nmod"}
                 for a in actors_at(analysis, child, with_conjuncts=False) if a.kind in {"country", "government"}]
    return [a for a in dict.fromkeys(found) if a.kind in ACTOR_KINDS]


def partner_of(analysis: Analysis, noun) -> list[Actor]:
    """The other party of a relation named as the object ("boycott all contact with the United States",
    "sanctions against Iran", "prohibit all aid to Albanian rebels", "part of an aid programme for Bosnia")."""
    found = [a for child in noun.children if child.dep_ == "prep" and child.lower_ in PARTNER_PREPS
             for pobj in child.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]
    if not found:  # "half of a training aid scheme for Haiti": one "of" further
        found = [a for child in noun.children if child.dep_ == "prep" and child.lower_ == "of"
                 for pobj in child.children if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"
                 for grand in pobj.children if grand.dep_ == "prep" and grand.lower_ in PARTNER_PREPS
                 for g in grand.children if g.dep_ == "pobj" for a in actors_at(analysis, g)]
    return found


PARTNER_PREPS = {"with", "against", "to", "for", "on"}


def owner_before(analysis: Analysis, noun) -> list[Actor]:
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
                      for a in actors_at(analysis, c, with_conjuncts=False)]
            if not owners and any(c.lower_ in {"its", "their"} for c in t.lefts):  # "Egypt presented its plan"
                subj, _ = subject_of(governing_verb(t))
                owners = actors_at(analysis, subj) if subj is not None else []
            if owners:
                return owners
    return []


def threatened(analysis: Analysis, token, source: list[Actor]) -> list[Actor]:
    """Whom "threatened to <act>" threatens: the other party named inside the threatened act ("to cut off
    electricity to Nakhichevan", "to resume attacks in Israel") or in its condition ("unless Israel …")."""
    own = {a.country for a in source}
    for child in token.children:
        if child.dep_ not in {"xcomp", "advcl", "ccomp"}:
            continue
        # (at home, a state threatens its dissenters when they are acted upon: "police will no longer tolerate
        # rallies by Kifaya"; "warned that al-Shabaab would exploit the gap" threatens no one)
        doers = {t.i for c in child.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
        found = [a for t in child.subtree if (a := analysis.token_actor.get(t.i)) is not None
                 and a.kind in ACTOR_KINDS | {"location"} and a.country and (a.country not in own or (
                     a.sector in DISSENT_SECTORS and t.i not in doers and all(s.sector in STATE_SECTORS for s in source)))]
        if found:
            return list(dict.fromkeys(found))[:2]
    return []


def aimed_by_purpose(analysis: Analysis, token, obj, source: list[Actor]) -> list[Actor]:
    """The other party a protest's purpose names: "blocked a road to show their anger at Britain's sanctions"
    (the purpose clause hangs from the verb, or, as the parser often has it, from its object)."""
    own = {a.country for a in source}
    clauses = [c for c in token.children if c.dep_ in {"advcl", "xcomp"}]
    if obj is not None:
        clauses += [c for c in obj.children if c.dep_ in {"relcl", "acl"} and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
    for clause in clauses:
        found = [a for t in clause.subtree if (a := analysis.token_actor.get(t.i)) is not None
                 and a.kind in ACTOR_KINDS and a.country and a.country not in own]
        if found:
            return list(dict.fromkeys(found))[:2]
    return []


def protested(analysis: Analysis, token, source: list[Actor]) -> list[Actor]:
    """Whom a protest without a stated target is aimed at: the authorities of the place it happens in
    ("demonstrated in Serbia"), else those of the protesters' own state ("Egyptian students rallied")."""
    places = places_within(analysis, token.head if token.dep_ == "compound" else token)
    if token.pos_ == "NOUN":
        places += places_within(analysis, governing_verb(token))
    country = next((p.country for p in places if p.country), None)
    if country is None:
        country = next((a.country for a in source if a.country and a.sector not in {"GOV", None}), None)
    return [state_actor(analysis, country)] if country else []


def state_actor(analysis: Analysis, iso3: str, part: str = "government") -> Actor:
    """A state's government or civilians (`part`), the same actor the actors stage makes (added to the analysis
    if new)."""
    registry = Registry(analysis)
    registry.by_id = {a.id: a for a in analysis.actors}
    actor = getattr(registry, part)(iso3)
    if actor not in analysis.actors:
        analysis.actors.append(actor)
    return actor


def obliged_clause(token):
    """The reported clause of a speech verb that says someone must or should do something."""
    for child in token.children:
        if child.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in {"must", "should"} for a in child.children):
            return child
    return None


def _asks(clause) -> bool:
    """A subjunctive ("that Israel withdraw", "that control be handed over") or a modal clause, not a statement
    of what is or was ("that Ukraine was involved")."""
    auxes = [a for a in clause.children if a.dep_ in {"aux", "auxpass"}]
    if any(a.lower_ in {"should", "must", "shall", "would", "to"} or a.tag_ == "VB" for a in auxes):
        return True
    return clause.tag_ in {"VB", "VBP", "VBZ"} and not auxes  # (the parser takes some subjunctives for VBZ)


def clause_subject(analysis: Analysis, token) -> list[Actor]:
    """The subject of the clause a demand reports: "demanded that the US cancel" -> the US. A clause that
    states what was ("insists Ukraine was involved") is a claim, not a demand: only a subjunctive or a clause
    with "should", "must", "shall" or "would" asks for something."""
    clause = obliged_clause(token) or next((c for c in token.children if c.dep_ == "ccomp" and _asks(c)), None)
    if clause is None:
        return []
    subj = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return actors_at(analysis, subj) if subj is not None else []


def governing_verb(token):
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


def verb_beyond_adverbial(token):
    """The verb an adverbial phrase holding the event noun attaches to ("after talks with X, Merz said"):
    its subject did the talking; its negation and mood are not the noun's (see governing_verb)."""
    head = token.head
    if head.dep_ == "prep" and head.lower_ in ADVERBIAL_PREPS and head.head.pos_ in {"VERB", "AUX"}:
        return head.head
    return None


SUBORDINATE = {"advcl", "relcl", "acl", "ccomp", "csubj", "pcomp"}


TIME_MARKS = {"after", "before", "since", "until", "till", "when", "once", "as"}
# "an aid package to counter China", "help against Russia": the country aimed at is no recipient
ADVERSARY_VERBS = {"counter", "contain", "deter", "confront", "fight", "combat", "oppose", "resist", "punish"}


def aimed_at(token) -> bool:
    head = token.head
    # ... nor one that force is shown around ("drills around Taiwan", "patrols off Scarborough Shoal")
    return ((token.dep_ == "dobj" and head.lemma_.lower() in ADVERSARY_VERBS)
            or (token.dep_ == "pobj" and head.lower_ in {"against", "around", "near", "off"}))


def implied_target(analysis: Analysis, sent, source: list[Actor], trigger, *, cooperative: bool = False
                   ) -> tuple[list[Actor], int]:
    """The one other country of the trigger's sentence (or of the one before it in the paragraph), and
    where. A trigger in a clause about another event (a relative clause, or a time clause: "the visit came
    days after Biden signed an aid package") looks only in its own clause; a contrastive one ("…, while
    Oslo is prepared to send aid") shares its sentence's subject matter. A country a cooperative act
    is aimed against ("aid to counter China") is not its recipient; a hostile act's it is ("a war against Iraq")."""
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
            if actor is not None and actor.country and actor.country not in own \
                    and not (cooperative and aimed_at(token)):
                found.setdefault(actor.country, actor)
        if len(found) == 1:
            return list(found.values()), span[0].sent.start_char
    return [], sent.start_char


# people an act of force lands on without a name or a state ("killed two people", "arrested 12", "wounded
# several passengers")
HUMAN_NOUNS = {"person", "people", "persons", "man", "men", "woman", "women", "child", "children", "boy", "boys",
               "girl", "girls", "civilian", "civilians", "passenger", "passengers", "villager", "villagers",
               "resident", "residents", "worker", "workers", "student", "students", "protester", "protesters",
               "demonstrator", "demonstrators", "worshipper", "worshippers", "pilgrim", "pilgrims", "bystander",
               "bystanders", "family", "families", "teenager", "teenagers", "youth", "youths", "dozen", "dozens",
               "hundreds", "thousands", "scores", "others", "several", "many", "some"}


def unnamed_victims(analysis: Analysis, token, obj, source: list[Actor]) -> list[Actor]:
    """The people of a state that force without a named victim lands on: "police killed two people in
    Mombasa" are Kenya's civilians (CAMEO's KENCVL), by the place the sentence gives, else, for police, by
    the doer's own state."""
    if obj.i in analysis.token_actor or not (obj.lemma_.lower() in HUMAN_NOUNS or obj.like_num
                                             or (obj.pos_ == "NUM")):
        return []
    places = [p for p in places_within(analysis, token) + places_within(analysis, obj) if p.country]
    if not places:  # the town or region the sentence names ("blew themselves up in a Haifa market")
        places = [a for t in token.sent if (a := analysis.token_actor.get(t.i)) is not None
                  and a.kind == "location" and a.country]
    # a police force acts at home
    states = {p.country for p in places} or {a.country for a in source if a.country and a.sector == "COP"}
    if len(states) != 1:
        return []
    return [state_actor(analysis, states.pop(), "civilians")]
