"""Events: who did what to whom, read from the dependency parse against the predicate lexicon (verbs.tsv).

A trigger (verb or event noun) with a frame in the lexicon makes an event only when its source and its
target resolve to actors of the same sentence (or, for material acts with an implied recipient, of the
sentence before it in the paragraph, at lower confidence). No frame, no actors: no event.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .. import config
from .. import kb as kbase
from ..model import Actor, Analysis, Event
from ..pipeline import stage
from .event_claims import accusations
from .event_modality import (
    REFUSAL_NOUNS,
    REPORTING_VERBS,
    THREAT_HEADS,
    ceased_code,
    event_status,
    modal_code,
    refusal_code,
)
from .event_roles import (
    ACTOR_KINDS,
    PROPOSALS,
    STATE_SECTORS,
    actors_at,
    agent_of,
    aimed_by_purpose,
    clause_subject,
    compass_places,
    dobj,
    doer_of,
    governing_verb,
    implied_target,
    issued_in_capital,
    names_a_target,
    obliged_clause,
    office_heads,
    owner_before,
    partner_of,
    place_of,
    places_within,
    prep_objects,
    proposer,
    protested,
    state_actor,
    subject_of,
    threatened,
    unnamed_victims,
    verb_beyond_adverbial,
)

MUST_FRAME = kbase.Frame("say", "VERB", frozenset(), (), "100", None)


RECIPROCAL_TYPES = {"AGREE", "CONSULT", "COOPERATE", "SUPPORT", "ASSAULT"}


IMPLIED_TARGET_TYPES = {"AID", "COOPERATE", "SUPPORT", "MOBILIZE", "CONSULT"}


# acts only a state's authorities do: administrative sanctions, arrests, expulsions (CAMEO 172-174)
STATE_ACTS = {"172", "173", "174"}
# measures a state takes over its own land and people ("declared a state of emergency in Peru", "shortened the
# curfew in Sudan"), which PLOVER codes from the state to itself
EXERCISES = {"exercise", "drill", "war game"}  # lexicon lemmas of military exercises
DOMESTIC_MEASURES = ("172", "081")
DECIDED_MEASURES = ("162", "163")  # aid cut and sanctions: announced, they are decided
UNNAMED_STATE_HEADS = {"government", "authority", "junta", "regime", "cabinet", "administration"}


# meetings, calls and negotiations, which both sides hold (not visits, hosting or mediation, which one side does)
MUTUAL_CODES = {"040", "041", "044", "046"}


PEACEKEEPERS = {"peacekeeper", "peacekeeping", "peace-keeping"}  # lemmas


# Acts that often have no one acted upon ("agreed to resign", "surrendered", "mobilised reservists").
UNDIRECTED_TYPES = {"AGREE", "RETREAT", "CONCEDE", "MOBILIZE", "REJECT"}
# Signing a formal agreement is SUPPORT in the PLOVER crosswalk, but like an agreement it stands when no partner
# is named or implied ("the cabinet signed the accord").
UNDIRECTED_CODES = {"057"}
LEGISLATION = {"law", "bill", "legislation", "decree", "budget", "ordinance", "statute"}


# Verbs whose subject performs the event noun they govern ("held talks", "imposed sanctions", "launched a
# strike", "has been in talks"); any other governor ("condemned the attack") says something about an act
# by someone else.
ASKING_VERBS = {"urge", "press", "ask", "call", "invite", "encourage", "persuade", "pressure", "push", "implore",
                "beg", "appeal", "request", "exhort", "lobby", "tell", "order", "instruct", "advise", "warn", "force",
                "compel", "oblige", "challenge", "allow", "permit", "authorize", "authorise"}


# nouns of asking: what they ask for is not done by who holds them ("renewed its call for sanctions")
ASKING_NOUNS = {"call", "demand", "appeal", "request", "plea", "petition"}


def _supports(verb) -> bool:
    """A verb whose subject does the act its object names; "reimpose", "re-establish" as their stems; "pressed
    on with the drills", "went ahead with the vote"."""
    lemma = verb.lemma_.lower()
    if any(c.dep_ in {"prt", "advmod"} and f"{lemma} {c.lower_}" in SUPPORT_PHRASES for c in verb.children):
        return True
    return lemma in SUPPORT_VERBS or (lemma.startswith("re") and lemma[2:].lstrip("-") in SUPPORT_VERBS)


# verbs whose subject takes part in an act named after a preposition ("has been in talks", "took part in the
# exercises", "engaged in negotiations"); other verbs carry their own object ("held talks"), not a phrase
# around them ("pay twice as much in trade negotiations with Washington")
IN_ACT_VERBS = {"be", "engage", "participate", "take", "join", "enter", "remain", "stay", "involve", "hold",
                "go", "come", "travel", "fly", "head", "arrive", "return", "press", "push", "move", "proceed",
                "commit", "agree", "resort", "embark", "continue", "persist", "carry", "keep",
                "converge", "gather", "assemble", "mass", "turn"}  # "converged on Lagos for a rally"
READY_WORDS = {"ready", "willing", "prepared", "open", "eager", "keen", "available"}
# "staged a sit-in in protest", "closed the border in retaliation": the subject's own act, whatever the verb
OWN_MANNER = {"protest", "retaliation", "solidarity", "defiance", "response", "reprisal"}


def _carried_by(noun, verb) -> bool:
    """Is the event noun the verb's own object (or its subject, passive or not), or, for a verb of taking part,
    the object of one of its prepositions?"""
    for _ in range(6):
        if noun.dep_ in {"conj", "appos", "compound"} and noun.head.i != noun.i:
            noun = noun.head  # "held talks and exercises", "attend the summit meeting": the phrase's head
        elif noun.dep_ == "pobj" and noun.head.lower_ in {"of", "in", "for", "under"} and noun.head.head.pos_ in {
                "NOUN", "PROPN", "NUM", "SYM"} and noun.head.head.lemma_.lower() not in ASKING_NOUNS:
            noun = noun.head.head  # "pledged $600 billion of investment", "adopted a package of sanctions"
        else:
            break
    if noun.head.i == verb.i:
        # (a clause dependant the tagger took for a noun: "staged a sit-in to protest cuts")
        return noun.dep_ in {"dobj", "attr", "oprd", "nsubj", "nsubjpass", "npadvmod", "dative", "advcl", "xcomp", "ccomp"}
    prep = noun.head
    if noun.dep_ == "pobj" and prep.head.lower_ in READY_WORDS and prep.head.head.i == verb.i:
        return True  # "is ready for talks": the subject's own talks, intended
    if noun.dep_ != "pobj" or prep.head.i != verb.i:
        return False
    # "provide India with loans", "supply Kyiv with drones": what is given, after the one it is given to
    given = prep.lower_ == "with" and any(c.dep_ in {"dobj", "dative"} for c in verb.children)
    return given or verb.lemma_.lower() in IN_ACT_VERBS


def _in_own_manner(noun, verb) -> bool:
    """"chained themselves to railings in protest": the subject's own act, whatever the verb."""
    return (noun.dep_ == "pobj" and noun.head.lower_ == "in" and noun.head.head.i == verb.i
            and noun.lemma_.lower() in OWN_MANNER)


SUPPORT_PHRASES = {"press on", "push on", "carry on", "go ahead", "push ahead", "press ahead", "forge ahead",
                   "move ahead", "follow through", "kick off"}


TRADE_WORDS = {"industry", "sector", "company", "firm", "export", "import", "trade", "chip", "semiconductor",
               "technology", "market", "investment", "supplier"}
# acts that have no one acted upon even when a state or its government does them ("the Italian government
# resigned"); other acts of a state with no one named are left uncoded: their target is unread, not absent
ACTS_ON_NO_ONE = {"0831"}
DOMESTIC_DEMANDS = {"election", "elections", "referendum", "reform", "reforms", "resignation", "recount", "amnesty"}
CROWDS = {"people", "thousand", "thousands", "hundred", "hundreds", "crowd", "crowds", "protester", "demonstrator",
          "marcher", "resident"}  # lemmas of unnamed crowds
PLEDGES = {"commitment", "promise", "pledge", "obligation", "undertaking"}  # "his commitment to the people"
PARTIES = {"party", "side", "faction", "combatant", "belligerent"}  # lemmas: the sides of a conflict
OWN_WITHDRAWN = ("0874", "161", "1661", "1662", "1663")  # withdrawals of the source's own forces, envoys, staff
# event nouns whose "of" names the doer, not the one done to ("the withdrawal of US forces", "the visit of Xi")
SELF_ACTS = {"withdrawal", "pullout", "pull-out", "retreat", "resignation", "departure", "arrival", "visit",
             "deployment", "demobilization", "demobilisation", "redeployment", "return"}
SUPPORT_VERBS = {"remain", "stay", "declare", "proclaim", "set", "speed", "accelerate", "hold", "have", "be", "carry", "conduct", "launch", "stage", "make", "give", "pay", "sign",
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
                 "return", "travel", "go", "come", "fly", "arrive", "head", "gather", "convene", "meet",
                 "organize", "organise", "wage", "lead", "converge", "observe", "institute", "enact", "instate",
                 "engage", "reiterate", "repeat", "restate"}


# Verbs that also introduce a statement ("admitted that …"); with a clause and no object they are speech.
SAYING_SENSE = {"concede", "admit", "acknowledge", "accept", "recognize", "recognise", "grant", "deny"}


OFFERING_VERBS = {"offer", "pledge", "promise"}


PROMISE_VERBS = {"pledge", "promise", "offer", "propose", "announce", "plan", "vow"}


FORCE_TYPES = {"ASSAULT", "COERCE", "MOBILIZE"}


# verbs by which a subject asks for an act another is to do, and the CAMEO code of the asking
WANTING_VERBS = {"want": "020", "seek": "020", "expect": "020", "need": "020", "demand": "100", "urge": "020"}


# verbs whose subject undergoes the act their object names, done by who "from" names ("faced pressure from
# Congress", "received assurances from the government", "came under criticism from Ankara")
UNDERGOING_VERBS = {"face", "receive", "get", "draw", "win", "earn", "attract", "encounter", "come"}


def _undergone(analysis: Analysis, noun) -> tuple[list[Actor], list[Actor]]:
    """(doers, undergoers) of an event noun carried by a verb of undergoing, else two empty lists."""
    verb = governing_verb(noun)
    if verb is noun or verb.lemma_.lower() not in UNDERGOING_VERBS:
        return [], []
    carried = (noun.dep_ == "dobj" and verb.lemma_.lower() != "come") or (
        noun.dep_ == "pobj" and noun.head.lower_ == "under")
    if not carried or verb.i not in {noun.head.i, noun.head.head.i}:
        return [], []
    doers = [a for h in (noun, verb) for p in prep_objects(h, {"from"}) for a in actors_at(analysis, p)]
    subj, passive = subject_of(verb)
    undergoers = [a for a in actors_at(analysis, subj) if a not in doers] if subj is not None and not passive else []
    return (doers, undergoers) if doers and undergoers else ([], [])


# measures whose "of" names what is measured
MEASURES = {"kg", "kilogram", "ton", "tonne", "pound", "litre", "liter", "barrel", "crate", "truckload", "lorry",
            "consignment", "batch", "load", "cargo", "hundred", "thousand", "dozen", "million",
            # and groups whose "of" names who or what they are ("a mission of observers", "a series of bombs")
            "series", "team", "mission", "contingent", "delegation", "wave", "number"}


# heads whose "of" names who comes ("allowed the return of inspectors", "barred the entry of journalists")
ENTRY_HEADS = {"return", "entry", "arrival", "deployment", "presence", "stationing"}


# heads that an object's modifier names the act of ("mediation efforts", "the aid programme")
GENERIC_HEADS = {"effort", "program", "programme", "package", "process", "initiative", "bid", "mission",
                 "campaign", "scheme", "project", "plan", "deal", "arrangement", "framework"}


# event nouns that name either a military strike or a stoppage of work; who strikes tells which
WORK_STOPPAGES = {"strike"}
CIVIL_SECTORS = {"LAB", "CVL", "EDU", "OPP", "MED", "HLH", "BUS", "RAD", "REL", "REF"}


@lru_cache(maxsize=1)
def dimension_keywords() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for row in kbase.read_table("dimensions.tsv")[1]:
        words = sorted(kbase.split(row["keywords"]), key=len, reverse=True)
        forms = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) + r"s?\b" for w in words]
        out.append((row["dimension"], re.compile(r"\b(?:" + "|".join(forms) + ")", re.I)))
    return out


@lru_cache(maxsize=1)
def _dimension_index() -> tuple[list[str], dict[str, set[str]], dict[str, set[str]], tuple[int, ...],
                                list[tuple[str, re.Pattern[str]]]]:
    """The dimensions in table order; word -> dimensions for one-word keywords (with their plurals); stem ->
    dimensions and the stems' lengths; a pattern per dimension for its phrases."""
    order, single, stems, phrases = [], {}, {}, []
    for row in kbase.read_table("dimensions.tsv")[1]:
        name = row["dimension"]
        order.append(name)
        words = kbase.split(row["keywords"])
        for w in words:
            if w.endswith("*"):
                stems.setdefault(w[:-1], set()).add(name)
            elif w.isalnum():
                for form in (w, w + "s"):
                    single.setdefault(form, set()).add(name)
        multi = [w for w in words if not w.isalnum() and not w.endswith("*")]
        if multi:
            phrases.append((name, re.compile(r"\b(?:" + "|".join(re.escape(w) + r"s?\b" for w in multi) + ")", re.I)))
    return order, single, stems, tuple(sorted({len(k) for k in stems})), phrases


_WORD = re.compile(r"\w+")


def dimensions_of(text: str) -> list[str]:
    """The dimensions whose keywords the text names, in the table's order (what dimension_keywords' patterns
    find, read from the text's set of words: one pass over the text instead of one per dimension)."""
    order, single, stems, lengths, phrases = _dimension_index()
    hit: set[str] = set()
    for w in set(_WORD.findall(text.lower())):
        hit |= single.get(w, set())
        for n in lengths:
            if n <= len(w) and (found := stems.get(w[:n])):
                hit |= found
    for name, pattern in phrases:
        if name not in hit and pattern.search(text):
            hit.add(name)
    return [name for name in order if name in hit]


def _once_per_sentence(events: list[Event]) -> list[Event]:
    """One event per act a sentence states: "arrived in Tehran for a five-day visit" is one visit (042), not
    the arrival and the visit; the same code between the same actors in the same sentence is kept once."""
    seen: set[tuple] = set()
    kept = []
    for e in events:
        key = (e.cameo, e.status, tuple(sorted(a.id for a in e.source)), tuple(sorted(a.id for a in e.target)),
               e.evidence.start)
        if key not in seen:
            seen.add(key)
            kept.append(e)
    return kept


def _without_bare_agreements(analysis: Analysis, events: list[Event]) -> list[Event]:
    """"Agreed to resign", "threatened to break off relations", "refused to send aid": when the promised,
    threatened or refused act is itself an event, the bare "agreed" (030), "threatened" (130) or "refused" (120)
    is the same event said twice; keep the act (coded as an intent, a threat or a refusal)."""
    by_trigger = {e.trigger.start: e for e in events if e.trigger}
    doc = analysis.doc
    drop = set()
    for e in events:
        if e.cameo not in {"03", "030", "13", "130", "12", "120"} or not e.trigger:
            continue
        token = doc.char_span(e.trigger.start, e.trigger.end, alignment_mode="expand")[0]
        if any(c.dep_ == "xcomp" and any(t.idx in by_trigger for t in c.subtree) for c in token.children):
            drop.add(e.id)
    kept = [e for e in events if e.id not in drop]
    for n, e in enumerate(kept, 1):
        e.id = f"{analysis.document.id}-e{n}"
    return kept


@lru_cache(maxsize=1)
def _trigger_words() -> frozenset[str]:
    """Every word a lexicon key starts or ends with ("call" of "call off", "strike" of "hunger strike")."""
    return frozenset(w for lemma, _ in kbase.verb_frames() for w in (lemma.split()[0], lemma.split()[-1]))


@lru_cache(maxsize=1)
def _person_heads() -> frozenset[str]:
    """Nouns that name someone by office or role ("the Saudi crown prince", "a Chinese delegation")."""
    heads = set(office_heads())
    heads |= {noun for noun, (sector, _) in kbase.agent_nouns().items() if sector == "GOV"}
    return frozenset(heads)


INSTITUTION_HEADS = {"ministry", "agency", "commission", "committee", "council", "department", "office", "bureau",
                     "authority", "court", "tribunal", "fund", "programme", "program", "organization", "organisation"}


def _part_of_a_name(analysis: Analysis, token) -> bool:
    """A trigger word that is part of a name or an office: "Levy Mwanawasa", "the Planning and Investment
    Minister", "the aid agency", "the opposition newspaper La Prensa"."""
    actor = analysis.token_actor.get(token.i)
    if actor is not None and actor.kind in {"person", "organization"}:
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ != "compound":
        return False
    head = token.head.lemma_.lower()
    return head in INSTITUTION_HEADS or head in _person_heads() or token.head.i in analysis.token_actor


def _names_someone(analysis: Analysis, obj) -> bool:
    """Is the object a visitor: an actor itself, or an office or delegation a state qualifies ("received the
    Saudi crown prince"), not a thing of that state ("received Russian gas")?"""
    return (obj.i in analysis.token_actor or obj.i in analysis.token_actors
            or any(c.dep_ == "appos" and c.i in analysis.token_actor for c in obj.children)
            or obj.lower_ in _person_heads() or obj.lemma_.lower() in _person_heads())


def _one_state_within(analysis: Analysis, phrase, source: list[Actor]) -> list[Actor]:
    """The actor of the one state (other than the source's) a phrase names, else none."""
    own = {a.country for a in source}
    found: dict[str, Actor] = {}
    for t in phrase.subtree:
        actor = analysis.token_actor.get(t.i)
        if actor is not None and actor.country and actor.country not in own:
            found.setdefault(actor.country, actor)
    return list(found.values()) if len(found) == 1 else []


def _named_before(noun, named_acts: list[tuple[str, Event]], kind: str | None = None) -> Event | None:
    """The act a definite event noun ("the strike", "this attack") names again: the last event coded before it
    with the same trigger word (or, given `kind`, of that PLOVER type)."""
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    return next((e for word, e in reversed(named_acts) if word == lemma or (kind and e.type == kind)), None)


def _noun_type(noun, codes) -> str | None:
    """The PLOVER type an event noun names ("attack": ASSAULT), by its first frame."""
    frames = kbase.verb_frames().get((noun.lemma_.lower(), "NOUN"))
    code = codes.get(frames[0].cameo) if frames else None
    return code.plover if code else None


def _frame_for(token):
    """(frame, object, object named): the first lexicon frame whose object condition the trigger satisfies, its
    direct object, and whether a frame of the trigger names that object ("threatened military action"), whichever
    frame was chosen. Tokens whose lemma starts or ends no lexicon key are left out by the caller."""
    frames_table = kbase.verb_frames()
    pos = "VERB" if token.pos_ in {"VERB", "AUX"} else "NOUN" if token.pos_ in {"NOUN", "PROPN"} else None
    if token.pos_ == "ADJ" and token.dep_ == "acomp":
        pos = "ADJ"  # "is opposed to", "was critical of": a predicate adjective, read as a verb
    if pos is None:
        return None, None, False
    lemma = token.lemma_.lower()
    particle = next((c.lower_ for c in token.children if c.dep_ == "prt"), None)
    if particle is None and pos == "VERB":
        # a particle the parser took for a preposition ("forced the agency out of the country") or, before a
        # number, for "more than" ("handed over 700 kg of medicine")
        after = [token.doc[token.i + 1]] if token.i + 1 < len(token.doc) else []
        particle = next((w.lower_ for w in [*after, *token.rights] if (
            (w.dep_ in {"advmod", "prep"} and w.head.i == token.i and not any(c.dep_ == "pobj" for c in w.children))
            or (w.dep_ == "quantmod" and w.i == token.i + 1))  # (not a preposition with its object: "on Monday")
            and (f"{lemma} {w.lower_}", pos) in frames_table), None)
    keys = ([(f"{lemma} {particle}", pos)] if particle else []) + [(lemma, pos)]
    if pos == "NOUN":  # compound event nouns first: "hunger strike" is not "strike", "general strike" neither
        keys = [(f"{c.lemma_.lower()} {lemma}", pos) for c in token.lefts if c.dep_ in {"compound", "amod"}] + keys
    if not any(key in frames_table for key in keys):  # (most candidates: no frame can fit, nothing to read)
        return _no_frame(token, pos, lemma)
    obj = dobj(token) if pos == "VERB" else None
    if pos == "VERB" and obj is None and lemma in LETTING_VERBS:
        # "allowed candidate Ouattara to run", parsed as a clause with its own subject: who is let do it
        obj = next((s for c in token.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"), None)
    if pos == "VERB" and obj is None:  # "evidence against Russia was presented": the passive's logical object
        obj = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
    if obj is None:
        # "advised against travel to Tunisia", "the suspension of air links with Serbia": the phrase after the
        # preposition is the object where a frame of the trigger is made for it
        phrase = next(iter(prep_objects(token, {"against"} if pos == "VERB" else {"to"} if pos == "ADJ" else {"of"})),
                      None)
        if phrase is not None and any(phrase.lemma_.lower() in frame.objects
                                      for key in keys for frame in frames_table.get(key, [])):
            obj = phrase
    obj_lemmas = {t.lemma_.lower() for t in ([obj, *obj.conjuncts] if obj is not None else [])}
    if obj is not None and obj.lemma_.lower() in GENERIC_HEADS:  # "ended its mediation efforts": mediation
        obj_lemmas |= {c.lemma_.lower() for c in obj.lefts if c.dep_ in {"compound", "amod"}}
    if obj is not None:  # "issued a travel warning": the compound object as a whole
        obj_lemmas |= {f"{c.lemma_.lower()} {obj.lemma_.lower()}" for c in obj.lefts if c.dep_ == "compound"}
        if obj.pos_ == "PROPN":  # "allowed opposition leader Raila Odinga": a name's titles say who it is
            obj_lemmas |= {c.lemma_.lower() for c in obj.subtree if c.dep_ == "compound" and c.pos_ == "NOUN"
                           and c.i < obj.i}
    measured = obj
    for _ in range(2):  # "sent 20 tonnes of food": food; "thousands of tonnes of maize": maize
        if measured is None or measured.lemma_.lower() not in MEASURES | ENTRY_HEADS:
            break  # ("allowed the return of inspectors": inspectors)
        measured = next(iter(prep_objects(measured, {"of"})), None)
        if measured is not None:
            obj_lemmas.add(measured.lemma_.lower())
    # of the frames whose object condition holds, the first whose target slot the sentence fills ("exercises
    # with Japan" is cooperation, "exercises near Taiwan" a show of force), else the first
    preps = {c.lower_ for h in [token, *object_heads(obj)] for c in h.children if c.dep_ == "prep"}
    preps |= {m.lower_ for m in _for_clause_marks(token)}  # "called for Uganda to withdraw": "for" opens a clause
    fitting = [frame for key in keys for frame in frames_table.get(key, [])
               if (not frame.objects or frame.objects & obj_lemmas) and not frame.excluded & obj_lemmas]
    # a frame made for this object ("called off the strike", "blocked roads") before one for any object,
    # unless only the latter finds its target ("threatened military action in Niger")
    specific = [frame for frame in fitting if frame.objects]

    def fills(frame) -> bool:
        slots = {w.lstrip("<") for w in frame.targets}
        return bool(slots & preps or (obj is not None and slots & {"obj", "obj@"}))
    ranked = ([f for f in specific if fills(f)] + [f for f in specific if not f.targets]
              + [f for f in fitting if fills(f)] + specific + fitting)
    if ranked and pos == "ADJ":
        return replace(ranked[0], pos="VERB"), obj, bool(specific)
    if ranked:
        return ranked[0], obj, bool(specific)
    return _no_frame(token, pos, lemma)


def _no_frame(token, pos: str, lemma: str):
    if pos == "VERB" and lemma in REPORTING_VERBS and obliged_clause(token) is not None:
        return MUST_FRAME, None, False  # "Russia said that Sudan must return the helicopter": a demand
    return None, None, False


LETTING_VERBS = {"allow", "permit", "authorize", "authorise", "let"}


def object_heads(obj) -> list:
    """The object, its conjuncts and what a measure or group of it names ("a mission of observers from the OSCE":
    the observers, and who sends them)."""
    if obj is None:
        return []
    heads = [obj, *obj.conjuncts]
    return heads + [p for h in heads if h.lemma_.lower() in MEASURES | ENTRY_HEADS for p in prep_objects(h, {"of"})]


def _for_clause_marks(token) -> list:
    """The "for" that opens a clause the verb governs ("called for Uganda to withdraw", "pressed for Iran to
    allow"), which the parser reads as a subordinating mark, not a preposition."""
    return [m for c in token.children if c.dep_ == "advcl" for m in c.children
            if m.dep_ == "mark" and m.lower_ == "for"]


HELPING_VERBS = {"help", "assist", "aid"}


def _helps_force(verb, codes) -> bool:
    """Is what the subject helps to do itself an act of force ("helped to plan and carry out killings")? (Helping
    another to strike, "helped Houthi rebels attack ships", is aid to them.)"""
    if any(c.dep_ in {"dobj", "dative"} for c in verb.children):
        return False
    for clause in (c for c in verb.children if c.dep_ == "xcomp" and not any(
            s.dep_ in {"nsubj", "nsubjpass"} for s in c.children)):
        acts = [v for v in (clause, *clause.conjuncts) if v.i != verb.i]
        # the acts helped are the clause's verbs and what they name as object ("carry out killings"); an act
        # deeper down ("identify victims killed by the crash") is not what the help does
        for t in (*acts, *(c for v in acts for c in v.children if c.dep_ == "dobj")):
            frame = _frame_for(t)[0]
            code = codes.get(frame.cameo) if frame is not None else None
            if code is not None and code.plover in FORCE_TYPES:
                return True
    return False


PURPOSE_PROTESTS = {"protest", "demonstrate"}
PURPOSE_WORDS = re.compile(r"protest|demonstrat", re.I)  # every form of a PURPOSE_PROTESTS word


def _protest_deeds(doc, codes, text: str) -> dict[int, tuple[int, str]]:
    """Protests named as the purpose of a protest ("began a hunger strike to protest the verdict", "marched in
    protest at the ban"): the purpose's token -> (the deed's token, its CAMEO code). The two are one act."""
    out: dict[int, tuple[int, str]] = {}
    if not PURPOSE_WORDS.search(text):  # (the document's text: the parse's differs only in quotes and breaks)
        return out  # most documents name no protest: no pass over their tokens
    for token in doc:
        if token.lemma_.lower() not in PURPOSE_PROTESTS:
            continue
        if token.pos_ == "VERB" and token.dep_ in {"acl", "relcl"} and token.head.pos_ == "NOUN":
            deeds = [token.head]  # "a hunger strike to protest"
        elif token.pos_ == "VERB" and token.dep_ == "advcl" and any(c.lower_ == "to" for c in token.children):
            deeds = [c for c in token.head.children if c.dep_ == "dobj"] + [token.head]  # "began a strike to protest"
        elif token.pos_ == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "in":
            verb = token.head.head  # "are on hunger strike in protest of", "marched in protest at"
            deeds = [c for c in verb.children if c.dep_ == "dobj"] + [verb]
        else:
            continue
        for deed in deeds:
            frame = _frame_for(deed)[0]
            if frame is not None and (code := codes.get(frame.cameo)) is not None and code.plover == "PROTEST":
                out[token.i] = (deed.i, code.code)
                break
    return out


def _names_a_noun(doc, date, trigger) -> bool:
    """A date that qualifies another noun ("Biden's rival in the November vote") dates that noun, not the act."""
    span = doc.char_span(date.start, date.end, alignment_mode="expand")
    root = span.root if span is not None else None
    return root is not None and root.dep_ in {"compound", "nmod", "amod"} and root.head.pos_ == "NOUN" \
        and root.head.i != trigger.i


# "the first direct talks since 2022", "the highest level since 2019": a bound of a period named on a noun is no
# date of the event ("has applied a tariff since August" is: the verb's state began then)
BOUND_DATE = re.compile(r"(since|until|till|before)\b", re.I)


def _clause_verb(token):
    """The verb whose clause the token is in (the token itself when it is one)."""
    for _ in range(12):
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            return token
        token = token.head
    return token


def _date_for(analysis: Analysis, sent, trigger=None) -> tuple[str | None, bool]:
    """The value of the sentence's date expression that belongs to the trigger (attached to it in the
    parse, else one of its own clause or a clause above it), else the publication date."""
    doc = analysis.doc

    def root(d):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        return span.root if span is not None else None

    def bound_on_noun(d) -> bool:
        token = root(d)
        return (BOUND_DATE.match(d.text) is not None and token is not None
                and token.head.pos_ in {"NOUN", "PROPN", "ADJ"})

    in_sent = [d for d in analysis.dates if sent.start_char <= d.start < sent.end_char and d.value
               and not bound_on_noun(d)
               and not (trigger is not None and _names_a_noun(doc, d, trigger))]
    if not in_sent:
        return analysis.document.published, False
    if trigger is None:
        return in_sent[0].value, True

    def attached(d) -> bool:  # within four steps up the parse, without crossing another clause's verb
        token = root(d)
        for _ in range(4):
            if token is None or token.head.i == token.i:
                return False
            token = token.head
            if token.i == trigger.i:
                return True
            if token.pos_ in {"VERB", "AUX"}:
                return False
        return False

    def dates_the_other_clause(d) -> bool:
        # "banned exports a day after Washington unveiled its crackdown": "a day after" dates the ban, not the
        # crackdown of the clause it sits in
        token = root(d)
        return token is not None and token.head.i == _clause_verb(trigger).i and any(
            c.dep_ == "mark" and c.lower_ in {"after", "before"} and c.i > token.i for c in token.head.children)

    in_sent = [d for d in in_sent if not dates_the_other_clause(d)]
    own = [d for d in in_sent if attached(d)]
    if not own:  # the date of the trigger's clause or of a clause above it ("agreed in February to invest", "said
        # on Tuesday that he was ready to negotiate"); one of a clause below or beside it is that clause's own
        # ("relations that broke down in 2011")
        clauses = {_clause_verb(trigger).i} | {t.i for t in trigger.ancestors}
        # ... and a relative clause that situates the doer ("leaders who met in The Hague two weeks ago pledged")
        clauses |= {c.i for t in [trigger, *trigger.ancestors] for s in t.children if s.dep_ == "nsubj"
                    for c in s.children if c.dep_ == "relcl"}
        own = [d for d in in_sent if (r := root(d)) is not None and _clause_verb(r).i in clauses]
    if not own:
        return analysis.document.published, False
    best = min(own, key=lambda d: abs(d.start - trigger.idx))
    return best.value, True


MILITARY_WEAPONS = {"missile", "rocket", "shell", "mortar", "drone", "warplane", "jet", "helicopter", "tank",
                    "artillery", "airstrike", "torpedo"}
WEAPON_USES = {"fire", "launch", "shoot", "drop", "fly", "operate", "pilot"}
UNNAMED_HANDS = {"bomb", "bombing", "blast", "explosion", "attack", "device", "mine", "shell", "rocket", "missile",
                 "drone", "gunman", "gunmen", "attacker", "assailant", "bomber", "sniper", "ied", "grenade", "fire"}


def _protests_to_no_one(verb) -> bool:
    """"Opponents of the senate protested in the capital": protesting nothing, said to no one, is taking to the
    streets (not "protested to Chile", "protested that ...", "protested, saying ...")."""
    return verb.dep_ not in {"parataxis", "ccomp"} and not any(
        c.dep_ in {"ccomp", "dative"} or (c.dep_ == "advcl" and c.lemma_.lower() in REPORTING_VERBS)
        or (c.dep_ == "prep" and c.lower_ in {"to", "against", "over", "at", "about", "with"}) for c in verb.children)


def _unnamed_hand(verb) -> bool:
    """Force whose doer the sentence does not name: a passive without a named agent, or a weapon or an
    anonymous attacker as the subject. An unresolved subject ("its warplanes") is a doer we failed to name."""
    subj = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not any(c.dep_ == "agent" for c in verb.children):
        return True  # "ten soldiers killed in Ukraine"
    if subj is not None and subj.dep_ == "nsubjpass":
        agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        return agent is None or agent.lemma_.lower() in UNNAMED_HANDS
    return subj is not None and subj.lemma_.lower() in UNNAMED_HANDS


TRACE: list[tuple[str, str, str]] | None = None  # set to a list to collect why triggers made no event


def same_side(a: Actor, b: Actor) -> bool:
    """Two actors of one country on the same side of it: both the state (the country, its government, officials,
    forces) or both of one non-state sector (its opposition, its rebels...)."""
    if a.country is None or a.country != b.country:
        return False
    return (a.sector in STATE_SECTORS) == (b.sector in STATE_SECTORS) and (
        a.sector in STATE_SECTORS or a.sector == b.sector)


def _parties(actors: list[Actor]) -> list[Actor]:
    """The actors an act can be aimed at, once each: a place as part of its state ("shelled Kharkiv"); a sea or a
    continent is no party ("fired at ships in the Red Sea", "told MPs that Europe must")."""
    return [a for a in dict.fromkeys(actors) if a.kind in ACTOR_KINDS or (a.kind == "location" and a.country)]


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
    named_acts: list[tuple[str, Event]] = []  # (trigger lemma, event) in text order, for "the strike" later on
    candidates = _trigger_words() | REPORTING_VERBS
    # a month is no act ("LONDON, 5 March 2025": not a march)
    in_dates = {i for d in analysis.dates if (span := doc.char_span(d.start, d.end, alignment_mode="expand"))
                for i in range(span.start, span.end)}
    deeds = _protest_deeds(doc, codes, analysis.document.text)
    consumed.update(deed for deed, _ in deeds.values())
    for token in doc:
        if token.i in consumed or token.lemma_.lower() not in candidates or token.i in in_dates:
            continue  # (most tokens: checked here, before their parse is read)
        if _part_of_a_name(analysis, token):
            continue
        frame, obj, object_named = _frame_for(token)
        if frame is None:
            continue
        if frame.pos == "VERB" and token.lemma_.lower() in HELPING_VERBS and _helps_force(token, codes):
            _abstain(token, frame, "helping an act of force takes part in it")
            continue  # "helped to plan and carry out killings" is no aid
        if frame.pos == "NOUN" and token.lemma_.lower() in REFUSAL_NOUNS and any(
                c.dep_ == "acl" and _frame_for(c)[0] is not None for c in token.children):
            continue  # "Ruto's refusal to resign": the act refused is coded as the refusal
        if token.lemma_.lower() in SAYING_SENSE and obj is None and any(c.dep_ == "ccomp" for c in token.children):
            continue  # "conceding there was no consensus": a statement, not a concession
        if (token.dep_ == "xcomp" and token.head.lemma_.lower() in ASKING_VERBS and any(
                c.dep_ in {"dobj", "dative"} for c in token.head.children)) or (
                token.dep_ == "ccomp" and token.head.lemma_.lower() in WANTING_VERBS and any(
                    c.dep_ == "aux" and c.lower_ == "to" for c in token.children) and any(
                    c.dep_ == "nsubj" for c in token.children)):
            # "Sisi urged Trump to back the effort", "Obama wants Putin to visit": what is asked is not done
            _abstain(token, frame, "asked of someone, not done")
            continue
        if obj is not None and object_named:
            # "threatened military action": the act named as the object is part of the verb's event
            consumed.update(t.i for t in (obj, *obj.conjuncts))
            if obj.lemma_.lower() in GENERIC_HEADS:
                consumed.update(c.i for c in obj.lefts if c.dep_ in {"compound", "amod"})
            if obj.lemma_.lower() == "state":  # "declared a state of siege": no siege
                consumed.update(p.i for p in prep_objects(obj, {"of"}))
        code = codes.get(frame.cameo)
        if code is None or not code.plover:
            continue
        if frame.pos == "NOUN" and token.dep_ == "compound" and code.plover in FORCE_TYPES:
            continue  # "war games", "attack helicopters": force named as a modifier is not an act of force
        sent = token.sent
        confidence = 0.85
        passive = False
        antecedent: Event | None = None
        wanted: list[Actor] = []  # the doer of an act another asks for ("wants Iraqi backing")
        undergoers: list[Actor] = []  # who faces the act ("faced pressure from Congress")
        if frame.pos == "VERB":
            subj, passive = subject_of(token)
            if passive:
                agent = agent_of(token)
                source = actors_at(analysis, agent) if agent is not None else []
                if not source and agent is not None and agent.lemma_.lower() in MILITARY_WEAPONS:
                    # "was shot down by a missile fired by rebels": who used the weapon
                    source = [a for c in agent.children if c.dep_ in {"acl", "relcl"} for v in c.subtree
                              if v.lemma_.lower() in WEAPON_USES and (g := agent_of(v)) is not None
                              for a in actors_at(analysis, g)]
                    if source and code.code.startswith("18"):
                        code = codes["190"]  # blown up by a missile: military force, not a bombing
                if not source and agent is None and subj is not None and code.code.startswith(OWN_WITHDRAWN):
                    # "eighty UN peacekeepers were shipped out of Gorazde": who withdraws its own is named by them
                    source = actors_at(analysis, subj)
            else:
                source = actors_at(analysis, subj) if subj is not None else []
                if not source and subj is not None:  # "a report released in the Rwandan capital alleged"
                    source = issued_in_capital(analysis, subj)
            if not source and not passive and token.head.pos_ == "NOUN" and (token.dep_ == "acl" or (
                    token.dep_ == "relcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children))):
                # "gathered for a march in Lima to oppose", "organised a strike to demand": the act the
                # event noun is held for is done by who holds it
                governor = governing_verb(token.head)
                if governor is not token.head and _supports(governor):
                    holder, _ = subject_of(governor)
                    source = actors_at(analysis, holder) if holder is not None else []
        else:
            source = []
            for child in token.lefts:
                if child.dep_ in {"poss", "compound", "amod", "nmod"}:
                    source = actors_at(analysis, child)
                    if source:
                        break
            wanter = governing_verb(token) if source else None
            if wanter is not None and wanter.lemma_.lower() in WANTING_VERBS and _carried_by(token, wanter):
                # "Ankara wants firm Iraqi backing", "they want our surrender": a request of the act's doer
                subj, _ = subject_of(wanter)
                asker = [a for a in actors_at(analysis, subj) if a not in source] if subj is not None else []
                if asker:
                    code, source = codes[WANTING_VERBS[wanter.lemma_.lower()]], asker
                    wanted = [a for child in token.lefts if child.dep_ in {"poss", "compound", "amod", "nmod"}
                              for a in actors_at(analysis, child)]
            if not source:
                source, undergoers = _undergone(analysis, token)
            if not source:  # "rallies by the opposition", "the march staged by students": the doer named by "by"
                source = [a for child in token.children if child.dep_ in {"prep", "agent"} and child.lower_ == "by"
                          for pobj in child.children if pobj.dep_ == "pobj" for a in actors_at(analysis, pobj)]
                source += [a for child in token.children if child.dep_ == "acl" for agent in child.children
                           if agent.dep_ == "agent" for pobj in agent.children if pobj.dep_ == "pobj"
                           for a in actors_at(analysis, pobj) if a not in source]
            if not source:
                # "held talks with", "has been in talks with", "restarted the allocation of scholarships":
                # the subject of the verb that governs the event noun.
                governor = governing_verb(token)
                if governor is token:
                    governor = verb_beyond_adverbial(token)
                elif not ((_supports(governor) and _carried_by(token, governor)) or _in_own_manner(token, governor)):
                    governor = None  # "condemned the attack on X": the condemner did not attack
                if governor is not None and governor is not token:
                    subj, _ = subject_of(governor)
                    source = actors_at(analysis, subj) if subj is not None else []
            if not source and token.lemma_.lower() in SELF_ACTS:
                # "the withdrawal of US forces from Panama": who withdraws is named by "of"
                source = doer_of(analysis, token)
            if not source:
                # "Israel struck Doha … The strike on September 9 killed six": the act named before, again
                antecedent = _named_before(token, named_acts)
                if antecedent is not None:
                    source = list(antecedent.source)
                    confidence -= 0.1
        target: list[Actor] = []
        givers: list[Actor] = []
        for where in frame.targets:
            if where.startswith("<"):
                # "received weapons from Germany": the giver named by the preposition is the source, the
                # receiving subject the target
                holders = [token, obj, *obj.conjuncts] if obj is not None else [token]
                givers += [a for h in holders for pobj in prep_objects(h, {where[1:]}) for a in actors_at(analysis, pobj)]
            elif where == "obj@":  # "received the Saudi crown prince": only the object itself, never its context
                if passive:
                    subj, _ = subject_of(token)
                    target += actors_at(analysis, subj) if subj is not None else []
                elif obj is not None and _names_someone(analysis, obj):
                    # "hosted envoys from the Kenyan cabinet": an office named by whom it serves
                    target += actors_at(analysis, obj) or [
                        a for h, preps in ((obj, {"from", "of"}), (token, {"from"}))
                        for p in prep_objects(h, preps) for a in actors_at(analysis, p)]
            elif where == "obj":
                if passive:  # "a camp for Congolese refugees was attacked": as the object of the active verb
                    subj, _ = subject_of(token)
                    if subj is not None:
                        target += (actors_at(analysis, subj) or (
                            place_of(analysis, subj) or partner_of(analysis, subj) if not frame.objects else []))
                elif obj is not None and not frame.objects:
                    target += (actors_at(analysis, obj) or place_of(analysis, obj) or proposer(analysis, obj)
                               or partner_of(analysis, obj) or owner_before(analysis, obj))
                elif obj is not None:  # "expelled two Russian diplomats": the object's own country
                    entrants = prep_objects(obj, {"of"}) if obj.lemma_.lower() in ENTRY_HEADS else []
                    target += [a for h in [obj, *entrants] for a in actors_at(analysis, h) if a.kind != "location"]
            elif where == "ccomp":  # "alleged that France knew": the one the that-clause speaks of
                target += [a for c in token.children if c.dep_ == "ccomp" for v in (c, *c.conjuncts)
                           for s in v.children if s.dep_ in {"nsubj", "nsubjpass"} for a in actors_at(analysis, s)]
            elif where == "iobj":
                target += [a for c in token.children if c.dep_ == "dative" and c.pos_ != "ADP"
                           for a in actors_at(analysis, c)]
            else:
                # "a mediation bid between Kenya and Somalia": a compound's slots are its head's
                holders = [token, token.head] if token.dep_ == "compound" else [token]
                # "shipped out of the enclave": a particle the parser took for a preposition, with the phrase
                holders += [c for c in token.children if c.dep_ == "prep" and frame.lemma.endswith(f" {c.lower_}")]
                if frame.pos == "NOUN" and token.dep_ == "dobj" and not any(
                        c.dep_ == "prep" and c.lower_ == where for c in token.children):
                    # "issued a stern reminder on Saturday to Iraq": the light verb carries the noun's phrase
                    holders += [token.head] if any(c.dep_ in {"prep", "dative"} and c.lower_ == where and c.i > token.i
                                                   for c in token.head.children) else []
                for pobj in (p for h in holders for p in prep_objects(h, {where})):
                    # "reneged on his commitment to the voters": to whom it was made
                    pledged = [a for p in prep_objects(pobj, {"to"}) for a in actors_at(analysis, p)
                               ] if pobj.lemma_.lower() in PLEDGES else []
                    # "gave in to demands from X"
                    found = pledged or actors_at(analysis, pobj) or proposer(analysis, pobj)
                    if not found and code.quad_class in (1, 2):
                        # "agreed to an extension of the mandate of the force in Lebanon": the one state the
                        # phrase names, for cooperation
                        found = _one_state_within(analysis, pobj, source)
                    elif not found:  # "hacked into the computers of South Korean officers": whose they are
                        found = place_of(analysis, pobj)
                    target += found
                for head in object_heads(obj):
                    for pobj in prep_objects(head, {where}):
                        target += actors_at(analysis, pobj)
        if not target and frame.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ in {"in", "into"} \
                and token.head.head.pos_ == "VERB" and _supports(token.head.head):
            # "engaged Ugandan soldiers in a firefight": the other side is the object of the verb that carries it
            target = [a for d in token.head.head.children if d.dep_ == "dobj" for a in actors_at(analysis, d)
                      if a not in source]
        if any(w.startswith("<") for w in frame.targets):
            source, target = givers, ([] if passive else source)
        if wanted or undergoers:
            target = wanted or undergoers
        if code.plover in FORCE_TYPES:
            # "air strikes in Lebanon", "struck a Hamas compound in Doha", "fired shells at targets in Jericho":
            # where force lands is hit too
            places = places_within(analysis, obj if obj is not None else token)
            if obj is not None:
                places += [p for pobj in prep_objects(token, {"at", "on", "against", "into"})
                           for p in places_within(analysis, pobj)] + compass_places(analysis, token)
            target += [p for p in places if p.country and p.country not in {a.country for a in target}]
        if code.plover == "MOBILIZE" and obj is not None:
            # "talks to deploy Russian forces": forces of another state are that state's deployment,
            # in the country that asked for them
            foreign = [a for a in actors_at(analysis, obj) if a.sector == "MIL" and a.country
                       and a.country not in {s.country for s in source}]
            if foreign:
                source, target = foreign, target or [a for a in source if a.country]
        source = [a for a in source if a.kind in ACTOR_KINDS]
        if frame.lemma in WORK_STOPPAGES and frame.pos == "NOUN" and source and all(
                a.sector in CIVIL_SECTORS for a in source):
            code = codes["143"]  # "the dockers' union began an indefinite strike": a strike of work, not of arms
        if code.plover == "AID" and source and all(a.sector == "BUS" for a in source):
            code = codes["061"]  # "Boeing delivered 20 jets to China Eastern": a company's sale, not aid
        if code.code.startswith("171") and source and all(a.sector in CIVIL_SECTORS for a in source):
            code = codes["145"]  # "protesters torched the embassy": property destroyed by a crowd is a riot
        if code.code.startswith("042") and frame.pos == "VERB" and not passive and (subj := subject_of(token)[0]) \
                is not None and any(t.lemma_.lower() in PEACEKEEPERS for t in subj.subtree):
            code = codes["074"]  # "peacekeeping troops arrived in Bosnia": protection deployed, not a visit
        if code.code.startswith("154") and frame.pos == "NOUN" and any(
                t.lemma_.lower() in PEACEKEEPERS for p in prep_objects(token, {"of"}) for t in p.subtree):
            code = codes["074"]  # "the deployment of NATO peacekeeping troops": protection, not a show of force
        if code.code == "175" and frame.pos == "NOUN" and any(
                t.lemma_.lower() in TRADE_WORDS for h in (token, token.head) for p in prep_objects(h, {"on", "against"})
                for t in p.subtree):
            code = codes["163"]  # "a crackdown on China's chip industry": an embargo, not repression
        if token.i in deeds:  # "began a hunger strike to protest the verdict": one protest, coded as the deed
            code = codes[deeds[token.i][1]]
        if code.code == "114" and source and (all(a.sector in CIVIL_SECTORS for a in source) or (
                frame.pos == "VERB" and obj is None and _protests_to_no_one(token))):
            # "students protested the verdict": people take to the streets; states complain
            code = codes["141"]
        target = _parties(target)
        if not source and code.plover == "ASSAULT" and frame.pos == "VERB" and _unnamed_hand(token):
            # "a roadside bombing near Samarra killed a U.S. soldier", "three were killed in Beirut": force by no
            # named hand is coded, as PLOVER does, to the place it struck (a location actor: the place, not its
            # state, is the source)
            # "a bomb near Kandahar", "killed by a roadside bomb outside Mosul"
            doers = [c for c in token.children if c.dep_ == "nsubj"] + [g for g in [agent_of(token)] if g is not None]
            # "a shell was fired at Sderot from the Gaza Strip": where it came from before where it struck
            origins = [a for pobj in prep_objects(token, {"from"}) for a in actors_at(analysis, pobj)
                       if a.kind in {"location", "country"}]
            places = origins + places_within(analysis, token) + [p for d in doers for p in places_within(analysis, d)]
            source = [p for p in places if p.country][:1]
            target = [a for a in target if a not in source] or source
            confidence -= 0.1
        if not source and code.code[:3] in STATE_ACTS and frame.pos == "VERB" and agent_of(token) is None and any(
                c.dep_ == "auxpass" for c in token.children):
            # "two Kenyan journalists were detained in Uganda": arrests, bans and expulsions are done by the
            # authorities of the state where they happen (not a label: "the group (banned in Russia)")
            places = [p for p in places_within(analysis, token) if p.country]
            if places:
                source = [state_actor(analysis, places[0].country)]
                held = subject_of(token)[0]  # "a missionary from Calgary": where the one held is from
                target = target or [a for pobj in (prep_objects(held, {"from"}) if held is not None else [])
                                    for a in actors_at(analysis, pobj) if a.country != places[0].country][:1]
                confidence -= 0.1
        held_by = token.head.head if frame.pos == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "under" else None
        if not source and held_by is not None and code.code[:3] in STATE_ACTS | {"090"} and agent_of(held_by) is None \
                and any(c.dep_ == "auxpass" for c in held_by.children):
            # "a US national was put under investigation in Italy", "placed under house arrest in Cairo": by the
            # state where it happens, on whom it is put
            places = [p for p in places_within(analysis, held_by) if p.country]
            held = subject_of(held_by)[0]
            if places and held is not None:
                source = [state_actor(analysis, places[0].country)]
                target = [a for a in actors_at(analysis, held) if a.country != places[0].country] or target
                confidence -= 0.1
        if not source and code.plover == "PROTEST" and frame.pos == "VERB" and not passive and (
                subj := subject_of(token)[0]) is not None and subj.lemma_.lower() in CROWDS:
            # "crowds sat down on the roads in Taipei": the people of the place they protest in
            places = [p for p in places_within(analysis, token) if p.country]
            source = [state_actor(analysis, places[0].country, "civilians")] if places else []
        if not source and code.code.startswith(DOMESTIC_MEASURES) and frame.pos == "VERB" and (
                subj := subject_of(token)[0]) is not None and subj.lemma_.lower() in UNNAMED_STATE_HEADS:
            # "the military government declared a state of siege in Haiti": the government of the land it rules
            places = [p for p in target if p.country]
            if places:
                source = [state_actor(analysis, places[0].country)]
                confidence -= 0.1
        if not source:
            _abstain(token, frame, "no source actor")
            continue
        evidence_start = sent.start_char
        reciprocal = False
        if code.plover == "MOBILIZE" and frame.lemma in EXERCISES and len({a.country for a in source}) > 1:
            # "French and Egyptian warships launched war games": a joint exercise is military cooperation
            code, target, reciprocal = codes["062"], list(source), True
        if not target and antecedent is not None:
            target, reciprocal = list(antecedent.target), antecedent.reciprocal
        if not target and code.plover in RECIPROCAL_TYPES and len({a.country for a in source}) > 1:
            target, reciprocal = list(source), True  # "Brazil and Argentina agreed": one event, both sides
        if not target and code.plover == "THREATEN" and frame.cameo.startswith("13"):
            target = threatened(analysis, token, source)
        governor = token if frame.pos == "VERB" else governing_verb(token)
        if not target and governor.dep_ in {"xcomp", "ccomp"} and governor.head.lemma_.lower() in THREAT_HEADS:
            # "threatened to stop negotiations if the United States deploys ...": the act threatened is aimed at
            # the party the threat names
            target = threatened(analysis, governor.head, source)
        if not target and code.plover == "REQUEST":
            # "Zelensky said Ukraine must get guarantees" demands nothing of another; "opposition groups in
            # Zimbabwe demand that President Mugabe abandon ..." demands of their own state's government
            target = [a for a in clause_subject(analysis, token) if a not in source
                      and not any(same_side(a, b) for b in source)]
            if not target:  # "called for Uganda to withdraw", "its call for Uganda to withdraw": who is to withdraw
                target = [a for m in _for_clause_marks(token) for subj in m.head.children if subj.dep_ == "nsubj"
                          for a in actors_at(analysis, subj) if a not in source]
            if not target and obj is not None:  # "demanded an admission by Moscow", "Israel's withdrawal"
                target = [a for a in doer_of(analysis, obj) if a not in source]
            if not target and obj is not None and obj.lemma_.lower() in PARTIES:
                # "urged the warring sides in Sudan to", "parties to the conflict in Iraq" (its "to" read as the
                # verb's): the sides of the one state named
                phrase = [obj] + [c for c in token.children if c.dep_ == "prep" and c.i == obj.right_edge.i + 1]
                target = [a for p in phrase for a in _one_state_within(analysis, p, source)][:1]
            if not target:  # "pressed its demand that Kenya's government release ...": who is to release
                nouns = ([obj] if obj is not None else [token] if frame.pos == "NOUN" else []) + list(
                    prep_objects(token, {"on", "for"}))
                if frame.pos == "NOUN" and token.dep_ == "dobj":  # "reiterated its demand today that Egypt …"
                    nouns.append(token.head)
                target = [a for n in nouns for c in n.children if c.dep_ in {"acl", "ccomp"}
                          for subj in c.children if subj.dep_ in {"nsubj", "nsubjpass"}
                          for a in actors_at(analysis, subj) if a not in source]
        if not target and code.plover == "REQUEST" and obj is not None and obj.lemma_.lower() in DOMESTIC_DEMANDS \
                and all(a.kind not in {"country", "government"} for a in source):
            # "the former premier demanded early elections": of his own state's government
            target = [state_actor(analysis, c) for c in dict.fromkeys(a.country for a in source if a.country)]
        if not target and code.plover == "REJECT" and frame.pos == "VERB":
            # "refused to respond to a demand from the US", "refused to allow UN planes to land": whose call
            # is refused, else who the refused act would have been done to
            refused = [t for c in token.children if c.dep_ == "xcomp" for t in c.subtree]
            target = [a for t in refused if t.lemma_.lower() in PROPOSALS for a in proposer(analysis, t)] or [
                a for t in refused if t.dep_ in {"dobj", "nsubj"} for a in actors_at(analysis, t) if a not in source]
        if not target and code.plover == "REJECT" and obj is not None and obj.lemma_.lower() in PROPOSALS:
            # "rejected a call for its forces to be deployed in East Timor": a proposal from no one named is
            # aimed at the one state it concerns
            target = _one_state_within(analysis, obj, source)
        if code.plover == "ACCUSE":
            # "investigating abuses by Bosnian militants", "an inquiry into crimes committed by X",
            # "condemned attacks by Hamas against Israel": who did it is accused, not who suffered it
            nouns = ([obj] if obj is not None else []) + list(prep_objects(token, {"into", "of", "over", "about"}))
            nouns += [p for n in list(nouns) for p in prep_objects(n, {"into"})]
            doers = [a for n in nouns for a in doer_of(analysis, n) if a not in source]
            if not doers:  # "condemned the water cannon attack": the doer of the last act of its kind named before
                doers = [a for n in nouns if (before := _named_before(n, named_acts, _noun_type(n, codes)))
                         for a in before.source if a not in source]
            target = doers or target
            if code.code.startswith("09") and not any(a.country for a in target):
                # "will inspect the site in Iran": where it is looked into; "sent inspectors to a plant in
                # central Iran", "sent a team to Bosnia to investigate": where the inspectors go
                heads = [token] + ([obj] if obj is not None else [])
                if frame.pos == "VERB" and token.dep_ in {"advcl", "xcomp"}:
                    heads.append(token.head)
                bound = [p for h in heads for p in prep_objects(h, {"to", "into"})]
                places = [p for h in heads + bound for p in places_within(analysis, h)] + [
                    a for b in bound for a in actors_at(analysis, b) if a.kind in {"location", "country"}]
                target = [p for p in places if p.country and p.country not in {a.country for a in source}][:1] or target
        if not target and code.plover in {"CONCEDE", "RETREAT", "COERCE"}:
            # "lifted the curfew in Montenegro", "imposed martial law in Darfur": the place acted upon; "the curfew
            # on Palestinians": the people
            # "shortened the curfew imposed in Sudan": where the object was imposed
            holders = [token] + ([obj] + [c for c in obj.children if c.dep_ == "acl"] if obj is not None else [])
            target = [p for h in holders for p in places_within(analysis, h) if p.country]
            if not target and obj is not None:
                target = [a for a in partner_of(analysis, obj) if a not in source]
        if not target and code.plover in FORCE_TYPES and obj is not None:
            target = unnamed_victims(analysis, token, obj, source)
        if not target and obj is not None and "obj@" in frame.targets:
            _abstain(token, frame, "the object is no actor")  # "received air defence systems": not a visitor
            continue
        if not target and code.plover == "PROTEST":
            # "rallies against abuses by the security forces": who did what is protested; "blocked a road to show
            # their anger at Washington's policies": the other party the purpose names
            nouns = ([obj] if obj is not None else []) + list(prep_objects(token, {"against", "over", "at"}))
            target = [a for n in nouns for a in doer_of(analysis, n) if a not in source] or aimed_by_purpose(
                analysis, token, obj, source)
            # "blocked streets in defiance of the Chinese authorities": who is defied
            target = target or [a for d in prep_objects(token, {"in"}) if d.lemma_.lower() == "defiance"
                                for p in prep_objects(d, {"of"}) for a in actors_at(analysis, p) if a not in source]
        if not target and (code.plover == "PROTEST" or code.code.startswith("082")):
            # a protest aimed at no one named, or one called off: the authorities it addresses
            target = protested(analysis, token, source)
        if not target and code.plover == "CONSULT" and frame.pos == "VERB" and all(a.country for a in source):
            # "will attend a summit in Ethiopia": a meeting abroad is held with the state it is held in
            own = {a.country for a in source}
            target = [p for p in places_within(analysis, obj if obj is not None else token)
                      if p.country and p.country not in own][:1]
        if not target and code.code in UNDIRECTED_CODES and obj is not None and any(
                t.lemma_.lower() in LEGISLATION for t in obj.subtree):
            _abstain(token, frame, "a law signed is no agreement")
            continue  # "Biden signed an aid package and a law that could force the sale of TikTok"
        if not target and code.plover in IMPLIED_TARGET_TYPES:
            target, evidence_start = implied_target(analysis, sent, source, token,
                                                    cooperative=code.quad_class in (1, 2))
            confidence = 0.5
        if not target and code.code.startswith(DOMESTIC_MEASURES):
            # "Peru declared a state of emergency": over its own land
            target = [state_actor(analysis, c) for c in dict.fromkeys(a.country for a in source if a.country)]
        if not target and code.plover == "AGREE" and frame.pos == "VERB":
            # "the coalition agreed to postpone the rally in Baku", "the forum agreed to set up a centre in Tokyo":
            # the place the agreed act is done in, when it is not the agreeing state's own
            acts = [c for c in token.children if c.dep_ == "xcomp"]
            own = {a.country for a in source if a.kind in {"country", "government"}}
            target = [p for h in acts + [d for a in acts for d in a.children if d.dep_ == "dobj"]
                      for p in places_within(analysis, h) if p.country and p.country not in own][:1]
        target = _parties(target)
        if not target and ((code.plover not in UNDIRECTED_TYPES and code.code not in UNDIRECTED_CODES)
                           or names_a_target(frame, token, obj)):
            _abstain(token, frame, "no target actor")
            continue
        if not target:
            confidence = min(confidence, 0.6)  # "Akayev agreed to resign": an act with no one acted upon
        src_countries = {a.country for a in source}
        # (the place struck by no named hand is both its source and its target)
        itself = bool(target) and set(target) <= set(source) and target[0].kind != "location"
        if code.plover == "MOBILIZE" and target and {a.country for a in target} <= src_countries and all(
                a.kind != "location" for a in target):
            target, itself = [], False  # "Kenya put its army on alert": readiness aimed at no one named
        if not reciprocal and not code.code.startswith(DOMESTIC_MEASURES) and code.plover != "MOBILIZE" and (
                itself or (target or code.code not in ACTS_ON_NO_ONE) and {a.country for a in target} <= src_countries
                and all(a.kind in {"country", "government"} for a in source + target)):
            _abstain(token, frame, "a state acting on itself" if target else "a state's act aimed at no one named")
            continue  # a state (or any actor) acting on itself is not a dyadic event
        if any(token.lower_ in {"he", "she", "his", "her"} for token in sent if analysis.token_actor.get(token.i) in source):
            confidence -= 0.1
        if confidence < floor:
            continue
        date, own_date = _date_for(analysis, sent, governor)
        if antecedent is not None and (not own_date or date == antecedent.date):
            _abstain(token, frame, "the act named before, said again")
            continue  # only a date of its own makes the mention worth an event: when the act happened
        status = event_status(governor, doc)
        promised = governor.lemma_.lower() in PROMISE_VERBS and not (
            governor.lemma_.lower() == "announce" and code.quad_class in (3, 4))
        if frame.pos == "NOUN" and status == "asserted" and (promised or (
                token.dep_ == "pobj" and token.head.head.lower_ in READY_WORDS)):
            # "pledged $600 billion of investment", "announced $5 million in aid", "ready for talks": promised,
            # offered; sanctions or a suspension announced are imposed
            status = "intended"
        if frame.pos == "VERB" and status == "asserted" and token.lemma_.lower() in OFFERING_VERBS \
                and code.quad_class in (1, 2) and not code.code.startswith("03"):
            status = "intended"  # "offered its troops to Lebanon": what is offered is not yet given (CAMEO 0334)
        if obj is not None and frame.pos == "VERB" and any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
            status = "negated"  # "has received no Russian gas since January"
        if status == "intended" and code.code.startswith(DECIDED_MEASURES) and governor.dep_ == "ccomp" \
                and governor.head.lemma_.lower() == "announce":
            status = "asserted"  # "announced it would prohibit all aid to the rebels": a measure decided is taken
        code = ceased_code(code, token, codes)
        acted = code  # the act itself, kept when it is coded as its promise, threat or refusal
        code, act, status = refusal_code(code, status, governor, codes)
        if act is None:
            code, act, status = modal_code(code, status, governor, codes)
        # "held talks with Suleiman", "met Jordan's king": both sides of a meeting or negotiation take part
        reciprocal = reciprocal or (code.code in MUTUAL_CODES and bool(target))
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
            trigger=analysis.span(token.idx, token.idx + len(token.text)), reciprocal=reciprocal, act=act,
            act_cameo=acted.code if act is not None else None))
        named_acts.append((token.lemma_.lower(), events[-1]))
    events = accusations(analysis, _without_bare_agreements(analysis, _once_per_sentence(events)), codes,
                         lambda verb: _date_for(analysis, verb.sent, verb)[0])
    analysis.events = [replace(e, id=f"{analysis.document.id}-e{n}") for n, e in enumerate(events, 1)]
