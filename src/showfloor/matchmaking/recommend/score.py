"""The recommender's core on plain data (no Django): two directions, combined, re-ranked.

s(a→b) scores b as an answer to a's need (a's seeks against b's offers: intents, sectors,
keywords, embeddings); the pair's score is the harmonic mean of s(a→b) and s(b→a), so a meeting
only ranks high when both sides gain. Re-ranking gives each person at most `exposure × capacity`
appearances in other people's top lists, so a popular investor is not recommended to everyone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from showfloor.matchmaking.recommend.text import TfIdf

SMOOTHING = 0.05
# The embeddings carry most of the signal (they read every language); intents and sectors as
# registered are noisy (see benchmarks/bench_recommend.py, where these weights were chosen).
WEIGHTS = {"intent": 0.10, "sector": 0.05, "keywords": 0.15, "embedding": 0.70}
# Below this many profiles the mean is not a stable estimate of what all texts share.
CENTER_FROM = 20


def center(vectors: np.ndarray) -> np.ndarray:
    """Remove what all texts share (template, register, language) and renormalise, so that
    the cosine compares what a text is about. Empty texts (zero vectors) stay zero."""
    present = np.linalg.norm(vectors, axis=1) > 0
    if present.sum() < CENTER_FROM:
        return vectors
    out = vectors - vectors[present].mean(axis=0)
    out[~present] = 0
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return (out / np.where(norms > 0, norms, 1)).astype(np.float32)


@dataclass
class Person:
    key: int
    kind: str
    offers: set[str]
    seeks: set[str]
    sectors: set[int]
    offer_text: str
    seek_text: str
    capacity: int = 8
    group: int | None = None  # same non-empty group (e.g. exhibitor) never recommended


@dataclass
class Recommendation:
    key: int
    score: float
    forward: float  # how well they answer my need
    backward: float  # how well I answer theirs
    reasons: list[tuple[str, dict]] = field(default_factory=list)
    pinned: bool = False


class Recommender:
    def __init__(
        self,
        people: list[Person],
        *,
        offer_vectors: np.ndarray | None = None,
        seek_vectors: np.ndarray | None = None,
        use_keywords: bool = True,
        use_embeddings: bool = True,
        use_rules: bool = True,
    ) -> None:
        self.people = people
        n = len(people)
        self.index = {p.key: i for i, p in enumerate(people)}
        self.tfidf = TfIdf([p.offer_text for p in people] + [p.seek_text for p in people])
        self.use = {"keywords": use_keywords, "embedding": use_embeddings, "rules": use_rules}
        self.offer_vectors = center(offer_vectors) if offer_vectors is not None else None
        self.seek_vectors = center(seek_vectors) if seek_vectors is not None else None
        self.n = n

    # -- one direction, for everyone at once ---------------------------------------------------
    def forward(self) -> np.ndarray:
        """[a, b] = s(a→b): how well b answers a's need."""
        n = self.n
        total = np.zeros((n, n), dtype=np.float32)
        used = 0.0
        if self.use["rules"]:
            intents = sorted({i for p in self.people for i in p.offers | p.seeks})
            col = {i: j for j, i in enumerate(intents)}
            seeks = np.zeros((n, len(intents)), dtype=np.float32)
            offers = np.zeros((n, len(intents)), dtype=np.float32)
            for r, p in enumerate(self.people):
                seeks[r, [col[i] for i in p.seeks]] = 1
                offers[r, [col[i] for i in p.offers]] = 1
            total += WEIGHTS["intent"] * (seeks @ offers.T) / np.maximum(seeks.sum(1), 1)[:, None]
            sector_ids = sorted({s for p in self.people for s in p.sectors})
            scol = {s: j for j, s in enumerate(sector_ids)}
            sectors = np.zeros((n, len(sector_ids)), dtype=np.float32)
            for r, p in enumerate(self.people):
                sectors[r, [scol[x] for x in p.sectors]] = 1
            inter = sectors @ sectors.T
            size = sectors.sum(1)
            union = size[:, None] + size[None, :] - inter
            total += WEIGHTS["sector"] * inter / np.maximum(union, 1)
            used += WEIGHTS["intent"] + WEIGHTS["sector"]
        if self.use["keywords"]:
            total += WEIGHTS["keywords"] * self.keyword_matrix()
            used += WEIGHTS["keywords"]
        if self.use["embedding"] and self.offer_vectors is not None:
            sims = self.seek_vectors @ self.offer_vectors.T
            total += WEIGHTS["embedding"] * np.clip(sims, 0, 1)
            used += WEIGHTS["embedding"]
        return total / used if used else total

    def keyword_matrix(self) -> np.ndarray:
        """TF-IDF cosine of a's need against b's offer, through an inverted index."""
        postings: dict[str, tuple[list[int], list[float]]] = {}
        for b in range(self.n):
            for token, weight in self.tfidf.vector(b).items():
                docs, weights = postings.setdefault(token, ([], []))
                docs.append(b)
                weights.append(weight)
        arrays = {t: (np.array(d), np.array(w, dtype=np.float32)) for t, (d, w) in postings.items()}
        out = np.zeros((self.n, self.n), dtype=np.float32)
        for a in range(self.n):
            for token, weight in self.tfidf.vector(self.n + a).items():
                if token in arrays:
                    docs, weights = arrays[token]
                    out[a, docs] += weight * weights
        return out

    # -- both directions ------------------------------------------------------------------------
    def matrix(self) -> tuple[np.ndarray, np.ndarray]:
        forward = self.forward()
        backward = forward.T
        # Harmonic mean, smoothed so that someone who only seeks still gets (one-way) answers,
        # ranked below two-way matches; no relevance either way stays at 0.
        f, b = forward + SMOOTHING, backward + SMOOTHING
        combined = 2 * f * b / (f + b) - SMOOTHING
        np.fill_diagonal(combined, -1)
        groups = np.array(
            [p.group if p.group is not None else -1 - i for i, p in enumerate(self.people)]
        )
        combined[groups[:, None] == groups[None, :]] = -1
        return combined, forward

    def recommend(
        self,
        k: int = 10,
        *,
        exposure: float = 3.0,
        blocked: set[tuple[int, int]] | None = None,
        blocked_kinds: set[tuple[str, str]] | None = None,
        pinned: set[tuple[int, int]] | None = None,
        only: list[int] | None = None,
    ) -> dict[int, list[Recommendation]]:
        """Top-k per person (keys), with the capacity-aware quota on appearances."""
        combined, forward = self.matrix()
        kinds = np.array([p.kind for p in self.people])
        for ka, kb in blocked_kinds or ():
            mask = (kinds == ka)[:, None] & (kinds == kb)[None, :]
            combined[mask | mask.T] = -1
        for a, b in blocked or ():
            if a in self.index and b in self.index:
                combined[self.index[a], self.index[b]] = -1
                combined[self.index[b], self.index[a]] = -1
        pins = {
            (self.index[a], self.index[b])
            for a, b in pinned or ()
            if a in self.index and b in self.index
        }
        pins |= {(b, a) for a, b in pins}
        quota = [max(1, int(exposure * p.capacity)) for p in self.people]
        load = [0] * self.n
        lists: dict[int, list[int]] = {i: [] for i in range(self.n)}
        for a, b in pins:
            if combined[a, b] >= 0 and len(lists[a]) < k:
                lists[a].append(b)
                load[b] += 1
        # Greedy over all pairs, best first: a person stops appearing once their quota is used.
        top = min(self.n - 1, max(4 * k, k + 5))
        if top > 0:
            candidates = np.argpartition(-combined, top - 1, axis=1)[:, :top]
            pairs = [
                (float(combined[a, b]), a, int(b))
                for a in range(self.n)
                for b in candidates[a]
                if combined[a, b] > 0
            ]
            pairs.sort(reverse=True)
            for _score, a, b in pairs:
                if len(lists[a]) >= k or b in lists[a] or load[b] >= quota[b]:
                    continue
                lists[a].append(b)
                load[b] += 1
        wanted = range(self.n) if only is None else [self.index[x] for x in only if x in self.index]
        result = {}
        for a in wanted:
            ranked = sorted(lists[a], key=lambda b: ((a, b) not in pins, -combined[a, b]))
            result[self.people[a].key] = [
                Recommendation(
                    key=self.people[b].key,
                    score=round(float(combined[a, b]), 4),
                    forward=round(float(forward[a, b]), 4),
                    backward=round(float(forward[b, a]), 4),
                    reasons=self.reasons(a, b),
                    pinned=(a, b) in pins,
                )
                for b in ranked
            ]
        return result

    def reasons(self, a: int, b: int) -> list[tuple[str, dict]]:
        """Why: (code, values) pairs the interface turns into sentences in the user's language."""
        me, them = self.people[a], self.people[b]
        out: list[tuple[str, dict]] = []
        for intent in sorted(me.seeks & them.offers):
            out.append(("they_offer", {"intent": intent}))
        for intent in sorted(them.seeks & me.offers):
            out.append(("you_offer", {"intent": intent}))
        if me.sectors & them.sectors:
            out.append(("sectors", {"sectors": sorted(me.sectors & them.sectors)}))
        words = TfIdf.shared(self.tfidf.vector(self.n + a), self.tfidf.vector(b))
        if words:
            out.append(("keywords", {"words": words}))
        if self.offer_vectors is not None:
            sim = float(self.offer_vectors[b] @ self.seek_vectors[a])
            if sim >= 0.4:
                out.append(("similar_text", {"similarity": round(sim, 2)}))
        return out
