"""One synthetic news article: a story between two countries told in event, quote and background sentences.

`Writer(rng, countries, day, source, style).article(id)` draws a dyad, a kind of event and a length, then
writes a headline and paragraphs until the length is reached; every event sentence is recorded with its kind,
form and parties (`Article.events`), so tests can see what the corpus holds without parsing it.
"""

from __future__ import annotations

import random
import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, timedelta

import corpus_data as data
import corpus_templates as tpl
from corpus_world import Country, Person

_AN = re.compile(r"(?<![\w-])([Aa]) (?=(?!Eu|Uk|Ur|Uz|Uni|US\b|U\.|[Oo]ne\b|[Oo]nce\b)[AEIOUaeiou]|8|1[18](?![0-9]))")
_LEADING_NUMBER = re.compile(r"([2-9]|1[0-5]) ")
_PLURAL_POSS = re.compile(r"\b(States|Philippines|Netherlands|Emirates)'s\b")
_EVENTS_BY_KIND: dict[str, list[tuple[str, str, str]]] = {}
for _event in tpl.EVENTS:
    _EVENTS_BY_KIND.setdefault(_event[0], []).append(_event)
_LISTS = {"goods": data.GOODS, "sector": data.SECTORS, "topic": data.TOPICS, "issue": data.ISSUES,
          "accusation": data.ACCUSATIONS, "incident": data.INCIDENTS, "demand": data.DEMANDS,
          "demand_both": data.DEMANDS_BOTH, "condition": data.CONDITIONS, "project": data.PROJECTS,
          "research": data.RESEARCH, "vessel": data.VESSELS, "relief": data.RELIEF, "disaster": data.DISASTERS,
          "tech": data.TECH, "weapon": data.WEAPONS, "protest_demand": data.PROTEST_DEMANDS,
          "decision": data.DECISIONS, "think_tank": data.THINK_TANKS, "agency": data.AGENCIES,
          "venue": data.VENUES, "history": tpl.HISTORY, "strain": tpl.STRAIN, "ordinal": tpl.ORDINALS,
          "direction": ["north", "south", "east", "west", "north-east", "south-west"]}


@dataclass
class Article:
    id: str
    title: str
    published: date
    source: str
    style: str  # dateline style of the source: us, uk or wire
    city: str  # dateline city
    paragraphs: list[str]
    events: list[tuple[str, str, str, str]] = field(default_factory=list)  # (kind, form, source, target) ISO3
    trailer: str = ""  # boilerplate line after a text file's article (the text reader cuts it)
    duplicate_of: str | None = None
    duplicate_kind: str | None = None  # "exact" or "near"

    def dateline(self) -> str:
        d = self.published
        city = unicodedata.normalize("NFKD", self.city).encode("ascii", "ignore").decode().upper()
        if self.style == "uk":
            return f"{city}, {d.day} {data.MONTHS[d.month - 1]} {d.year}: "
        when = f"{data.MONTH_ABBR[d.month - 1]} {d.day}, {d.year}"
        if self.style == "wire":
            return f"{city}, {when} ({self.source}) — "
        return f"{city}, {when} — "

    def text(self) -> str:
        """The article's text as a JSONL record carries it: dateline, then paragraphs."""
        return self.dateline() + "\n\n".join(self.paragraphs)

    def as_txt(self) -> str:
        tail = f"\n\n{self.trailer}" if self.trailer else ""
        return f"{self.title}\n\n{self.text()}{tail}\n"

    def as_record(self) -> dict[str, str]:
        return {"id": self.id, "title": self.title, "published": self.published.isoformat(), "source": self.source,
                "text": self.text()}

    def copy(self, **changes) -> Article:
        return replace(self, paragraphs=list(self.paragraphs), events=list(self.events), **changes)


class Party:
    """A country as one article sees it: its office holders on the article's date, who has been named."""

    def __init__(self, country: Country, day: date) -> None:
        self.country = country
        role = country.lead_role
        lead = country.holder(role, day)
        if lead is None:
            role = "head_of_government" if role == "head_of_state" else "head_of_state"
            lead = country.holder(role, day)
        self.lead: Person | None = lead
        self.lead_title = country.title_of(role, lead, day) if lead else country.hos_title
        self.fm = country.holder("foreign_minister", day)
        self.dm = country.holder("defence_minister", day)
        self.seen: set[str] = set()


class Slots(dict):
    """The values of one sentence's slots, drawn on first use and kept, so a slot used twice reads the same."""

    def __init__(self, writer: Writer, roles: tuple[Party, Party, Party]) -> None:
        super().__init__()
        self.writer, self.roles = writer, roles

    def __missing__(self, key: str) -> str:
        w = self.writer
        if key[0] in "abc" and (len(key) == 1 or key[1] == "_"):
            i = "abc".index(key[0])
            value = w.party_slot(key[2:] or "ref", self.roles[i])
        else:
            base = key.rstrip("0123456789")
            value = w.slot(base, self.roles[0])
            if base != key:  # {goods2}: not the same as {goods}
                for _ in range(6):
                    if value not in self.values():
                        break
                    value = w.slot(base, self.roles[0])
        if "{" in value:
            value = value.format_map(self)
        self[key] = value
        return value


def finish(sentence: str) -> str:
    """A filled template made presentable: a/an, plural possessives, no digit or lower case to start."""
    sentence = _AN.sub(r"\1n ", sentence).replace("..", ".")  # "Marcos Jr.." at the end of a sentence
    if "s's" in sentence:
        sentence = _PLURAL_POSS.sub(r"\1'", sentence)
    if m := _LEADING_NUMBER.match(sentence):  # "2 warships were sent" -> "Two warships were sent"
        sentence = (data.NUMBER_WORDS + ["thirteen", "fourteen", "fifteen"])[int(m[1]) - 2] + sentence[len(m[1]):]
    i = 1 if sentence.startswith("“") else 0
    return sentence[:i] + sentence[i].upper() + sentence[i + 1:]


class Writer:
    """Writes one article: draws its three countries, then fills templates with the article's own random stream."""

    def __init__(self, rng: random.Random, countries: list[Country], day: date, source: str, style: str) -> None:
        self.rng, self.day, self.source, self.style = rng, day, source, style
        a, b, c = self._three(countries)
        self.parties = (Party(a, day), Party(b, day), Party(c, day))
        self.used: set[object] = set()  # templates already in the article
        self.events: list[tuple[str, str, str, str]] = []

    def _three(self, countries: list[Country]) -> list[Country]:
        weights = [c.weight for c in countries]
        chosen: list[Country] = []
        while len(chosen) < 3:
            c = self.rng.choices(countries, weights)[0]
            if c not in chosen:
                chosen.append(c)
        return chosen

    # --- slots ---------------------------------------------------------------------------------------------
    def dem(self, p: Party) -> str:
        dems = p.country.dems
        return dems[0] if len(dems) == 1 or self.rng.random() < 0.7 else self.rng.choice(dems[1:])

    def person(self, p: Party, key: str, person: Person | None, title: str, *, of: bool = True) -> str:
        rng, dem = self.rng, self.dem(p)
        if person is None:
            return f"the {dem} {title.lower()}"
        if key in p.seen:
            return person.short if rng.random() < 0.75 else f"the {dem} {title.lower()}"
        p.seen.add(key)
        form = rng.random()
        if form < 0.6:
            return f"{dem} {title} {person.name}"
        if form < 0.8 and of and not title[0].islower():
            return f"{title} {person.name} of {p.country.name}"
        return f"{p.country.name}'s {title} {person.name}" if title[0].isupper() else f"{dem} {title} {person.name}"

    def party_slot(self, attr: str, p: Party) -> str:
        rng, c = self.rng, p.country
        if attr == "ref":
            r = rng.random()
            return c.name if r < 0.65 else f"the {self.dem(p)} government" if r < 0.85 else c.seat
        if attr == "name":
            return c.name
        if attr == "dem":
            return self.dem(p)
        if attr == "gov":
            return rng.choice([f"the {self.dem(p)} government", f"the government in {c.seat}", c.seat,
                               f"the government of {c.name}", f"the {self.dem(p)} government"])
        if attr == "lead":
            return self.person(p, "lead", p.lead, p.lead_title)
        if attr == "lead_poss":  # "Macron's", never "President Emmanuel Macron of France's"
            return self.person(p, "lead", p.lead, p.lead_title, of=False) + "'s"
        if attr == "fm":
            return self.person(p, "fm", p.fm, c.fm_title)
        if attr == "dm":
            return self.person(p, "dm", p.dm, c.dm_title)
        if attr == "short":
            return p.lead.short if p.lead else c.name
        if attr == "ministry":
            return self.ministry(p)
        if attr == "mil":
            return rng.choice([f"{self.dem(p)} forces", f"{self.dem(p)} troops", f"the {self.dem(p)} military",
                               f"the {self.dem(p)} army"])
        if attr == "cap":
            return c.capital
        if attr == "seat":
            return c.seat
        if attr == "city":
            return rng.choice(c.cities)
        if attr == "people":
            return f"{self.dem(p)} {rng.choice(['citizens', 'students', 'workers', 'residents', 'nationals'])}"
        if attr == "official":
            return rng.choice([f"a senior {self.dem(p)} official", f"a {self.dem(p)} diplomat",
                               f"an adviser to the {self.dem(p)} {p.lead_title.lower()}", f"an official in {c.seat}"])
        if attr == "speaker":
            return self.speaker(p)
        if attr == "speaker_mid":  # before a verb: an apposition is closed by a comma
            who = self.speaker(p)
            return who + "," if "," in who else who
        if attr == "any":
            return rng.choice(data.ORGS)[0] if rng.random() < 0.3 else c.name
        raise KeyError(attr)

    def speaker(self, p: Party) -> str:
        """Who is quoted, named in full with an apposition the first time ("X, the foreign minister of Y")."""
        rng, c = self.rng, p.country
        r = rng.random()
        if r < 0.35 and p.lead:
            if "lead" in p.seen:
                return p.lead.short
            p.seen.add("lead")
            return f"{p.lead.name}, the {self.dem(p)} {p.lead_title.lower()}"
        if r < 0.7 and p.fm:
            if "fm" in p.seen:
                return p.fm.short
            p.seen.add("fm")
            return f"{p.fm.name}, the foreign minister of {c.name}"
        name = f"{rng.choice(data.GIVEN)} {rng.choice(data.FAMILY)}"
        return f"{name}, a spokesperson for {self.ministry(p)}"

    def ministry(self, p: Party) -> str:
        c = p.country
        return self.rng.choice(data.MINISTRIES.get(c.iso3) or [
            f"the {self.dem(p)} foreign ministry", f"{c.name}'s foreign ministry",
            f"the {self.dem(p)} Ministry of Foreign Affairs"])

    def slot(self, name: str, a: Party) -> str:
        rng = self.rng
        if name in _LISTS:
            return rng.choice(_LISTS[name])
        if name == "when":
            return self.when()
        if name == "past":
            return self.past()
        if name == "future":
            return self.future()
        if name == "soon":
            return rng.choice(["next week", "next month", "in the coming weeks", "later this month", "on Monday"])
        if name == "weekday":
            return data.WEEKDAYS[(self.day - timedelta(days=rng.randrange(7))).weekday()]
        if name == "month":
            return data.MONTHS[(self.day.month - 1 - rng.randint(1, 3)) % 12]
        if name == "year":
            return str(self.day.year - rng.randint(1, 8))
        if name == "year_old":
            return str(rng.randint(1949, 2005))
        if name == "year_future":
            return str(self.day.year + rng.randint(1, 10))
        if name == "money":
            return self.money(a)
        if name == "pct":
            v = rng.randint(2, 60) if rng.random() < 0.6 else round(rng.uniform(0.5, 9.9), 1)
            return f"{v}%" if rng.random() < 0.3 else f"{v} per cent" if self.style == "uk" else f"{v} percent"
        if name == "pct_small":
            v = f"{rng.uniform(0.2, 6.5):.1f}"
            return f"{v}%" if rng.random() < 0.3 else f"{v} per cent" if self.style == "uk" else f"{v} percent"
        if name in {"n", "n_troops"}:
            v = rng.choice([1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8, 9]) * 10 ** rng.randint(2, 4)
            return f"{int(v):,}"
        if name == "n_small":
            v = rng.randint(2, 15)
            return str(v) if v > 12 or (v >= 10 and rng.random() < 0.7) else data.NUMBER_WORDS[v - 2]
        if name == "n_word":
            return rng.choice(data.NUMBER_WORDS[:9])
        if name == "days":
            return rng.choice(data.NUMBER_WORDS[:4])
        if name == "qty":
            unit, low, high, step = rng.choice(data.PHYSICAL)
            return f"{rng.randint(low // step, high // step) * step:,} {unit}"
        if name in {"analyst", "reporter", "person"}:
            return f"{rng.choice(data.GIVEN)} {rng.choice(data.FAMILY)}"
        if name == "org":
            return rng.choice(data.ORGS)[0]
        if name == "org_short":
            return rng.choice(data.ORGS)[1]
        if name == "source":
            return self.source
        raise KeyError(name)

    def money(self, a: Party) -> str:
        rng = self.rng
        r = rng.random()
        code = a.country.currency if r < 0.4 else "USD" if r < 0.8 else "EUR"
        scale, low, high = rng.choice(data.MONEY_SCALES.get(code, data.DEFAULT_SCALES))
        if scale == "million":
            value = str(rng.randint(low, high) // 5 * 5 or 5)
        elif high <= 60 and rng.random() < 0.5:
            value = f"{rng.uniform(low, min(high, 20)):.1f}".removesuffix(".0")
        else:
            value = str(rng.randint(low, high))
        return rng.choice(data.CURRENCIES[code]).format(v=f"{value} {scale}")

    def _day_month(self, d: date) -> str:
        month = data.MONTHS[d.month - 1]
        return f"{d.day} {month}" if self.style == "uk" else f"{month} {d.day}"

    def when(self) -> str:
        rng, pub = self.rng, self.day
        k = rng.choice([0, 1, 1, 1, 2, 2, 3, 4, 5, 6])
        d = pub - timedelta(days=k)
        options = [f"on {data.WEEKDAYS[d.weekday()]}{rng.choice(data.DAY_PARTS)}"] * 4 + [f"on {self._day_month(d)}"]
        if k == 1:
            options.append("yesterday")
        if k >= 2:
            options.append("earlier this week" if d.weekday() < pub.weekday() else "last week")
        return rng.choice(options)

    def past(self) -> str:
        rng, pub = self.rng, self.day
        options = ["last month", f"{rng.choice(data.NUMBER_WORDS[:3])} weeks ago", f"in {pub.year - rng.randint(1, 6)}",
                   "last year", f"{rng.choice(data.NUMBER_WORDS[:5])} years ago",
                   f"in {data.MONTHS[rng.randrange(12)]} {pub.year - 1}"]
        if pub.month >= 3:
            options += ["earlier this year", f"in {data.MONTHS[rng.randrange(pub.month - 1)]}"]
        return rng.choice(options)

    def future(self) -> str:
        rng, pub = self.rng, self.day
        options = ["next week", "next month", "in the coming weeks", f"by {pub.year + rng.randint(1, 5)}",
                   "early next year"]
        if pub.month <= 9:
            options += ["later this year", "before the end of the year",
                        f"in {data.MONTHS[rng.randint(pub.month, 11)]}"]
        return rng.choice(options)

    # --- sentences -----------------------------------------------------------------------------------------
    def roles(self, direction: str) -> tuple[Party, Party, Party]:
        a, b, c = self.parties
        return {"ab": (a, b, c), "ba": (b, a, c), "ca": (c, a, b), "cb": (c, b, a)}[direction]

    def render(self, template: str, roles: tuple[Party, Party, Party], **fixed: str) -> str:
        slots = Slots(self, roles)
        slots.update(fixed)
        return finish(template.format_map(slots))

    def _fresh(self, candidates: list):
        """A candidate (template) this article has not used yet, or None when all are used."""
        unused = [c for c in candidates if c not in self.used]
        if not unused:
            return None
        choice = self.rng.choice(unused)
        self.used.add(choice)
        return choice

    def event(self, kind: str, direction: str = "ab") -> str | None:
        roles = self.roles(direction)
        event = self._fresh(_EVENTS_BY_KIND[kind])
        if event is None:
            return None
        self.events.append((kind, event[1], roles[0].country.iso3, roles[1].country.iso3))
        return self.render(event[2], roles)

    def quote(self, kind: str) -> str | None:
        roles = self.roles(self.rng.choice(["ab", "ab", "ba"]))
        friendly = kind in tpl.FRIENDLY
        pool = tpl.QUOTES["pos" if friendly else "neg"] + tpl.QUOTES["neu"][: 2 if friendly else 6]
        q, q2 = self._fresh(pool), self._fresh(pool)
        if q is None or q2 is None:
            return None
        q, q2 = self.render(q, roles), self.render(q2, roles)
        return self.render(self.rng.choice(tpl.QUOTE_FRAMES), roles, q=q, q2=q2)

    def analyst(self) -> str | None:
        roles = self.roles(self.rng.choice(["ab", "ba"]))
        q = self._fresh(tpl.QUOTES["analyst"])
        if q is None:
            return None
        return self.render(self.rng.choice(tpl.ANALYST_FRAMES), roles, q=self.render(q, roles))

    def background(self) -> str | None:
        template = self._fresh(tpl.BACKGROUND)
        return None if template is None else self.render(template, self.roles(self.rng.choice(["ab", "ba"])))

    def any_sentence(self, kind: str) -> str:
        """Some sentence not yet in the article (a template is reused only when every one has been)."""
        for make in (self.background, lambda: self.quote(kind), self.analyst):
            sentence = make()
            if sentence is not None:
                return sentence
        other = self.rng.choice(list(tpl.KINDS))
        sentence = self.event(other, self.rng.choice(["ab", "ba"]))
        if sentence is None:
            self.used.clear()
            sentence = self.background()
        assert sentence is not None
        return sentence

    # --- the article ---------------------------------------------------------------------------------------
    def article(self, article_id: str) -> Article:
        rng = self.rng
        kind = rng.choices(list(tpl.KINDS), list(tpl.KINDS.values()))[0]
        a, b = self.parties[0].country, self.parties[1].country
        title = self.render(rng.choice(tpl.HEADLINES[kind]), self.roles("ab"))
        for p in self.parties:
            p.seen.clear()
        target = min(1150, 150 + int(1050 * rng.random() ** 2.2))
        lead = [self.event(kind) or self.any_sentence(kind)]
        if rng.random() < 0.5:
            lead.append((self.event(kind) if rng.random() < 0.5 else None) or self.any_sentence(kind))
        paragraphs = [" ".join(lead)]
        words = len(paragraphs[0].split())
        follow = tpl.FOLLOW_UPS[kind]
        blocks = ["event", "follow", "quote", "background", "analyst"]
        while words < target:
            block = rng.choices(blocks, [2, 3, 2.5, 3.5, 0.8])[0]
            sentences: list[str] = []
            for _ in range(rng.choice([1, 1, 2, 2, 3]) if block in {"event", "follow", "background"} else 1):
                if block == "event":
                    sentence = self.event(kind, rng.choice(["ab", "ab", "ab", "ba"]))
                elif block == "follow":
                    sentence = self.event(*rng.choice(follow))
                elif block == "quote":
                    sentence = self.quote(kind)
                elif block == "analyst":
                    sentence = self.analyst()
                else:
                    sentence = self.background()
                if sentence is None:
                    sentence = self.any_sentence(kind)
                sentences.append(sentence)
                words += len(sentence.split())
                if words >= target:
                    break
            paragraphs.append(" ".join(sentences))
        city = rng.choices([a.seat, b.seat, rng.choice(data.VENUES)], [5, 3, 1])[0]
        trailer = ""
        if rng.random() < 0.1:
            trailer = rng.choice([f"© {self.day.year} {self.source}. All rights reserved.", "Share this article",
                                  f"Follow us for more news from {city}."])
        return Article(article_id, title.rstrip("."), self.day, self.source, self.style, city, paragraphs,
                       self.events, trailer)
