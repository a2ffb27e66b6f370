"""HTML pages: trafilatura finds the article text and title, htmldate the publication date."""

from __future__ import annotations

import logging
import re

from ..errors import Malformed, NoText
from ..model import Document
from . import Source, register
from ._base import clean_text, iso_date

_HTML_SNIFF = re.compile(rb"<!doctype\s+html|<html[\s>]|<body[\s>]|<article[\s>]|<p[\s>]", re.I)

# trafilatura and htmldate log their doubts at WARNING; the user sees our own message instead.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def _sniff(source: Source) -> bool:
    head = source.head(2048).lstrip()
    return not head.startswith((b"<?xml", b"<rss", b"<feed")) and bool(_HTML_SNIFF.search(head))


def html_to_document(html: str, origin: str, *, url: str | None = None) -> Document:
    import trafilatura
    from htmldate import find_date

    if "<" not in html or ">" not in html:
        raise Malformed("not HTML: no markup found", origin=origin, hint="read it as plain text with --format text")
    try:
        result = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                             include_tables=False, favor_precision=True)
    except Exception as exc:  # lxml raises many kinds on broken markup
        raise Malformed(f"the HTML could not be parsed ({type(exc).__name__})", origin=origin) from None
    body = clean_text(result.text) if result is not None and result.text else ""
    if not body:
        raise NoText("no article text found in the page", origin=origin)
    title = (result.title or "").strip() or None
    try:
        published = find_date(html, original_date=True, extensive_search=False, outputformat="%Y-%m-%d")
    except Exception:
        published = None
    published = iso_date(published) or iso_date(getattr(result, "date", None))
    text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
    return Document(text=text, title=title, published=published, url=url or getattr(result, "url", None),
                    source=getattr(result, "sitename", None) or None, origin=origin)


@register("html", extensions=(".html", ".htm", ".xhtml"), sniff=_sniff, priority=30)
def read_html(source: Source):
    doc = html_to_document(source.text(), source.origin)
    if source.path is not None:
        doc.id = source.path.stem
    yield doc
