from __future__ import annotations

import datetime as dt

import factory
from django.utils import timezone

from showfloor.guests.models import Delegation, Invitation, SiteVisit, VisitSlot
from tests.factories import EditionFactory


class DelegationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Delegation

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: {"en": f"Delegation {n}"})
    level = "provincial"
    country = "CN"
    region = "Hainan"
    head_name = "Li Wei"


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    edition = factory.SubFactory(EditionFactory)
    first_name = "Ada"
    last_name = factory.Sequence(lambda n: f"Guest{n}")
    email = factory.Sequence(lambda n: f"guest{n}@example.org")
    country = "FR"


class SiteVisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SiteVisit

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: {"en": f"Quantum lab {n}"})
    kind = "lab"
    address = "1 Science Road"


class VisitSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VisitSlot

    site = factory.SubFactory(SiteVisitFactory)
    starts_at = factory.LazyFunction(lambda: timezone.now() + dt.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda slot: slot.starts_at + dt.timedelta(hours=1))
    capacity = 2
