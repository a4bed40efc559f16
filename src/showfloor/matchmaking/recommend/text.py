"""Keyword relevance that works for Chinese: jieba segments Chinese, a regex splits the rest,
and TF-IDF cosine compares one person's need with another's offer."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Sequence

import jieba

jieba.setLogLevel(logging.WARNING)

_HAN = re.compile(r"[\u4e00-\u9fff]")
_WORD = re.compile(r"[\w\u4e00-\u9fff]+", re.UNICODE)
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "our",
        "the",
        "their",
        "they",
        "this",
        "to",
        "we",
        "with",
        "you",
        "your",
        "de",
        "des",
        "du",
        "la",
        "le",
        "les",
        "et",
        "en",
        "un",
        "une",
        "pour",
        "dans",
        "par",
        "sur",
        "avec",
        "nous",
        "vous",
        "notre",
        "nos",
        "leur",
        "leurs",
        "est",
        "sont",
        "qui",
        "que",
        "的",
        "和",
        "与",
        "及",
        "在",
        "是",
        "我们",
        "他们",
        "为",
        "对",
        "等",
        "了",
        "有",
    ]
)


def tokens(text: str) -> list[str]:
    out: list[str] = []
    for chunk in _WORD.findall(text.lower()):
        if _HAN.search(chunk):
            out += [t for t in jieba.lcut(chunk) if t.strip()]
        else:
            out.append(chunk)
    return [t for t in out if t not in STOPWORDS and (len(t) > 1 or _HAN.match(t))]


class TfIdf:
    """Sparse TF-IDF vectors over a corpus (the edition's needs and offers)."""

    def __init__(self, documents: Sequence[str]) -> None:
        self.docs = [Counter(tokens(d)) for d in documents]
        df: Counter[str] = Counter()
        for doc in self.docs:
            df.update(doc.keys())
        n = max(len(self.docs), 1)
        self.idf = {t: math.log((1 + n) / (1 + c)) + 1 for t, c in df.items()}
        self.vectors = [self._weigh(doc) for doc in self.docs]

    def _weigh(self, doc: Counter[str]) -> dict[str, float]:
        vec = {t: (1 + math.log(c)) * self.idf.get(t, 1.0) for t, c in doc.items()}
        norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
        return {t: v / norm for t, v in vec.items()}

    def vector(self, index: int) -> dict[str, float]:
        return self.vectors[index]

    @staticmethod
    def cosine(a: dict[str, float], b: dict[str, float]) -> float:
        if len(a) > len(b):
            a, b = b, a
        return sum(v * b.get(t, 0.0) for t, v in a.items())

    @staticmethod
    def shared(a: dict[str, float], b: dict[str, float], limit: int = 3) -> list[str]:
        common = sorted(set(a) & set(b), key=lambda t: -(a[t] * b[t]))
        return common[:limit]
