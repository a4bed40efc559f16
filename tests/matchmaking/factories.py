"""Factories for the matchmaking app."""

from __future__ import annotations

import datetime as dt

import factory

from showfloor.matchmaking import models
from tests.attendance.factories import ParticipantFactory
from tests.factories import EditionFactory, UserFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Profile

    participant = factory.SubFactory(ParticipantFactory, user=factory.SubFactory(UserFactory))
    edition = factory.SelfAttribute("participant.edition")
    offer_text = factory.LazyFunction(lambda: {"en": "Battery recycling technology"})
    seek_text = factory.LazyFunction(lambda: {"en": "Investors for a growth round"})
    offers = factory.LazyFunction(lambda: ["technology"])
    seeks = factory.LazyFunction(lambda: ["investment"])


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.MeetingSession

    edition = factory.SubFactory(EditionFactory)
    name = "Morning"
    starts_at = dt.datetime(2026, 11, 12, 1, 0, tzinfo=dt.UTC)  # 09:00 in Shanghai
    slot_minutes = 30
    slot_count = 4


def make_slots(edition, count=4, starts_at=None) -> list[models.Slot]:
    start = starts_at or dt.datetime(2026, 11, 12, 1, 0, tzinfo=dt.UTC)
    session = SessionFactory(edition=edition, starts_at=start, slot_count=count)
    return models.Slot.objects.bulk_create(
        [
            models.Slot(
                session=session,
                edition=edition,
                index=i,
                starts_at=start + dt.timedelta(minutes=30 * i),
                ends_at=start + dt.timedelta(minutes=30 * i + 30),
            )
            for i in range(count)
        ]
    )


def make_tables(edition, count=2) -> list[models.Table]:
    return models.Table.objects.bulk_create(
        [models.Table(edition=edition, number=i + 1, kind="area") for i in range(count)]
    )


def person(edition, **fields) -> models.Profile:
    """A participant with a user account and an active profile."""
    participant = ParticipantFactory(edition=edition, user=UserFactory(), **fields)
    return ProfileFactory(participant=participant, edition=edition)
