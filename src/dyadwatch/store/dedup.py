"""Near-duplicate detection: MinHash over word shingles, banded so candidates are found by index lookup.

The same wire story on two sites shares most of its 5-word shingles; its estimated Jaccard similarity is far
above that of two different stories on the same topic.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from .. import config

_WORD = re.compile(r"\w+")


def _params(n: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(20260209)  # fixed: signatures must be comparable across runs
    a = rng.integers(1, 2**63, size=n, dtype=np.uint64) | np.uint64(1)  # odd: a bijection mod 2**64
    b = rng.integers(0, 2**63, size=n, dtype=np.uint64)
    return a, b


_A, _B = _params(int(config.get("dedup", "permutations")))


def signature(text: str) -> np.ndarray:
    """MinHash signature of the text's word shingles (uint64 array)."""
    words = _WORD.findall(text.casefold())
    k = int(config.get("dedup", "shingle_words"))
    shingles = {" ".join(words[i:i + k]) for i in range(max(1, len(words) - k + 1))}
    hashes = np.fromiter((zlib.crc32(s.encode("utf-8")) for s in shingles), dtype=np.uint64, count=len(shingles))
    # One permutation per row: x -> a*x + b modulo 2**64 (numpy's unsigned arithmetic wraps).
    with np.errstate(over="ignore"):
        values = hashes[:, None] * _A + _B
    return values.min(axis=0)


def bands(sig: np.ndarray) -> list[tuple[int, int]]:
    """(band number, band key) pairs: documents sharing any band are candidates."""
    n_bands = int(config.get("dedup", "bands"))
    rows = len(sig) // n_bands
    out = []
    for band in range(n_bands):
        chunk = sig[band * rows:(band + 1) * rows].tobytes()
        out.append((band, zlib.crc32(chunk) | (band << 32)))
    return out


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.mean(a == b))
