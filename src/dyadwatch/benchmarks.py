"""Event coding measured on public gold data, read where it lies (never copied into the project).

Two sets, both published by the Open Event Data Alliance:

- PLOVER gold-standard records (`plover_gsr.json`): one sentence and one coded event each, labels of
  PLOVER 0.5 mapped to 0.8 (DEMAND -> REQUEST, DISAPPROVE and INVESTIGATE -> ACCUSE, FIGHT -> ASSAULT).
  A record is *found* when an event of dyadwatch has the gold type and the gold source and target countries.
- PETRARCH-2 validation records (`petr2_validation.xml`): news sentences with CAMEO codings, or none.
  A coding is *found* when an event has the same CAMEO root (two digits) and the same dyad; a record
  with no event is *kept clean* when dyadwatch codes nothing there. PETRARCH codes a promised or threatened
  act as the act itself ("will supply arms" is 072), where dyadwatch codes the promise (0332, PLOVER AGREE)
  and keeps the act's code as `act_cameo`: either root matches.

Per PLOVER type, each record's prediction is the event that matches the gold dyad best (else the first
event, else NONE), which gives precision, recall and F1 per type and the share with the right source and
target countries among the records where an event was coded (coverage).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import Malformed, NotFound

PLOVER_MAP = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
NONE = "NONE"


@dataclass
class Record:
    """One gold sentence: its text, date and the codings it should yield (none for a no-event record)."""

    id: str
    text: str
    published: str | None
    codings: list[dict[str, Any]] = field(default_factory=list)


# Country codes of the older KEDS/CAMEO dictionaries that some gold records use, with the ISO 3166-1 alpha-3
# code dyadwatch gives the same state
LEGACY_CODES = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}


def _codes(actors: Iterable[Any]) -> set[str]:
    return {LEGACY_CODES.get(a["code"][:3], a["code"][:3]) for a in actors or [] if isinstance(a, dict) and a.get("code")}


def read_plover(path: Path) -> list[Record]:
    try:
        rows = json.loads(path.read_text("utf-8"))
    except OSError as exc:
        raise NotFound(f"cannot read {path}: {exc.strerror or exc}", origin=str(path)) from None
    except json.JSONDecodeError as exc:
        raise Malformed(f"{path} is not JSON: {exc.msg} at line {exc.lineno}", origin=str(path)) from None
    records = []
    for row in rows:
        if not isinstance(row, dict) or row.get("event") in {None, "DOCUMENT"} or not row.get("text"):
            continue
        records.append(Record(row.get("id", str(len(records))), row["text"], None, [{
            "type": PLOVER_MAP.get(row["event"], row["event"]),
            "source": _codes(row.get("source")), "target": _codes(row.get("target"))}]))
    return records


_SENTENCE = re.compile(r"<Sentence\b([^>]*)>(.*?)(?=<Sentence\b|</Sentences>|\Z)", re.S)
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_petrarch(path: Path) -> list[Record]:
    """The validation file is not well-formed XML (comment lines in its header), so it is read by pattern."""
    try:
        text = path.read_text("utf-8")
    except OSError as exc:
        raise NotFound(f"cannot read {path}: {exc.strerror or exc}", origin=str(path)) from None
    records = []
    for m in _SENTENCE.finditer(text):
        attrs = dict(_ATTR.findall(m[1]))
        body = m[2]
        sentence = re.search(r"<Text>(.*?)</Text>", body, re.S)
        if not sentence:
            continue
        date = attrs.get("date", "")
        published = f"{date[:4]}-{date[4:6]}-{date[6:8]}" if re.fullmatch(r"\d{8}", date) else None
        codings = []
        for tag in re.findall(r"<EventCoding\b([^>]*)/?>", body):
            coding = dict(_ATTR.findall(tag))
            if "eventcode" in coding:
                codings.append({"cameo": coding["eventcode"], "source": {coding.get("sourcecode", "")[:3]},
                                "target": {coding.get("targetcode", "")[:3]}})
        records.append(Record(attrs.get("id", str(len(records))), " ".join(sentence[1].split()), published, codings))
    if not records:
        raise Malformed(f"{path} holds no <Sentence> records", origin=str(path))
    return records


def _side_ok(want: set[str], got: set[str | None]) -> bool:
    """Gold codes that are not countries (IGO, NGO, regions) accept an actor without a country; "---" (no actor
    coded) accepts any side."""
    if not want or want == {"---"}:
        return True
    return bool(want & got) or (None in got and not any(re.fullmatch(r"[A-Z]{3}", w) and w not in NON_STATES
                                                        for w in want))


NON_STATES = {"IGO", "NGO", "MNC", "UNO", "NAT", "EUR", "AFR", "ASA", "MEA", "WST", "REB", "INS", "SEP", "IMG", "ISM"}


def _sides(event: dict[str, Any]) -> tuple[set, set]:
    return ({a.get("country") for a in event.get("source", [])}, {a.get("country") for a in event.get("target", [])})


def _dyad_ok(want: dict[str, Any], event: dict[str, Any]) -> tuple[bool, bool]:
    src, tgt = _sides(event)
    direct = _side_ok(want["source"], src), _side_ok(want["target"], tgt)
    if event.get("reciprocal") and not all(direct):
        swapped = _side_ok(want["source"], tgt), _side_ok(want["target"], src)
        return swapped if sum(swapped) > sum(direct) else direct
    return direct


@dataclass
class BenchmarkScore:
    name: str
    records: int = 0
    found: int = 0
    coded: int = 0  # records where at least one event was produced
    source_ok: int = 0
    target_ok: int = 0
    clean_total: int = 0  # no-event records
    clean_kept: int = 0
    confusion: Counter = field(default_factory=Counter)  # (gold label, predicted label) -> n
    misses: list[dict[str, Any]] = field(default_factory=list)

    def per_type(self) -> dict[str, dict[str, float]]:
        labels = sorted({g for g, _ in self.confusion} | {p for _, p in self.confusion} - {NONE})
        out = {}
        for label in labels:
            if label == NONE:
                continue
            tp = self.confusion[(label, label)]
            predicted = sum(n for (_, p), n in self.confusion.items() if p == label)
            gold = sum(n for (g, _), n in self.confusion.items() if g == label)
            precision = tp / predicted if predicted else 0.0
            recall = tp / gold if gold else 0.0
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
            out[label] = {"gold": gold, "predicted": predicted, "precision": round(precision, 3),
                          "recall": round(recall, 3), "f1": round(f1, 3)}
        return out

    def as_json(self) -> dict[str, Any]:
        coded = max(self.coded, 1)
        out = {"benchmark": self.name, "records": self.records, "found": self.found,
               "found_share": round(self.found / max(self.records, 1), 3),
               "coverage": round(self.coded / max(self.records, 1), 3),
               "source_accuracy": round(self.source_ok / coded, 3), "target_accuracy": round(self.target_ok / coded, 3),
               "per_type": self.per_type()}
        if self.clean_total:
            out["no_event_records"] = self.clean_total
            out["no_event_kept_clean"] = round(self.clean_kept / self.clean_total, 3)
        return out


def score_records(name: str, records: list[Record], pipeline=None, *, by: str = "type") -> BenchmarkScore:
    """Analyse each record's sentence and score its events against the record's codings.

    `by` is "type" (PLOVER type, for the PLOVER records) or "cameo" (CAMEO root code, for PETRARCH-2)."""
    from .model import Document
    from .pipeline import Pipeline

    pipeline = pipeline or Pipeline.default()
    result = BenchmarkScore(name)
    docs = [Document(text=r.text, id=f"bench-{n}", published=r.published or "2000-01-01") for n, r in enumerate(records)]
    for record, analysis in zip(records, pipeline.analyze_many(docs)):
        events = [e.as_json() for e in analysis.events]
        if not record.codings:
            result.clean_total += 1
            result.clean_kept += not events
            continue
        for want in record.codings:
            result.records += 1
            result.coded += bool(events)

            gold_label = want["type"] if by == "type" else want["cameo"][:2]

            def label(event: dict[str, Any], gold_label: str = gold_label) -> str:
                # the gold sets code a promised or threatened act now as its promise ("agreed to withdraw", AGREE),
                # now as the act ("will supply arms" 072, "will resign" RETREAT); dyadwatch codes the promise
                # (0332, AGREE) and keeps the act's type and code: either convention matches
                if by == "type":
                    roots = [event["type"], event.get("act") or ""]
                else:
                    roots = [str(event["cameo"])[:2], str(event.get("act_cameo") or "")[:2]]
                return gold_label if gold_label in roots else roots[0]

            scored = sorted(events, key=lambda e: (-sum(_dyad_ok(want, e)), label(e) != gold_label))
            best = scored[0] if scored else None
            predicted = label(best) if best else NONE
            result.confusion[(gold_label, predicted)] += 1
            if best is not None:
                src_ok, tgt_ok = _dyad_ok(want, best)
                result.source_ok += src_ok
                result.target_ok += tgt_ok
            hit = any(label(e) == gold_label and all(_dyad_ok(want, e)) for e in events)
            result.found += hit
            if not hit:
                result.misses.append({"id": record.id, "want": {k: sorted(v) if isinstance(v, set) else v
                                                                for k, v in want.items()},
                                      "got": [(label(e), sorted(map(str, _sides(e)[0])), sorted(map(str, _sides(e)[1])))
                                              for e in events], "text": record.text[:200]})
    return result


READERS = {"plover": (read_plover, "plover_gsr.json", "type"), "petrarch": (read_petrarch, "petr2_validation.xml", "cameo")}


def run(name: str, path: Path, pipeline=None) -> BenchmarkScore:
    reader, _, by = READERS[name]
    return score_records(name, reader(path), pipeline, by=by)


def default_path(name: str) -> Path:
    """Where a shared benchmark file lies: $DYADWATCH_BENCHMARKS, else ../shared/benchmarks beside the checkout."""
    import os

    folder = os.environ.get("DYADWATCH_BENCHMARKS")
    candidates = [Path(folder)] if folder else []
    candidates += [Path.cwd().parent / "shared" / "benchmarks", Path(__file__).resolve().parents[3] / "shared" / "benchmarks"]
    filename = READERS[name][1]
    return next((c / filename for c in candidates if (c / filename).exists()), candidates[0] / filename)
