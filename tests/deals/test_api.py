from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from showfloor.core.services import issue_api_token
from tests.deals.factories import AgreementFactory, AgreementPartyFactory
from tests.factories import OrganizationFactory
from tests.utils import api_headers


@pytest.fixture
def deals_key(edition, system_actor):
    _token, key = issue_api_token(system_actor, edition, "crm", permissions=["can_manage_deals"])
    return key


def _body(organization, **values):
    return {
        "reference": "API-1",
        "title": {"en": "Battery plant"},
        "type": "investment",
        "country": "CN",
        "region": "Qinghai",
        "value": "2500000.00",
        "currency": "EUR",
        "exchange_rate": "7.5",
        "parties": [{"organization_id": organization.pk, "role": "investor"}],
        **values,
    }


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_api_list_query_count(client, edition, deals_key, django_assert_num_queries, count):
    for _index in range(count):
        AgreementPartyFactory(agreement=AgreementFactory(edition=edition))

    with django_assert_num_queries(7):
        response = client.get(
            f"/api/v1/editions/{edition.slug}/agreements", **api_headers(deals_key)
        )

    assert response.json()["count"] == count


@pytest.mark.django_db
def test_api_create_returns_converted_value(client, edition, deals_key):
    response = client.post(
        f"/api/v1/editions/{edition.slug}/agreements",
        _body(OrganizationFactory()),
        content_type="application/json",
        **api_headers(deals_key),
    )

    body = response.json()
    assert response.status_code == 201
    assert body["declared_value"] == {"amount": "2500000.00", "currency": "EUR"}
    assert body["value_in_edition_currency"] == {"amount": "18750000.00", "currency": "CNY"}


@pytest.mark.django_db
def test_api_create_refuses_a_json_number_for_money(client, edition, deals_key):
    response = client.post(
        f"/api/v1/editions/{edition.slug}/agreements",
        _body(OrganizationFactory(), value=2500000.5),
        content_type="application/json",
        **api_headers(deals_key),
    )

    assert response.status_code == 422
    assert [error["field"] for error in response.json()["errors"]] == ["value"]
    assert edition.agreements.count() == 0


@pytest.mark.django_db
def test_api_list_without_permission_is_403(client, edition, system_actor):
    _token, key = issue_api_token(system_actor, edition, "x", permissions=["can_manage_guests"])

    response = client.get(f"/api/v1/editions/{edition.slug}/agreements", **api_headers(key))

    assert (response.status_code, response.json()["detail"]) == (
        403,
        "You do not have permission to do this.",
    )


@pytest.mark.django_db
def test_api_import_reports_row_errors(client, edition, deals_key):
    upload = SimpleUploadedFile(
        "a.csv",
        b"reference,title_en,type,country,value,currency,parties\nR1,X,loan,CN,1,CNY,lead:A\n",
    )

    response = client.post(
        f"/api/v1/editions/{edition.slug}/agreements/import",
        {"file": upload},
        **api_headers(deals_key),
    )

    assert response.status_code == 422
    assert response.json()["errors"][0]["row"] == 2
    assert response.json()["errors"][0]["column"] == "type"


@pytest.mark.django_db
def test_api_import_chitec_file(client, chitec_edition, chitec_csv, system_actor):
    _token, key = issue_api_token(
        system_actor, chitec_edition, "x", permissions=["can_manage_deals"]
    )

    with chitec_csv.open("rb") as handle:
        response = client.post(
            f"/api/v1/editions/{chitec_edition.slug}/agreements/import",
            {"file": handle},
            **api_headers(key),
        )

    assert (response.status_code, response.json()["created"]) == (201, 42)
