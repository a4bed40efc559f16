"""The Django adapter of the scheduler: load an edition's meetings as an Instance, solve, write.

"Schedule all" keeps locked meetings and starts from the current schedule (moves are counted and
kept few); `replan` is the on-site incremental path (a cancellation, a walk-in): it places the
waiting meetings of a few people into the existing schedule in well under a second.
"""

from __future__ import annotations

import datetime as dt
import time
import zoneinfo
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor
from showfloor.matchmaking import scheduler
from showfloor.matchmaking.enums import MeetingMode, MeetingStatus
from showfloor.matchmaking.models import (
    Availability,
    Meeting,
    MeetingSeat,
    Notification,
    Profile,
    ScheduleRun,
    Slot,
    Table,
)
from showfloor.matchmaking.services.common import require_staff, settings_for, video_room

LIVE = (MeetingStatus.UNSCHEDULED, MeetingStatus.SCHEDULED)


@dataclass
class Loaded:
    instance: scheduler.Instance
    meetings: list[Meeting]
    slots: list[Slot]
    tables: list[Table]
    people: list[int]


def _availability(people: list[int], slots: list[Slot]) -> list[int]:
    full = (1 << len(slots)) - 1
    windows: dict[int, list[tuple[dt.datetime, dt.datetime]]] = {}
    for pid, start, end in Availability.objects.filter(participant_id__in=people).values_list(
        "participant_id", "starts_at", "ends_at"
    ):
        windows.setdefault(pid, []).append((start, end))
    masks = []
    for pid in people:
        if pid not in windows:
            masks.append(full)
            continue
        mask = 0
        for s, slot in enumerate(slots):
            if any(a <= slot.starts_at and slot.ends_at <= b for a, b in windows[pid]):
                mask |= 1 << s
        masks.append(mask)
    return masks


def load(edition: Edition, *, past_before: dt.datetime | None = None) -> Loaded:
    slots = list(Slot.objects.filter(edition=edition).order_by("starts_at"))
    slot_index = {slot.pk: i for i, slot in enumerate(slots)}
    meetings = list(Meeting.objects.filter(edition=edition, status__in=LIVE).order_by("pk"))
    people = sorted({m.participant_a_id for m in meetings} | {m.participant_b_id for m in meetings})
    person = {pid: i for i, pid in enumerate(people)}
    config = settings_for(edition)
    capacity_of = dict(
        Profile.objects.filter(participant_id__in=people, capacity__isnull=False).values_list(
            "participant_id", "capacity"
        )
    )
    tables = list(Table.objects.filter(edition=edition, is_active=True).order_by("number"))
    tz = zoneinfo.ZoneInfo(edition.timezone)
    days = sorted({slot.starts_at.astimezone(tz).date() for slot in slots})
    availability = _availability(people, slots)
    past = 0
    if past_before is not None:
        for i, slot in enumerate(slots):
            if slot.starts_at < past_before:
                past |= 1 << i
        availability = [mask & ~past for mask in availability]
    locked: dict[int, int] = {}
    previous: dict[int, int] = {}
    for e, meeting in enumerate(meetings):
        if meeting.status == MeetingStatus.SCHEDULED and meeting.slot_id in slot_index:
            s = slot_index[meeting.slot_id]
            if meeting.locked or past >> s & 1:
                locked[e] = s
            else:
                previous[e] = s
    instance = scheduler.Instance(
        n_people=len(people),
        n_slots=len(slots),
        edges=[(person[m.participant_a_id], person[m.participant_b_id]) for m in meetings],
        weights=[m.weight for m in meetings],
        capacity=[capacity_of.get(pid) or config.default_capacity for pid in people],
        availability=availability,
        online=[m.mode == MeetingMode.ONLINE for m in meetings],
        tables=len(tables),
        slot_day=[days.index(slot.starts_at.astimezone(tz).date()) for slot in slots],
        locked=locked,
        previous=previous,
        min_meetings=config.min_meetings,
    )
    return Loaded(instance, meetings, slots, tables, people)


def _write(actor: Actor, loaded: Loaded, assignment: dict[int, int], rewrite: set[int]) -> int:
    """Store the slots of the meetings in `rewrite`; returns how many changed."""
    meetings = loaded.meetings
    changed = [
        e
        for e in rewrite
        if assignment.get(e) != loaded.instance.previous.get(e)
        or meetings[e].status
        != (MeetingStatus.SCHEDULED if e in assignment else MeetingStatus.UNSCHEDULED)
    ]
    if not changed:
        return 0
    ids = [meetings[e].pk for e in changed]
    MeetingSeat.objects.filter(meeting_id__in=ids).delete()
    occupied = set(
        Meeting.objects.filter(edition_id=meetings[0].edition_id, status=MeetingStatus.SCHEDULED)
        .exclude(pk__in=ids)
        .exclude(table__isnull=True)
        .values_list("slot_id", "table_id")
    )
    booth = {t.exhibitor_id: t for t in loaded.tables if t.exhibitor_id}
    area = [t for t in loaded.tables if not t.exhibitor_id]
    exhibitor_of = dict(
        Participant.objects.filter(pk__in=loaded.people, exhibitor__isnull=False).values_list(
            "pk", "exhibitor_id"
        )
    )
    # Keep a meeting's table when it keeps its slot, then booth tables, then the area's.
    order = sorted(changed, key=lambda e: assignment.get(e) != loaded.instance.previous.get(e))
    seats = []
    for e in order:
        meeting = meetings[e]
        slot = loaded.slots[assignment[e]] if e in assignment else None
        meeting.slot = slot
        meeting.status = MeetingStatus.SCHEDULED if slot else MeetingStatus.UNSCHEDULED
        table = None
        if slot is not None and meeting.mode == MeetingMode.ONSITE:
            candidates = [meeting.table] if meeting.table_id else []
            for pid in (meeting.participant_a_id, meeting.participant_b_id):
                if exhibitor_of.get(pid) in booth:
                    candidates.append(booth[exhibitor_of[pid]])
            candidates += area + list(booth.values())
            table = next(t for t in candidates if t is not None and (slot.pk, t.pk) not in occupied)
            occupied.add((slot.pk, table.pk))
        meeting.table = table
        if slot is not None and meeting.mode == MeetingMode.ONLINE and not meeting.video_room:
            meeting.video_room = video_room(meeting)
        if slot is not None:
            seats += [
                MeetingSeat(meeting=meeting, participant_id=pid, slot=slot)
                for pid in (meeting.participant_a_id, meeting.participant_b_id)
            ]
    Meeting.objects.bulk_update(
        [meetings[e] for e in changed], ["slot", "table", "status", "video_room"], batch_size=2000
    )
    MeetingSeat.objects.bulk_create(seats, batch_size=5000)
    Notification.objects.bulk_create(
        [
            Notification(participant_id=pid, kind="meeting_scheduled", meeting=meetings[e])
            for e in changed
            if e in assignment
            for pid in (meetings[e].participant_a_id, meetings[e].participant_b_id)
        ],
        batch_size=5000,
    )
    return len(changed)


@transaction.atomic
def schedule_all(
    actor: Actor,
    edition: Edition,
    *,
    time_limit: float = 10.0,
    fairness_bounds: bool = True,
    fairness: bool = False,
) -> ScheduleRun:
    """Give every accepted meeting a slot and a place: most weight, then everyone who asked at
    least min(3, accepted), then fewest idle gaps; locked meetings stay; few others move."""
    require_staff(actor, edition)
    started = time.perf_counter()
    # One schedule run at a time per edition: the settings row is the edition's lock.
    settings_for(edition)
    type(settings_for(edition)).objects.select_for_update().get(edition=edition)
    loaded = load(edition)
    result = scheduler.solve(
        loaded.instance,
        time_limit=time_limit,
        fairness_bounds=fairness_bounds,
        fairness=fairness,
    )
    rewrite = set(range(len(loaded.meetings))) - set(loaded.instance.locked)
    changed = _write(actor, loaded, result.assignment, rewrite)
    report = result.report.as_dict()
    report["changed"] = changed
    run = ScheduleRun.objects.create(
        edition=edition,
        seconds=round(time.perf_counter() - started, 3),
        method=result.report.method[:40],
        report=report,
    )
    audit.record(
        actor, "matchmaking.schedule_all", run, edition=edition, changes={"report": [None, report]}
    )
    return run


def replan(
    actor: Actor,
    edition: Edition,
    *,
    people: list[Participant],
    now: dt.datetime | None = None,
) -> dict[str, int]:
    """On-site re-plan: place the waiting meetings of `people` into the current schedule
    (slots already begun stay as they are). Returns counts of placed and moved meetings."""
    loaded = load(edition, past_before=now or timezone.now())
    if not loaded.slots:
        return {"placed": 0, "moved": 0}
    ids = {p.pk for p in people}
    waiting = [
        e
        for e, m in enumerate(loaded.meetings)
        if m.status == MeetingStatus.UNSCHEDULED and {m.participant_a_id, m.participant_b_id} & ids
    ]
    if not waiting:
        return {"placed": 0, "moved": 0}
    current = {**loaded.instance.locked, **loaded.instance.previous}
    changes = scheduler.insert(loaded.instance, current, waiting)
    _write(actor, loaded, {**current, **changes}, set(changes))
    placed = sum(1 for e in changes if e in waiting)
    audit.record(
        actor,
        "matchmaking.replan",
        None,
        edition=edition,
        changes={"placed": [None, placed], "moved": [None, len(changes) - placed]},
    )
    return {"placed": placed, "moved": len(changes) - placed}
