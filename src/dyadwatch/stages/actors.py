"""Actors: countries, governments, people, organisations, armed groups and places, resolved to stable codes.

Recognition joins a phrase matcher built from the knowledge base with spaCy's entities (the longer span
wins; on equal spans the knowledge base wins). People are resolved to the office they held on the
article's date; unknown people are bound to a country and sector by a title ("Japan's foreign minister X").
Later partial mentions ("Erdogan" after "Recep Tayyip Erdogan") and pronouns join the person they refer to.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .. import kb as kbase
from ..model import Actor, Analysis, slug
from ..model import Span as TextSpan
from ..pipeline import stage

LOCATIVE = {"in", "at", "near", "across", "outside", "inside", "around", "between", "throughout", "within",
            "from", "of"}
PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
COMPASS = re.compile(r"^(?:the\s+)?(north|south|east|west|central|northern|southern|eastern|western|"
                     r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
                     r"southeastern|southwestern)\s+", re.I)
ORG_SECTORS = [
    (re.compile(r"\b(army|military|armed forces|forces|navy|air force|police|guard|troops|command|militia)\b", re.I), "MIL"),
    (re.compile(r"\b(ministry|government|cabinet|council|presidency|office|parliament|embassy|agency)\b", re.I), "GOV"),
    (re.compile(r"\b(university|institute|academy|school|college)\b", re.I), "EDU"),
    (re.compile(r"\b(museum|theatre|theater|opera|orchestra|gallery|library)\b", re.I), "CVL"),
    (re.compile(r"\b(bank|company|corporation|corp|group|holding|inc|ltd|plc|airlines?|energy|oil|gas)\b", re.I), "BUS"),
    (re.compile(r"\b(hospital|health|medical)\b", re.I), "MED"),
    (re.compile(r"\b(news|agency|tv|television|radio|times|post|press)\b", re.I), "MED"),
]


@dataclass(frozen=True)
class Entry:
    """What a knowledge-base phrase stands for."""

    kind: str  # country, demonym, capital, metonym, org, person, place
    key: str


@lru_cache(maxsize=1)
def titles() -> dict[str, tuple[str | None, str | None]]:
    return {row["title"]: (row["role"] or None, row["sector"] or None) for row in kbase.read_table("titles.tsv")[1]}


@lru_cache(maxsize=1)
def phrase_table() -> dict[str, Entry]:
    """Every knowledge-base phrase, exact case, and what it stands for (first listed wins on a clash)."""
    kb = kbase.load()
    table: dict[str, Entry] = {}

    def add(phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if phrase and phrase not in table:
            table[phrase] = entry
            if phrase.startswith("the "):
                table.setdefault(phrase[4:], entry)
    for c in kb.countries.values():
        for name in [c.name, *c.aliases]:
            add(name, Entry("country", c.iso3))
    for o in kb.organizations.values():
        for name in [o.name, *o.aliases]:
            add(name, Entry("org", o.id))
    for c in kb.countries.values():
        for name in c.demonyms:
            add(name, Entry("demonym", c.iso3))
        if c.capital:
            add(c.capital, Entry("capital", c.iso3))
            add(c.capital.upper(), Entry("capital", c.iso3))  # datelines: "ANKARA, Aug. 13 —"
        for name in c.metonyms:
            add(name, Entry("metonym", c.iso3))
    for t in kb.terms:
        for name in [t.name, *t.aliases]:
            add(name, Entry("person", t.person_id))
    for name in kbase.curated_places():
        add(name, Entry("place", name))
    return table


class PhraseIndex:
    """Longest-match lookup of knowledge-base phrases over a Doc's tokens (exact case).

    The phrases are tokenised once with the pipeline's tokenizer and cached on disk, so start-up costs a
    pickle load however many phrases there are; matching is a dict lookup per token."""

    def __init__(self, token_lists: dict[str, tuple[str, ...]]) -> None:
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, tokens in token_lists.items():
            if tokens:
                self.first.setdefault(tokens[0], []).append((tokens, phrase))
        for options in self.first.values():
            options.sort(key=lambda o: -len(o[0]))

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        words = [t.text for t in doc]
        out = []
        i = 0
        while i < len(words):
            step = 1
            for tokens, phrase in self.first.get(words[i], ()):
                if tuple(words[i:i + len(tokens)]) == tokens:  # longest first: leftmost-longest match
                    out.append((phrase, i, i + len(tokens)))
                    step = len(tokens)
                    break
            i += step
        return out


_INDEXES: dict[str, PhraseIndex] = {}
_BY_PIPELINE: dict[int, PhraseIndex] = {}


def tokenize_phrases(phrases: list[str], nlp) -> dict[str, tuple[str, ...]]:
    """Each phrase as the pipeline's tokenizer splits it. Letters and single spaces, with no word the
    tokenizer treats specially ("cannot"), split exactly as it would: only the rest goes through it,
    which makes a cold start cheaper."""
    special = set(nlp.tokenizer.rules or {})
    plain = {p: tuple(p.split(" ")) for p in phrases
             if re.fullmatch(r"[A-Za-z]+(?: [A-Za-z]+)*", p) and not special & set(p.split(" "))}
    rest = [p for p in phrases if p not in plain]
    return plain | {p: tuple(t.text for t in doc) for p, doc in zip(rest, nlp.tokenizer.pipe(rest))}


def phrase_index() -> PhraseIndex:
    """The knowledge-base phrase index for the loaded pipeline's tokenizer (built once, cached on disk)."""
    from importlib.metadata import version

    from ..cache import cached, data_fingerprint
    from ..nlp import load_pipeline

    nlp = load_pipeline()
    if id(nlp) in _BY_PIPELINE:  # nlp.meta builds a dict on every call: look it up once per pipeline
        return _BY_PIPELINE[id(nlp)]
    name = nlp.meta.get("dyadwatch_name", nlp.meta.get("name", ""))
    if name not in _INDEXES:
        def build() -> dict[str, tuple[str, ...]]:
            return tokenize_phrases(list(phrase_table()), nlp)
        key = data_fingerprint("phrases", name, version("spacy"))
        _INDEXES[name] = PhraseIndex(cached("phrases", key, build))
    _BY_PIPELINE[id(nlp)] = _INDEXES[name]
    return _INDEXES[name]


class Registry:
    """The actors of one document, created once each and given their mentions."""

    def __init__(self, analysis: Analysis) -> None:
        self.analysis = analysis
        self.by_id: dict[str, Actor] = {}
        self.kb = kbase.load()

    def get(self, actor_id: str, **fields) -> Actor:
        if actor_id not in self.by_id:
            self.by_id[actor_id] = Actor(id=actor_id, **fields)
        return self.by_id[actor_id]

    def mention(self, actor: Actor, span: Span) -> None:
        start, end = span.start_char, span.end_char
        text = self.analysis.document.text[start:end]
        while text.endswith(("’s", "'s")):
            text, end = text[:-2], end - 2
        if not any(m.start == start for m in actor.mentions):
            actor.mentions.append(TextSpan(text, start, end))
        for token in span:
            self.analysis.token_actor[token.i] = actor

    def country(self, iso3: str) -> Actor:
        return self.get(iso3, name=self.kb.countries[iso3].name, kind="country", country=iso3, sector=None)

    def government(self, iso3: str) -> Actor:
        name = f"Government of {self.kb.countries[iso3].name}"
        return self.get(f"{iso3}GOV", name=name, kind="government", country=iso3, sector="GOV")

    def place(self, place: kbase.Place, name: str) -> Actor:
        actor = self.get(f"place:{slug(place.name)}", name=place.name, kind="location", country=place.country,
                         sector=None)
        if place.lat is not None and place.lon is not None:
            actor.coords = (place.lat, place.lon)
        return actor

    def person(self, person_id: str) -> Actor:
        day = self.analysis.document.published
        term = self.kb.office_on(person_id, day)
        terms = self.kb.terms_for(person_id)
        actor = self.get(f"person:{person_id}", name=terms[0].name, kind="person",
                         country=term.country if term else terms[0].country,
                         sector=term.sector if term else "GOV")
        if term and not actor.role:
            actor.role = term.role if term.covers(day) else f"former {term.role}"
        return actor


def _strip_the(span: Span) -> Span:
    """The entity without a leading article or a trailing possessive, keeping its label."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end - start > 1 and span.doc[end - 1].tag_ == "POS":
        end -= 1
    return Span(span.doc, start, end, label=span.label_)


def _is_dateline(span: Span) -> bool:
    """A place name opening a line and followed by a comma: the dateline of a wire story."""
    doc = span.doc
    starts_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    return starts_line and span.end < len(doc) and doc[span.end].text == ","


def _is_locative(span: Span) -> bool:
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE


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


def _country_in(span: Span, reg: Registry) -> str | None:
    """The country a name carries in its own words: "Kazakh Energy Ministry", "University of Nairobi"."""
    table = phrase_table()
    for token in span:
        actor = reg.analysis.token_actor.get(token.i)
        if actor is not None and actor.country:
            return actor.country
    for n in (2, 1):
        for i in range(span.start, span.end - n + 1):
            entry = table.get(span.doc[i:i + n].text)
            if entry is None:
                continue
            if entry.kind in {"country", "demonym", "capital", "metonym"}:
                return entry.key
            if entry.kind == "place" and (place := kbase.curated_places().get(entry.key)) and place.country:
                return place.country
            if n == 1 and (cities := kbase.city_gazetteer().get(span.doc[i].text)) and cities[0].population > SMALL_TOWN:
                return cities[0].country
    return None


def _affiliation(span: Span, reg: Registry) -> tuple[str | None, str | None, Actor | None]:
    """(country, sector, organisation) of a person from the phrases the parse attaches to the name.

    "Kazakh Energy Ministry spokesman X", "Uruguay's X", "X, an economist at the University of Nairobi",
    "Russia's chief negotiator, presidential aide X": the nearest country, organisation or place in the
    name's own noun phrase, its appositive, or the phrase it is the appositive of; the sector from a title
    word among them, else from the organisation."""
    root = span.root
    near = [t for left in root.lefts for t in left.subtree]
    near += [t for child in root.rights if child.dep_ == "appos" for t in child.subtree]
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


def _org_actor(span: Span, reg: Registry) -> Actor:
    name = span.text
    country = _country_in(span, reg)
    sector = next((code for pattern, code in ORG_SECTORS if pattern.search(name)), None)
    return reg.get(f"org:{slug(name)}", name=name, kind="organization", country=country, sector=sector)


SMALL_TOWN = 100_000


def _place_for(name: str, reg: Registry, locative: bool = True) -> kbase.Place | None:
    curated = kbase.curated_places().get(name)
    if curated:
        return curated
    m = COMPASS.match(name)
    if m:
        rest = name[m.end():]
        entry = phrase_table().get(rest)
        if entry and entry.kind == "country":
            country = reg.kb.countries[entry.key]
            return kbase.Place(name, country.iso3, None, None, "region")
    cities = kbase.city_gazetteer().get(name) or kbase.city_gazetteer().get(name.replace("St. ", "Saint "))
    if not cities:
        return None
    mentioned = {a.country for a in reg.by_id.values() if a.kind in {"country", "government"}}
    in_context = [c for c in cities if c.country in mentioned]
    best = (in_context or cities)[0]
    if best.population < SMALL_TOWN and not locative:
        return None  # a small town's name outside "in/at/near X" is more often a person or a work's name
    return best


@stage("actors", requires=("doc",), assigns=("actors",))
def find_actors(analysis: Analysis) -> None:
    doc = analysis.doc
    reg = Registry(analysis)
    table = phrase_table()
    kb_spans = [Span(doc, s, e, label="KB") for _, s, e in phrase_index()(doc)]
    ents = [_strip_the(e) for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}]
    # Longest span wins; on a tie the knowledge-base span comes first and is kept.
    chosen = filter_spans(kb_spans + ents)

    # Pass 1: knowledge-base phrases (countries first, so titles and organisations can look them up).
    for span in sorted(chosen, key=lambda s: s.label_ != "KB"):
        if span.label_ != "KB":
            continue
        entry = table.get(span.text) or table.get(span.text.replace("’", "'"))
        if entry is None:
            continue
        if entry.kind in {"country", "demonym"}:
            reg.mention(reg.country(entry.key), span)
        elif entry.kind in {"capital", "metonym"}:
            if entry.kind == "capital" and (_is_locative(span) or _is_dateline(span)):
                c = reg.kb.countries[entry.key]
                place = kbase.Place(c.capital, c.iso3, None, None, "city")
                cities = kbase.city_gazetteer().get(c.capital) or []
                place = next((p for p in cities if p.country == c.iso3), place)
                reg.mention(reg.place(place, c.capital), span)
            else:
                reg.mention(reg.government(entry.key), span)
        elif entry.kind == "org":
            o = reg.kb.organizations[entry.key]
            reg.mention(reg.get(f"org:{o.id}", name=o.name, kind="group" if o.kind == "group" else "organization",
                                country=o.country, sector=o.sector), span)
        elif entry.kind == "person":
            reg.mention(reg.person(entry.key), span)
        elif entry.kind == "place":
            reg.mention(reg.place(kbase.curated_places()[entry.key], entry.key), span)

    # Pass 2: spaCy's entities that the knowledge base does not know; people last, so that the
    # organisations and places their titles and appositives name are known when they are bound.
    for span in sorted(chosen, key=lambda s: s.label_ == "PERSON"):
        if span.label_ == "KB" or span.label_ == "NORP":
            continue
        name = span.text
        if span.label_ in {"GPE", "LOC", "FAC"}:
            place = _place_for(name, reg, _is_locative(span))
            if place is not None:
                reg.mention(reg.place(place, name), span)
        elif span.label_ == "ORG":
            reg.mention(_org_actor(span, reg), span)
        elif span.label_ == "PERSON":
            place = kbase.curated_places().get(name)
            if place is not None:  # the model's known trap: small towns tagged as people
                reg.mention(reg.place(place, name), span)
                continue
            if _names_a_thing(span):
                if span.root.head.lower_ in SITE_HEADS:  # "the Tengiz field": a place, in the sentence's country
                    site = kbase.Place(name, _only_country_around(span, reg), None, None, "landmark")
                    reg.mention(reg.place(site, name), span)
                continue
            _person(span, reg)

    _rebind_former_office_holders(analysis, reg)
    _surnames_the_model_missed(analysis, reg)
    _sector_actors(analysis, reg)
    _resolve_pronouns(analysis, reg)
    analysis.actors = sorted(reg.by_id.values(), key=lambda a: a.mentions[0].start if a.mentions else 0)
    for actor in analysis.actors:
        actor.mentions.sort(key=lambda m: m.start)


THING_HEADS = {"field", "fields", "plant", "refinery", "port", "base", "dam", "pipeline", "frigate", "frigates",
               "missile", "missiles", "system", "systems", "mine", "terminal", "airport", "station", "reactor",
               "crossing", "bridge", "canal", "river", "valley", "region", "district", "village", "town",
               "island", "islands", "strait", "brand", "class", "tank", "tanks", "jet", "jets", "drone", "drones",
               "vessel", "ship", "ships", "crude", "blend", "grade", "deal", "accord", "corridor", "project"}


SITE_HEADS = {"field", "fields", "plant", "refinery", "port", "base", "dam", "mine", "terminal", "airport",
              "station", "crossing", "bridge", "canal", "river", "valley", "region", "district", "village", "town",
              "island", "islands", "strait"}


def _names_a_thing(span: Span) -> bool:
    """A name used as the modifier of a thing ("the Tengiz field", "Taurus missiles") is not a person."""
    root = span.root
    return root.dep_ == "compound" and root.head.lower_ in THING_HEADS and root.head.i >= span.end


def _person(span: Span, reg: Registry) -> None:
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
    if country is None and sector in {"GOV", "MIL"}:
        country = _only_country_around(span, reg)
    if country is None and len(tokens) > 1:
        # Family name shared with a person of known country in the same article (relatives in the news).
        surname = tokens[-1]
        kin = next((a for a in known if a.country and a.name.split()[-1] == surname and len(surname) > 4), None)
        country = kin.country if kin else None
    if role and country:
        term = reg.kb.holder(country, role, reg.analysis.document.published)
        if term and (term.name.split()[-1] == tokens[-1]):
            reg.mention(reg.person(term.person_id), span)
            return
    actor = reg.get(f"person:{slug(name)}", name=name, kind="person", country=country, sector=sector)
    actor.country = actor.country or country
    actor.sector = actor.sector or sector
    reg.mention(actor, span)


def _only_country_around(span: Span, reg: Registry) -> str | None:
    """The one state named in the official's sentence, else in the sentence before ("Interior Minister X said")."""
    sent = span.sent
    previous = span.doc[sent.start - 1].sent if sent.start > 0 else None
    for part in (sent, previous):
        if part is None:
            continue
        states = {a.country for t in part if (a := reg.analysis.token_actor.get(t.i)) is not None
                  and a.kind in {"country", "government"}}
        if len(states) == 1:
            return states.pop()
        if states:
            return None
    return None


def _sector_actors(analysis: Analysis, reg: Registry) -> None:
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
        modifiers = [c for c in token.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.i < first]
        # "the army of Mali", "officials from Kenya"; for a state's own institutions also "police in Egypt"
        preps = {"of", "from", "in"} if agents[noun][0] in {"GOV", "COP", "JUD", "LEG"} else {"of", "from"}
        modifiers += [g for c in token.children if c.dep_ == "prep" and c.lower_ in preps
                      for g in c.children if g.dep_ == "pobj"]
        countries: list[Actor] = []
        for mod in modifiers:
            for m in [mod, *mod.conjuncts]:
                actor = analysis.token_actor.get(m.i)
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
            start = min(min(t.i for t in modifiers), first)
            reg.mention(actor, doc[start:token.i + 1]) if len(found) == 1 else None
        for i in range(first, token.i + 1):
            analysis.token_actor[i] = found[0]
        if len(found) > 1:
            analysis.token_actors[token.i] = found
            for extra in found[1:]:
                span = doc[first:token.i + 1]
                extra.mentions.append(TextSpan(span.text, span.start_char, span.end_char))


def _surnames_the_model_missed(analysis: Analysis, reg: Registry) -> None:
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


def _rebind_former_office_holders(analysis: Analysis, reg: Registry) -> None:
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


def _resolve_pronouns(analysis: Analysis, reg: Registry) -> None:
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
        candidates = [a for n, a in reversed(recent) if current - n <= 3]
        if not recent or token.i in analysis.token_actor:
            continue
        if token.lower_ in PRONOUNS and token.pos_ == "PRON":
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
