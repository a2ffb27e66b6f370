"""A pipeline of named stages. Each stage declares what it needs and what it adds; the pipeline is
checked when it is built, so a stage that would run before its inputs exist is refused.

A user can add a stage:

    from dyadwatch.pipeline import Stage, STAGES, Pipeline

    def tag_sanctions(analysis): ...
    STAGES["sanction_tags"] = Stage("sanction_tags", tag_sanctions, requires=("events",), assigns=("tags",))
    pipe = Pipeline.default() + ["sanction_tags"]
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from .errors import UsageError
from .model import Analysis, Document


@dataclass(frozen=True)
class Stage:
    name: str
    func: Callable[[Analysis], None]
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()


STAGES: dict[str, Stage] = {}
DEFAULT_ORDER = ["actors", "dates", "quantities", "quotes", "events", "dyads"]


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()) -> Callable:
    """Register a function as a named stage."""
    def decorate(func: Callable[[Analysis], None]) -> Callable[[Analysis], None]:
        STAGES[name] = Stage(name, func, requires, assigns)
        return func
    return decorate


def _register_builtins() -> None:
    from .stages import actors, dates, dyads, events, quantities, quotes  # noqa: F401


_SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "•")


# Typewriter quotes of older wire copy (``so'') are two tokens each to the parser and break the clause around
# them; the parser sees a plain quote mark and a space instead (same length)
_TYPEWRITER_QUOTES = re.compile(r"``|''")


def _plain_quote(match: re.Match[str]) -> str:
    return ' "' if match[0] == "``" else '" '


def parse_text(text: str) -> str:
    """The text as the parser sees it: hard-wrapped lines joined by a space, typewriter quotes as plain ones
    (both of the same length, so every offset into it is an offset into the document's text); paragraph
    breaks and short title lines stay."""
    text = _TYPEWRITER_QUOTES.sub(_plain_quote, text)
    lines = text.split("\n")
    filled = [line for line in lines if line.strip()]
    open_ended = [line for line in filled if not line.rstrip().endswith(_SENTENCE_END)]
    if len(filled) <= 3 or len(open_ended) <= len(filled) / 3:
        return text
    out = []
    for n, line in enumerate(lines):
        out.append(line)
        if n == len(lines) - 1:
            break
        nxt = lines[n + 1]
        join = (line.strip() and nxt.strip() and not line.rstrip().endswith(_SENTENCE_END)
                and len(line) > 50 and n > 0)
        out.append(" " if join else "\n")
    return "".join(out)


class Pipeline:
    """spaCy's annotation ("doc") followed by the named stages in order."""

    def __init__(self, names: Iterable[str], nlp=None) -> None:
        _register_builtins()
        self.names = list(names)
        available = {"doc", "text"}
        for name in self.names:
            if name not in STAGES:
                raise UsageError(f"unknown stage {name!r}; known: {', '.join(sorted(STAGES))}")
            missing = [r for r in STAGES[name].requires if r not in available]
            if missing:
                raise UsageError(f"stage {name!r} needs {', '.join(missing)}, which no earlier stage adds")
            available.update(STAGES[name].assigns)
        self._nlp = nlp

    @classmethod
    def default(cls, nlp=None) -> Pipeline:
        return cls(DEFAULT_ORDER, nlp)

    def __add__(self, names: list[str]) -> Pipeline:
        return Pipeline(self.names + list(names), self._nlp)

    @property
    def nlp(self):
        if self._nlp is None:
            from .nlp import load_pipeline

            self._nlp = load_pipeline()
        return self._nlp

    def run_stages(self, analysis: Analysis) -> Analysis:
        for name in self.names:
            STAGES[name].func(analysis)
            analysis.done.add(name)
        return analysis

    def analyze(self, document: Document) -> Analysis:
        return self.run_stages(Analysis(document, self.nlp(parse_text(document.text))))

    def analyze_many(self, documents: Iterable[Document], batch_size: int | None = None) -> Iterator[Analysis]:
        """Analyses in input order, spaCy running over batches (the fast path for many documents)."""
        from . import config

        size = batch_size or config.get("nlp", "batch_size")
        pairs = ((parse_text(d.text), d) for d in documents)
        for doc, document in self.nlp.pipe(pairs, as_tuples=True, batch_size=size):
            yield self.run_stages(Analysis(document, doc))
