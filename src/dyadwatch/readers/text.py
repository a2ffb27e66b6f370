"""Plain-text articles: the title and dateline are found wherever they are, trailing boilerplate is cut."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ..errors import EmptyInput
from ..model import Document
from . import Source, register
from ._base import clean_text, iso_date

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# "12:34 09.02.2026 •" (time then day.month.year), as news sites print it under an article.
_TAIL_DATELINE = re.compile(r"^\s*(?:\d{1,2}:\d{2}\s+)?(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+\d{1,2}:\d{2})?\s*[•·|-]?\s*$")
_ISO_LINE = re.compile(r"^\s*(?:published|posted|updated)?\s*:?\s*(\d{4}-\d{2}-\d{2})(?:[T ][\d:]+Z?)?\s*$", re.I)
# "ANKARA, March 4, 2025 (Wire) —" or "NEW DELHI, 12 May 2025:" at the start of the body.
_HEAD_DATELINE = re.compile(
    rf"^[A-Z][A-Za-z .'’-]{{1,40}},\s+((?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))"
    r"\s*(?:\([^)]{1,40}\))?\s*[—–:-]")
_BYLINE_DATE = re.compile(
    rf"^(?:By\s.+?[,|•·-]\s*)?((?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})|(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}))\s*$")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[re.Pattern[str]]:
    lines = resources.files("dyadwatch").joinpath("data/boilerplate.txt").read_text("utf-8").splitlines()
    return [re.compile(line, re.I) for line in lines if line.strip() and not line.startswith("#")]


def split_article(raw: str) -> tuple[str, str | None, str | None, str | None]:
    """(text, title, published, date_order) of a plain-text article.

    The text keeps the title line (its sentence is part of what the article says) and loses trailing
    datelines and boilerplate, which are not article text."""
    text = clean_text(raw)
    lines = text.split("\n")
    published = order = None
    patterns = boilerplate_patterns()
    while lines:
        last = lines[-1].strip()
        m = _TAIL_DATELINE.match(last)
        if not last:
            lines.pop()
        elif m and published is None:
            published, order = iso_date(f"{m[1]}.{m[2]}.{m[3]}", order="DMY"), "DMY"
            lines.pop()
        elif _ISO_LINE.match(last) and published is None:
            published = _ISO_LINE.match(last)[1]
            lines.pop()
        elif any(p.match(last) for p in patterns):
            lines.pop()
        else:
            break
    text = "\n".join(lines).strip()
    nonblank = [line for line in lines if line.strip()]
    title = None
    if len(nonblank) > 1 and len(nonblank[0]) <= 200:
        title = nonblank[0].strip()
    for line in nonblank[:4]:
        if published is None:
            m = _HEAD_DATELINE.match(line.strip()) or _BYLINE_DATE.match(line.strip())
            if m:
                published = iso_date(m[1])
    return text, title, published, order


@register("text", extensions=(".txt", ".text", ".md"), priority=90)
def read_text(source: Source):
    text, title, published, order = split_article(source.text())
    if not text.strip():
        raise EmptyInput("no article text", origin=source.origin)
    stem = source.path.stem if source.path else None
    yield Document(text=text, id=stem, title=title, published=published, origin=source.origin,
                   date_order=order)
