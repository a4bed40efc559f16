"""Programme benchmark: the schedule editor's conflict check and the viewer heartbeat, on an
edition's real data (run the chtf2020 demo first, with the same SHOWFLOOR_DATABASE_URL).

    SHOWFLOOR_DATABASE_URL=sqlite:////path/demo.sqlite3 \
        .venv/bin/python benchmarks/bench_programme.py chtf2020

Prints the time per call of `schedule_conflicts` (room, speakers and edition days checked for
one session) and of `record_heartbeat` (one viewer ping), each against a baseline measured in
the same run: fetching that session by primary key with its speakers (the least any check
must read) and a plain ViewerPing insert.
"""

from __future__ import annotations

import os
import sys
import time
import uuid

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "showfloor.settings")
django.setup()

from django.db import transaction  # noqa: E402

from showfloor.core.models import Edition  # noqa: E402
from showfloor.programme.models import Session, Stream, ViewerPing  # noqa: E402
from showfloor.programme.services import record_heartbeat, schedule_conflicts  # noqa: E402
from showfloor.programme.services.viewers import minute_of  # noqa: E402


def timed(label: str, function, items) -> float:
    started = time.perf_counter()
    for item in items:
        function(item)
    per_call = (time.perf_counter() - started) / len(items) * 1000
    print(f"{label:<52} {per_call:8.3f} ms/call over {len(items)}")
    return per_call


class RollbackError(Exception):
    pass


def main(slug: str) -> None:
    edition = Edition.objects.get(slug=slug)
    sessions = list(
        Session.objects.filter(edition=edition, starts_at__isnull=False)
        .select_related("room")
        .order_by("id")[:300]
    )
    print(f"edition {slug}: {Session.objects.filter(edition=edition).count()} sessions")

    def baseline_fetch(session):
        list(Session.objects.get(pk=session.pk).speakers.all())

    def conflicts(session):
        schedule_conflicts(
            edition,
            title=str(session),
            starts_at=session.starts_at,
            ends_at=session.ends_at,
            room=session.room,
            speakers=list(session.speakers.all()),
            session_id=session.pk,
        )

    base = timed("baseline: session + speakers by primary key", baseline_fetch, sessions)
    check = timed("schedule_conflicts (room, speakers, days)", conflicts, sessions)
    print(f"ratio conflict check / baseline: {check / base:.2f}")

    live = Stream.objects.filter(session__edition=edition).select_related("session").first()
    if live is None:
        print("no stream in this edition: heartbeat not measured")
        return
    session = live.session
    moment = session.starts_at
    hashes = [uuid.uuid4().hex for _ in range(2000)]
    try:
        with transaction.atomic():
            Stream.objects.filter(pk=live.pk).update(status="live", playback_url="/media/x.m3u8")

            def plain_insert(visitor):
                ViewerPing.objects.create(
                    session=session, mode="live", visitor_hash=visitor, minute=minute_of(moment)
                )

            def heartbeat(visitor):
                record_heartbeat(session, visitor, now=moment)

            base = timed("baseline: plain ViewerPing insert", plain_insert, hashes[:1000])
            beat = timed("record_heartbeat (mode decided, idempotent)", heartbeat, hashes[1000:])
            print(f"ratio heartbeat / baseline: {beat / base:.2f}")
            raise RollbackError
    except RollbackError:
        pass


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "chtf2020")
