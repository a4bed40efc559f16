"""The pure scheduler: every answer passes the independent checker; small answers are optimal."""

from __future__ import annotations

import itertools
import random
import time

import pytest

from showfloor.matchmaking import scheduler
from showfloor.matchmaking.scheduler import bounds, synthetic
from showfloor.matchmaking.scheduler.instance import Instance
from tests.matchmaking.checker import violations


def brute_force_best(instance: Instance) -> tuple[int, int]:
    """(weight, people reaching min(k, accepted)) of the best schedule, by full enumeration."""
    options = []
    for u, v in instance.edges:
        mask = instance.avail(u) & instance.avail(v)
        options.append([None] + [s for s in range(instance.n_slots) if mask >> s & 1])
    target = instance.targets()
    best = (-1, -1)
    for choice in itertools.product(*options):
        assignment = {e: s for e, s in enumerate(choice) if s is not None}
        if violations(instance, assignment):
            continue
        count = [0] * instance.n_people
        for e in assignment:
            for p in instance.edges[e]:
                count[p] += 1
        weight = sum(instance.weights[e] for e in assignment)
        reached = sum(1 for p, t in enumerate(target) if t and count[p] >= t)
        best = max(best, (weight, reached))
    return best


def value(instance: Instance, assignment: dict[int, int]) -> tuple[int, int]:
    target = instance.targets()
    count = [0] * instance.n_people
    for e in assignment:
        for p in instance.edges[e]:
            count[p] += 1
    weight = sum(instance.weights[e] for e in assignment)
    return weight, sum(1 for p, t in enumerate(target) if t and count[p] >= t)


def random_instance(seed: int, *, people=6, edges=7, slots=3, windows=True, tables=None):
    rng = random.Random(seed)
    pairs = rng.sample(list(itertools.combinations(range(people), 2)), edges)
    return Instance(
        n_people=people,
        n_slots=slots,
        edges=pairs,
        weights=[rng.choice([1, 1, 2]) for _ in pairs],
        capacity=[rng.randint(1, slots) for _ in range(people)],
        availability=[rng.randint(1, (1 << slots) - 1) for _ in range(people)] if windows else None,
        tables=tables,
        min_meetings=2,
    )


@pytest.mark.parametrize("seed", range(12))
def test_solve_small_instances_matches_exact_optimum(seed):
    instance = random_instance(seed, tables=2 if seed % 2 else None)

    result = scheduler.solve(instance, time_limit=5)

    assert violations(instance, result.assignment) == []
    assert value(instance, result.assignment) == brute_force_best(instance)


@pytest.mark.parametrize("seed", range(6))
def test_upper_bound_never_below_exact_optimum(seed):
    instance = random_instance(seed, windows=False)

    weight, _meetings = bounds.upper_bound(instance)

    assert weight >= brute_force_best(instance)[0]


def test_solve_without_windows_on_buyer_seller_event_reaches_upper_bound():
    fair = synthetic.generate(people=400, requests=3000, window_share=0.0, seed=7)

    result = scheduler.solve(fair.instance)

    assert violations(fair.instance, result.assignment) == []
    assert result.report.method == "König edge colouring of a maximum b-matching"
    assert result.report.weight == result.report.upper_bound_weight


def test_solve_konig_with_table_limit_balances_slots():
    fair = synthetic.generate(people=300, requests=2000, window_share=0.0, tables=20, seed=3)

    result = scheduler.solve(fair.instance)

    assert violations(fair.instance, result.assignment) == []
    assert result.report.weight == result.report.upper_bound_weight


def test_solve_with_windows_is_valid_and_reports_gap():
    fair = synthetic.generate(people=500, requests=3000, tables=40, seed=11)

    result = scheduler.solve(fair.instance, time_limit=1.5)

    assert violations(fair.instance, result.assignment) == []
    assert result.report.weight <= result.report.upper_bound_weight
    assert result.report.gap == (
        (result.report.upper_bound_weight - result.report.weight) / result.report.upper_bound_weight
    )


def test_solve_beats_first_fit_baseline():
    fair = synthetic.generate(people=500, requests=3000, tables=40, seed=5)

    result = scheduler.solve(fair.instance, use_cpsat=False)
    baseline = scheduler.first_fit(fair.instance)

    assert violations(fair.instance, baseline) == []
    assert result.report.weight > sum(fair.instance.weights[e] for e in baseline)


def test_solve_keeps_locked_meetings_in_their_slot():
    instance = random_instance(3, people=8, edges=10, slots=4, windows=False)
    instance.locked = {0: 3, 1: 2}

    result = scheduler.solve(instance)

    assert {e: result.assignment[e] for e in (0, 1)} == {0: 3, 1: 2}
    assert violations(instance, result.assignment) == []


def test_solve_rerun_moves_no_meeting_when_nothing_changed():
    fair = synthetic.generate(people=300, requests=1500, tables=30, seed=2)
    first = scheduler.solve(fair.instance, use_cpsat=False)
    fair.instance.previous = dict(first.assignment)

    again = scheduler.solve(fair.instance, time_limit=1, use_cpsat=False)

    assert again.report.moved == 0


def test_insert_walk_in_places_it_within_a_second():
    fair = synthetic.generate(people=2000, requests=12000, tables=150, seed=9)
    result = scheduler.solve(fair.instance, use_cpsat=False, fairness_bounds=False)
    waiting = [e for e in range(len(fair.instance.edges)) if e not in result.assignment]
    # A cancellation frees a slot for two people; their waiting meetings go in.
    cancelled = next(iter(result.assignment))
    remaining = {e: s for e, s in result.assignment.items() if e != cancelled}

    started = time.perf_counter()
    changes = scheduler.insert(fair.instance, remaining, waiting[:5])
    elapsed = time.perf_counter() - started

    assert elapsed < 1.0
    assert violations(fair.instance, {**remaining, **changes}) == []


def test_least_without_meeting_counts_people_whose_partners_are_full():
    # Three people ask only person 0, who takes one meeting: two must go without.
    instance = Instance(
        n_people=4,
        n_slots=3,
        edges=[(0, 1), (0, 2), (0, 3)],
        weights=[1, 1, 1],
        capacity=[1, 3, 3, 3],
    )

    assert bounds.least_without_meeting(instance) == 2


def test_checker_finds_person_twice_in_a_slot():
    instance = Instance(
        n_people=3, n_slots=2, edges=[(0, 1), (0, 2)], weights=[1, 1], capacity=[2, 2, 2]
    )

    assert violations(instance, {0: 1, 1: 1}) == ["person 0 twice in slot 1"]


def test_fairness_mode_leaves_fewer_people_without_meeting_for_little_weight():
    fair = synthetic.generate(people=1200, requests=8000, tables=200, seed=4)
    strict = scheduler.solve(fair.instance, use_cpsat=False).report

    kind = scheduler.solve(fair.instance, use_cpsat=False, fairness=True)

    assert violations(fair.instance, kind.assignment) == []
    assert kind.report.people_without_meeting < strict.people_without_meeting
    assert kind.report.weight >= 0.99 * kind.report.upper_bound_weight
