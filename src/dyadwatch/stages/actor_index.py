"""The knowledge base as the actors stage looks it up: every phrase and what it stands for, a fast
longest-match index over a Doc's tokens (cached on disk), the titles table, and the registry of one
document's actors."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LOWER, ORTH
from spacy.strings import hash_string
from spacy.tokens import Doc, Span

from .. import kb as kbase
from ..model import Actor, Analysis, slug
from ..model import Span as TextSpan


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
            known = table.get(name.strip())
            if known is not None and known.kind == "person" and t.person_id not in known.key.split("|"):
                # "Bush", "Clinton": several office holders go by the name; the article's date decides
                table[name.strip()] = Entry("person", f"{known.key}|{t.person_id}")
            else:
                add(name, Entry("person", t.person_id))
    for name in kbase.curated_places():
        add(name, Entry("place", name))
    return table


class PhraseIndex:
    """Longest-match lookup of knowledge-base phrases over a Doc's tokens (exact case).

    The phrases are tokenised once with the pipeline's tokenizer and cached on disk, so start-up costs a
    pickle load however many phrases there are; matching is a dict lookup per token."""

    def __init__(self, token_lists: dict[str, tuple[str, ...]]) -> None:
        # keyed by the words' hashes (spaCy's ORTH ids), so matching reads one array and makes no Token objects
        # first word -> [(length, {word ids: phrase})], longest first: a lookup per length, not per phrase
        # (hundreds of phrases start with "the")
        by_length: dict[int, dict[int, dict[tuple[int, ...], str]]] = {}
        for phrase, tokens in token_lists.items():
            if tokens:
                ids = tuple(hash_string(t) for t in tokens)
                by_length.setdefault(ids[0], {}).setdefault(len(ids), {}).setdefault(ids, phrase)
        self.first: dict[int, list[tuple[int, dict[tuple[int, ...], str]]]] = {
            w: sorted(lengths.items(), reverse=True) for w, lengths in by_length.items()}
        # one-word names of states and their peoples by their lower-case form ("tunisian rioters", "ISRAEL"):
        # a word in another case than the knowledge base's that no longer phrase covers
        self.folded: dict[int, str] = {}

    def fold_case(self, phrases: list[str]) -> None:
        for phrase in phrases:
            if phrase.isalpha() and len(phrase) > 3:
                self.folded.setdefault(hash_string(phrase.lower()), phrase)

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        words = doc.to_array(ORTH).tolist()
        first = self.first
        out = []
        free = 0  # the first token not inside a phrase already matched
        for i in [i for i, w in enumerate(words) if w in first]:
            if i < free:
                continue
            for length, phrases in first[words[i]]:  # longest first: leftmost-longest match
                phrase = phrases.get(tuple(words[i:i + length]))
                if phrase is not None:
                    out.append((phrase, i, i + length))
                    free = i + length
                    break
        if self.folded:
            folded = self.folded
            hits = [(i, folded[w]) for i, w in enumerate(doc.to_array(LOWER).tolist()) if w in folded]
            covered = {i for _, start, end in out for i in range(start, end)} if hits else set()
            out += [(phrase, i, i + 1) for i, phrase in hits if i not in covered
                    and not (doc[i].text.islower() and doc[i].text in LOWERCASE_WORDS)]
        return out


# names of states and peoples that are also English words in lower case ("turkey", "polish", "jordan"), never
# read as a state when written so; in capitals ("TURKEY") they are
LOWERCASE_WORDS = frozenset({
    "america", "bermuda", "brazil", "chad", "chile", "china", "cuba", "danish", "dutch", "finnish", "french",
    "georgia", "greek", "guinea", "indian", "indians", "jersey", "japan", "jordan", "kiwi", "kiwis", "lesotho",
    "monaco", "niger", "panama", "polish", "poles", "spanish", "swede", "swedes", "swiss", "togo", "turkey",
    "turkish", "turks", "trinidad", "hellas", "norge", "bharat", "eire"})

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
        index = PhraseIndex(cached("phrases", key, build))
        index.fold_case([p for p, e in phrase_table().items() if e.kind in {"country", "demonym"}])
        _INDEXES[name] = index
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

    def civilians(self, iso3: str) -> Actor:
        """A state's people (CAMEO's CVL sector: "Kenyan civilians" are KENCVL)."""
        return self.get(f"{iso3}CVL", name=f"{self.kb.countries[iso3].name} (civilians)", kind="group", country=iso3,
                        sector="CVL")

    def place(self, place: kbase.Place, name: str) -> Actor:
        actor = self.get(f"place:{slug(place.name)}", name=place.name, kind="location",
                         country=kbase.state_on(place.country, self.analysis.document.published), sector=None)
        if place.lat is not None and place.lon is not None:
            actor.coords = (place.lat, place.lon)
        return actor

    def person(self, person_id: str) -> Actor:
        """The person of a knowledge-base id; of several ids ("a|b", a name they share), the one in office on
        the article's date, else the one whose office began last before it, else the first."""
        day = self.analysis.document.published
        if "|" in person_id:
            person_id = self.kb.holder_of_name(person_id.split("|"), day)
        term = self.kb.office_on(person_id, day)
        terms = self.kb.terms_for(person_id)
        actor = self.get(f"person:{person_id}", name=terms[0].name, kind="person",
                         country=term.country if term else terms[0].country,
                         sector=term.sector if term else "GOV")
        if term and not actor.role:
            actor.role = term.role if term.covers(day) else f"former {term.role}"
        return actor
