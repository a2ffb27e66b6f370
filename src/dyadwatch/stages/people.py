"""People and who they are: binding a person outside the knowledge base to a state and sector by the
parse (title, appositive, the phrase they stand in apposition to, the one state of their sentence), sector
actors from agent nouns ("Kenyan protesters"), and coreference: later surnames, "he"/"she", "the
chancellor" for the holder of that office.
"""

from __future__ import annotations

import unicodedata

from spacy.tokens import Doc, Span

from .. import kb as kbase
from ..model import Actor, Analysis, slug
from ..model import Span as TextSpan
from .actor_index import Registry, titles
from .event_roles import STATE_SECTORS, places_within

PRONOUNS = {"he", "she", "him", "her", "his", "hers"}


def _title_before(doc: Doc, start: int, reg: Registry) -> tuple[str | None, str | None, str | None]:
    """(country, role, sector) from "Syrian President X" / "Japan's foreign minister X" before a name."""
    table = titles()
    words: list[str] = []
    i = start - 1
    while i >= 0 and start - i <= 5 and (doc[i].is_alpha or doc[i].text == "-") and not doc[i].ent_type_ == "PERSON":
        actor = reg.analysis.token_actor.get(i)
        if actor is not None and actor.kind in {"country", "government"}:
            break
        words.insert(0, doc[i].lower_)
        i -= 1
    phrase = " ".join(words).replace(" - ", "-")
    title = next((t for t in sorted(table, key=len, reverse=True) if phrase.endswith(t)), None)
    if title is None:
        return None, None, None
    role, sector = table[title]
    j = i
    if j >= 0 and doc[j].tag_ == "POS":
        j -= 1
    actor = reg.analysis.token_actor.get(j) if j >= 0 else None
    return (actor.country if actor is not None else None), role, sector


def _title_after(doc: Doc, end: int, reg: Registry) -> tuple[str | None, str | None]:
    """(country, sector) from an appositive after the name: ", Syria's foreign minister", ", the Russian envoy"."""
    sent_end = doc[end - 1].sent.end if end > 0 else len(doc)
    window = doc[end:min(end + 12, sent_end)]
    if not len(window) or window[0].text not in {",", "("}:
        return None, None
    table = titles()
    text = window.text.lower()
    for token in window:
        if token.pos_ in {"VERB", "AUX"}:
            break  # "X, held talks with Lebanon's president": past the appositive, into the predicate
        actor = reg.analysis.token_actor.get(token.i)
        if actor is not None and actor.kind in {"country", "government"}:
            rest = doc[token.i + 1:min(token.i + 6, sent_end)].text.lower().lstrip("’'s ").replace(" - ", "-")
            title = next((t for t in sorted(table, key=len, reverse=True) if rest.startswith(t)), None)
            if title:
                return actor.country, table[title][1]
    del text
    return None, None


def _affiliation(span: Span, reg: Registry) -> tuple[str | None, str | None, Actor | None]:
    """(country, sector, organisation) of a person from the phrases the parse attaches to the name.

    "Kazakh Energy Ministry spokesman X", "Uruguay's X", "X, an economist at the University of Nairobi",
    "Russia's chief negotiator, presidential aide X": the nearest country, organisation or place in the
    name's own noun phrase, its appositive, or the phrase it is the appositive of; the sector from a title
    word among them, else from the organisation."""
    root = span.root
    near = [t for left in root.lefts for t in left.subtree]
    # (not a relative clause the appositive carries: "a minister who, according to Korean media, visited")
    near += [t for child in root.rights if child.dep_ == "appos" for t in child.subtree
             if not any(a.dep_ == "relcl" for a in [t, *t.ancestors] if child.is_ancestor(a))]
    if root.dep_ == "appos":
        near += [t for t in root.head.subtree if t.i < span.start and t.dep_ != "punct"]
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "," and doc[span.end + 1].lower_ in {"a", "an", "the"}:
        # ", a researcher at X University in Istanbul": the appositive as written, whatever the parse made of it
        end = span.end + 1
        while end < min(span.sent.end, span.end + 16) and doc[end].text not in {",", ";", ".", "—", ")"}:
            end += 1
        near += list(doc[span.end + 1:end])
    # A country qualifying the title ("the US commander in Iraq") outranks one in a prepositional phrase,
    # which says where the person serves; otherwise nearest first.
    near = sorted({t.i: t for t in near if not span.start <= t.i < span.end}.values(),
                  key=lambda t: (t.dep_ not in {"compound", "amod", "poss", "nmod"}, abs(t.i - span.start)))
    country = sector = org = None
    for token in near:  # a state or an organisation first, a place ("a university in Bamako") after
        actor = reg.analysis.token_actor.get(token.i)
        if actor is None or actor.kind in {"person", "location"}:
            continue
        if actor.kind == "organization" and org is None:
            org = actor
        if actor.country or (actor.kind == "organization" and actor.sector == "IGO"):
            country = actor.country
            break
    else:
        place = next((a for t in near if (a := reg.analysis.token_actor.get(t.i)) is not None
                      and a.kind == "location" and a.country), None)
        country = place.country if place is not None else None
    words = " " + " ".join(t.lower_ for t in sorted(near, key=lambda t: t.i)) + " "
    title = next((t for t in sorted(titles(), key=len, reverse=True) if f" {t} " in words), None)
    if title:
        sector = titles()[title][1]
    if org is not None and (sector is None or org.sector == "IGO"):
        sector = org.sector
    return country, sector, org


def bind_person(span: Span, reg: Registry) -> None:
    doc = span.doc
    name = span.text
    tokens = name.split()
    # A later partial mention ("Erdogan", "Recep") of a person already named in full.
    known = [a for a in reg.by_id.values() if a.kind == "person"]
    folded = fold(name).split()
    for actor in sorted(known, key=lambda a: (a.role is None, -len(a.mentions))):
        full = fold(actor.name).split()
        if len(folded) < len(full) and (full[-len(folded):] == folded or full[:len(folded)] == folded):
            reg.mention(actor, span)
            return
        if any(m.text == name for m in actor.mentions):
            reg.mention(actor, span)
            return
    country, role, sector = _title_before(doc, span.start, reg)
    if country is None:
        country, sector_after = _title_after(doc, span.end, reg)
        sector = sector or sector_after
    if country is None or sector is None:
        country_near, sector_near, _ = _affiliation(span, reg)
        country, sector = country or country_near, sector or sector_near
    if country is None and sector in {"GOV", "MIL", "JUD", "COP", "LEG"}:  # offices of a state
        country = only_country_around(span, reg) or only_country_around(span, reg, places=True)
    if country is None and len(tokens) > 1:
        # Family name shared with a person of known country in the same article (relatives in the news).
        surname = tokens[-1]
        kin = next((a for a in known if a.country and a.name.split()[-1] == surname and len(surname) > 4), None)
        country = kin.country if kin else None
    if country is None and len(tokens) > 1 and sector not in {"IGO", "NGO"}:
        # a person named with no office or tie (an international one's is none): of the one state the sentence
        # (or the one before) is about
        country = only_country_around(span, reg, places=True)
    if role and country:
        term = reg.kb.holder(country, role, reg.analysis.document.published)
        if term and (term.name.split()[-1] == tokens[-1]):
            reg.mention(reg.person(term.person_id), span)
            return
    actor = reg.get(f"person:{slug(name)}", name=name, kind="person", country=country, sector=sector)
    actor.country = actor.country or country
    actor.sector = actor.sector or sector
    reg.mention(actor, span)


OTHER_PARTY_PREPS = {"against", "with", "to", "toward", "towards", "on", "from", "for", "at", "into"}


def only_country_around(span: Span, reg: Registry, *, places: bool = False) -> str | None:
    """The one state named in the official's sentence, else in the sentence before ("Interior Minister X said");
    with `places`, a town or region of a state counts as naming it ("rallied in Lagos")."""
    sent = span.sent
    previous = span.doc[sent.start - 1].sent if sent.start > 0 else None
    acting_on: set[int] = set()
    about: set[int] = set()
    if span.start != sent.start or span.end != sent.end:  # (a person's name, not a whole sentence)
        root = span.root
        # who acts on the official ("Korean officials objected to the attendance of X") and what a clause about
        # them reports ("X, a minister who, according to Korean media, ...") say nothing of their state
        acting_on = {t.i for a in root.ancestors if a.pos_ in {"VERB", "AUX"} for c in a.children
                     if c.dep_ == "nsubj" and _speaks_for_a_state(c, reg) for t in c.subtree}
        about = {t.i for a in [root, *(c for c in root.children if c.dep_ == "appos")] for c in a.children
                 if c.dep_ == "relcl" for t in c.subtree}
    kinds = {"country", "government", "location", "person", "group", "organization"} if places else {"country", "government"}
    for part in (sent, previous):
        if part is None:
            continue
        if part is previous and any(reg.analysis.token_actor.get(i) is not None for i in acting_on | about):
            return None  # the state in the sentence acts on the official: the one before says no more
        # a state the sentence acts on ("threatened action against Russia", "talks with Iran") is not the
        # official's own
        states = {a.country for t in part if (a := reg.analysis.token_actor.get(t.i)) is not None
                  and a.kind in kinds and a.country and t.i not in about and t.i not in acting_on
                  and not (t.dep_ == "pobj" and t.head.lower_ in OTHER_PARTY_PREPS)
                  # ... nor, for a place's people, one that acts in a clause of its own ("until Kyiv pays")
                  and not (places and t.dep_ in {"nsubj", "nsubjpass"})}
        if len(states) == 1:
            return states.pop()
        if states:
            return None
    return None


def _speaks_for_a_state(subject, reg: Registry) -> bool:
    """Is a subject a state or its officers ("Seoul", "South Korean officials"), not a group of its people
    ("rebels in the Ivory Coast")?"""
    actor = reg.analysis.token_actor.get(subject.i)
    if actor is not None:
        return actor.kind in {"country", "government"}
    sector = kbase.agent_nouns().get(subject.lower_, (None, None))[0]
    return sector is not None and sector in STATE_SECTORS


RESIDENT_SECTORS = {"CVL", "LAB", "EDU", "OPP", "RAD", "REL"}
# nouns that a sector noun qualifies without changing who is meant ("opposition groups", "rebel leaders")
GROUP_HEADS = {"groups", "group", "members", "leaders", "supporters", "figures", "parties", "movement", "movements",
               "factions", "coalition", "politicians", "activists", "spokesmen", "representatives"}


def _possessor_before(analysis: Analysis, token, modifiers):
    """The subject naming a state that "its" in front of a military noun points back to ("Israel said ... Its
    warplanes struck"): the nearest one before it in the same or the previous sentence."""
    pronoun = next((m for m in modifiers if m.lower_ == "its"), None)
    if pronoun is None:
        return None
    doc = analysis.doc
    start = doc[token.sent.start - 1].sent.start if token.sent.start > 0 else token.sent.start
    for i in range(pronoun.i - 1, start - 1, -1):
        actor = analysis.token_actor.get(i)
        if actor is not None and actor.kind in {"country", "government"} and doc[i].dep_ in {"nsubj", "nsubjpass"}:
            return doc[i]
    return None


def sector_actors(analysis: Analysis, reg: Registry) -> None:
    """"Kenyan protesters", "Russia's troops", "Greek and Turkish officials", "the army of Mali": a sector of
    a state (CAMEO-style actor codes such as KENCVL, RUSMIL), the government itself for officials."""
    doc = analysis.doc
    agents = kbase.agent_nouns()
    for token in doc:
        if token.pos_ not in {"NOUN", "PROPN"} or token.i in analysis.token_actor:
            continue
        two = f"{doc[token.i - 1].lower_} {token.lower_}" if token.i > 0 else ""
        noun = two if two in agents else token.lower_ if token.lower_ in agents else None
        if noun is None:
            continue
        first = token.i - 1 if noun == two else token.i
        if token.dep_ == "compound" and token.head.lower_ in GROUP_HEADS and token.head.i not in analysis.token_actor:
            token = token.head  # "opposition groups in Zimbabwe", "rebel leaders from Kenya": the whole phrase
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < first]
        # "the army of Mali", "officials from Kenya"; for a state's own institutions also "police in Egypt"
        preps = {"of", "from", "in"} if agents[noun][0] in {"GOV", "COP", "JUD", "LEG"} else {"of", "from"}
        modifiers += [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
        pronoun_at = None
        resident_home: str | None = None
        if agents[noun][0] == "MIL" and modifiers and all(m.lower_ == "its" for m in modifiers):
            # "Its warplanes struck": the state last named as a subject, up to the sentence before
            owner = _possessor_before(analysis, token, modifiers)
            if owner is not None:
                pronoun_at = modifiers[0].i
                modifiers = [owner]
        if (agents[noun][0] in RESIDENT_SECTORS or (agents[noun][0] == "REB" and noun != "fighters")) and not any(
                (a := analysis.token_actor.get(m.i)) is not None and a.kind in {"country", "government"}
                for m in modifiers):
            # "demonstrators in Baghdad", "students throughout Indonesia", "rebels in the Ivory Coast": a place's
            # own people (not its troops, refugees or "fighters", who are often another state's)
            # ("residents of the Crimea", "followers of the jailed cleric": of a place, of a person)
            modifiers = [g for c in token.children if c.dep_ == "prep" and c.lower_ in {"in", "throughout", "across", "of"}
                         for g in c.children if g.dep_ == "pobj"
                         and (a := analysis.token_actor.get(g.i)) is not None and a.country
                         and (a.kind in {"location", "country"} or (c.lower_ == "of" and a.kind == "person"))]
            if not modifiers and not any(m.i in analysis.token_actor for m in token.lefts):
                # "striking miners marched on the Bolivian congress": people the sentence places nowhere are of
                # the one state it (or the one before it) is about
                home = only_country_around(token.sent, reg, places=True)
                if home is not None:
                    modifiers = [token]
                    resident_home = home
        countries: list[Actor] = []
        for mod in modifiers:
            for m in [mod, *mod.conjuncts]:
                actor = analysis.token_actor.get(m.i)
                if resident_home is not None and m.i == token.i:  # the sentence's state, not a mention of it
                    actor = Actor(id=resident_home, name=resident_home, kind="country", country=resident_home,
                                  sector=None)
                if actor is not None and actor.kind in {"location", "person"} and actor.country:
                    # only ever a resident's town (above): its state, for the code, not as a mention of it
                    actor = Actor(id=actor.country, name=actor.country, kind="country", country=actor.country,
                                  sector=None)
                if actor is not None and actor.kind in {"country", "government"} and actor not in countries:
                    countries.append(actor)
                elif actor is not None and actor.kind in {"organization", "group"} and not countries:
                    # "UN helicopters", "NATO troops": the organisation's own people
                    for i in range(m.i, token.i + 1):
                        analysis.token_actor.setdefault(i, actor)
        if not countries:
            continue
        sector, label = agents[noun]
        found = []
        for state in countries:
            iso = state.country
            if sector == "-":
                actor = state if state.kind == "country" else reg.country(iso)
            elif sector == "GOV":
                actor = reg.government(iso)
            else:
                actor = reg.get(f"{iso}{sector}", name=f"{reg.kb.countries[iso].name} ({label})", kind="group",
                                country=iso, sector=sector)
            found.append(actor)
            start = pronoun_at if pronoun_at is not None else min(min(t.i for t in modifiers), first)
            reg.mention(actor, doc[start:token.i + 1]) if len(found) == 1 else None
        for i in range(first, token.i + 1):
            analysis.token_actor[i] = found[0]
        if len(found) > 1:
            analysis.token_actors[token.i] = found
            for extra in found[1:]:
                span = doc[first:token.i + 1]
                extra.mentions.append(TextSpan(span.text, span.start_char, span.end_char))


def peoples_of_states(analysis: Analysis, reg: Registry) -> None:
    """"Thousands of Nigerians rallied", "Palestinians shunned work": a demonym in the plural names a state's
    people (its civilians, CVL), not the state; "the Nigerian delegation" or "Nigeria" stay the state."""
    doc = analysis.doc
    for token in doc:
        actor = analysis.token_actor.get(token.i)
        if actor is None or actor.kind != "country" or token.tag_ not in {"NNS", "NNPS"}:
            continue
        plurals = {d for d in reg.kb.countries[actor.country].demonyms if d.endswith("s")}
        if token.text not in plurals or any(t.text in plurals for t in doc[token.i + 1:token.i + 2]):
            continue
        # "Bosnian Serbs", "Kosovo Albanians": a people qualified by another state are that state's people
        home = next((a for c in token.lefts if c.dep_ in {"amod", "compound", "nmod"}
                     and (a := analysis.token_actor.get(c.i)) is not None and a.kind == "country"
                     and a.country != actor.country), None)
        if home is None:
            # "the Turks of Bulgaria", "ethnic Albanians demonstrated in Serbia", "killed three ethnic Serbs in a
            # clash in northern Kosovo": a people is that of the state it lives in, when the sentence says where
            # ("of" a place for any people, "in" one, even further off, for an ethnic group)
            heads = (token, token.head) if any(c.lower_ == "ethnic" for c in token.lefts) else (token,)
            preps = {"in", "of", "throughout", "across"} if len(heads) == 2 else {"of"}
            home = next((a for h in heads for c in h.children if c.dep_ == "prep" and c.lower_ in preps
                         for g in c.children if g.dep_ == "pobj"
                         for a in [analysis.token_actor.get(g.i), *places_within(analysis, g)]
                         if a is not None and a.kind in {"country", "location"} and a.country
                         and a.country != actor.country), None)
        iso = home.country if home is not None else actor.country
        people = reg.civilians(iso)
        actor.mentions = [m for m in actor.mentions if m.start != token.idx]
        reg.mention(people, doc[token.i:token.i + 1])
        analysis.token_actor[token.i] = people
        if not actor.mentions:
            del reg.by_id[actor.id]


def surnames_the_model_missed(analysis: Analysis, reg: Registry) -> None:
    """A later bare surname of a person named in full ("Bessent, according to ...") that the model did
    not tag is still that person, when no other person of the document shares it."""
    doc = analysis.doc
    surnames: dict[str, Actor | None] = {}
    for actor in reg.by_id.values():
        parts = actor.name.split() if actor.kind == "person" else []
        if len(parts) > 1 and len(parts[-1]) > 3 and parts[-1][:1].isupper():
            surnames[parts[-1]] = None if parts[-1] in surnames else actor
    for token in doc:
        actor = surnames.get(token.text)
        if actor is None or token.i in analysis.token_actor or token.pos_ not in {"PROPN", "NOUN", "ADV", "ADJ"}:
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].text[:1].isupper() and doc[token.i + 1].is_alpha:
            continue  # part of a longer name
        reg.mention(actor, doc[token.i:token.i + 1])


def rebind_former_office_holders(analysis: Analysis, reg: Registry) -> None:
    """A known person out of the office the knowledge base has for them, named with an international
    organisation's title ("NATO Secretary-General Mark Rutte"), acts for that organisation."""
    for actor in list(reg.by_id.values()):
        if actor.kind != "person" or not (actor.role or "").startswith("former"):
            continue
        for mention in actor.mentions:
            span = analysis.doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None:
                continue
            _, sector, org = _affiliation(span, reg)
            if org is not None and org.sector == "IGO" and sector == "IGO":
                actor.country, actor.sector = org.country, "IGO"
                break


def fold(text: str) -> str:
    """Case and accents folded, for comparing names ("Sánchez" = "Sanchez")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def resolve_pronouns(analysis: Analysis, reg: Registry) -> None:
    """he/she/his and "the President", "the chancellor", "the foreign minister" point to a person named
    before them (within 3 sentences): a pronoun to the last one, a title to the last one holding that
    office (or, for a title without one, the last one of that title's sector)."""
    doc = analysis.doc
    table = titles()
    recent: list[tuple[int, Actor]] = []  # (sentence number, person), latest last
    sent_index = {s.start: n for n, s in enumerate(doc.sents)}
    current = 0
    skip_to = -1
    for token in doc:
        if token.is_sent_start:
            current = sent_index.get(token.i, current)
        if token.i < skip_to:
            continue
        actor = analysis.token_actor.get(token.i)
        if actor is not None and actor.kind == "person":
            recent = [(n, a) for n, a in recent if a is not actor] + [(current, actor)]
            continue
        if not recent or token.i in analysis.token_actor:
            continue
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
            candidates = [a for n, a in reversed(recent) if current - n <= 3]
            if candidates:
                analysis.token_actor[token.i] = candidates[0]
        elif token.lower_ == "the":
            # an office is a surer clue than a pronoun: "the president" may come paragraphs later
            candidates = [a for n, a in reversed(recent) if current - n <= 12]
            title_end = _title_at(doc, token.i + 1, table)
            if title_end is None:
                continue
            role, sector = table[doc[token.i + 1:title_end].text.lower()]
            person = next((a for a in candidates if role and (a.role or "").endswith(role)), None) if role else \
                next((a for a in candidates if sector and a.sector == sector), None)
            if person is not None:
                for i in range(token.i + 1, title_end):
                    analysis.token_actor[i] = person
                skip_to = title_end


def _title_at(doc: Doc, start: int, table: dict) -> int | None:
    """The end of a title standing alone at `start` ("the chancellor said"), not before a name."""
    for n in (3, 2, 1):
        end = start + n
        if end > len(doc) or doc[start:end].text.lower() not in table:
            continue
        if end < len(doc) and (doc[end].pos_ == "PROPN" or doc[end].ent_type_ == "PERSON" or doc[end].text == "of"):
            return None  # "the President Joe Biden", "the president of Iran": not an anaphor
        return end
    return None
