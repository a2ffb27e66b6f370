"""The Jinja2 environment of the pages: templates from the package, autoescape always on, small filters.

Filters that return markup build it from escaped pieces only.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..reports import format as fmt
from ..reports.data import country_name
from . import urls

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


def score_pill(value: float | None) -> Markup:
    cls = "zero" if value is None or abs(value) < 0.05 else ("pos" if value > 0 else "neg")
    return Markup(f'<span class="score {cls}">{escape(fmt.score(value))}</span>')


def pair(source: str | None, target: str | None) -> Markup:
    s = escape((source or "?").replace("+", " + "))
    t = escape((target or "?").replace("+", " + "))
    return Markup(f'<span class="pair">{s} → {t}</span>')


def plural(n: int | None, word: str, many: str | None = None) -> str:
    n = int(n or 0)
    return f"{n:,} {word if n == 1 else (many or word + 's')}"


def role_label(role: str | None) -> str:
    return (role or "").replace("_", " ")


def short(text: str | None, n: int = 160) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + " …"


def asset_version() -> str:
    """Changes with the static files, so browsers fetch new ones after an upgrade."""
    stamps = [int(p.stat().st_mtime) for p in STATIC.iterdir() if p.is_file()]
    return f"{__version__}-{max(stamps, default=0) % 100000}"


def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters.update(score=fmt.score, score_pill=score_pill, month=fmt.month_label, day=fmt.day_label,
                       number=lambda v: fmt.number(v, scale=False), amount=fmt.amount, quantity=fmt.quantity,
                       dimension=fmt.dimension_label, short_doc=fmt.short_doc, plural=plural, role=role_label,
                       short=short, country=country_name)
    env.globals.update(doc_url=urls.doc_url, actor_url=urls.actor_url, dyad_url=urls.dyad_url,
                       evidence_url=urls.evidence_url, with_query=urls.with_query, pair=pair, version=__version__,
                       asset_version=asset_version(), quad_labels=fmt.QUAD_LABELS, kind_labels=fmt.KIND_LABELS)
    return env


def page_context(request: Any, **values: Any) -> dict[str, Any]:
    settings = request.app.state.settings
    return {"request": request, "store_name": settings.db_path.name, "store_path": str(settings.db_path),
            "allow_ingest": settings.allow_ingest, **values}
