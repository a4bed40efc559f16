"""Upper bounds and least-possible counts by network flow (OR-Tools' C++ min-cost flow).

A schedule is a b-matching (each person in at most min(capacity, available slots) meetings) with
at most tables × slots onsite meetings. Dropping the time dimension leaves a flow problem:
- bipartite request graph: source → side A → side B → sink; integral, so the maximum weight
  b-matching is exact (König: without windows it can always be scheduled);
- otherwise the bipartite double cover (every person on both sides, every edge both ways), whose
  optimum halved bounds the fractional b-matching from above.
"""

from __future__ import annotations

from dataclasses import dataclass

from ortools.graph.python import min_cost_flow

from showfloor.matchmaking.scheduler.instance import Instance


def bipartition(instance: Instance, edges: list[int]) -> list[int] | None:
    """Side 0/1 of each person if the graph of `edges` is bipartite, else None."""
    adjacency: list[list[int]] = [[] for _ in range(instance.n_people)]
    for e in edges:
        u, v = instance.edges[e]
        adjacency[u].append(v)
        adjacency[v].append(u)
    side = [-1] * instance.n_people
    for start in range(instance.n_people):
        if side[start] != -1 or not adjacency[start]:
            continue
        side[start] = 0
        stack = [start]
        while stack:
            x = stack.pop()
            for y in adjacency[x]:
                if side[y] == -1:
                    side[y] = 1 - side[x]
                    stack.append(y)
                elif side[y] == side[x]:
                    return None
    return [max(s, 0) for s in side]


def feasible_edges(instance: Instance) -> list[int]:
    """Edges whose two people share at least one available slot."""
    return [
        e
        for e, (u, v) in enumerate(instance.edges)
        if instance.avail(u) & instance.avail(v) or e in instance.locked
    ]


def effective_capacity(instance: Instance) -> list[int]:
    return [
        min(instance.capacity[p], instance.avail(p).bit_count()) for p in range(instance.n_people)
    ]


@dataclass
class FlowSolution:
    weight: float  # bound on the total weight (halved on the double cover)
    meetings: float
    chosen: list[int]  # an integral selection of edges within capacities (time ignored)
    exact: bool  # bipartite: the selection is a maximum-weight b-matching
    bonus: float  # bonus units earned (halved on the double cover)
    units: list[float]  # bonus units per person (halved on the double cover)


def _limit(instance: Instance, edges: list[int]) -> int | None:
    if instance.tables is None:
        return None
    online = sum(1 for e in edges if instance.is_online(e))
    return instance.tables * instance.n_slots + online


def select(
    instance: Instance,
    *,
    edge_gain: list[int] | None = None,
    person_bonus: list[int] | None = None,
    edges: list[int] | None = None,
    first_value: int = 1,
    rest_value: int = 1,
) -> FlowSolution:
    """Maximise Σ edge_gain (plus a bonus for each person's first `person_bonus` meetings).

    edge_gain defaults to the weights. With a bonus, gains should be scaled so that a unit of
    weight outweighs every bonus (lexicographic objective).
    """
    edges = feasible_edges(instance) if edges is None else edges
    gain = edge_gain if edge_gain is not None else instance.weights
    cap = effective_capacity(instance)
    bonus = person_bonus or [0] * instance.n_people
    side = bipartition(instance, edges)
    n = instance.n_people
    source, sink = 2 * n, 2 * n + 1
    flow = min_cost_flow.SimpleMinCostFlow()

    def left(p: int) -> int:
        return p

    def right(p: int) -> int:
        return n + p

    people = sorted({p for e in edges for p in instance.edges[e]})
    tails, heads, caps, costs = [], [], [], []

    def arc(t: int, h: int, c: int, cost: int) -> None:
        # Zero-capacity arcs are kept so that recorded arc indices stay aligned.
        tails.append(t)
        heads.append(h)
        caps.append(max(c, 0))
        costs.append(cost)

    edge_arcs: list[tuple[int, int]] = []  # (edge, arc index)
    bonus_arcs: list[tuple[int, int]] = []  # (person, arc index)
    for p in people:
        first = min(bonus[p], cap[p])
        one = min(first, 1)
        if side is None or side[p] == 0:
            bonus_arcs.append((p, len(tails)))
            arc(source, left(p), one, -first_value)
            bonus_arcs.append((p, len(tails)))
            arc(source, left(p), first - one, -rest_value)
            arc(source, left(p), cap[p] - first, 0)
        if side is None or side[p] == 1:
            bonus_arcs.append((p, len(tails)))
            arc(right(p), sink, one, -first_value)
            bonus_arcs.append((p, len(tails)))
            arc(right(p), sink, first - one, -rest_value)
            arc(right(p), sink, cap[p] - first, 0)
    for e in edges:
        u, v = instance.edges[e]
        if side is not None and side[u] == 1:
            u, v = v, u
        edge_arcs.append((e, len(tails)))
        arc(left(u), right(v), 1, -gain[e])
        if side is None:
            edge_arcs.append((e, len(tails)))
            arc(left(v), right(u), 1, -gain[e])
    total = sum(cap[p] for p in people)
    limit = _limit(instance, edges)
    supply = total if limit is None else min(total, limit * (1 if side is not None else 2))
    arc(source, sink, supply, 0)  # what is not worth sending bypasses the network
    if tails:
        flow.add_arcs_with_capacity_and_unit_cost(tails, heads, caps, costs)
    flow.set_node_supply(source, supply)
    flow.set_node_supply(sink, -supply)
    status = flow.solve() if tails else flow.OPTIMAL
    if status != flow.OPTIMAL:
        raise RuntimeError(f"min-cost flow failed: {status}")
    used: dict[int, int] = {}
    for e, a in edge_arcs:
        if flow.flow(a):
            used[e] = used.get(e, 0) + 1
    weight_sum = sum(instance.weights[e] * k for e, k in used.items())
    count = sum(used.values())
    halve = 1 if side is not None else 2
    units = [0.0] * n
    for p, a in bonus_arcs:
        units[p] += flow.flow(a) / halve
    bonus_total = sum(units)
    if side is not None:
        return FlowSolution(weight_sum, count, sorted(used), True, bonus_total, units)
    # Double cover: edges used both ways are safe; half-used ones are added while room remains.
    load = [0] * n
    chosen: list[int] = []
    for e in sorted(used, key=lambda e: (-used[e], -instance.weights[e])):
        u, v = instance.edges[e]
        if load[u] < cap[u] and load[v] < cap[v]:
            load[u] += 1
            load[v] += 1
            chosen.append(e)
    return FlowSolution(weight_sum / 2, count / 2, sorted(chosen), False, bonus_total, units)


def upper_bound(instance: Instance) -> tuple[int, int]:
    """(weight, meetings) that no schedule can exceed."""
    by_weight = select(instance)
    by_count = select(instance, edge_gain=[1] * len(instance.edges))
    return int(by_weight.weight), int(by_count.meetings)


def upper_bound_meetings(instance: Instance) -> int:
    """Meetings (whatever their weight) that no schedule can exceed."""
    return int(select(instance, edge_gain=[1] * len(instance.edges)).meetings + 1e-9)


def least_without_meeting(instance: Instance) -> int:
    """The fewest people with an accepted request who can be left with no meeting at all."""
    asked = sum(1 for d in instance.degrees() if d > 0)
    best = select(
        instance, edge_gain=[0] * len(instance.edges), person_bonus=[1] * instance.n_people
    )
    return asked - int(best.bonus + 1e-9)


def least_below_minimum(instance: Instance) -> int:
    """People left below min(k, accepted) by the flow that maximises meetings counted towards k.

    The flow (lower bounds min(k, accepted) turned into rewards) gives the least possible total
    shortfall; the people it leaves short are the reference count we compare against.
    """
    target = instance.targets()
    best = select(instance, edge_gain=[0] * len(instance.edges), person_bonus=target)
    return sum(1 for p in range(instance.n_people) if best.units[p] + 1e-9 < target[p])
