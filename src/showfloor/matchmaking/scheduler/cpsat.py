"""The CP-SAT model: exact on small instances, time-limited and warm-started on larger ones."""

from __future__ import annotations

from dataclasses import dataclass

from ortools.sat.python import cp_model

from showfloor.matchmaking.scheduler.instance import Instance


@dataclass
class CpResult:
    assignment: dict[int, int]
    optimal: bool
    objective: int
    bound: int


def _bits(mask: int) -> list[int]:
    out = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


def variable_count(instance: Instance, edges: list[int]) -> int:
    return sum(
        (instance.avail(u) & instance.avail(v)).bit_count()
        for u, v in (instance.edges[e] for e in edges)
    )


def solve(
    instance: Instance,
    edges: list[int],
    *,
    hint: dict[int, int] | None = None,
    time_limit: float | None = None,
    workers: int = 2,
) -> CpResult:
    """Maximise weight first, then the people who reach min(k, accepted) (lexicographic)."""
    model = cp_model.CpModel()
    x: dict[tuple[int, int], cp_model.IntVar] = {}
    by_person_slot: dict[tuple[int, int], list] = {}
    by_person: dict[int, list] = {}
    by_slot: dict[int, list] = {}
    for e in edges:
        u, v = instance.edges[e]
        slots = (
            [instance.locked[e]]
            if e in instance.locked
            else _bits(instance.avail(u) & instance.avail(v))
        )
        chosen = []
        for s in slots:
            var = model.new_bool_var(f"x{e}_{s}")
            x[e, s] = var
            chosen.append(var)
            by_person_slot.setdefault((u, s), []).append(var)
            by_person_slot.setdefault((v, s), []).append(var)
            if not instance.is_online(e):
                by_slot.setdefault(s, []).append(var)
        if e in instance.locked:
            model.add(chosen[0] == 1)
        elif chosen:
            model.add_at_most_one(chosen)
        by_person.setdefault(u, []).extend(chosen)
        by_person.setdefault(v, []).extend(chosen)
    for group in by_person_slot.values():
        if len(group) > 1:
            model.add_at_most_one(group)
    for p, group in by_person.items():
        if len(group) > instance.capacity[p]:
            model.add(sum(group) <= instance.capacity[p])
    if instance.tables is not None:
        for group in by_slot.values():
            if len(group) > instance.tables:
                model.add(sum(group) <= instance.tables)
    target = instance.targets()
    reached = []
    for p, group in by_person.items():
        if target[p] == 0:
            continue
        z = model.new_bool_var(f"z{p}")
        model.add(sum(group) >= target[p]).only_enforce_if(z)
        reached.append(z)
    big = len(reached) + 1
    model.maximize(
        sum(big * instance.weights[e] * var for (e, _s), var in x.items()) + sum(reached)
    )
    if hint:
        for (e, s), var in x.items():
            model.add_hint(var, 1 if hint.get(e) == s else 0)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = workers
    if time_limit is not None:
        solver.parameters.max_time_in_seconds = time_limit
    status = solver.solve(model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return CpResult(dict(hint or {}), False, -1, -1)
    assignment = {e: s for (e, s), var in x.items() if solver.value(var)}
    return CpResult(
        assignment,
        status == cp_model.OPTIMAL,
        int(solver.objective_value),
        int(solver.best_objective_bound),
    )


def lexicographic_value(instance: Instance, assignment: dict[int, int]) -> tuple[int, int]:
    """(weight, people reaching their target) of an assignment, as CP-SAT ranks them."""
    target = instance.targets()
    count = [0] * instance.n_people
    weight = 0
    for e in assignment:
        u, v = instance.edges[e]
        count[u] += 1
        count[v] += 1
        weight += instance.weights[e]
    reached = sum(1 for p in range(instance.n_people) if target[p] and count[p] >= target[p])
    return weight, reached
