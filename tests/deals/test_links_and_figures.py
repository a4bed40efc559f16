from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from showfloor.deals import queries, services
from showfloor.deals.figures import key_figures
from showfloor.deals.services import AgreementDraft
from showfloor.programme.models import Session
from tests.deals.factories import AgreementFactory
from tests.factories import EditionFactory, OrganizationFactory


def _draft(**extra):
    return AgreementDraft(
        reference="C-1",
        title={"en": "Fab"},
        type="investment",
        country="CN",
        value_amount=Decimal("10.00"),
        value_currency="CNY",
        parties=[(OrganizationFactory(), "lead")],
        extra=extra,
    )


@pytest.mark.django_db
def test_agreement_links_its_signing_ceremony(edition, system_actor):
    ceremony = Session.objects.create(
        edition=edition, kind="signing_ceremony", title={"en": "Signing"}
    )

    agreement = services.create_agreement(system_actor, edition, _draft(ceremony=ceremony))

    assert list(ceremony.agreements.all()) == [agreement]


@pytest.mark.django_db
def test_agreement_ceremony_must_be_a_signing_ceremony(edition, system_actor):
    talk = Session.objects.create(edition=edition, kind="talk", title={"en": "Talk"})

    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(ceremony=talk))

    assert error.value.message_dict == {"ceremony": ["Choose a signing ceremony session."]}


@pytest.mark.django_db
def test_agreement_ceremony_of_another_edition_is_refused(edition, system_actor):
    other = Session.objects.create(
        edition=EditionFactory(), kind="signing_ceremony", title={"en": "Elsewhere"}
    )

    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(ceremony=other))

    assert error.value.message_dict == {"ceremony": ["This session is in another edition."]}


@pytest.mark.django_db
def test_figures_count_only_signed_and_executed(edition):
    AgreementFactory(edition=edition, status="signed", value_amount=Decimal(100))
    AgreementFactory(edition=edition, status="executed", value_amount=Decimal(50))
    AgreementFactory(edition=edition, status="intent", value_amount=Decimal(1000))
    AgreementFactory(edition=edition, status="cancelled", value_amount=Decimal(1000))

    figures = {figure.key: figure.value for figure in key_figures(edition)}

    assert (figures["deals.count"], figures["deals.value"]) == (2, Decimal("150.00"))


@pytest.mark.django_db
def test_by_type_and_by_sector_tallies(edition, sectors):
    first = AgreementFactory(edition=edition, type="investment", value_amount=Decimal(30))
    second = AgreementFactory(edition=edition, type="procurement", value_amount=Decimal(20))
    third = AgreementFactory(edition=edition, type="investment", value_amount=Decimal(10))
    first.sectors.set([sectors["ai"], sectors["iot"]])
    second.sectors.set([sectors["ai"]])
    third.sectors.set([sectors["5g"]])

    types = [(t.key, t.count, t.value) for t in queries.by_type(edition)]
    by_sector = {t.key: (t.count, t.value) for t in queries.by_sector(edition)}

    assert types == [("investment", 2, Decimal(40)), ("procurement", 1, Decimal(20))]
    assert by_sector == {"ai": (2, Decimal(50)), "iot": (1, Decimal(30)), "5g": (1, Decimal(10))}


@pytest.mark.django_db
def test_host_region_defaults_to_the_edition_city(edition):
    edition.country, edition.city = "CN", "Shenzhen"
    edition.save()
    AgreementFactory(edition=edition, country="CN", region="Shenzhen")
    AgreementFactory(edition=edition, country="CN", region="Hainan")
    AgreementFactory(edition=edition, country="SG", region="")

    inside, outside = queries.host_region_split(edition)

    assert (inside.count, outside.count) == (1, 2)
