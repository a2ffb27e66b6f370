"""Telegram Desktop channel exports (`result.json`): every message long enough to be an article.

The date is `date_unixtime` (UTC); `text` is a string or a list of strings and {"type", "text"} parts.
Exports seen in the wild carry duplicate keys and raw control characters: both are tolerated."""

from __future__ import annotations

import json
import re

from .. import config
from ..errors import Malformed, NoEntries, WrongShape
from ..model import Document
from . import Source, register
from ._base import Rejection, clean_text, iso_date, word_count


def _sniff(source: Source) -> bool:
    head = source.head(8192)
    return head.lstrip().startswith(b"{") and b'"messages"' in head


def _first_wins(pairs: list[tuple[str, object]]) -> dict:
    out: dict = {}
    for key, value in pairs:
        out.setdefault(key, value)
    return out


def message_text(text: object) -> str:
    if isinstance(text, str):
        return text
    if isinstance(text, list):
        return "".join(part if isinstance(part, str) else str(part.get("text", "")) if isinstance(part, dict) else ""
                       for part in text)
    return ""


@register("telegram", extensions=(".json",), sniff=_sniff, priority=5)
def read_telegram(source: Source):
    raw = source.text()
    try:
        export = json.loads(raw, strict=False, object_pairs_hook=_first_wins)
    except json.JSONDecodeError as exc:
        raise Malformed(f"not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})",
                        origin=source.origin) from None
    if not isinstance(export, dict) or not isinstance(export.get("messages"), list):
        raise WrongShape("not a Telegram Desktop export: expected an object with a `messages` list",
                         origin=source.origin, hint="export the channel from Telegram Desktop as JSON")
    channel = export.get("name") if isinstance(export.get("name"), str) else None
    channel_id = export.get("id")
    min_words = config.get("input", "min_article_words")
    found = 0
    for message in export["messages"]:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue
        text = clean_text(message_text(message.get("text")))
        if word_count(text) < min_words:
            continue
        found += 1
        msg_id = message.get("id")
        origin = f"{source.origin}#{msg_id}"
        published = iso_date(message.get("date_unixtime")) if message.get("date_unixtime") else None
        if published is None and isinstance(message.get("date"), str):
            published = iso_date(message["date"])
        first_line = text.split("\n", 1)[0].strip()
        title = first_line if len(first_line) <= 200 and "\n" in text else None
        if published is None:
            yield Rejection(origin, WrongShape(f"message {msg_id} has no date", origin=origin))
            continue
        doc_id = f"tg-{channel_id}-{msg_id}" if channel_id is not None else None
        yield Document(text=text, id=doc_id, title=re.sub(r"\s+", " ", title) if title else None,
                       published=published, source=channel, origin=origin)
    if not found:
        raise NoEntries("the export holds no messages long enough to be articles", origin=source.origin)
