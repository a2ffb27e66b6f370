"""Dates: every date expression, resolved against the publication date at the precision the text supports.

Candidates come from spaCy's DATE entities plus our own patterns for what the model misses; values come
from our own rules (relative expressions, modifiers such as "late", "since", decades as EDTF `201X`), never
from a free search over the text (which reads the modal "may" and "Now," as dates).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .. import config
from ..model import Analysis, DateMention
from ..pipeline import stage

MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): n for n, name in enumerate(calendar.day_name)}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": 3, "a few": 3}

_MON = r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
PATTERNS = [
    r"\b(?:early|mid|late|the (?:beginning|start|end|middle) of)?-?\s?(?:last|this|next|past|coming) (?:week|month|year|decade)\b",
    r"\b(?:earlier|later) this (?:week|month|year)\b",
    rf"\b{_NUM} (?:days?|weeks?|months?|years?|decades?) (?:ago|earlier|before)\b",
    r"\b(?:yesterday|today|tomorrow)\b",
    rf"\b(?:last |this |next |on |since |by )?{_DAY}\b",
    r"\b(?:the )?(?:19|20)\d0s\b",
    rf"\b(?:early|mid|late)?-?\s?{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON},?\s+(?:19|20)\d\d\b",
    rf"\b(?:early|mid|late)?-?\s?{_MON},?\s+(?:19|20)\d\d\b",
    rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b",
    r"\b(?:early |mid-|late |last |next |since |in |until |by )?(?:January|February|March|April|June|July|August|September|October|November|December)\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b",
    r"\b(?:early |mid-|late )?(?:19|20)\d\d\b",
]
DATE_RE = re.compile("|".join(f"(?:{p})" for p in PATTERNS), re.I)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _month_before(ref: date, month: int, *, inclusive: bool = True) -> int:
    """The year of the most recent `month` on or before the reference month."""
    return ref.year if (month < ref.month or (inclusive and month == ref.month)) else ref.year - 1


def resolve(text: str, ref: date | None, order: str = "DMY") -> str | None:
    """The value of one date expression as YYYY, YYYY-MM, YYYY-MM-DD or a decade like 201X."""
    t = " ".join(text.lower().replace("-", " ").split())
    t = re.sub(r"^(?:in|on|since|until|by|during|from|the)\s+", "", t)
    t = re.sub(r"^(?:early|mid|late|the beginning of|the start of|the end of|the middle of)\s+", "", t)
    t = " ".join(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", t).replace(",", "").replace(".", " ").split())
    m = re.fullmatch(r"(?:the )?((?:19|20)\d)0s", t)
    if m:
        return f"{m[1]}X"
    m = re.fullmatch(r"((?:19|20)\d\d)", t)
    if m:
        return m[1]
    m = re.fullmatch(r"(\d{4}) (\d{2}) (\d{2})|(\d{4})-(\d{2})-(\d{2})", text.strip())
    if m:
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        return _valid(int(y), int(mo), int(d))
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", text.strip())
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        if a > 12 or (order == "DMY" and b <= 12):
            return _valid(y, b, a)
        return _valid(y, a, b)
    m = re.fullmatch(r"([a-z]+) (\d{1,2}) (\d{4})", t) or re.fullmatch(r"(\d{1,2}) (?:of )?([a-z]+) (\d{4})", t)
    if m:
        mon, day = (m[1], m[2]) if m[1].isalpha() else (m[2], m[1])
        if mon in MONTHS:
            return _valid(int(m[3]), MONTHS[mon], int(day))
    m = re.fullmatch(r"([a-z]+) (\d{4})", t)
    if m and m[1] in MONTHS:
        return f"{m[2]}-{MONTHS[m[1]]:02d}"
    if ref is None:
        return None
    m = re.fullmatch(r"([a-z]+) (\d{1,2})", t) or re.fullmatch(r"(\d{1,2}) (?:of )?([a-z]+)", t)
    if m:
        mon, day = (m[1], m[2]) if m[1].isalpha() else (m[2], m[1])
        if mon in MONTHS:
            year = ref.year if (MONTHS[mon], int(day)) <= (ref.month, ref.day) else ref.year - 1
            return _valid(year, MONTHS[mon], int(day))
    m = re.fullmatch(r"(last|next|this)? ?([a-z]+)", t)
    if m and m[2] in MONTHS and MONTHS[m[2]] and len(m[2]) > 3:
        month = MONTHS[m[2]]
        if m[1] == "next":
            year = ref.year if month > ref.month else ref.year + 1
        elif m[1] == "last":
            year = _month_before(ref, month, inclusive=False)
        else:
            year = _month_before(ref, month)
        return f"{year}-{month:02d}"
    m = re.fullmatch(r"(last|this|next|past|coming)? ?(week|month|year|decade)", t)
    if m and m[1]:
        step = {"last": -1, "past": -1, "this": 0, "next": 1, "coming": 1}[m[1]]
        unit = m[2]
        if unit == "year":
            return str(ref.year + step)
        if unit == "month":
            y, mo = _shift_months(ref, step)
            return f"{y}-{mo:02d}"
        if unit == "week":  # the month of that week's Thursday (ISO weeks belong where their Thursday is)
            thursday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step, days=3)
            return f"{thursday.year}-{thursday.month:02d}"
        return None
    m = re.fullmatch(r"(?:earlier|later) this (week|month|year)", t)
    if m:
        return {"year": str(ref.year), "month": f"{ref.year}-{ref.month:02d}"}.get(m[1])
    m = re.fullmatch(r"(\d+|[a-z]+(?: few)?) (day|week|month|year|decade)s? (?:ago|earlier|before)", t)
    if m and _number(m[1]) is not None:
        n, unit = _number(m[1]), m[2]
        if unit == "day":
            return (ref - timedelta(days=n)).isoformat()
        if unit == "week":
            return (ref - timedelta(weeks=n)).isoformat()
        if unit == "month":
            y, mo = _shift_months(ref, -n)
            return f"{y}-{mo:02d}"
        if unit == "year":
            return str(ref.year - n)
        return None
    if t in {"yesterday", "today", "tomorrow"}:
        return (ref + timedelta(days={"yesterday": -1, "today": 0, "tomorrow": 1}[t])).isoformat()
    m = re.fullmatch(r"(last|this|next|on|since|by)? ?([a-z]+day)", t)
    if m and m[2] in WEEKDAYS:
        back = (ref.weekday() - WEEKDAYS[m[2]]) % 7
        if m[1] == "next":
            return (ref + timedelta(days=(WEEKDAYS[m[2]] - ref.weekday()) % 7 or 7)).isoformat()
        if m[1] == "last" and back == 0:
            back = 7
        return (ref - timedelta(days=back)).isoformat()
    return None


_NUMERIC = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](?:19|20)\d\d\b")


def infer_order(text: str) -> str | None:
    """The document's own convention for numeric dates, when one of them is unambiguous (31/01 or 01/31)."""
    votes = {"DMY": 0, "MDY": 0}
    for m in _NUMERIC.finditer(text):
        a, b = int(m[1]), int(m[2])
        if a > 12 >= b:
            votes["DMY"] += 1
        elif b > 12 >= a:
            votes["MDY"] += 1
    if votes["DMY"] == votes["MDY"]:
        return None
    return max(votes, key=votes.get)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def _plausible_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless it is money, a count or part of a longer number."""
    before, after = text[max(0, start - 2):start], text[end:end + 12]
    if re.search(r"[\d$€£¥.,]\s?$", before) or re.match(r"[.,]?\d|\s?(%|percent|per cent)", after):
        return False
    return re.match(r"\s+(?:troops|soldiers|people|fighters|tonnes|tons|barrels|km|miles|graduates)\b",
                    after, re.I) is None


@stage("dates", requires=("doc",), assigns=("dates",))
def find_dates(analysis: Analysis) -> None:
    doc_ = analysis.document
    text = doc_.text
    ref = date.fromisoformat(doc_.published) if doc_.published else None
    order = doc_.date_order or infer_order(text) or config.get("input", "date_order")
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in DATE_RE.finditer(text):
        surface = m.group(0).strip()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = start + len(surface)
        if re.fullmatch(r"(?:early |mid-|late )?(?:19|20)\d\d", surface, re.I) and not _plausible_year(text, start, end):
            continue
        if re.fullmatch(r"(?:last |this |next |on |since |by )?May", surface) and not surface[:1].isupper():
            continue
        if surface == "May" and re.match(r"\s+(?:not|be|have|also|well|still|soon|take|seek)\b", text[end:end + 8]):
            continue  # the modal verb
        value = resolve(surface, ref, order)
        if value is None:
            continue
        if any(s < end and start < e for s, e in taken):
            continue
        taken.append((start, end))
        found.append(DateMention(surface, value, start, end))
    analysis.dates = sorted(found, key=lambda d: d.start)
