"""Quantities: money with currency and scale, counts in digits or words, percents, with qualifier and object.

Numbers are read from the token stream; the currency, scale, unit and qualifier around them from small
tables; the counted object from the dependency parse (the noun the number modifies). Numbers inside a
date expression are not quantities.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..kb import read_table
from ..model import Analysis, Quantity
from ..pipeline import stage

WORDS = {"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
         "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
         "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
         "hundred": 100}
SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9,
          "bln": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "hundred": 100,
          "lakh": 1e5, "crore": 1e7}
SYMBOLS = {"us$": "USD", "$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
           "¥": "JPY", "jpy": "JPY", "rmb": "CNY", "cny": "CNY", "₽": "RUB", "rub": "RUB", "₹": "INR",
           "inr": "INR", "a$": "AUD", "c$": "CAD", "hk$": "HKD", "chf": "CHF", "₩": "KRW", "₺": "TRY",
           "r$": "BRL", "aed": "AED", "sar": "SAR"}
CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                  "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY",
                  "ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rupee": "INR",
                  "rupees": "INR", "won": "KRW", "lira": "TRY", "liras": "TRY", "lire": "TRY", "real": "BRL",
                  "reais": "BRL", "riyal": "SAR", "riyals": "SAR", "dirham": "AED", "dirhams": "AED",
                  "shekel": "ILS", "shekels": "ILS", "hryvnia": "UAH", "hryvnias": "UAH", "peso": "ARS",
                  "pesos": "ARS", "rial": "IRR", "rials": "IRR"}
QUALIFIERS = ["at least", "at most", "more than", "less than", "fewer than", "as many as", "as much as",
              "up to", "over", "under", "around", "about", "approximately", "roughly", "nearly", "almost",
              "some", "an estimated", "near", "just over", "just under", "close to", "no fewer than", "no more than"]
_QUAL_RE = re.compile(r"(?:^|\s)(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
                      + r")\s*$", re.I)
_MATERIAL = r"(?:\s+of\s+(?:[a-z]+\s+)?[a-z]+?)?"  # "of oil", "of crude oil", "of wheat" between unit and rate


# "of wheat", "of crude oil": the material a physical amount measures (two words at most, no function words).
_OF_MATERIAL = re.compile(r"\s+of\s+([a-z]+(?:\s+(?!(?:a|an|the|per|to|in|from|over|for|by|at|on|into|and|with|"
                          r"each|every|this|last|next)\b)[a-z]+)?)", re.I)
_FUNCTION_WORDS = {"a", "an", "the", "per", "to", "in", "from", "over", "for", "by", "at", "on"}


@lru_cache(maxsize=1)
def unit_patterns() -> list[tuple[re.Pattern[str], str, float]]:
    """Physical units (data/units.tsv) as patterns anchored after a number, longest first."""
    rows = read_table("units.tsv")[1]
    out = []
    for row in sorted(rows, key=lambda r: -len(r["words"])):
        words = row["words"].split()
        head = re.escape(words[0])
        if len(words) > 1 and words[-2] in {"a", "per"}:  # a rate: the material may sit before "a day"
            body = r"\s+".join(re.escape(w) for w in words[:-2]) + _MATERIAL + r"\s+" + \
                r"\s+".join(re.escape(w) for w in words[-2:])
        else:
            body = r"\s+".join(re.escape(w) for w in words) if len(words) > 1 else head
        out.append((re.compile(r"\s*-?\s*(" + body + r")(?![\w²])", re.I), row["unit"], float(row["factor"])))
    return out


def physical_unit(text: str, pos: int) -> tuple[str, float, int] | None:
    """(unit, factor, end offset) of a unit that starts right after `pos` in text, if any."""
    for pattern, unit, factor in unit_patterns():
        m = pattern.match(text, pos)
        if m:
            return unit, factor, m.end(1)
    return None


_GLUED_SCALE = re.compile(r"(\d[\d,]*(?:\.\d+)?)(bn|mn|mln|bln|tn|trn|m|b|k)")


def parse_number(text: str) -> float | None:
    """The value of a number token: digits ("1,200", "3.5"), glued scales ("1.6bn"), number words."""
    t = text.lower().replace(",", "").strip()
    try:
        return float(t)
    except ValueError:
        pass
    m = _GLUED_SCALE.fullmatch(t)
    if m:
        return float(m[1]) * SCALES[m[2]]
    if t in WORDS:
        return float(WORDS[t])
    parts = re.split(r"[-\s]", t)
    if parts and all(p in WORDS for p in parts):
        return float(sum(WORDS[p] for p in parts))
    return None


def _in_dates(analysis: Analysis, start: int, end: int) -> bool:
    return any(d.start <= start and end <= d.end for d in analysis.dates)


def _object_of(tokens, head_index: int, doc) -> str | None:
    """The counted thing: the noun the number modifies, with its compounds and adjectives."""
    token = doc[head_index]
    noun = token.head if token.dep_ in {"nummod", "quantmod", "compound"} and token.head.pos_ in {"NOUN", "PROPN"} else None
    if noun is None:
        # "ten detained Americans", "eight new observation points": up to two modifiers, then the noun
        for j in range(head_index + 1, min(head_index + 4, len(doc))):
            t = doc[j]
            if t.pos_ in {"NOUN", "PROPN"}:
                span_words = [w for w in doc[head_index + 1:j + 1] if w.pos_ != "PUNCT"]
                return " ".join(w.text for w in span_words)
            if t.lower_ == "of" and j == head_index + 1:
                continue
            if not (t.pos_ == "ADJ" or t.tag_ in {"VBN", "VBD"}):
                break
    if noun is None or noun.i < head_index:
        return None
    words = [t for t in noun.lefts if t.dep_ in {"amod", "compound"} and t.i > head_index] + [noun]
    words.sort(key=lambda t: t.i)
    return " ".join(t.text for t in words)


@stage("quantities", requires=("doc", "dates"), assigns=("quantities",))
def find_quantities(analysis: Analysis) -> None:
    doc = analysis.doc
    text = analysis.document.text
    out: list[Quantity] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        lower = token.lower_
        glued = lower[:1].isdigit() and _GLUED_SCALE.fullmatch(lower.replace(",", "")) is not None
        value = parse_number(token.text) if (token.like_num or lower in WORDS or glued) else None
        if value is None:
            i += 1
            continue
        scaled = i + 1 < len(doc) and doc[i + 1].lower_ in SCALES
        if lower in {"one", "hundred"} and token.dep_ not in {"nummod", "quantmod"} and not scaled:
            i += 1
            continue
        start_i = end_i = i
        # Number words in sequence ("twenty five", "1.2 billion", "three hundred").
        while end_i + 1 < len(doc) and doc[end_i + 1].lower_ in SCALES and doc[end_i + 1].lower_ not in {"m", "b", "k"}:
            end_i += 1
            value *= SCALES[doc[end_i].lower_]
        if _in_dates(analysis, doc[start_i].idx, doc[end_i].idx + len(doc[end_i])):
            i = end_i + 1
            continue
        unit = None
        qualifier = None
        # Currency before the number: "US$ 20", "$20", "€200", "USD 5".
        j = start_i - 1
        if j >= 0 and doc[j].lower_ in SYMBOLS:
            unit = SYMBOLS[doc[j].lower_]
            start_i = j
            if j - 1 >= 0 and doc[j - 1].lower_ in {"us", "u.s."} and doc[j].text == "$":
                start_i = j - 1
        elif j >= 1 and doc[j].text == "$" and doc[j - 1].text.upper() in {"US", "A", "C", "HK", "R"}:
            unit = SYMBOLS.get(doc[j - 1].text.lower() + "$", "USD")
            start_i = j - 1
        # Unit after the number: "billion dollars", "percent", "%".
        k = end_i + 1
        if k < len(doc):
            nxt = doc[k].lower_
            if nxt in {"%", "percent", "per"}:
                unit = "percent"
                end_i = k + 1 if nxt == "per" and k + 1 < len(doc) and doc[k + 1].lower_ == "cent" else k
            elif nxt in CURRENCY_WORDS and unit is None:
                unit = CURRENCY_WORDS[nxt]
                end_i = k
            elif nxt in SYMBOLS and len(nxt) == 3 and unit is None:
                unit = SYMBOLS[nxt]
                end_i = k
        material = None
        physical = None if unit else physical_unit(text, doc[end_i].idx + len(doc[end_i]))
        if physical:
            unit, factor, unit_end = physical
            value *= factor
            words = text[doc[end_i].idx + len(doc[end_i]):unit_end]
            m = _OF_MATERIAL.search(words) or _OF_MATERIAL.match(text, unit_end)
            if m and m.group(1).split()[0].lower() not in _FUNCTION_WORDS:
                material = m.group(1)
                unit_end = max(unit_end, m.end(1))
            while end_i + 1 < len(doc) and doc[end_i + 1].idx < unit_end:
                end_i += 1
        start_char = doc[start_i].idx
        m = _QUAL_RE.search(text[max(0, start_char - 20):start_char])
        if m:
            qualifier = m.group(1).lower()
            start_char = start_char - (len(text[max(0, start_char - 20):start_char]) - m.start(1))
        if value < 2 and unit is None and token.lower_ in {"one", "1"}:
            i = end_i + 1
            continue
        if physical:
            obj = material
        elif unit == "percent":  # "a 25% tariff": the noun right after the percent
            nxt = doc[end_i + 1] if end_i + 1 < len(doc) else None
            obj = _object_of(doc, end_i, doc) if nxt is not None and nxt.pos_ in {"NOUN", "ADJ"} else None
        else:
            obj = _object_of(doc, end_i, doc)
        if unit is None and obj is None:
            i = end_i + 1
            continue  # a bare number with nothing counted is not a quantity we can use
        end_char = doc[end_i].idx + len(doc[end_i])
        if obj:
            obj_end = text.find(obj.split()[-1], end_char)
            if 0 <= obj_end - end_char < 60:
                end_char = obj_end + len(obj.split()[-1])
        out.append(Quantity(value, unit, qualifier, obj, analysis.span(start_char, end_char)))
        i = end_i + 1
    analysis.quantities = out
