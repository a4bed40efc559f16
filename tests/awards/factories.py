from __future__ import annotations

from decimal import Decimal

import factory

from showfloor.awards.models import Award, Criterion, Entry, JuryMember, Round
from showfloor.exhibitors.models import Exhibitor
from tests.factories import EditionFactory, OrganizationFactory, UserFactory


class ExhibitorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Exhibitor

    edition = factory.SubFactory(EditionFactory)
    organization = factory.SubFactory(OrganizationFactory)
    status = "approved"


class AwardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Award

    edition = factory.SubFactory(EditionFactory)
    code = factory.Sequence(lambda n: f"award-{n}")
    name = factory.Sequence(lambda n: {"en": f"Outstanding product {n}"})
    category = "product"
    eligibility = "exhibitors"
    status = "judging"
    winners_count = 1


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Criterion

    award = factory.SubFactory(AwardFactory)
    name = factory.Sequence(lambda n: {"en": f"Criterion {n}"})
    weight = Decimal(1)
    max_score = 10


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    award = factory.SubFactory(AwardFactory)
    kind = "final"


class JuryMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JuryMember

    award = factory.SubFactory(AwardFactory)
    user = factory.SubFactory(UserFactory)


class EntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entry

    award = factory.SubFactory(AwardFactory)
    organization = factory.SubFactory(OrganizationFactory)
    source = "nominated"
    title = factory.Sequence(lambda n: {"en": f"Entry {n}"})
