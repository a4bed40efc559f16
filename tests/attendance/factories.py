"""Factories for the attendance app (and a minimal exhibitor, for booth scans)."""

from __future__ import annotations

import factory

from showfloor.attendance import models
from showfloor.exhibitors.models import Exhibitor
from tests.factories import EditionFactory, OrganizationFactory


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibitor

    edition = factory.SubFactory(EditionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = "approved"
    attendance_mode = "onsite"


class ParticipantFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Participant

    edition = factory.SubFactory(EditionFactory)
    type = "professional"
    first_name = factory.Sequence(lambda n: f"Visitor{n}")
    last_name = "Li"
    email = factory.Sequence(lambda n: f"visitor{n}@example.org")


class RegistrationFormFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.RegistrationForm

    edition = factory.SubFactory(EditionFactory)
    participant_type = "professional"
    title = {"en": "Professional visitors", "fr": "Visiteurs professionnels", "zh-hans": "专业观众"}
    consent_text = {"en": "I agree to the processing of my data."}
    is_open = True


class BadgeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Badge

    participant = factory.SubFactory(ParticipantFactory)
    edition = factory.SelfAttribute("participant.edition")


class GateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Gate

    edition = factory.SubFactory(EditionFactory)
    code = factory.Sequence(lambda n: f"gate-{n}")
    name = factory.LazyAttribute(lambda gate: {"en": gate.code.upper()})


class ScannerDeviceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ScannerDevice

    edition = factory.SubFactory(EditionFactory)
    name = factory.Sequence(lambda n: f"Scanner {n}")


class AccessRuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.AccessRule

    edition = factory.SubFactory(EditionFactory)
    participant_type = "professional"
    reentry_allowed = False
