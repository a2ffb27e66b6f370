"""The dashboard's URLs, built in one place. Ids are percent-encoded whole (a feed entry's id may be a URL)."""

from __future__ import annotations

from urllib.parse import quote, urlencode


def doc_url(doc_id: str, *, event: str | None = None, span: tuple[int, int] | None = None) -> str:
    url = "/doc/" + quote(str(doc_id), safe="")
    if event:
        return f"{url}?{urlencode({'event': event})}#focus"
    if span and span[0] is not None and span[1] is not None:
        return f"{url}?{urlencode({'span': f'{int(span[0])}-{int(span[1])}'})}#focus"
    return url


def evidence_url(ev: dict | None) -> str | None:
    """The document page focused on an evidence dict {doc_id, text, start, end}."""
    if not ev or not ev.get("doc_id"):
        return None
    return doc_url(ev["doc_id"], span=(ev.get("start"), ev.get("end")))


def actor_url(actor_id: str) -> str:
    return "/actor/" + quote(str(actor_id), safe=":")


def dyad_url(a: str, b: str) -> str:
    a, b = sorted((a, b))
    return f"/dyad/{quote(a, safe='')}-{quote(b, safe='')}"


def with_query(path: str, **params: object) -> str:
    kept = {k: v for k, v in params.items() if v is not None}
    return f"{path}?{urlencode(kept)}" if kept else path
