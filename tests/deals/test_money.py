"""No float ever reaches a money field; conversion uses the recorded rate, exactly."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from showfloor.deals import services
from showfloor.deals.fields import FloatRefusedError
from showfloor.deals.services import AgreementDraft
from tests.deals.factories import AgreementFactory
from tests.factories import OrganizationFactory


def _draft(**values):
    base = {
        "reference": "A-1",
        "title": {"en": "Wafer line"},
        "type": "investment",
        "country": "CN",
        "region": "Hainan",
        "value_amount": Decimal("100.00"),
        "value_currency": "CNY",
        "parties": [(OrganizationFactory(), "lead")],
    }
    return AgreementDraft(**{**base, **values})


@pytest.mark.django_db
def test_money_field_refuses_a_float_on_save(edition):
    with pytest.raises(FloatRefusedError):
        AgreementFactory(edition=edition, value_amount=0.1, value_in_edition_currency=Decimal(0))


@pytest.mark.django_db
def test_money_field_refuses_a_float_in_validation(edition):
    agreement = AgreementFactory.build(
        edition=edition, exchange_rate=7.1, value_in_edition_currency=Decimal(0)
    )

    with pytest.raises(FloatRefusedError):
        agreement.full_clean()


@pytest.mark.django_db
def test_create_agreement_refuses_a_float_value(edition, system_actor):
    with pytest.raises(TypeError, match="not float"):
        services.create_agreement(system_actor, edition, _draft(value_amount=1250000.5))


@pytest.mark.django_db
def test_create_agreement_converts_at_the_given_rate(edition, system_actor):
    draft = _draft(value_amount=Decimal("1000000.00"), value_currency="EUR", exchange_rate="7.8513")

    agreement = services.create_agreement(system_actor, edition, draft)

    assert agreement.value_in_edition_currency == Decimal("7851300.00")


@pytest.mark.django_db
def test_create_agreement_rounds_conversion_half_up_to_minor_units(edition, system_actor):
    draft = _draft(value_amount=Decimal("0.05"), value_currency="USD", exchange_rate="0.5")

    agreement = services.create_agreement(system_actor, edition, draft)

    assert agreement.value_in_edition_currency == Decimal("0.03")


@pytest.mark.django_db
def test_create_agreement_foreign_currency_needs_a_rate(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(value_currency="USD"))

    assert error.value.message_dict == {
        "exchange_rate": ["Give the rate from USD to CNY used to report this value."]
    }


@pytest.mark.django_db
def test_create_agreement_same_currency_rate_must_be_one(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(exchange_rate="1.2"))

    assert error.value.message_dict == {
        "exchange_rate": ["The value is in the edition's currency: the rate is 1."]
    }


@pytest.mark.django_db
def test_create_agreement_refuses_more_decimals_than_the_currency(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(value_amount=Decimal("10.005")))

    assert error.value.message_dict == {
        "value_amount": ["CNY has 2 decimal places; the value has more."]
    }


@pytest.mark.django_db
def test_create_agreement_unknown_currency_is_a_field_error(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(value_currency="RMB"))

    assert list(error.value.message_dict) == ["value_currency"]


@pytest.mark.django_db
def test_create_agreement_needs_a_party(edition, system_actor):
    with pytest.raises(ValidationError) as error:
        services.create_agreement(system_actor, edition, _draft(parties=[]))

    assert error.value.message_dict == {"parties": ["Name at least one party."]}


@pytest.mark.django_db
def test_create_agreement_records_parties_and_audit(edition, system_actor):
    first, second = OrganizationFactory(), OrganizationFactory()
    draft = _draft(parties=[(first, "investor"), (second, "licensee")])

    agreement = services.create_agreement(system_actor, edition, draft)

    assert [(p.organization_id, p.role) for p in agreement.parties.all()] == [
        (first.pk, "investor"),
        (second.pk, "licensee"),
    ]
    assert edition.audit_entries.filter(action="deals.agreement.create").count() == 1
