"""Exact scheduling without windows on a bipartite (buyer ↔ seller) event.

König: a bipartite graph of maximum degree Δ ≤ S can be edge-coloured with S colours; colours are
slots. Each edge is coloured by flipping one alternating path (the classic proof, as code). With a
table limit the colour classes are then balanced (a path with more a- than b-edges is flipped)
until none holds more than `tables` onsite meetings: an equitable colouring exists for bipartite
graphs, so the maximum b-matching with at most tables × slots edges is always schedulable.
"""

from __future__ import annotations

from showfloor.matchmaking.scheduler.instance import Instance


def colour(instance: Instance, edges: list[int]) -> dict[int, int]:
    n_slots = instance.n_slots
    at: list[list[int]] = [[-1] * n_slots for _ in range(instance.n_people)]
    colour_of: dict[int, int] = {}

    def free(p: int) -> int:
        row = at[p]
        for c in range(n_slots):
            if row[c] == -1:
                return c
        raise ValueError(f"person {p} has more meetings than slots")

    for e in edges:
        u, v = instance.edges[e]
        alpha, beta = free(u), free(v)
        if at[v][alpha] != -1:
            _flip(instance, at, colour_of, v, alpha, beta)
        at[u][alpha] = e
        at[v][alpha] = e
        colour_of[e] = alpha
    if instance.tables is not None:
        _balance(instance, at, colour_of, instance.tables)
    return colour_of


def _walk(instance: Instance, at: list[list[int]], start: int, a: int, b: int) -> list[int]:
    path, x, c = [], start, a
    while at[x][c] != -1:
        f = at[x][c]
        path.append(f)
        u, v = instance.edges[f]
        x = v if x == u else u
        c = b if c == a else a
    return path


def _flip(
    instance: Instance,
    at: list[list[int]],
    colour_of: dict[int, int],
    start: int,
    a: int,
    b: int,
) -> None:
    path = _walk(instance, at, start, a, b)
    for f in path:
        u, v = instance.edges[f]
        at[u][colour_of[f]] = -1
        at[v][colour_of[f]] = -1
    for f in path:
        new = b if colour_of[f] == a else a
        u, v = instance.edges[f]
        at[u][new] = f
        at[v][new] = f
        colour_of[f] = new


def _balance(
    instance: Instance, at: list[list[int]], colour_of: dict[int, int], tables: int
) -> None:
    sizes = [0] * instance.n_slots
    for c in colour_of.values():
        sizes[c] += 1
    while True:
        a = max(range(instance.n_slots), key=sizes.__getitem__)
        if sizes[a] <= tables:
            return
        b = min(range(instance.n_slots), key=sizes.__getitem__)
        if sizes[b] >= tables:
            raise ValueError("more meetings than tables × slots")
        for e, c in colour_of.items():
            if c != a:
                continue
            u, v = instance.edges[e]
            end = u if at[u][b] == -1 else v if at[v][b] == -1 else None
            if end is None:
                continue
            path = _walk(instance, at, end, a, b)
            if len(path) % 2 == 1:  # starts and ends with an a-edge
                _flip(instance, at, colour_of, end, a, b)
                sizes[a] -= 1
                sizes[b] += 1
                break
        else:
            raise ValueError("no alternating path to balance colours")
