"""The floor plan's demo step, on the small scale, after the core and exhibitors steps."""

import pytest
from django.test import override_settings

from showfloor.demo.generator import generate
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import geometry
from showfloor.floorplan.models import Booth, Hall, Pavilion


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media):
        ctx = generate("small", log=lambda _line: None, only=["core", "exhibitors", "floorplan"])
        yield ctx
        # Module-scoped data lives outside the per-test transactions: remove it.
        from django.core.management import call_command

        call_command("flush", verbosity=0, interactive=False)


@pytest.mark.django_db
def test_every_approved_onsite_exhibitor_holds_a_rented_booth(demo):
    onsite = Exhibitor.objects.filter(
        edition=demo.edition,
        status="approved",
        attendance_mode__in=["onsite", "both"],
        host__isnull=True,
    )
    placed = Booth.objects.filter(
        edition=demo.edition, status__in=["reserved", "sold"]
    ).values_list("exhibitor_id", flat=True)
    assert set(onsite.values_list("pk", flat=True)) - set(placed) == set()


@pytest.mark.django_db
def test_demo_booths_stay_inside_their_halls_and_never_overlap(demo):
    for hall in Hall.objects.filter(edition=demo.edition):
        shapes = [(booth.code, booth.points) for booth in hall.booths.all()]
        assert all(geometry.contains(hall.points, points) for _code, points in shapes)
        assert geometry.find_overlaps(shapes) == []


@pytest.mark.django_db
def test_demo_has_the_sco_and_a_country_pavilion(demo):
    pavilions = dict(Pavilion.objects.filter(edition=demo.edition).values_list("code", "kind"))
    assert pavilions == {"china-sco-digital": "theme", "germany": "country"}


@pytest.mark.django_db
def test_demo_halls_have_a_panorama_and_hotspots(demo):
    halls = Hall.objects.filter(edition=demo.edition)
    assert all(hall.panorama and hall.hotspots.exists() for hall in halls)
