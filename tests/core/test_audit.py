import pytest
from django.urls import reverse

from showfloor.core import services
from showfloor.core.models import AuditEntry, Organization
from showfloor.core.permissions import Actor
from tests.factories import EditionFactory, UserFactory


@pytest.mark.django_db
def test_update_records_who_what_and_the_changed_fields():
    edition = EditionFactory(city="Shenzhen")
    user = UserFactory(username="alice")
    services.update_object(Actor.for_user(user), edition, {"city": "Chengdu", "mode": "hybrid"})
    entry = AuditEntry.objects.get(action="core.edition.update")
    assert entry.actor == user
    assert entry.actor_label == "alice"
    assert entry.edition == edition
    assert entry.changes == {"city": ["Shenzhen", "Chengdu"]}
    assert entry.object_id == str(edition.pk)


@pytest.mark.django_db
def test_update_without_a_change_records_nothing():
    edition = EditionFactory(city="Shenzhen")
    services.update_object(Actor.system(), edition, {"city": "Shenzhen"})
    assert AuditEntry.objects.filter(action="core.edition.update").count() == 0


@pytest.mark.django_db
def test_invalid_update_is_refused_and_leaves_nothing_written():
    from django.core.exceptions import ValidationError

    edition = EditionFactory(currency="CNY")
    with pytest.raises(ValidationError):
        services.update_object(Actor.system(), edition, {"currency": "XXX1"})
    edition.refresh_from_db()
    assert edition.currency == "CNY"
    assert AuditEntry.objects.filter(action="core.edition.update").count() == 0


@pytest.mark.django_db
def test_create_records_an_entry_with_the_initial_values():
    org = services.create_organization(
        Actor.system("import"), name={"en": "Acme"}, type="company", country="FR"
    )
    entry = AuditEntry.objects.get(action="core.organization.create")
    assert entry.actor_label == "import"
    assert entry.object_repr == "Acme"
    assert entry.changes["country"] == [None, "FR"]
    assert Organization.objects.get() == org


@pytest.mark.django_db
def test_token_actor_is_labelled_by_token_name():
    edition = EditionFactory()
    token, _key = services.issue_api_token(Actor.system(), edition, "Gate 3")
    services.update_object(Actor(token=token), edition, {"city": "Beijing"})
    assert AuditEntry.objects.get(action="core.edition.update").actor_label == "token:Gate 3"


@pytest.mark.django_db
def test_staff_browse_the_audit_log_of_their_edition(client, staff_user):
    edition = EditionFactory()
    services.update_object(Actor.system(), edition, {"city": "Hefei"})
    client.force_login(staff_user(edition, "analyst"))
    response = client.get(reverse("core:audit_log", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == 200
    assert [entry.action for entry in response.context["page"]] == ["core.edition.update"]
    assert "Hefei" in response.content.decode()


@pytest.mark.django_db
def test_audit_log_does_not_show_other_editions_entries(client, staff_user):
    edition = EditionFactory()
    other = EditionFactory()
    services.update_object(Actor.system(), other, {"city": "Xining"})
    client.force_login(staff_user(edition, "admin"))
    response = client.get(reverse("core:audit_log", kwargs={"edition_slug": edition.slug}))
    assert list(response.context["page"]) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"), [("analyst", 200), ("admin", 200), ("sales", 403), ("press", 403)]
)
def test_audit_log_permission(client, staff_user, role, status):
    edition = EditionFactory()
    client.force_login(staff_user(edition, role))
    url = reverse("core:audit_log", kwargs={"edition_slug": edition.slug})
    assert client.get(url).status_code == status


@pytest.mark.django_db
def test_audit_log_sends_anonymous_visitors_to_log_in(client):
    edition = EditionFactory()
    response = client.get(reverse("core:audit_log", kwargs={"edition_slug": edition.slug}))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
