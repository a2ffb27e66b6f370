"""The countries of the synthetic corpus and who held which office when, from dyadwatch's data files.

A `Country` joins a row of corpus_data.COUNTRIES with its name, demonyms and capital from countries.tsv and its
office holders from leaders.tsv; `Country.holder(role, day)` is the person in office on that day, so an
article names the leaders of its own date.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from datetime import date
from importlib import resources

import corpus_data as data

ROLES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
_ROMAN = re.compile(r"\b[IVX]+$")


@dataclass(frozen=True)
class Person:
    id: str
    name: str
    short: str  # the form of later mentions: "Macron", "Xi", "Abdullah II"


@dataclass
class Country:
    iso3: str
    weight: int
    name: str  # as in running text: "the United States"
    dems: list[str]
    capital: str
    seat: str
    cities: list[str]
    currency: str
    lead_role: str
    hos_title: str
    hog_title: str
    fm_title: str
    dm_title: str
    terms: dict[str, list[tuple[date, date, Person]]] = field(default_factory=dict)

    def holder(self, role: str, day: date) -> Person | None:
        """Who held the office on the day (the latest-starting term that covers it), or None."""
        best = None
        for start, end, person in self.terms.get(role, ()):
            if start <= day <= end and (best is None or start > best[0]):
                best = (start, person)
        return best[1] if best else None

    def title_of(self, role: str, person: Person, day: date) -> str:
        if person.id in data.PERSON_TITLES:
            return data.PERSON_TITLES[person.id]
        if role == "head_of_state":
            return self.hos_title
        hos = self.holder("head_of_state", day)
        return self.hos_title if hos is not None and hos.id == person.id else self.hog_title


def _rows(filename: str) -> list[dict[str, str]]:
    text = resources.files("dyadwatch").joinpath(f"data/{filename}").read_text("utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def _day(value: str, *, end: bool) -> date:
    """A start or end of term as a date; YYYY-MM and YYYY stand for their first or last day; empty = open."""
    if not value:
        return date.max if end else date.min
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        if not end:
            return date(parts[0], parts[1], 1)
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(*parts)


def _short(name: str, aliases: list[str], iso3: str) -> str:
    if _ROMAN.search(name) or " bin " in name:
        return name
    for alias in aliases:
        if alias and " " not in alias and alias in name:
            return alias
    words = name.split()
    return words[0] if iso3 in data.FAMILY_FIRST else words[-1]


def load_countries() -> list[Country]:
    """The corpus's countries with their office holders, in corpus_data.COUNTRIES order."""
    info = {row["iso3"]: row for row in _rows("countries.tsv")}
    countries: dict[str, Country] = {}
    for iso3, weight, lead, hos_title, hog_title, currency, cities, dem_override in data.COUNTRIES:
        row = info[iso3]
        name = row["name"]
        dems = dem_override.split("|") if dem_override else [row["demonyms"].split("|")[0]]
        capital = data.SEATS.get(iso3) or row["capital"] or name
        countries[iso3] = Country(
            iso3=iso3, weight=weight, name=f"the {name}" if name in data.THE_NAMES else name, dems=dems,
            capital=capital, seat=data.SEATS.get(iso3, capital), cities=cities.split("|"), currency=currency,
            lead_role="head_of_state" if lead == "hos" else "head_of_government", hos_title=hos_title,
            hog_title=hog_title, fm_title=data.FM_TITLES.get(iso3, "Foreign Minister"),
            dm_title=data.DM_TITLES.get(iso3, "Defence Minister"))
    for row in _rows("leaders.tsv"):
        country = countries.get(row["country"])
        if country is None or row["role"] not in ROLES:
            continue
        aliases = (row.get("aliases") or "").split("|")
        person = Person(row["person_id"], row["name"], _short(row["name"], aliases, country.iso3))
        term = (_day(row["start"], end=False), _day(row["end"], end=True), person)
        country.terms.setdefault(row["role"], []).append(term)
    return list(countries.values())
