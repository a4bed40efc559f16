"""Profiles, availability, sessions of slots, tables and the organiser's pins and blocks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.models import Edition, Sector
from showfloor.core.permissions import Actor
from showfloor.matchmaking.enums import Intent, RuleKind, TableKind
from showfloor.matchmaking.models import (
    Availability,
    MeetingSession,
    PairRule,
    Profile,
    Slot,
    Table,
)
from showfloor.matchmaking.services.common import require_act_for, require_staff

PROFILE_FIELDS = {
    "headline",
    "offer_text",
    "seek_text",
    "offers",
    "seeks",
    "stage",
    "countries_of_interest",
    "languages",
    "capacity",
    "is_active",
}


def _check_intents(values: dict[str, Any]) -> None:
    for key in ("offers", "seeks"):
        unknown = [v for v in values.get(key, []) if v not in Intent.values]
        if unknown:
            raise ValidationError({key: [_("Unknown intent: %(v)s") % {"v": ", ".join(unknown)}]})


@transaction.atomic
def save_profile(
    actor: Actor,
    participant: Participant,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] | None = None,
) -> Profile:
    """Create or update a participant's profile; a text change clears its cached vectors."""
    require_act_for(actor, participant)
    unknown = set(values) - PROFILE_FIELDS
    if unknown:
        raise TypeError(f"unknown profile fields: {', '.join(sorted(unknown))}")
    _check_intents(values)
    profile = Profile.objects.select_for_update().filter(
        participant=participant
    ).first() or Profile(edition=participant.edition, participant=participant)
    before = {key: getattr(profile, key) for key in values} if profile.pk else {}
    for key, value in values.items():
        setattr(profile, key, value)
    if {"offer_text", "seek_text"} & set(values):
        profile.offer_vector = None
        profile.seek_vector = None
    profile.full_clean()
    profile.save()
    if sectors is not None:
        profile.sectors.set(sectors)
    audit.record(
        actor,
        "matchmaking.profile.save",
        profile,
        edition=participant.edition,
        changes={key: [before.get(key), value] for key, value in values.items()},
    )
    return profile


def session_end(session: MeetingSession) -> dt.datetime:
    """When a session's last slot ends."""
    step = dt.timedelta(minutes=session.slot_minutes + session.break_minutes)
    return (
        session.starts_at
        + step * (session.slot_count - 1)
        + dt.timedelta(minutes=session.slot_minutes)
    )


@transaction.atomic
def set_availability(
    actor: Actor, participant: Participant, windows: list[tuple[dt.datetime, dt.datetime]]
) -> list[Availability]:
    """Replace a participant's windows; none means available at every slot."""
    require_act_for(actor, participant)
    for start, end in windows:
        if end <= start:
            raise ValidationError({"ends_at": [_("A window must end after it starts.")]})
    Availability.objects.filter(participant=participant).delete()
    created = Availability.objects.bulk_create(
        [Availability(participant=participant, starts_at=a, ends_at=b) for a, b in windows]
    )
    audit.record(
        actor,
        "matchmaking.availability.set",
        participant,
        edition=participant.edition,
        changes={"windows": [None, [[a.isoformat(), b.isoformat()] for a, b in windows]]},
    )
    return created


@transaction.atomic
def create_session(
    actor: Actor,
    edition: Edition,
    *,
    name: str,
    starts_at: dt.datetime,
    slot_minutes: int = 30,
    break_minutes: int = 0,
    slot_count: int = 6,
) -> MeetingSession:
    """A session and its slots (length and breaks), e.g. 09:00, 6 × 30 min with 5-min breaks."""
    require_staff(actor, edition)
    if slot_minutes < 5 or slot_count < 1:
        raise ValidationError({"slot_minutes": [_("Slots must last at least 5 minutes.")]})
    session = MeetingSession(
        edition=edition,
        name=name,
        starts_at=starts_at,
        slot_minutes=slot_minutes,
        break_minutes=break_minutes,
        slot_count=slot_count,
    )
    session.full_clean()
    session.save()
    step = dt.timedelta(minutes=slot_minutes + break_minutes)
    length = dt.timedelta(minutes=slot_minutes)
    end = starts_at + step * (slot_count - 1) + length
    overlap = Slot.objects.filter(edition=edition, starts_at__lt=end, ends_at__gt=starts_at)
    if overlap.exists():
        raise ValidationError(_("This session overlaps another one."))
    Slot.objects.bulk_create(
        [
            Slot(
                session=session,
                edition=edition,
                index=i,
                starts_at=starts_at + step * i,
                ends_at=starts_at + step * i + length,
            )
            for i in range(slot_count)
        ]
    )
    audit.record(actor, "matchmaking.session.create", session, edition=edition)
    return session


@transaction.atomic
def create_tables(
    actor: Actor,
    edition: Edition,
    count: int,
    *,
    location: str = "",
    exhibitor_ids: Iterable[int] = (),
) -> list[Table]:
    """`count` numbered tables in the area, plus one at each listed exhibitor's booth."""
    require_staff(actor, edition)
    start = (
        Table.objects.filter(edition=edition).order_by("-number").first() or Table(number=0)
    ).number
    tables = [
        Table(edition=edition, number=start + i + 1, kind=TableKind.AREA, location=location)
        for i in range(count)
    ]
    for j, exhibitor_id in enumerate(exhibitor_ids):
        tables.append(
            Table(
                edition=edition,
                number=start + count + j + 1,
                kind=TableKind.BOOTH,
                exhibitor_id=exhibitor_id,
            )
        )
    created = Table.objects.bulk_create(tables)
    audit.record(
        actor,
        "matchmaking.tables.create",
        None,
        edition=edition,
        changes={"count": [None, len(created)]},
    )
    return created


@transaction.atomic
def save_pair_rule(
    actor: Actor,
    edition: Edition,
    *,
    kind: str,
    participant_a: Participant | None = None,
    participant_b: Participant | None = None,
    type_a: str = "",
    type_b: str = "",
    note: str = "",
) -> PairRule:
    """A pin or a block, between two people or two groups (e.g. exhibitor staff ↔ exhibitor
    staff: exhibitors may not request exhibitors)."""
    require_staff(actor, edition)
    if kind not in RuleKind.values:
        raise ValidationError({"kind": [_("Choose pin or block.")]})
    if not (participant_a or type_a) or not (participant_b or type_b):
        raise ValidationError(_("Name a person or a group on each side."))
    for person in (participant_a, participant_b):
        if person is not None and person.edition_id != edition.pk:
            raise ValidationError(_("This person is not part of this edition."))
    rule = PairRule(
        edition=edition,
        kind=kind,
        participant_a=participant_a,
        participant_b=participant_b,
        type_a=type_a,
        type_b=type_b,
        note=note,
    )
    rule.full_clean()
    rule.save()
    audit.record(actor, "matchmaking.rule.create", rule, edition=edition)
    return rule
