from __future__ import annotations

from decimal import Decimal

import factory

from showfloor.deals.models import Agreement, AgreementParty
from tests.factories import EditionFactory, OrganizationFactory


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    edition = factory.SubFactory(EditionFactory)
    reference = factory.Sequence(lambda n: f"AG-{n:04d}")
    title = factory.Sequence(lambda n: {"en": f"Project {n}"})
    type = "technology_transfer"
    status = "signed"
    country = "CN"
    region = "Guangdong"
    value_amount = Decimal("1000000.00")
    value_currency = "CNY"
    exchange_rate = Decimal(1)
    value_in_edition_currency = factory.LazyAttribute(lambda a: a.value_amount * a.exchange_rate)


class AgreementPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgreementParty

    agreement = factory.SubFactory(AgreementFactory)
    organization = factory.SubFactory(OrganizationFactory)
    role = "lead"
