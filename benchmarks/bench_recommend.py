"""Recommendations on 5,000 synthetic profiles (en / fr / zh ≈ 40 / 40 / 20) from planted
complementary topics: b is a true match for a when b offers the topic a seeks.

Protocol: 80% of each person's true partners are "known" (as if already requested) and removed
from the candidates; the other 20% are held out and are what the top 10 should find. Printed:
NDCG@10 (binary relevance) and recall@10 (hits ÷ min(10, held-out partners)) of the full
recommender (intents and sectors, keywords with jieba, multilingual USE embeddings, two-way,
capacity-aware) against keyword relevance alone (TF-IDF, two-way); cross-lingual accuracy (for
each English need, is the most similar French offer, and the most similar Chinese offer, of the
same topic?); embedding throughput and the time it implies for 15,000 profiles.

    .venv/bin/python benchmarks/bench_recommend.py [--profiles 5000]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from showfloor.matchmaking.recommend import embed, synthetic
from showfloor.matchmaking.recommend.score import Person, Recommender


def split_pairs(profiles, rng):
    by_offer: dict[int, list[int]] = {}
    for p in profiles:
        by_offer.setdefault(p.offer_topic, []).append(p.key)
    known, held = {}, {}
    for p in profiles:
        partners = [
            b
            for b in by_offer.get(p.seek_topic, [])
            if b != p.key and synthetic.is_true_pair(p, profiles[b])
        ]
        rng.shuffle(partners)
        cut = round(0.2 * len(partners))
        held[p.key] = set(partners[:cut])
        known[p.key] = set(partners[cut:])
    return known, held


def evaluate(recommender: Recommender, known, held, k=10) -> tuple[float, float]:
    combined, _forward = recommender.matrix()
    ndcgs, recalls = [], []
    for a in range(recommender.n):
        scores = combined[a].copy()
        scores[list(known[a])] = -np.inf
        top = np.argpartition(-scores, k)[:k]
        top = top[np.argsort(-scores[top])]
        relevant = held[a]
        if not relevant:
            continue
        gains = [1.0 if int(b) in relevant else 0.0 for b in top]
        dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
        ideal = sum(1 / math.log2(i + 2) for i in range(min(k, len(relevant))))
        ndcgs.append(dcg / ideal)
        recalls.append(sum(gains) / min(k, len(relevant)))
    return float(np.mean(ndcgs)), float(np.mean(recalls))


def cross_lingual(profiles, offers: np.ndarray, seeks: np.ndarray) -> tuple[float, float]:
    english = [p for p in profiles if p.language == "en"]
    result = []
    for language in ("fr", "zh-hans"):
        pool = [p for p in profiles if p.language == language]
        matrix = offers[[p.key for p in pool]]
        hits = 0
        for p in english:
            best = pool[int(np.argmax(matrix @ seeks[p.key]))]
            hits += best.offer_topic == p.seek_topic
        result.append(hits / len(english))
    return result[0], result[1]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--profiles", type=int, default=5000)
    args = parser.parse_args()
    profiles = synthetic.generate(args.profiles, seed=8)
    known, held = split_pairs(profiles, random.Random(8))
    people = [
        Person(
            key=p.key,
            kind="professional",
            offers=set(p.offers),
            seeks=set(p.seeks),
            sectors={p.sector},
            offer_text=p.offer_text,
            seek_text=p.seek_text,
            capacity=8,
        )
        for p in profiles
    ]
    texts = [p.offer_text for p in profiles] + [p.seek_text for p in profiles]
    started = time.perf_counter()
    vectors = embed.encode(texts)
    embed_seconds = time.perf_counter() - started
    offers, seeks = vectors[: len(profiles)], vectors[len(profiles) :]
    rate = len(texts) / embed_seconds
    print(
        f"== recommendations: {len(profiles):,} profiles (en/fr/zh 40/40/20), "
        f"{len(synthetic.TOPICS)} topics in {len(synthetic.TOPICS) // 2} complementary pairs =="
    )
    print(
        f"embedding: {len(texts):,} texts in {embed_seconds:.1f} s = {rate:.0f} texts/s; "
        f"15,000 profiles (30,000 texts) would take {30_000 / rate:.0f} s"
    )

    started = time.perf_counter()
    keyword = Recommender(people, use_rules=False, use_embeddings=False)
    k_ndcg, k_recall = evaluate(keyword, known, held)
    k_seconds = time.perf_counter() - started
    started = time.perf_counter()
    full = Recommender(people, offer_vectors=offers, seek_vectors=seeks)
    f_ndcg, f_recall = evaluate(full, known, held)
    f_seconds = time.perf_counter() - started
    print(
        f"keyword relevance alone: NDCG@10 {k_ndcg:.3f}, recall@10 {k_recall:.3f} "
        f"({k_seconds:.1f} s)"
    )
    print(
        f"full recommender:        NDCG@10 {f_ndcg:.3f}, recall@10 {f_recall:.3f} "
        f"({f_seconds:.1f} s)"
    )
    print(
        f"difference: NDCG@10 +{f_ndcg - k_ndcg:.3f}, recall@10 +{f_recall - k_recall:.3f}; "
        f"ratio NDCG {f_ndcg / max(k_ndcg, 1e-9):.2f}"
    )
    fr, zh = cross_lingual(profiles, offers, seeks)
    print(
        f"cross-lingual accuracy (English need -> best French / Chinese offer has the topic): "
        f"{100 * fr:.1f}% / {100 * zh:.1f}%"
    )
    started = time.perf_counter()
    recs = full.recommend(10, exposure=3)
    loads: dict[int, int] = {}
    for items in recs.values():
        for r in items:
            loads[r.key] = loads.get(r.key, 0) + 1
    print(
        f"capacity-aware re-ranking: most appearances of one person {max(loads.values())} "
        f"(quota 3 x capacity 8 = 24), {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
