"""The exhibitors demo step at small scale: exhibitors, exhibits, working media, search, visits."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.test import override_settings
from PIL import Image

from showfloor.analytics.models import EDITION_TOTAL_PATH, PageViewDaily
from showfloor.demo.generator import generate
from showfloor.exhibitors import queries
from showfloor.exhibitors.models import Exhibit, Exhibitor, Media, SearchEntry


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """Generated once for the module (it takes seconds), in its own media folder."""
    media_root = tmp_path_factory.mktemp("demo-media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media_root):
        ctx = generate("small", only=["exhibitors"], log=lambda _line: None)
        ctx.data["media_root"] = media_root
        yield ctx
        call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db
def test_demo_step_creates_exhibitors_and_exhibits(demo):
    edition = demo.edition
    assert (Exhibitor.objects.filter(edition=edition).count(), Exhibit.objects.count()) == (40, 110)
    assert SearchEntry.objects.filter(edition=edition).count() == 150
    assert Exhibitor.objects.filter(edition=edition, host__isnull=False).count() >= 1
    assert len(demo.data["exhibitors"]) == 34


@pytest.mark.django_db
def test_demo_step_gives_every_exhibitor_a_logo_that_exists(demo):
    logos = Media.objects.filter(kind="logo")
    assert logos.count() == 40
    root = demo.data["media_root"]
    assert all((root / name).is_file() for name in set(logos.values_list("file", flat=True)))


@pytest.mark.django_db
def test_demo_step_panoramas_are_two_to_one(demo):
    for name in set(Media.objects.filter(kind="panorama").values_list("file", flat=True)):
        with Image.open(demo.data["media_root"] / name) as image:
            assert image.size[0] == 2 * image.size[1]


@pytest.mark.django_db
def test_demo_step_catalogue_finds_chinese_names(demo):
    found = queries.filter_exhibitors(demo.edition, queries.CatalogueFilters(q="有限公司"))
    assert found.count() > 0


@pytest.mark.django_db
def test_demo_step_records_visits_of_past_days(demo):
    totals = PageViewDaily.objects.filter(edition=demo.edition, path=EDITION_TOTAL_PATH)
    assert totals.count() == len([day for day in demo.edition.days if day < demo.today])
