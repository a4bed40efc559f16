from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.deals.factories import AgreementFactory, AgreementPartyFactory


def _agreements(edition, count):
    for _index in range(count):
        AgreementPartyFactory(agreement=AgreementFactory(edition=edition))


def _url(name, edition, **kwargs):
    return reverse(name, kwargs={"edition_slug": edition.slug, **kwargs})


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_public_list_query_count(client, edition, django_assert_num_queries, count):
    _agreements(edition, count)

    with django_assert_num_queries(9):
        response = client.get(_url("deals:public_list", edition))

    assert response.context["page"].paginator.count == count


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_manage_list_query_count(client, edition, staff_user, django_assert_num_queries, count):
    _agreements(edition, count)
    client.force_login(staff_user(edition, "sales"))

    with django_assert_num_queries(12):
        response = client.get(_url("deals:manage_list", edition))

    assert response.context["page"].paginator.count == count


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "expected"), [("sales", 200), ("admin", 200), ("press", 403), ("jury_secretary", 403)]
)
def test_manage_list_permission_by_role(client, edition, staff_user, role, expected):
    client.force_login(staff_user(edition, role))

    response = client.get(_url("deals:manage_list", edition))

    assert response.status_code == expected


@pytest.mark.django_db
def test_manage_import_shows_row_errors_and_imports_nothing(client, edition, staff_user):
    client.force_login(staff_user(edition, "sales"))
    upload = (
        b"reference,title_en,type,country,value,currency,parties\n"
        b"R1,Fab,investment,CN,1.5.1,CNY,lead:Acme\n"
    )

    response = client.post(
        _url("deals:manage_import", edition),
        {"file": SimpleUploadedFile("a.csv", upload, content_type="text/csv")},
    )

    assert [str(error) for error in response.context["result"].errors] == [
        "row 2, value: “1.5.1” is not a number."
    ]
    assert edition.agreements.count() == 0


@pytest.mark.django_db
def test_manage_detail_changes_status(client, edition, staff_user):
    agreement = AgreementFactory(edition=edition)
    client.force_login(staff_user(edition, "sales"))

    client.post(agreement.urls.manage, {"status": "executed"})

    agreement.refresh_from_db()
    assert agreement.status == "executed"


@pytest.mark.django_db
def test_manage_detail_of_another_edition_is_404(client, edition, staff_user):
    other = AgreementFactory()
    client.force_login(staff_user(edition, "sales"))

    response = client.get(_url("deals:manage_detail", edition, pk=other.pk))

    assert response.status_code == 404


@pytest.mark.django_db
def test_manage_export_is_a_csv_in_the_import_format(client, edition, staff_user):
    AgreementPartyFactory(agreement=AgreementFactory(edition=edition, reference="EX-1"))
    client.force_login(staff_user(edition, "sales"))

    response = client.get(_url("deals:manage_export", edition))

    lines = response.content.decode().splitlines()
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0].startswith("reference,title_en,title_fr,title_zh,type")
    assert lines[1].startswith("EX-1,")
