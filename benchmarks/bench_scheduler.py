"""The meeting scheduler on a CHTF-shaped synthetic fair (no Django, no database).

Flagship: 15,000 participants, 100,000 accepted requests (~15% mutual, weight 2), 36 slots over
3 days, 60% of people with half-day windows; once with 2,500 tables and once with 1,000. Printed:
time, peak memory, meetings, weight against the flow upper bound, people with no meeting and
below min(3, accepted) next to the least possible counts (flow), idle gaps; the same figures for
a greedy first-fit scheduler (requests in arrival order, each in the first slot free for both:
what participants picking slots amounts to) and the ratios. Then exactness: a buyer ↔ seller
instance of 5,000 people and 30,000 requests without windows, which must reach 100% of the bound.

    .venv/bin/python benchmarks/bench_scheduler.py [--people 15000] [--requests 100000]
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from showfloor.matchmaking import scheduler
from showfloor.matchmaking.scheduler import synthetic
from showfloor.matchmaking.scheduler.instance import idle_gaps, meeting_counts


def check(instance, assignment) -> None:
    """A compact validity check (the test suite has the full independent checker)."""
    seen, per_slot = set(), [0] * instance.n_slots
    for e, s in assignment.items():
        u, v = instance.edges[e]
        for p in (u, v):
            assert (p, s) not in seen, f"person {p} twice in slot {s}"
            seen.add((p, s))
            assert instance.avail(p) >> s & 1, f"person {p} unavailable in slot {s}"
        per_slot[s] += 0 if instance.is_online(e) else 1
    counts = meeting_counts(instance, assignment)
    assert all(c <= cap for c, cap in zip(counts, instance.capacity, strict=True))
    if instance.tables is not None:
        assert max(per_slot) <= instance.tables


def fairness(instance, assignment) -> tuple[int, int]:
    counts = meeting_counts(instance, assignment)
    degrees = instance.degrees()
    targets = instance.targets()
    zero = sum(1 for p, d in enumerate(degrees) if d and counts[p] == 0)
    below = sum(1 for p, t in enumerate(targets) if counts[p] < t)
    return zero, below


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def flagship(people: int, requests: int, tables: int, time_limit: float, fair: bool) -> None:
    made = synthetic.generate(people=people, requests=requests, tables=tables, seed=2020)
    instance = made.instance
    started = time.perf_counter()
    result = scheduler.solve(instance, time_limit=time_limit, fairness=fair)
    seconds = time.perf_counter() - started
    check(instance, result.assignment)
    r = result.report
    started = time.perf_counter()
    baseline = scheduler.first_fit(instance)
    baseline_seconds = time.perf_counter() - started
    check(instance, baseline)
    b_weight = sum(instance.weights[e] for e in baseline)
    b_zero, b_below = fairness(instance, baseline)
    print(
        f"\n== flagship: {people:,} people, {len(instance.edges):,} accepted requests, "
        f"{instance.n_slots} slots, {tables:,} tables, 60% with windows; "
        f"{'fairness mode' if fair else 'lexicographic: weight, then coverage'} =="
    )
    print(f"scheduler ({r.method}): {seconds:.1f} s, peak RSS {peak_mb():.0f} MB")
    print(
        f"  meetings {r.meetings:,} (bound {r.upper_bound_meetings:,}); weight {r.weight:,} "
        f"of upper bound {r.upper_bound_weight:,} = {100 * r.weight / r.upper_bound_weight:.2f}%"
        f" (gap {100 * r.gap:.2f}%)"
    )
    print(
        f"  people who asked: {r.people_asked:,}; with no meeting {r.people_without_meeting:,} "
        f"(least possible {r.least_without_meeting:,}); below min(3, accepted) "
        f"{r.people_below_minimum:,} (flow reference {r.least_below_minimum:,}); "
        f"idle gaps {r.idle_gaps:,}"
    )
    print(
        f"first-fit baseline: {baseline_seconds:.1f} s; meetings {len(baseline):,}; weight "
        f"{b_weight:,} = {100 * b_weight / r.upper_bound_weight:.2f}% of bound; no meeting "
        f"{b_zero:,}; below minimum {b_below:,}; idle gaps {idle_gaps(instance, baseline):,}"
    )
    print(
        f"ratios scheduler / first-fit: weight {r.weight / b_weight:.3f}, meetings "
        f"{r.meetings / len(baseline):.3f}; people with no meeting "
        f"{r.people_without_meeting / max(b_zero, 1):.3f}, below minimum "
        f"{r.people_below_minimum / max(b_below, 1):.3f}"
    )


def exactness(people: int, requests: int) -> None:
    made = synthetic.generate(people=people, requests=requests, window_share=0.0, seed=5)
    instance = made.instance
    started = time.perf_counter()
    result = scheduler.solve(instance, fairness_bounds=False)
    seconds = time.perf_counter() - started
    check(instance, result.assignment)
    r = result.report
    baseline = scheduler.first_fit(instance)
    b_weight = sum(instance.weights[e] for e in baseline)
    print(
        f"\n== exactness: buyer <-> seller, {people:,} people, {len(instance.edges):,} "
        f"requests, no windows =="
    )
    print(
        f"{r.method}: {seconds:.2f} s; weight {r.weight:,} of upper bound "
        f"{r.upper_bound_weight:,} = {100 * r.weight / r.upper_bound_weight:.2f}%"
    )
    print(f"first-fit baseline weight {b_weight:,}; ratio {r.weight / b_weight:.3f}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=15_000)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--time-limit", type=float, default=30.0)
    args = parser.parse_args()
    for tables in (2_500, 1_000):
        for fair in (False, True):
            flagship(args.people, args.requests, tables, args.time_limit, fair)
    exactness(5_000, 30_000)


if __name__ == "__main__":
    main()
