"""The objects that flow through the pipeline, and their JSON form (the contract's analysis object)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.tokens import Doc


def content_hash(text: str) -> str:
    """Hash of the text with whitespace and case folded: the key of exact-duplicate detection."""
    folded = " ".join(text.split()).casefold()
    return hashlib.sha256(folded.encode("utf-8")).hexdigest()


@dataclass
class Document:
    """One article as read: clean text plus what is known about it."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None  # YYYY-MM-DD
    source: str | None = None
    url: str | None = None
    language: str | None = "en"
    origin: str | None = None  # file path (and entry) it came from
    date_order: str | None = None  # "DMY"/"MDY" when the source reveals its convention

    def __post_init__(self) -> None:
        self.hash = content_hash(self.text)
        if not self.id:
            self.id = self.hash[:16]

    def as_json(self) -> dict[str, Any]:
        return {"id": self.id, "title": self.title, "published": self.published, "source": self.source,
                "url": self.url, "language": self.language}


@dataclass
class Span:
    text: str
    start: int
    end: int

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end}


@dataclass(eq=False)
class Actor:
    id: str
    name: str
    kind: str  # country, government, person, organization, group, location
    country: str | None
    sector: str | None
    mentions: list[Span] = field(default_factory=list)
    role: str | None = None  # office held on the article's date, from the knowledge base
    coords: tuple[float, float] | None = None

    def ref(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "country": self.country, "sector": self.sector}

    def as_json(self) -> dict[str, Any]:
        out = {"id": self.id, "name": self.name, "kind": self.kind, "country": self.country,
               "sector": self.sector, "mentions": [m.as_json() for m in self.mentions]}
        if self.role:
            out["role"] = self.role
        if self.coords:
            out["coordinates"] = list(self.coords)
        return out


@dataclass
class DateMention:
    text: str
    value: str | None
    start: int
    end: int

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "start": self.start, "end": self.end}


@dataclass
class Quantity:
    value: float
    unit: str | None
    qualifier: str | None
    object: str | None
    evidence: Span

    def as_json(self) -> dict[str, Any]:
        value: float | int = int(self.value) if float(self.value).is_integer() else self.value
        return {"value": value, "unit": self.unit, "qualifier": self.qualifier, "object": self.object,
                "evidence": self.evidence.as_json()}


@dataclass
class Quote:
    text: str
    speaker: Actor | None
    start: int
    end: int

    def as_json(self) -> dict[str, Any]:
        return {"text": self.text, "speaker": self.speaker.ref() if self.speaker else None,
                "start": self.start, "end": self.end}


@dataclass
class Event:
    id: str
    type: str
    mode: str | None
    context: str | None
    cameo: str
    score: float
    quad_class: int
    source: list[Actor]
    target: list[Actor]
    date: str | None
    location: str | None
    status: str
    confidence: float
    evidence: Span
    trigger: Span | None = None
    reciprocal: bool = False  # both sides act: coordinated actors together, or the two sides of a meeting
    act: str | None = None  # the PLOVER type of a promised or threatened act ("AID" of an AGREE to give aid)
    act_cameo: str | None = None  # and its CAMEO code ("072" of "will supply arms", coded 0332)

    def pairs(self) -> set[tuple[str, str]]:
        """The sorted country pairs this event is evidence for."""
        out = set()
        for a in self.countries("source"):
            for b in self.countries("target"):
                if a != b:
                    out.add((min(a, b), max(a, b)))
        return out

    def countries(self, side: str) -> set[str]:
        return {a.country for a in getattr(self, side) if a.country}

    def as_json(self) -> dict[str, Any]:
        out = {"id": self.id, "type": self.type, "mode": self.mode, "context": self.context,
               "cameo": self.cameo, "score": self.score, "quad_class": self.quad_class,
               "source": [a.ref() for a in self.source], "target": [a.ref() for a in self.target],
               "date": self.date, "location": self.location, "status": self.status,
               "confidence": round(self.confidence, 3), "evidence": self.evidence.as_json()}
        if self.trigger:
            out["trigger"] = self.trigger.as_json()
        if self.reciprocal:
            out["reciprocal"] = True
        if self.act:
            out["act"] = self.act
            if self.act_cameo:
                out["act_cameo"] = self.act_cameo
        return out


@dataclass
class Analysis:
    """Everything the pipeline learnt about one document; stages fill it in turn."""

    document: Document
    doc: Doc | None = None
    actors: list[Actor] = field(default_factory=list)
    token_actor: dict[int, Actor] = field(default_factory=dict)  # token index -> actor it belongs to
    token_actors: dict[int, list[Actor]] = field(default_factory=dict)  # a head standing for several ("Greek and Turkish officials")
    dates: list[DateMention] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    dyads: list[dict[str, Any]] = field(default_factory=list)
    facts: list[dict[str, Any]] = field(default_factory=list)  # non-event dyad facts (dimensions, needs)
    done: set[str] = field(default_factory=set)  # names of the stages that have run

    def span(self, start: int, end: int) -> Span:
        return Span(self.document.text[start:end], start, end)

    def as_json(self) -> dict[str, Any]:
        return {
            "document": self.document.as_json(),
            "actors": [a.as_json() for a in self.actors],
            "events": [e.as_json() for e in self.events],
            "quantities": [q.as_json() for q in self.quantities],
            "dates": [d.as_json() for d in self.dates],
            "quotes": [q.as_json() for q in self.quotes],
            "dyads": self.dyads,
        }


_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    return _SLUG.sub("-", text.casefold()).strip("-")
