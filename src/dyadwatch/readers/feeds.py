"""RSS and Atom feeds: every entry becomes a document (feedparser)."""

from __future__ import annotations

import re
from time import strftime

from .. import config
from ..errors import Malformed, NoEntries
from ..model import Document
from . import Source, register
from ._base import Rejection, clean_text, word_count

_FEED_SNIFF = re.compile(rb"<rss[\s>]|<feed[\s>]|<rdf:RDF[\s>]", re.I)


def _sniff(source: Source) -> bool:
    return bool(_FEED_SNIFF.search(source.head(4096)))


def html_fragment_to_text(fragment: str) -> str:
    """Text of an entry's HTML content, one paragraph a line."""
    if "<" not in fragment:
        return clean_text(fragment)
    import lxml.html

    try:
        root = lxml.html.fromstring(f"<div>{fragment}</div>")
    except Exception:
        return clean_text(re.sub(r"<[^>]+>", " ", fragment))
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h1", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return clean_text("\n".join(blocks) if blocks else root.text_content())


@register("feed", extensions=(".rss", ".atom", ".xml"), sniff=_sniff, priority=10)
def read_feed(source: Source):
    import feedparser

    parsed = feedparser.parse(source.data())
    if not parsed.entries:
        if parsed.get("bozo") and not parsed.get("feed"):
            reason = parsed.get("bozo_exception")
            raise Malformed(f"not a readable RSS/Atom feed ({reason})", origin=source.origin)
        raise NoEntries("the feed has no entries", origin=source.origin)
    feed_title = parsed.feed.get("title")
    min_words = config.get("input", "min_article_words")
    for n, entry in enumerate(parsed.entries, 1):
        origin = f"{source.origin}#{n}"
        raw = ""
        if entry.get("content"):
            raw = max((c.get("value", "") for c in entry.content), key=len)
        raw = raw or entry.get("summary", "") or entry.get("description", "")
        body = html_fragment_to_text(raw)
        title = (entry.get("title") or "").strip() or None
        if word_count(body) < min_words:
            yield Rejection(origin, NoEntries(f"entry {n} has {word_count(body)} words of text, too few for an article",
                                              origin=origin, hint="feeds with headlines only carry no article text"))
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}"
        yield Document(text=text, id=entry.get("id") or entry.get("link") or None, title=title,
                       published=strftime("%Y-%m-%d", stamp) if stamp else None,
                       url=entry.get("link"), source=feed_title, origin=origin)
