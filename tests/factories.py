"""factory_boy factories for the core domain. Apps keep theirs in tests/<app>/factories.py."""

from __future__ import annotations

import datetime as dt

import factory
from django.contrib.auth import get_user_model

from showfloor.core import models


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("secret-pass-123")


class OrganizerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organizer

    name = factory.Sequence(lambda n: f"Organiser {n}")
    slug = factory.Sequence(lambda n: f"organiser-{n}")


class ExpoFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Expo

    organizer = factory.SubFactory(OrganizerFactory)
    name = factory.Sequence(
        lambda n: {"en": f"Hi-Tech Fair {n}", "fr": f"Salon {n}", "zh-hans": f"高交会{n}"}
    )
    slug = factory.Sequence(lambda n: f"expo-{n}")


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Edition

    expo = factory.SubFactory(ExpoFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.Sequence(
        lambda n: {"en": f"Fair {n}", "fr": f"Salon {n}", "zh-hans": f"展会{n}"}
    )
    slug = factory.Sequence(lambda n: f"fair{n}")
    start_date = dt.date(2026, 11, 11)
    end_date = dt.date(2026, 11, 15)
    timezone = "Asia/Shanghai"
    currency = "CNY"
    default_language = "en"
    status = "published"


class SectorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Sector
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"sector-{n}")
    name = factory.LazyAttribute(lambda sector: {"en": sector.code.title()})


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Organization

    name = factory.Sequence(
        lambda n: {"en": f"Company {n}", "fr": f"Société {n}", "zh-hans": f"公司{n}"}
    )
    type = "company"
    country = "CN"
    region = "Guangdong"


class OrganizationMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.OrganizationMember

    organization = factory.SubFactory(OrganizationFactory)
    user = factory.SubFactory(UserFactory)
    is_admin = False


class StaffRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.StaffRole

    user = factory.SubFactory(UserFactory, is_staff=True)
    organizer = factory.SubFactory(OrganizerFactory)
    edition = None
    role = "admin"
