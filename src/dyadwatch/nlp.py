"""The one door to spaCy: which English pipeline is used, loaded once per process."""

from __future__ import annotations

import importlib.util
import os
import warnings
from functools import lru_cache
from typing import TYPE_CHECKING

from . import config
from .errors import ModelNotFound

if TYPE_CHECKING:
    from spacy.language import Language


def candidate_models() -> list[str]:
    """The pipelines to try, in order: the configured one alone if set, else the fallbacks."""
    chosen = os.environ.get("DYADWATCH_MODEL") or config.get("nlp", "model")
    return [chosen] if chosen else list(config.get("nlp", "fallbacks"))


def installed_model() -> str | None:
    """The name of the pipeline that `load_pipeline` would load, without loading it."""
    for name in candidate_models():
        if importlib.util.find_spec(name) is not None:
            return name
    return None


SENTENCE_END = (".", "!", "?", ":", ";", '"', "”", "’", ")", "•")


def _register_components() -> None:
    from bisect import bisect_right

    from spacy.attrs import IDX
    from spacy.language import Language

    if "dyadwatch_line_breaks" in Language.factories:
        return

    @Language.component("dyadwatch_line_breaks")
    def line_breaks(doc):
        """Line breaks that end a sentence: after a title, a heading or a paragraph; not hard wrapping."""
        text = doc.text
        if "\n" not in text:
            return doc
        lines = [line for line in text.split("\n") if line.strip()]
        open_ended = sum(1 for line in lines if not line.rstrip().endswith(SENTENCE_END))
        wrapped = len(lines) > 3 and open_ended > len(lines) / 2
        starts = doc.to_array(IDX).tolist()
        seen = -1
        at = text.find("\n")
        while at != -1:  # only the tokens after a newline: the one whose text or trailing space holds it
            k = bisect_right(starts, at) - 1
            at = text.find("\n", at + 1)
            if k == seen or k < 0 or k + 1 >= len(starts):
                continue
            seen = k
            prev, token = doc[k], doc[k + 1]
            gap = prev.text_with_ws[len(prev.text):] if not prev.is_space else prev.text
            if "\n" not in gap:
                continue
            if not wrapped or gap.count("\n") > 1 or prev.text.endswith(SENTENCE_END) or token.i == 1:
                token.is_sent_start = True
        return doc


@lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> Language:
    """Load the English pipeline. Raises ModelNotFound (never degrades silently) when none is installed."""
    import spacy

    _register_components()
    names = [name] if name else candidate_models()
    tried = []
    for candidate in names:
        if importlib.util.find_spec(candidate) is None:
            tried.append(candidate)
            continue
        with warnings.catch_warnings():
            # W095: the sm re-upload declares spaCy 3.8; its weights give identical output on 3.7 (README).
            warnings.filterwarnings("ignore", message=r".*\[W095\].*")
            nlp = spacy.load(candidate)
        nlp.meta["dyadwatch_name"] = candidate
        if "parser" in nlp.pipe_names and "dyadwatch_line_breaks" not in nlp.pipe_names:
            nlp.add_pipe("dyadwatch_line_breaks", before="parser")
        return nlp
    raise ModelNotFound(f"no English spaCy pipeline is installed (looked for: {', '.join(tried)})")
