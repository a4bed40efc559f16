"""The demo generator at small scale: a complete, plausible edition in every language."""

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from showfloor.core.models import AuditEntry, Edition, Organization, StaffRole
from showfloor.demo import names
from showfloor.demo.generator import DemoContext, generate


@pytest.fixture(scope="module")
def demo_db(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        ctx = generate("small", log=lambda _line: None)
        yield ctx
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_demo_creates_a_running_edition_with_history(demo_db):
    edition = Edition.objects.get(slug="chtf2026")
    assert edition.status == "running"
    assert edition.expo.editions.count() == 3
    assert set(edition.name) == {"en", "fr", "zh-hans"}


@pytest.mark.django_db
def test_demo_organisations_have_names_in_three_languages(demo_db):
    pool = demo_db.data["organizations"]
    assert (len(pool["company"]), len(pool["investor"])) == (60, 12)
    for organization in Organization.objects.all()[:20]:
        assert set(organization.name) == {"en", "fr", "zh-hans"}
        assert all(organization.name.values())


@pytest.mark.django_db
def test_demo_creates_a_staff_account_for_every_role(demo_db):
    roles = set(StaffRole.objects.values_list("role", flat=True))
    assert roles == {
        "admin",
        "sales",
        "registration",
        "programme",
        "matchmaking",
        "jury_secretary",
        "press",
        "analyst",
    }
    assert AuditEntry.objects.filter(action="demo.generate").count() == 1


def test_demo_names_are_deterministic_for_a_seed():
    def first_names(seed):
        rng = DemoContext(scale="small", seed=seed).rng
        return [names.chinese_company(rng, "ai").names["zh-hans"] for _index in range(5)]

    assert first_names(2020) == first_names(2020)
    assert first_names(2020) != first_names(2021)


@pytest.mark.django_db
def test_demo_command_refuses_to_overwrite_without_reset(demo_db):
    with pytest.raises(CommandError, match="exists already"):
        call_command("demo", "--scale", "small")


def test_unknown_scale_is_refused():
    with pytest.raises(ValueError, match="unknown scale 'huge'"):
        DemoContext(scale="huge")
