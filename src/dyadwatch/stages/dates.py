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
# A preposition that governs the date is part of the mention ("since 2019" is not "2019"); the alternatives
# below are tried in order at the same position, the most specific first.
PREFIX = (r"(?:(?:since|until|till|by|from|in|on|during|before|after|through|as of|as early as|beyond|"
          r"at|over|for)\s+)?")
_PART = r"(?:(?:early|mid|late)-?\s?|(?:the\s+)?(?:beginning|start|end|middle|first half|second half) of\s+)?"
_QUARTER = r"(?:the\s+)?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th) quarter of"
PATTERNS = [
    rf"{_PART}{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON},?\s+(?:19|20)\d\d\b",
    rf"{_PART}{_MON},?\s+(?:19|20)\d\d\b",
    rf"{_QUARTER}\s+(?:19|20)\d\d\b|\bQ[1-4]\s+(?:19|20)\d\d\b",
    rf"{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}\b",
    r"\b(?:early|mid|late|the (?:beginning|start|end|middle) of)?-?\s?(?:last|this|next|past|coming) (?:week|month|year|decade)\b",
    r"\b(?:earlier|later) (?:this|in the) (?:week|month|year)\b",
    r"\b(?:the )?(?:beginning|start|end|middle) of (?:the|this|next|last) (?:week|month|year)\b",
    rf"\b{_MON} (?:last|this|next) year\b",
    r"\b(?:the\s+)?(?:(?:last|this|next|past|coming)\s+)?weekend\b",
    rf"\b{_NUM} (?:days?|weeks?|months?|years?|decades?) (?:ago|earlier|later|before|after)\b",
    r"\b(?:the\s+)?(?:next|following|previous|same) (?:day|week|month|year)\b|\b(?:a|the) day (?:before|after|later|earlier)\b",
    r"\b(?:yesterday|today|tomorrow)\b",
    rf"\b(?:last |this |next )?{_DAY}\b",
    r"\b(?:the )?(?:19|20)\d0s\b",
    r"\b(?:early |mid-|late |last |next )?(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\b",
    r"\b\d{4}-\d{2}-\d{2}\b",
    r"\b\d{1,2}[./]\d{1,2}[./](?:19|20)\d\d\b",
    rf"{_PART}(?:19|20)\d\d\b",
]
_PREFIX_RE = re.compile(PREFIX, re.I)
# A date starts a word with a letter or digit: saying so first lets the regex engine skip the other positions
# in C (and keeps a leading space out of the match) instead of trying every alternative at each word's end.
# And a date's first word (after a preposition) is one of few: a lookahead naming them skips most words at once.
# It must admit every word a pattern can begin with: tests check it finds what the patterns alone find.
_FIRST_WORDS = (r"\d|q[1-4]|early|mid|late|beginning|start|end|middle|first|second|third|fourth|final|last|this|next"
                r"|past|coming|earlier|later|weekend|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
                r"|several|following|previous|same|yesterday|today|tomorrow|monday|tuesday|wednesday|thursday|friday"
                r"|saturday|sunday|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
                r"|the\s+(?:beginning|start|end|middle|first|second|third|fourth|final|last|this|next|past|coming"
                r"|weekend|following|previous|same|day|\d)|an?\s(?:few|day|week|month|year|decade)")
_GUARD = (r"(?=(?:(?:since|until|till|by|from|in|on|during|before|after|through|as of|as early as|beyond|at|over"
          r"|for)\s+)?(?:" + _FIRST_WORDS + "))")
DATE_ALTERNATIVES = PREFIX + "(?:" + "|".join(f"(?:{p})" for p in PATTERNS) + ")"
DATE_RE = re.compile(r"(?=[0-9A-Za-z])\b" + _GUARD + DATE_ALTERNATIVES, re.I)


def _shift_months(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def _number(word: str) -> int | None:
    word = word.lower()
    return int(word) if word.isdigit() else NUMBERS.get(word)


def _month_before(ref: date, month: int, *, inclusive: bool = True) -> int:
    """The year of the most recent `month` on or before the reference month."""
    return ref.year if (month < ref.month or (inclusive and month == ref.month)) else ref.year - 1


def _parse_value(value: str | None) -> tuple[date, str] | None:
    """(first day, precision) of a resolved value, for expressions counted from it."""
    m = re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    precision = "day" if m[3] else "month" if m[2] else "year"
    return date(int(m[1]), int(m[2] or 1), int(m[3] or 1)), precision


def _shifted(anchor: tuple[date, str], unit: str, n: int) -> str | None:
    """An anchor moved by n units, at the coarser of the anchor's and the unit's precision."""
    day, precision = anchor
    if unit in {"day", "week"}:
        if precision != "day":
            return None
        return (day + timedelta(days=n * (7 if unit == "week" else 1))).isoformat()
    if unit == "month":
        if precision == "year":
            return None
        y, mo = _shift_months(day, n)
        return f"{y}-{mo:02d}"
    if unit == "year":
        y = day.year + n
        return str(y) if precision == "year" else f"{y}-{day.month:02d}" if precision == "month" else \
            _valid(y, day.month, day.day)
    return None


def _weekend(ref: date, step: int) -> str:
    """The month of the weekend before (step -1) or after (0/1) the reference day; a weekend day is its own."""
    if ref.weekday() >= 5:
        saturday = ref - timedelta(days=ref.weekday() - 5)
        saturday += timedelta(weeks=1) if step > 0 else timedelta(0)
    elif step < 0:
        saturday = ref - timedelta(days=ref.weekday() + 2)
    else:
        saturday = ref + timedelta(days=5 - ref.weekday()) + timedelta(weeks=max(step - 1, 0))
    return f"{saturday.year}-{saturday.month:02d}"


def resolve(text: str, ref: date | None, order: str = "DMY", *, ahead: bool = False,
            anchor: str | None = None) -> str | None:
    """The value of one date expression as YYYY, YYYY-MM, YYYY-MM-DD or a decade like 201X.

    `ref` is the publication date; `ahead` says the clause looks forward ("will meet in March"), which picks
    the next occurrence of a month named without its year; `anchor` is the value of the date the text named
    last, from which "a year earlier" and "the next day" count."""
    t = " ".join(text.lower().replace("-", " ").split())
    t = _PREFIX_RE.sub("", t, count=1)
    t = re.sub(r"^the\s+(?!(?:next|following|previous|same|day)\b)", "", t)
    t = re.sub(r"^(?:early|mid|late|(?:the )?(?:beginning|start|end|middle|first half|second half) of)\s+", "", t)
    t = " ".join(re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", t).replace(",", "").replace(".", " ").split())
    t = re.sub(r"^the (week|month|year)$", r"this \1", t)
    m = re.fullmatch(r"([a-z]+) (last|this|next) year", t)
    if m and m[1] in MONTHS and ref is not None:
        return f"{ref.year + {'last': -1, 'this': 0, 'next': 1}[m[2]]}-{MONTHS[m[1]]:02d}"
    m = re.fullmatch(r"(?:(?:the )?(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th) quarter of|q[1-4]) "
                     r"((?:19|20)\d\d)", t)
    if m:
        return m[1]
    m = re.fullmatch(r"(?:the )?((?:19|20)\d)0s", t)
    if m:
        return f"{m[1]}X"
    m = re.fullmatch(r"((?:19|20)\d\d)", t)
    if m:
        return m[1]
    bare = _PREFIX_RE.sub("", text.strip(), count=1)
    m = re.fullmatch(r"(\d{4}) (\d{2}) (\d{2})|(\d{4})-(\d{2})-(\d{2})", bare)
    if m:
        y, mo, d = (m[1], m[2], m[3]) if m[1] else (m[4], m[5], m[6])
        return _valid(int(y), int(mo), int(d))
    m = re.fullmatch(r"(\d{1,2})[./](\d{1,2})[./](\d{4})", bare)
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
            past = (MONTHS[mon], int(day)) <= (ref.month, ref.day)
            year = ref.year - (0 if past else 1) if not ahead else ref.year + (1 if past and MONTHS[mon] < ref.month
                                                                               else 0)
            return _valid(year, MONTHS[mon], int(day))
    m = re.fullmatch(r"(last|next|this)? ?([a-z]+)", t)
    if m and m[2] in MONTHS and MONTHS[m[2]] and (len(m[2]) > 3 or m[2] == "may"):
        month = MONTHS[m[2]]
        if m[1] == "next" or (ahead and m[1] != "last"):
            year = ref.year if month >= ref.month and not (m[1] == "next" and month == ref.month) else ref.year + 1
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
    m = re.fullmatch(r"(?:earlier|later) (?:this|in the) (week|month|year)", t)
    if m:
        if m[1] == "week":
            monday = ref - timedelta(days=ref.weekday())
            return f"{ref.year}-{ref.month:02d}" if monday.month == ref.month else \
                str(ref.year) if monday.year == ref.year else None
        return {"year": str(ref.year), "month": f"{ref.year}-{ref.month:02d}"}[m[1]]
    m = re.fullmatch(r"(?:(last|this|next|past|coming) )?weekend", t)
    if m:
        return _weekend(ref, {"last": -1, "past": -1, "this": 0, "coming": 1, "next": 1}.get(m[1] or "", -1))
    counted_from = _parse_value(anchor) or (ref, "day")
    m = re.fullmatch(r"(?:the )?same (day|week|month|year)", t)
    if m:
        return _shifted(counted_from, m[1], 0)
    m = re.fullmatch(r"(?:the )?(next|following|previous) (day|week|month|year)|(?:a|the) day (before|after|later|earlier)",
                     t)
    if m:
        forward = (m[1] or m[3]) in {"next", "following", "after", "later"}
        return _shifted(counted_from, m[2] or "day", 1 if forward else -1)
    m = re.fullmatch(r"(\d+|[a-z]+(?: few)?) (day|week|month|year)s? (earlier|before|later|after)", t)
    if m and _number(m[1]) is not None:
        n = _number(m[1]) * (1 if m[3] in {"later", "after"} else -1)
        return _shifted(counted_from, m[2], n)
    m = re.fullmatch(r"(\d+|[a-z]+(?: few)?) (day|week|month|year|decade)s? ago", t)
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
    return COUNTED.match(after) is None


# nouns a four-digit count goes with ("2000 troops", "1500 students"): then it is no year
COUNTED = re.compile(r"\s+(?:troops|soldiers|people|fighters|tonnes|tons|barrels|km|miles|graduates|students|"
                     r"workers|refugees|migrants|civilians|children|families|members|delegates|prisoners|"
                     r"police|officers|jobs|homes|houses|vehicles|flights|pilgrims|tourists)\b", re.I)


FUTURE_AUX = {"will", "shall", "'ll", "would", "could", "might", "may", "can", "should"}
FUTURE_HEADS = {"plan", "schedule", "due", "expect", "set", "aim", "intend", "hope", "target", "upcoming",
                "coming", "forthcoming", "next", "ahead"}
_LOOKS_AHEAD_PREPS = {"until", "till", "by", "beyond"}


def _looks_ahead(analysis: Analysis, start: int, end: int, prep: str) -> bool:
    """Does the clause of this date look forward ("will meet in March", "is due in April", "until April 2")?"""
    doc = analysis.doc
    if doc is None or prep in {"since", "after"}:
        return False  # "since December" starts in the past
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if any(t.lower_ in FUTURE_HEADS for t in token.lefts):
        return True
    for _ in range(5):
        if token.pos_ in {"VERB", "AUX"}:
            break
        if token.head.i == token.i:
            return False
        token = token.head
        if token.lower_ in FUTURE_HEADS or token.lemma_.lower() in FUTURE_HEADS:
            return True
    aux = {c.lower_ for c in token.children if c.dep_ in {"aux", "auxpass"}}
    planned = token.lemma_.lower() in FUTURE_HEADS and (
        any(c.dep_ == "auxpass" for c in token.children) or any(c.dep_ == "xcomp" for c in token.children))
    if aux & FUTURE_AUX or planned:  # "will meet in March", "is scheduled for May", "plans to visit in June"
        return True
    if token.tag_ in {"VBZ", "VBP"} and any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "once", "when"}
                                            for c in token.children):
        return True  # "if the tariffs come back in April": a present tense in a condition looks forward
    if token.tag_ == "VB" and "to" in aux:  # "to visit in March": an infinitive looks forward
        head = token.head
        return head.lemma_.lower() in FUTURE_HEADS or head.tag_ in {"VBZ", "VBP", "VB"}
    return prep in _LOOKS_AHEAD_PREPS and token.tag_ in {"VBZ", "VBP", "VB", "VBG"}


def _names_an_occasion(analysis: Analysis, start: int, end: int) -> bool:
    """A month used as the modifier of a noun ("the November vote") names an occasion, past or coming."""
    span = analysis.doc.char_span(start, end, alignment_mode="expand") if analysis.doc is not None else None
    return span is not None and span.root.dep_ in {"compound", "nmod", "amod"} and span.root.head.pos_ == "NOUN"


@stage("dates", requires=("doc",), assigns=("dates",))
def find_dates(analysis: Analysis) -> None:
    doc_ = analysis.document
    text = doc_.text
    ref = date.fromisoformat(doc_.published) if doc_.published else None
    order = doc_.date_order or infer_order(text) or config.get("input", "date_order")
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    anchor: str | None = None  # the value of the last date the text named, for "a year earlier"
    day_anchor: str | None = None  # the last full date it named, for "the same day", "the next day"
    for m in DATE_RE.finditer(text):
        surface = m.group(0).strip()
        start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
        end = start + len(surface)
        prep_match = _PREFIX_RE.match(surface)
        prep = prep_match.group(0).strip().lower() if prep_match else ""
        core = surface[len(prep_match.group(0)) if prep_match else 0:]
        core_start = end - len(core)
        if re.fullmatch(r"(?:early |mid-|late )?(?:19|20)\d\d", core, re.I) and \
                not _plausible_year(text, core_start, end):
            continue
        if re.fullmatch(r"(?:(early|mid-|late|last|next) )?may", core, re.I) and (
                not core[-3:-2].isupper() or not (prep or core[:1].islower() or " " in core)
                or re.match(r"\s+(?:not|be|have|also|well|still|soon|take|seek)\b", text[end:end + 8])):
            continue  # the modal verb: a bare "May" is a month only after "in", "since", "late"…
        if prep in {"at", "over", "for"} and not re.search(r"weekend", core, re.I):
            start, surface = core_start, core  # "over 2000 troops", "for March": not governing prepositions
        if any(s < end and start < e for s, e in taken):
            continue
        month_only = re.fullmatch(rf"(?:early |mid-|late |last |next )?{_MON}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?|"
                                  rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}", core, re.I)
        ahead = bool(month_only) and _looks_ahead(analysis, core_start, end, prep)
        if month_only and not ahead and ref is not None and _names_an_occasion(analysis, core_start, end):
            # "the November vote", "the March summit": the occasion nearest the publication date
            month = next((MONTHS[w.lower().rstrip(".")] for w in core.split() if w.lower().rstrip(".") in MONTHS), None)
            ahead = month is not None and (month - ref.month) % 12 <= 6
        # "in November 2023 ... On the same day": a day counts from the last day named, not from a year
        counted = day_anchor if day_anchor and re.search(r"\bday\b", core, re.I) else anchor
        value = resolve(surface, ref, order, ahead=ahead, anchor=counted)
        if value is None:
            continue
        taken.append((start, end))
        found.append(DateMention(surface, value, start, end))
        if not value.endswith("X"):
            anchor = value
            if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
                day_anchor = value
    analysis.dates = sorted(found, key=lambda d: d.start)
