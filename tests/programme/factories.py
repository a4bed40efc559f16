"""factory_boy factories for the programme."""

from __future__ import annotations

import datetime as dt

import factory

from showfloor.attendance.models import Participant
from showfloor.programme import models
from tests.factories import EditionFactory, UserFactory


def at(edition, day_offset: int, hour: int, minute: int = 0) -> dt.datetime:
    """An aware UTC instant at local `hour:minute` on the edition's day number `day_offset`."""
    local = dt.datetime.combine(
        edition.start_date + dt.timedelta(days=day_offset), dt.time(hour, minute), edition.tz
    )
    return local.astimezone(dt.UTC)


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participant

    edition = factory.SubFactory(EditionFactory)
    user = factory.SubFactory(UserFactory)
    first_name = factory.Sequence(lambda n: f"Ada{n}")
    last_name = "Lovelace"
    email = factory.LazyAttribute(lambda p: f"{p.first_name.lower()}@example.org")
    country = "FR"


class ForumFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Forum

    edition = factory.SubFactory(EditionFactory)
    code = factory.Sequence(lambda n: f"forum-{n}")
    title = factory.Sequence(
        lambda n: {"en": f"AI Forum {n}", "fr": f"Forum IA {n}", "zh-hans": f"人工智能论坛{n}"}
    )


class RoomFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Room

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: {"en": f"Room {n}", "zh-hans": f"会议室{n}"})
    capacity = 100


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    organization_name = "Shenzhen Institute"
    country = "CN"
    status = "confirmed"


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Session

    edition = factory.SubFactory(EditionFactory)
    forum = factory.LazyAttribute(lambda s: ForumFactory(edition=s.edition))
    room = factory.LazyAttribute(lambda s: RoomFactory(edition=s.edition))
    kind = "talk"
    status = "published"
    title = factory.Sequence(
        lambda n: {"en": f"Session {n}", "fr": f"Séance {n}", "zh-hans": f"会议{n}"}
    )
    language = "en"
    starts_at = factory.LazyAttribute(lambda s: at(s.edition, 0, 9))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + dt.timedelta(hours=1))


class StreamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Stream

    session = factory.SubFactory(SessionFactory)
    playback_url = "https://streams.example.org/live/session.m3u8"
    status = "scheduled"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Question

    session = factory.SubFactory(SessionFactory)
    author = factory.SubFactory(UserFactory)
    text = factory.Sequence(lambda n: f"What about question {n}?")
    status = "pending"
