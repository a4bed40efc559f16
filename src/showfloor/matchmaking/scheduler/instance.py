"""The scheduling problem and its answer, as plain data (no Django).

People are numbered 0..n-1, slots 0..S-1. Availability is a bit mask over slots (bit s set: the
person can meet in slot s). A meeting is an edge (u, v, weight); mutual requests weigh more.
Onsite meetings take one of `tables` tables in their slot; online meetings take none.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Instance:
    n_people: int
    n_slots: int
    edges: list[tuple[int, int]]
    weights: list[int]
    capacity: list[int]  # most meetings each person takes
    availability: list[int] | None = None  # bit masks; None: everyone always available
    online: list[bool] | None = None  # per edge; None: all onsite
    tables: int | None = None  # tables per slot; None: unlimited
    slot_day: list[int] | None = None  # day (or session) of each slot, for idle gaps
    locked: dict[int, int] = field(default_factory=dict)  # edge -> slot, fixed
    previous: dict[int, int] = field(default_factory=dict)  # edge -> slot, kept when possible
    min_meetings: int = 3

    @property
    def all_slots(self) -> int:
        return (1 << self.n_slots) - 1

    def avail(self, person: int) -> int:
        return self.all_slots if self.availability is None else self.availability[person]

    def is_online(self, edge: int) -> bool:
        return bool(self.online and self.online[edge])

    def day(self, slot: int) -> int:
        return 0 if self.slot_day is None else self.slot_day[slot]

    def has_windows(self) -> bool:
        full = self.all_slots
        return self.availability is not None and any(m != full for m in self.availability)

    def degrees(self) -> list[int]:
        deg = [0] * self.n_people
        for u, v in self.edges:
            deg[u] += 1
            deg[v] += 1
        return deg

    def targets(self) -> list[int]:
        """min(min_meetings, accepted requests): what each person who asked should get at least."""
        return [min(self.min_meetings, d) for d in self.degrees()]


@dataclass
class Report:
    method: str
    meetings: int
    weight: int
    upper_bound_weight: int
    upper_bound_meetings: int
    people_asked: int
    people_without_meeting: int
    people_below_minimum: int
    least_without_meeting: int
    least_below_minimum: int
    idle_gaps: int
    moved: int
    seconds: float

    @property
    def gap(self) -> float:
        """Share of the upper bound's weight not reached (0.0 = provably optimal)."""
        if self.upper_bound_weight == 0:
            return 0.0
        return (self.upper_bound_weight - self.weight) / self.upper_bound_weight

    def as_dict(self) -> dict[str, object]:
        data = dict(self.__dict__)
        data["gap"] = round(self.gap, 6)
        return data


@dataclass
class Schedule:
    assignment: dict[int, int]  # edge -> slot
    report: Report


def idle_gaps(instance: Instance, assignment: dict[int, int]) -> int:
    """Slots between a person's first and last meeting of a day in which they have none."""
    per_person_day: dict[tuple[int, int], list[int]] = {}
    for edge, slot in assignment.items():
        u, v = instance.edges[edge]
        day = instance.day(slot)
        per_person_day.setdefault((u, day), []).append(slot)
        per_person_day.setdefault((v, day), []).append(slot)
    return sum(max(s) - min(s) + 1 - len(s) for s in per_person_day.values())


def meeting_counts(instance: Instance, assignment: dict[int, int]) -> list[int]:
    count = [0] * instance.n_people
    for edge in assignment:
        u, v = instance.edges[edge]
        count[u] += 1
        count[v] += 1
    return count
