"""The back office (Django admin) asks the same permission check as views and the API."""

import pytest

from showfloor.core.models import AuditEntry, Edition
from tests.attendance.factories import AccessRuleFactory, GateFactory
from tests.factories import EditionFactory, StaffRoleFactory, UserFactory


def staff(edition, role):
    user = UserFactory(is_staff=True)
    StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
    return user


@pytest.mark.django_db
def test_edition_admin_lists_only_editions_the_staff_member_manages(client):
    mine = EditionFactory(slug="mine")
    EditionFactory(slug="theirs")
    client.force_login(staff(mine, "admin"))
    response = client.get("/admin/core/edition/")
    assert response.status_code == 200
    assert [edition.slug for edition in response.context["cl"].result_list] == ["mine"]


@pytest.mark.django_db
def test_edition_admin_refuses_another_editions_change_page(client):
    mine = EditionFactory()
    theirs = EditionFactory()
    client.force_login(staff(mine, "admin"))
    assert client.get(f"/admin/core/edition/{theirs.pk}/change/").status_code in (302, 403)


@pytest.mark.django_db
def test_sales_cannot_open_the_edition_admin(client):
    edition = EditionFactory()
    client.force_login(staff(edition, "sales"))
    assert client.get("/admin/core/edition/").status_code == 403


@pytest.mark.django_db
def test_edition_change_through_admin_is_audited(client):
    edition = EditionFactory(city="Shenzhen")
    user = staff(edition, "admin")
    client.force_login(user)
    response = client.get(f"/admin/core/edition/{edition.pk}/change/")
    form = response.context["adminform"].form
    data = {}
    for name, field in form.fields.items():
        value = form.initial.get(name, field.initial)
        widget_data = (
            field.widget.format_value(value) if hasattr(field.widget, "format_value") else value
        )
        data[name] = widget_data
    # Language maps post one input per language.
    for name in ("name", "venue", "theme"):
        values = form.fields[name].widget.decompress(form.initial.get(name))
        data.pop(name)
        for code, text in zip(("en", "fr", "zh-hans"), values, strict=True):
            data[f"{name}_{code}"] = text
    data["languages"] = '["en", "fr", "zh-hans"]'
    data["city"] = "Chengdu"
    data["start_date"] = "2026-11-11"
    data["end_date"] = "2026-11-15"
    response = client.post(f"/admin/core/edition/{edition.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    edition.refresh_from_db()
    assert edition.city == "Chengdu"
    entry = AuditEntry.objects.get(action="core.edition.update")
    assert entry.actor == user
    assert entry.changes["city"] == ["Shenzhen", "Chengdu"]
    assert Edition.objects.count() == 1


@pytest.mark.django_db
def test_api_token_created_in_admin_shows_its_key_once(client):
    edition = EditionFactory()
    client.force_login(staff(edition, "admin"))
    response = client.post(
        "/admin/core/apitoken/add/",
        {
            "name": "Gate 1",
            "edition": edition.pk,
            "user": "",
            "permissions": '["can_scan_badges"]',
            "revoked_at_0": "",
            "revoked_at_1": "",
        },
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any(message.startswith("The token's key, shown only now: sf_") for message in messages)
    assert AuditEntry.objects.filter(action="core.apitoken.create").count() == 1


@pytest.mark.django_db
def test_audit_log_admin_is_read_only(client):
    edition = EditionFactory()
    client.force_login(staff(edition, "analyst"))
    assert client.get("/admin/core/auditentry/").status_code == 200
    assert client.get("/admin/core/auditentry/add/").status_code == 403


@pytest.mark.django_db
def test_many_to_many_change_through_admin_is_audited(client):
    edition = EditionFactory()
    north, south = (
        GateFactory(edition=edition, code="north"),
        GateFactory(edition=edition, code="south"),
    )
    rule = AccessRuleFactory(edition=edition, reentry_allowed=False)
    rule.gates.set([north])
    client.force_login(staff(edition, "admin"))
    data = {
        "edition": edition.pk,
        "participant_type": rule.participant_type,
        "days": "[]",
        "gates": [north.pk, south.pk],
    }
    response = client.post(f"/admin/attendance/accessrule/{rule.pk}/change/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="attendance.accessrule.update")
    assert entry.changes["gates"] == [[str(north)], sorted([str(north), str(south)])]
    assert set(rule.gates.all()) == {north, south}


@pytest.mark.django_db
def test_many_to_many_choice_when_creating_through_admin_is_audited(client):
    edition = EditionFactory()
    north = GateFactory(edition=edition, code="north")
    client.force_login(staff(edition, "admin"))
    data = {"edition": edition.pk, "participant_type": "press", "days": "[]", "gates": [north.pk]}
    response = client.post("/admin/attendance/accessrule/add/", data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    entry = AuditEntry.objects.get(action="attendance.accessrule.create")
    assert entry.changes["gates"] == [None, [str(north)]]
