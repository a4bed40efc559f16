"""The meeting scheduler: pure Python (+ OR-Tools), independent of Django.

`solve(instance)` returns a Schedule whose report says how good it is: the weight reached, an
upper bound (exact max-weight b-matching by min-cost flow on bipartite request graphs), the gap,
people left below their minimum, and the least possible counts.
"""

from __future__ import annotations

import time

from showfloor.matchmaking.scheduler import bounds, cpsat, heuristic, konig
from showfloor.matchmaking.scheduler.instance import (
    Instance,
    Report,
    Schedule,
    idle_gaps,
    meeting_counts,
)

__all__ = ["Instance", "Report", "Schedule", "evaluate", "first_fit", "insert", "solve"]

# Above this many (meeting, slot) variables CP-SAT is not worth its time on 2 cores.
CPSAT_MAX_VARIABLES = 60_000


def first_fit(instance: Instance) -> dict[int, int]:
    return heuristic.first_fit(instance)


def _selection(instance: Instance, fairness: bool = False) -> bounds.FlowSolution:
    """Which meetings to schedule, time aside. Strictly lexicographic (weight, then coverage),
    or with `fairness` a person's first meeting is worth about two units of weight and each
    next one up to their target almost one: people with no meeting at all become as few as
    the flow allows, for about half a percent of weight (see benchmarks/bench_scheduler.py)."""
    target = instance.targets()
    if fairness:
        gains = [6 * w for w in instance.weights]
        return bounds.select(
            instance, edge_gain=gains, person_bonus=target, first_value=13, rest_value=5
        )
    scale = 2 * sum(target) + 1  # one unit of weight outweighs every coverage bonus
    gains = [scale * w for w in instance.weights]
    return bounds.select(instance, edge_gain=gains, person_bonus=target)


def solve(
    instance: Instance,
    *,
    time_limit: float = 10.0,
    use_cpsat: bool = True,
    fairness_bounds: bool = True,
    fairness: bool = False,
) -> Schedule:
    started = time.perf_counter()
    selection = _selection(instance)
    bound_weight = int(selection.weight + 1e-9)
    if fairness:
        selection = _selection(instance, fairness=True)
    plain = (
        selection.exact
        and not instance.has_windows()
        and not instance.locked
        and not instance.previous
        and (instance.tables is None or not any(instance.online or []))
        and all(c <= instance.n_slots for c in bounds.effective_capacity(instance))
    )
    if plain:
        assignment = konig.colour(instance, selection.chosen)
        method = "König edge colouring of a maximum b-matching"
    else:
        state = heuristic.greedy(instance, selection.chosen)
        assignment = dict(state.assignment)
        method = "greedy with repair"
        weight = sum(instance.weights[e] for e in assignment)
        edges = bounds.feasible_edges(instance)
        remaining = time_limit - (time.perf_counter() - started)
        reached = cpsat.lexicographic_value(instance, assignment)[1]
        wanting = sum(1 for t in instance.targets() if t)
        if (
            use_cpsat
            and (weight < bound_weight or reached < wanting)
            and remaining > 0.5
            and cpsat.variable_count(instance, edges) <= CPSAT_MAX_VARIABLES
        ):
            result = cpsat.solve(instance, edges, hint=assignment, time_limit=remaining)
            if cpsat.lexicographic_value(instance, result.assignment) > cpsat.lexicographic_value(
                instance, assignment
            ):
                state = heuristic.State(instance)
                for e, s in result.assignment.items():
                    state.place(e, s)
                state.compact()
                assignment = dict(state.assignment)
                method = "CP-SAT" + (" (optimal)" if result.optimal else " (time limit)")
    report = evaluate(
        instance,
        assignment,
        method=method,
        bound_weight=bound_weight,
        started=started,
        fairness_bounds=fairness_bounds,
    )
    return Schedule(assignment, report)


def evaluate(
    instance: Instance,
    assignment: dict[int, int],
    *,
    method: str,
    bound_weight: int | None = None,
    started: float | None = None,
    fairness_bounds: bool = True,
) -> Report:
    if bound_weight is None:
        bound_weight = int(_selection(instance).weight + 1e-9)
    bound_meetings = bounds.upper_bound_meetings(instance) if fairness_bounds else 0
    counts = meeting_counts(instance, assignment)
    target = instance.targets()
    degrees = instance.degrees()
    moved = sum(
        1 for e, s in instance.previous.items() if e in assignment and assignment[e] != s
    ) + sum(1 for e in instance.previous if e not in assignment)
    return Report(
        method=method,
        meetings=len(assignment),
        weight=sum(instance.weights[e] for e in assignment),
        upper_bound_weight=bound_weight,
        upper_bound_meetings=bound_meetings,
        people_asked=sum(1 for d in degrees if d),
        people_without_meeting=sum(1 for p, d in enumerate(degrees) if d and counts[p] == 0),
        people_below_minimum=sum(1 for p, t in enumerate(target) if counts[p] < t),
        least_without_meeting=bounds.least_without_meeting(instance) if fairness_bounds else 0,
        least_below_minimum=bounds.least_below_minimum(instance) if fairness_bounds else 0,
        idle_gaps=idle_gaps(instance, assignment),
        moved=moved,
        seconds=round(time.perf_counter() - (started or time.perf_counter()), 3),
    )


def insert(instance: Instance, assignment: dict[int, int], edges: list[int]) -> dict[int, int]:
    """Re-plan on site: place `edges` (a walk-in, or those waiting after a cancellation) into an
    existing schedule, moving at most one or two unlocked meetings for each; returns the moves
    and placements made (edge -> new slot)."""
    state = heuristic.State(instance)
    for e, s in assignment.items():
        state.place(e, s)
    for e in edges:
        if e not in state.assignment:
            state.try_place(e)
    return {e: s for e, s in state.assignment.items() if assignment.get(e) != s}
