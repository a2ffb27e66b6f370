"""Actors: countries, governments, people, organisations, armed groups and places, resolved to stable codes.

Recognition joins the knowledge-base phrase index (actor_index) with spaCy's entities (the longer span
wins; on equal spans the knowledge base wins); places are resolved here, people in `people` (their office
on the article's date, or a state and sector from the parse; later mentions and pronouns).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span
from spacy.util import filter_spans

from .. import kb as kbase
from ..model import Actor, Analysis, slug
from ..pipeline import stage
from .actor_index import Registry, phrase_index, phrase_table, titles
from .people import (
    bind_person,
    only_country_around,
    peoples_of_states,
    rebind_former_office_holders,
    resolve_pronouns,
    sector_actors,
    surnames_the_model_missed,
)

ORG_WORDS = {"ministry", "party", "council", "bank", "group", "army", "union", "agency", "company", "corporation",
             "court", "commission", "committee", "forces", "front", "movement", "office", "organization",
             "organisation", "association", "institute", "university", "news", "times", "post", "fund", "service",
             "department", "administration", "government", "assembly", "parliament", "league", "alliance"}


def _titled_name(span: Span, reg: Registry) -> bool:
    """An entity the model calls an organisation that is a person: two or three capitalised words, none of
    them an organisation's word, right after an office title ("minister", "judge", "spokesman")."""
    words = [t for t in span if t.is_alpha]
    if not 2 <= len(words) <= 3 or not all(t.text[:1].isupper() for t in words) \
            or any(t.lower_ in ORG_WORDS for t in span) or span.start == 0:
        return False
    before = span.doc[span.start - 1].lower_
    return any(title.split()[-1] == before for title in titles())


LOCATIVE = {"in", "at", "near", "across", "outside", "inside", "around", "between", "throughout", "within",
            "from", "of", "into", "through", "toward", "towards"}


COMPASS = re.compile(r"^(?:the\s+)?(north|south|east|west|central|northern|southern|eastern|western|"
                     r"north-eastern|north-western|south-eastern|south-western|northeastern|northwestern|"
                     r"southeastern|southwestern)\s+", re.I)


ORG_SECTORS = [
    (re.compile(r"\b(army|military|armed forces|forces|navy|air force|police|guard|troops|command|militia)\b", re.I), "MIL"),
    (re.compile(r"\b(congress|senate|duma|knesset|majlis|legislature|national assembly)\b", re.I), "LEG"),
    (re.compile(r"\b(ministry|government|cabinet|council|presidency|office|parliament|embassy|agency)\b", re.I), "GOV"),
    (re.compile(r"\b(university|institute|academy|school|college)\b", re.I), "EDU"),
    (re.compile(r"\b(museum|theatre|theater|opera|orchestra|gallery|library)\b", re.I), "CVL"),
    (re.compile(r"\b(bank|company|corporation|corp|group|holding|inc|ltd|plc|airlines?|energy|oil|gas)\b", re.I), "BUS"),
    (re.compile(r"\b(trade unions?|labou?r unions?|workers'? unions?|union of \w+|unions? of \w+|teachers'? unions?|confederation of labou?r)\b", re.I), "LAB"),
    (re.compile(r"\b(hospital|health|medical)\b", re.I), "MED"),
    (re.compile(r"\b(news|agency|tv|television|radio|times|post|press)\b", re.I), "MED"),
]


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


def _org_actor(span: Span, reg: Registry) -> Actor:
    name = span.text
    country = _country_in(span, reg)
    if country is None:  # "the US Congress", "Iran's Guardian Council": a state that qualifies the name
        country = next((a.country for c in span.root.lefts if c.i < span.start and c.dep_ in
                        {"compound", "amod", "poss", "nmod"} and (a := reg.analysis.token_actor.get(c.i)) is not None
                        and a.kind in {"country", "government"} and a.country), None)
    sector = next((code for pattern, code in ORG_SECTORS if pattern.search(name)), None)
    parent = _parent_named(span, reg)
    if parent is not None and parent.sector in {"IGO", "NGO"}:
        # "the United Nations Refugee Coordination Office": an office of the organisation its name begins with
        country, sector = parent.country, parent.sector
    return reg.get(f"org:{slug(name)}", name=name, kind="organization", country=country, sector=sector)


def _parent_named(span: Span, reg: Registry) -> kbase.Organization | None:
    """The known organisation a longer unknown name begins with ("United Nations Refugee Coordination Office")."""
    table = phrase_table()
    for n in range(min(len(span) - 1, 6), 0, -1):
        entry = table.get(span.doc[span.start:span.start + n].text)
        if entry is not None and entry.kind == "org":
            return reg.kb.organizations[entry.key]
    return None


SMALL_TOWN = 100_000


@lru_cache(maxsize=1)
def _curated_by_first_word() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in kbase.curated_places():
        first, _, rest = name.partition(" ")
        if rest:
            out.setdefault(first, []).append(name)
    return out


def _longer_place_named(name: str, text: str) -> kbase.Place | None:
    """A curated place whose name starts with this one-word name and that the document names in full."""
    if " " in name:
        return None
    return next((kbase.curated_places()[full] for full in _curated_by_first_word().get(name, ()) if full in text),
                None)


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


def _kb_entry(span: Span):
    table = phrase_table()
    return table.get(span.kb_id_) or table.get(span.text) or table.get(span.text.replace("’", "'"))


def _mention_known(span: Span, reg: Registry) -> None:
    """Mention the actor a knowledge-base phrase stands for."""
    entry = _kb_entry(span)
    if entry is None:
        return
    if entry.kind in {"country", "demonym"}:
        reg.mention(reg.country(entry.key), span)
    elif entry.kind in {"capital", "metonym"}:
        # "in Moscow", "into Abidjan": the city; "Moscow said", "talks with Abidjan": the government
        city = reg.kb.countries[entry.key].capital if entry.kind == "capital" else span.text
        namesakes = kbase.city_gazetteer().get(city) or []
        cities = [p for p in namesakes if p.country == entry.key]
        if entry.kind == "capital" and len(namesakes) > 1:
            # "militias in Tripoli … the north Lebanese port": the namesake city (not a small town) of the state
            # the sentence names, when it does not name the capital's own
            named = {a.country for t in span.sent if (a := reg.analysis.token_actor.get(t.i)) is not None
                     and a.kind in {"country", "government"}}
            if entry.key not in named:
                cities = [p for p in namesakes if p.country in named and p.population >= SMALL_TOWN][:1] or cities
        # (a capital before its state existed is a city: "Juba" in 2000)
        young = kbase.state_on(entry.key, reg.analysis.document.published) != entry.key
        if (_is_locative(span) or _is_dateline(span) or young) and (entry.kind == "capital" or cities):
            place = cities[0] if cities else kbase.Place(city, entry.key, None, None, "city")
            reg.mention(reg.place(place, city), span)
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


@stage("actors", requires=("doc",), assigns=("actors",))
def find_actors(analysis: Analysis) -> None:
    doc = analysis.doc
    reg = Registry(analysis)
    kb_spans = [Span(doc, s, e, label="KB", kb_id=phrase) for phrase, s, e in phrase_index()(doc)]
    ents = [_strip_the(e) for e in doc.ents if e.label_ in {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}]
    # Longest span wins; on a tie the knowledge-base span comes first and is kept.
    chosen = filter_spans(kb_spans + ents)

    # Pass 1: knowledge-base phrases (countries first, so titles and organisations can look them up).
    ends = {s.end: s for s in chosen}
    known = [s for s in chosen if s.label_ == "KB"]
    for span in sorted(known, key=lambda s: (e := _kb_entry(s)) is None or e.kind not in {"country", "demonym"}):
        if not _abbreviation_of_a_name(span, ends):
            _mention_known(span, reg)

    # Pass 2: spaCy's entities that the knowledge base does not know; people last, so that the
    # organisations and places their titles and appositives name are known when they are bound.
    for span in sorted(chosen, key=lambda s: s.label_ == "PERSON"):
        if span.label_ == "KB" or span.label_ == "NORP":
            continue
        name = span.text
        if span.label_ in {"GPE", "LOC", "FAC"}:
            # "near Scarborough" in a story about Scarborough Shoal: the longer place the document names
            place = _longer_place_named(name, analysis.document.text) or _place_for(name, reg, _is_locative(span))
            if place is not None:
                reg.mention(reg.place(place, name), span)
            else:  # "the Lebanese Bekaa Valley": what the knowledge base knows inside a name it does not
                for inner in kb_spans:
                    if span.start <= inner.start and inner.end <= span.end:
                        _mention_known(inner, reg)
        elif span.label_ == "ORG" and _titled_name(span, reg):
            bind_person(span, reg)  # "Ghanaian deputy trade minister Kofi Asante", tagged ORG by the model
        elif span.label_ == "ORG":
            reg.mention(_org_actor(span, reg), span)
        elif span.label_ == "PERSON":
            place = kbase.curated_places().get(name)
            if place is not None:  # the model's known trap: small towns tagged as people
                reg.mention(reg.place(place, name), span)
                continue
            if _names_a_thing(span):
                if span.root.head.lower_ in SITE_HEADS:  # "the Tengiz field": a place, in the sentence's country
                    site = kbase.Place(name, only_country_around(span, reg), None, None, "landmark")
                    reg.mention(reg.place(site, name), span)
                continue
            bind_person(span, reg)

    rebind_former_office_holders(analysis, reg)
    surnames_the_model_missed(analysis, reg)
    sector_actors(analysis, reg)
    peoples_of_states(analysis, reg)
    resolve_pronouns(analysis, reg)
    analysis.actors = sorted(reg.by_id.values(), key=lambda a: a.mentions[0].start if a.mentions else 0)
    for actor in analysis.actors:
        actor.mentions.sort(key=lambda m: m.start)


def _abbreviation_of_a_name(span: Span, ends: dict[int, Span]) -> bool:
    """A person's short form in brackets right after another name ("the Municipality Association (AKK)") is that
    name's abbreviation, not the person (unless that name is the person's own)."""
    entry = _kb_entry(span)
    if entry is None or entry.kind != "person" or span.start < 2 or span.doc[span.start - 1].text != "(" \
            or span.end >= len(span.doc) or span.doc[span.end].text != ")":
        return False
    before = ends.get(span.start - 1)
    named = _kb_entry(before) if before is not None else None
    return before is not None and (named is None or named.key != entry.key)


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
