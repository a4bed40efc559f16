"""Fast slot assignment: a first-fit baseline, and a greedy with repair moves and compaction.

State is kept in bit masks over slots (Python ints), so "a slot free for both and in both
windows with a table left" is a few AND operations.
"""

from __future__ import annotations

from showfloor.matchmaking.scheduler.instance import Instance


class State:
    def __init__(self, instance: Instance) -> None:
        self.instance = instance
        n, s = instance.n_people, instance.n_slots
        self.busy = [0] * n
        self.count = [0] * n
        self.at: list[dict[int, int]] = [{} for _ in range(n)]  # person -> slot -> edge
        self.assignment: dict[int, int] = {}
        self.table_use = [0] * s
        self.in_slot: list[set[int]] = [set() for _ in range(s)]
        self.full_tables = 0  # mask of slots with no table left
        self._rescuing_zero = False
        self.journal: list[tuple[int, int]] = []  # (meeting, slot it left) for rollbacks
        days: dict[int, int] = {}
        for slot in range(s):
            days[instance.day(slot)] = days.get(instance.day(slot), 0) | 1 << slot
        self.day_masks = list(days.values())
        self.avail = [instance.avail(p) for p in range(n)]
        self.cap = list(instance.capacity)
        self.online = [instance.is_online(e) for e in range(len(instance.edges))]

    # -- primitive moves -------------------------------------------------------------------
    def free_for(self, e: int) -> int:
        u, v = self.instance.edges[e]
        mask = self.avail[u] & self.avail[v] & ~(self.busy[u] | self.busy[v])
        if not self.online[e]:
            mask &= ~self.full_tables
        return mask

    def place(self, e: int, slot: int) -> None:
        u, v = self.instance.edges[e]
        bit = 1 << slot
        self.busy[u] |= bit
        self.busy[v] |= bit
        self.count[u] += 1
        self.count[v] += 1
        self.at[u][slot] = e
        self.at[v][slot] = e
        self.assignment[e] = slot
        self.in_slot[slot].add(e)
        if not self.online[e]:
            self.table_use[slot] += 1
            tables = self.instance.tables
            if tables is not None and self.table_use[slot] >= tables:
                self.full_tables |= bit

    def remove(self, e: int) -> int:
        slot = self.assignment.pop(e)
        u, v = self.instance.edges[e]
        bit = 1 << slot
        self.busy[u] &= ~bit
        self.busy[v] &= ~bit
        self.count[u] -= 1
        self.count[v] -= 1
        del self.at[u][slot]
        del self.at[v][slot]
        self.in_slot[slot].discard(e)
        if not self.online[e]:
            self.table_use[slot] -= 1
            self.full_tables &= ~bit
        return slot

    def has_room(self, e: int) -> bool:
        u, v = self.instance.edges[e]
        return self.count[u] < self.cap[u] and self.count[v] < self.cap[v]

    # -- choices ---------------------------------------------------------------------------
    def best_slot(self, e: int, mask: int) -> int:
        """Prefer a slot next to one of the two people's meetings (fewer idle gaps)."""
        u, v = self.instance.edges[e]
        busy = self.busy[u] | self.busy[v]
        near = mask & ((busy << 1) | (busy >> 1)) & self._same_day_neighbours(busy)
        pick = near or mask
        return (pick & -pick).bit_length() - 1

    def _same_day_neighbours(self, busy: int) -> int:
        day = self.instance.slot_day
        if day is None or not busy:
            return -1
        result = 0
        b = busy
        while b:
            low = b & -b
            s = low.bit_length() - 1
            if s > 0 and day[s - 1] == day[s]:
                result |= 1 << (s - 1)
            if s + 1 < len(day) and day[s + 1] == day[s]:
                result |= 1 << (s + 1)
            b ^= low
        return result

    def try_place(self, e: int, repair: bool = True) -> bool:
        if not self.has_room(e):
            return False
        mask = self.free_for(e)
        if mask:
            self.place(e, self.best_slot(e, mask))
            return True
        return repair and self.repair(e)

    def repair(self, e: int) -> bool:
        """Make room for e by moving one or two meetings that block a slot (depth one)."""
        u, v = self.instance.edges[e]
        window = self.avail[u] & self.avail[v]
        candidates = window
        while candidates:
            low = candidates & -candidates
            candidates ^= low
            slot = low.bit_length() - 1
            if self._open_slot(e, slot):
                return True
        return False

    def _open_slot(self, e: int, slot: int) -> bool:
        u, v = self.instance.edges[e]
        bit = 1 << slot
        blockers = sorted({self.at[p][slot] for p in (u, v) if slot in self.at[p]})
        if not blockers:
            return not self.online[e] and self._free_table(e, slot)
        if any(f in self.instance.locked for f in blockers):
            return False
        for f in blockers:
            self.remove(f)
        moved: list[int] = []
        for f in blockers:
            options = self.free_for(f) & ~bit
            if not options:
                break
            self.place(f, (options & -options).bit_length() - 1)
            moved.append(f)
        if len(moved) == len(blockers) and self.free_for(e) & bit:
            self.place(e, slot)
            return True
        for f in moved:
            self.remove(f)
        for f in blockers:
            self.place(f, slot)
        return False

    def _free_table(self, e: int, slot: int) -> bool:
        """All tables of `slot` are taken: move one onsite meeting to a slot with a table."""
        if self.full_tables & self.instance.all_slots == self.instance.all_slots:
            return False
        bit = 1 << slot
        for tried, f in enumerate(list(self.in_slot[slot])):
            if tried > 8:
                break
            if self.online[f] or f in self.instance.locked:
                continue
            self.remove(f)
            options = self.free_for(f) & ~bit
            if options:
                self.place(f, (options & -options).bit_length() - 1)
                self.place(e, slot)
                return True
            self.place(f, slot)
        return False

    # -- coverage ------------------------------------------------------------------------------
    def rescue(self, edges_of: list[list[int]], target: list[int]) -> None:
        """Give people below their target a meeting by displacing a meeting of no more weight
        whose other person stays at or above target: weight never drops, coverage only rises."""
        short = [p for p in range(self.instance.n_people) if self.count[p] < target[p]]
        short.sort(key=lambda p: self.count[p])
        for p in short:
            self._rescuing_zero = self.count[p] == 0
            for e in sorted(edges_of[p], key=lambda e: -self.instance.weights[e]):
                if self.count[p] >= target[p]:
                    break
                if e in self.assignment:
                    continue
                if self.try_place(e) or self._chain_in(e, p) or self._swap_in(e, p, target):
                    continue

    # -- alternating chains: move a meeting, displacing others a few steps deep --------------
    def _move(self, e: int, slot: int) -> None:
        self.journal.append((e, self.assignment[e]))
        self.remove(e)
        self.place(e, slot)

    def _rollback(self, mark: int) -> None:
        while len(self.journal) > mark:
            e, slot = self.journal.pop()
            self.remove(e)
            self.place(e, slot)

    def relocate(self, f: int, avoid: int, depth: int, budget: list[int]) -> bool:
        """Move meeting f out of its slot (never into `avoid`), displacing at most `depth`
        further meetings along a chain; every meeting keeps a slot. Undone on failure."""
        if f in self.instance.locked or budget[0] <= 0:
            return False
        budget[0] -= 1
        old = self.assignment[f]
        avoid |= 1 << old
        self.remove(f)
        options = self.free_for(f) & ~avoid
        self.place(f, old)
        if options:
            self._move(f, (options & -options).bit_length() - 1)
            return True
        if depth == 0:
            return False
        u, v = self.instance.edges[f]
        window = self.avail[u] & self.avail[v] & ~avoid
        if not self.online[f]:
            window &= ~self.full_tables
        while window:
            low = window & -window
            window ^= low
            slot = low.bit_length() - 1
            blockers = {self.at[p][slot] for p in (u, v) if slot in self.at[p]}
            if len(blockers) != 1:
                continue
            mark = len(self.journal)
            if self.relocate(blockers.pop(), avoid | low, depth - 1, budget):
                self.remove(f)
                if self.free_for(f) & low:
                    self.journal.append((f, old))
                    self.place(f, slot)
                    return True
                self.place(f, old)
            self._rollback(mark)
        return False

    def _chain_in(self, e: int, p: int) -> bool:
        """Place e (p's meeting) by freeing a slot of the partner through a short chain."""
        if not self.has_room(e):
            return False
        u, v = self.instance.edges[e]
        partner = v if u == p else u
        window = self.avail[u] & self.avail[v] & ~self.busy[p]
        if not self.online[e]:
            window &= ~self.full_tables
        budget = [60]
        while window:
            low = window & -window
            window ^= low
            slot = low.bit_length() - 1
            blocker = self.at[partner].get(slot)
            if blocker is None:
                continue
            mark = len(self.journal)
            if self.relocate(blocker, low, 2, budget) and self.free_for(e) & low:
                self.place(e, slot)
                return True
            self._rollback(mark)
        return False

    def _above(self, q: int, target: list[int]) -> bool:
        """May q lose a meeting? Yes if q stays at target, or (to give someone with none a
        first meeting) if q is already below target and keeps at least one."""
        if self.count[q] > target[q]:
            return True
        return self._rescuing_zero and target[q] > self.count[q] >= 2

    def _swap_in(self, e: int, p: int, target: list[int]) -> bool:
        u, v = self.instance.edges[e]
        partner = v if u == p else u
        weight = self.instance.weights[e]
        locked = self.instance.locked
        if self.count[p] >= self.cap[p]:
            return False
        # A meeting of the partner's whose other person keeps their target.
        for slot, f in list(self.at[partner].items()):
            if f in locked or self.instance.weights[f] > weight:
                continue
            a, b = self.instance.edges[f]
            other = b if a == partner else a
            if not self._above(other, target):
                continue
            self.remove(f)
            if self.try_place(e, repair=False):
                return True
            self.place(f, slot)
        # All tables taken where both are free: displace a meeting of two people above target.
        if self.online[e] or not self.has_room(e):
            return False
        window = self.avail[u] & self.avail[v] & ~(self.busy[u] | self.busy[v])
        window &= self.full_tables
        while window:
            low = window & -window
            window ^= low
            slot = low.bit_length() - 1
            for tried, f in enumerate(list(self.in_slot[slot])):
                if tried > 30:
                    break
                a, b = self.instance.edges[f]
                if (
                    f in locked
                    or self.online[f]
                    or self.instance.weights[f] > weight
                    or not (self._above(a, target) and self._above(b, target))
                ):
                    continue
                self.remove(f)
                self.place(e, slot)
                return True
        return False

    # -- idle gaps ---------------------------------------------------------------------------
    def compact(self, rounds: int = 2) -> None:
        """Move unlocked meetings next to the people's other meetings when that shortens gaps."""
        for _ in range(rounds):
            moved = False
            previous = self.instance.previous
            for e in list(self.assignment):
                # Locked meetings stay; so do kept ones (a re-run moves as few as it can).
                if e in self.instance.locked or previous.get(e) == self.assignment[e]:
                    continue
                before = self._gap_cost(e)
                if before == 0:
                    continue
                old = self.remove(e)
                u, v = self.instance.edges[e]
                busy = self.busy[u] | self.busy[v]
                cand = self.free_for(e) & ((busy << 1) | (busy >> 1))
                best, best_cost = old, before
                while cand:
                    low = cand & -cand
                    cand ^= low
                    s = low.bit_length() - 1
                    self.place(e, s)
                    cost = self._gap_cost(e)
                    self.remove(e)
                    if cost < best_cost:
                        best, best_cost = s, cost
                self.place(e, best)
                moved |= best != old
            if not moved:
                return

    def _gap_cost(self, e: int) -> int:
        total = 0
        for p in self.instance.edges[e]:
            total += self._person_gaps(p)
        return total

    def _person_gaps(self, p: int) -> int:
        """Idle slots between a person's first and last meeting, day by day (bit arithmetic)."""
        busy = self.busy[p]
        total = 0
        for day in self.day_masks:
            m = busy & day
            if m:
                low = (m & -m).bit_length()
                total += m.bit_length() - low + 1 - m.bit_count()
        return total


def first_fit(instance: Instance) -> dict[int, int]:
    """The baseline: requests in arrival order, each in the first slot free for both."""
    state = State(instance)
    for e, slot in instance.locked.items():
        state.place(e, slot)
    for e in range(len(instance.edges)):
        if e in state.assignment or not state.has_room(e):
            continue
        mask = state.free_for(e)
        if mask:
            state.place(e, (mask & -mask).bit_length() - 1)
    return state.assignment


def greedy(
    instance: Instance,
    selected: list[int],
    *,
    compact: bool = True,
    repair: bool = True,
) -> State:
    """Place locked, then previous, then selected edges (hardest first), then fill the rest."""
    state = State(instance)
    for e, slot in instance.locked.items():
        state.place(e, slot)
    for e, slot in sorted(instance.previous.items()):
        if e not in state.assignment and state.has_room(e) and state.free_for(e) >> slot & 1:
            state.place(e, slot)
    target = instance.targets()
    chosen_degree = [0] * instance.n_people
    for e in selected:
        for p in instance.edges[e]:
            chosen_degree[p] += 1

    def tightness(e: int) -> tuple[int, int, int]:
        # A person's only meeting first, then the scarcest common window.
        u, v = instance.edges[e]
        window = (state.avail[u] & state.avail[v]).bit_count()
        return (-instance.weights[e], min(chosen_degree[u], chosen_degree[v], 4), window)

    for e in sorted(selected, key=tightness):
        if e not in state.assignment:
            state.try_place(e, repair=repair)
    # Fill: remaining edges, those of people still below their target first.
    rest = [e for e in range(len(instance.edges)) if e not in state.assignment]

    def need(e: int) -> tuple[int, int]:
        u, v = instance.edges[e]
        short = (state.count[u] < target[u]) + (state.count[v] < target[v])
        return (-instance.weights[e], -short)

    for e in sorted(rest, key=need):
        state.try_place(e, repair=repair)
    edges_of: list[list[int]] = [[] for _ in range(instance.n_people)]
    for e, (u, v) in enumerate(instance.edges):
        edges_of[u].append(e)
        edges_of[v].append(e)
    state.rescue(edges_of, target)
    if compact:
        state.compact()
    return state
