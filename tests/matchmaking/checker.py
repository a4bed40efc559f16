"""An independent schedule checker: written from the rules, sharing no code with the scheduler."""

from __future__ import annotations

from collections import Counter


def violations(instance, assignment: dict[int, int]) -> list[str]:
    """Every broken rule of `assignment` (edge -> slot) for `instance`; empty when valid."""
    problems: list[str] = []
    seen_person_slot: set[tuple[int, int]] = set()
    tables_used: Counter[int] = Counter()
    meetings_of: Counter[int] = Counter()
    for edge, slot in assignment.items():
        if not 0 <= edge < len(instance.edges):
            problems.append(f"unknown meeting {edge}")
            continue
        if not 0 <= slot < instance.n_slots:
            problems.append(f"meeting {edge} in unknown slot {slot}")
            continue
        u, v = instance.edges[edge]
        for person in (u, v):
            if (person, slot) in seen_person_slot:
                problems.append(f"person {person} twice in slot {slot}")
            seen_person_slot.add((person, slot))
            meetings_of[person] += 1
            mask = instance.availability[person] if instance.availability else None
            if mask is not None and not (mask >> slot) & 1:
                problems.append(f"meeting {edge}: person {person} unavailable in slot {slot}")
        if not (instance.online and instance.online[edge]):
            tables_used[slot] += 1
    if instance.tables is not None:
        for slot, used in tables_used.items():
            if used > instance.tables:
                problems.append(f"slot {slot}: {used} meetings for {instance.tables} tables")
    for person, count in meetings_of.items():
        if count > instance.capacity[person]:
            problems.append(
                f"person {person}: {count} meetings, capacity {instance.capacity[person]}"
            )
    for edge, slot in instance.locked.items():
        if assignment.get(edge) != slot:
            problems.append(f"locked meeting {edge} moved from slot {slot}")
    return problems


def table_violations(rows) -> list[str]:
    """rows: (meeting id, slot id, table id or None, person a, person b) of stored meetings."""
    problems = []
    tables = Counter((slot, table) for _m, slot, table, _a, _b in rows if table is not None)
    problems += [f"table {t} twice in slot {s}" for (s, t), n in tables.items() if n > 1]
    people = Counter((slot, p) for _m, slot, _t, a, b in rows for p in (a, b))
    problems += [f"person {p} twice in slot {s}" for (s, p), n in people.items() if n > 1]
    return problems
