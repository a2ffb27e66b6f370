"""dyadwatch: who did what to whom in international news, with the evidence for every row.

    import dyadwatch
    analysis = dyadwatch.analyze_text("Syria and Turkey signed a defence agreement on Monday.", published="2025-08-13")
    analysis.as_json()["events"]
"""

from __future__ import annotations

__version__ = "0.1.0"

from .errors import DyadwatchError
from .model import Analysis, Document

__all__ = ["Analysis", "Document", "DyadwatchError", "__version__", "analyze_text", "analyze_file"]


def analyze_text(text: str, *, published: str | None = None, title: str | None = None,
                 doc_id: str | None = None) -> Analysis:
    """Analyse one text with the default pipeline."""
    from .pipeline import Pipeline
    from .readers._base import clean_text

    return Pipeline.default().analyze(Document(text=clean_text(text), id=doc_id, title=title, published=published))


def analyze_file(path: str) -> list[Analysis]:
    """Analyse every document in a file or folder; raises the first reading error."""
    from .pipeline import Pipeline
    from .readers import Rejection, iter_documents

    pipeline = Pipeline.default()
    out = []
    for item in iter_documents([path]):
        if isinstance(item, Rejection):
            raise item.error
        out.append(pipeline.analyze(item))
    return out
