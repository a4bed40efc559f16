"""A deterministic synthetic fair for tests and benchmarks, shaped like CHTF2020.

People come in the CHTF2020 proportions (3,349 exhibitors, 760 investors, ~400 institutes; the
rest professional visitors, 15,000 in all at scale 1). Requests run between exhibitors and the
others (a buyer ↔ seller graph), recipients drawn with heavy-tailed (Zipf) popularity; about 15%
of pairs asked each other (mutual, weight 2). Windows are half-days: 3 days × 2 half-days.
"""

from __future__ import annotations

import bisect
import itertools
import random
from dataclasses import dataclass

from showfloor.matchmaking.scheduler.instance import Instance

PROPORTIONS = {"exhibitor": 3349, "investor": 760, "institute": 400, "visitor": 10491}
CAPACITY = {"exhibitor": 24, "investor": 12, "institute": 10, "visitor": 6}


@dataclass
class SyntheticFair:
    instance: Instance
    kinds: list[str]


def generate(
    *,
    people: int = 15_000,
    requests: int = 100_000,
    days: int = 3,
    slots_per_day: int = 12,
    window_share: float = 0.6,
    tables: int | None = None,
    mutual_share: float = 0.15,
    seed: int = 2020,
    zipf: float = 1.0,
    bipartite_only: bool = True,
) -> SyntheticFair:
    rng = random.Random(seed)
    total = sum(PROPORTIONS.values())
    kinds: list[str] = []
    for kind, share in PROPORTIONS.items():
        kinds += [kind] * round(people * share / total)
    kinds = (kinds + ["visitor"] * people)[:people]
    rng.shuffle(kinds)
    sellers = [p for p, k in enumerate(kinds) if k == "exhibitor"]
    buyers = [p for p, k in enumerate(kinds) if k != "exhibitor"]
    n_slots = days * slots_per_day

    def popularity(group: list[int]) -> tuple[list[int], list[float]]:
        order = group[:]
        rng.shuffle(order)
        weights = [1 / (rank + 1) ** zipf for rank in range(len(order))]
        return order, list(itertools.accumulate(weights))

    seller_order, seller_cum = popularity(sellers)
    buyer_order, buyer_cum = popularity(buyers)
    pairs: dict[tuple[int, int], int] = {}
    attempts = 0
    while len(pairs) < requests and attempts < requests * 20:
        attempts += 1
        # Half the requests go buyer → seller (popular exhibitors), half seller → buyer.
        if rng.random() < 0.5:
            a = rng.choice(buyers)
            b = seller_order[bisect.bisect(seller_cum, rng.random() * seller_cum[-1])]
        else:
            a = rng.choice(sellers)
            b = buyer_order[bisect.bisect(buyer_cum, rng.random() * buyer_cum[-1])]
        key = (min(a, b), max(a, b))
        if key in pairs:
            continue
        pairs[key] = 2 if rng.random() < mutual_share else 1
    edges = list(pairs)
    rng.shuffle(edges)  # arrival order
    half = slots_per_day // 2
    availability = []
    for _ in range(people):
        if rng.random() < window_share:
            mask = 0
            halves = rng.sample(range(days * 2), rng.randint(2, 4))
            for h in halves:
                mask |= ((1 << half) - 1) << (h * half)
            availability.append(mask)
        else:
            availability.append((1 << n_slots) - 1)
    instance = Instance(
        n_people=people,
        n_slots=n_slots,
        edges=edges,
        weights=[pairs[e] for e in edges],
        capacity=[min(CAPACITY[k], n_slots) for k in kinds],
        availability=availability if window_share else None,
        tables=tables,
        slot_day=[s // slots_per_day for s in range(n_slots)],
    )
    return SyntheticFair(instance, kinds)
