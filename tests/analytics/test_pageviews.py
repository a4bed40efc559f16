"""Online visits: first-party page views (no IP stored, daily-rotating visitor hash), daily
aggregates, and who sees which figures."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from showfloor.analytics import pageviews
from showfloor.analytics.figures import key_figures
from showfloor.analytics.models import EDITION_TOTAL_PATH, PageView, PageViewDaily
from tests.exhibitors.factories import ExhibitorFactory, member_of

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/120.0"


@pytest.fixture(autouse=True)
def _record(settings):
    settings.SHOWFLOOR_PAGEVIEWS = True
    cache.clear()  # the figures are cached a minute per edition
    yield
    cache.clear()


def visit(client, url, ip="203.0.113.7", agent=BROWSER, **headers):
    return client.get(url, REMOTE_ADDR=ip, HTTP_USER_AGENT=agent, **headers)


def test_booth_visit_is_recorded_without_ip(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    visit(client, exhibitor.urls.public)
    view = PageView.objects.get()
    assert (view.edition_id, view.exhibitor_id, view.path) == (
        edition.pk,
        exhibitor.pk,
        exhibitor.urls.public,
    )
    stored = [str(value) for value in PageView.objects.values().get().values()]
    assert "203.0.113.7" not in " ".join(stored)
    assert len(view.visitor) == 32


def test_same_visitor_same_day_has_the_same_hash(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    visit(client, exhibitor.urls.public)
    visit(client, exhibitor.urls.public)
    visit(client, exhibitor.urls.public, ip="198.51.100.1")
    assert PageView.objects.values("visitor").distinct().count() == 2


@pytest.mark.parametrize(
    ("url_name", "agent", "headers"),
    [
        ("exhibitors:catalogue", "Googlebot/2.1", {}),
        ("exhibitors:catalogue", BROWSER, {"HTTP_SEC_PURPOSE": "prefetch"}),
    ],
)
def test_robots_and_prefetches_are_not_counted(client, edition, url_name, agent, headers):
    visit(client, reverse(url_name, kwargs={"edition_slug": edition.slug}), agent=agent, **headers)
    assert PageView.objects.count() == 0


def test_back_office_and_errors_are_not_counted(client, edition, staff_user):
    client.force_login(staff_user(edition, "sales"))
    visit(client, reverse("exhibitors:staff_list", kwargs={"edition_slug": edition.slug}))
    visit(client, reverse("exhibitors:booth", kwargs={"edition_slug": edition.slug, "pk": 999}))
    assert PageView.objects.count() == 0


def test_catalogue_visit_is_counted_without_exhibitor(client, edition):
    visit(client, reverse("exhibitors:catalogue", kwargs={"edition_slug": edition.slug}))
    assert list(PageView.objects.values_list("exhibitor_id", flat=True)) == [None]


def make_views(edition, exhibitor, day, visitors):
    PageView.objects.bulk_create(
        PageView(
            edition=edition,
            exhibitor=exhibitor,
            path=f"/{edition.slug}/exhibitors/{exhibitor.pk}/",
            day=day,
            visitor=visitor,
            created_at=timezone.now(),
        )
        for visitor in visitors
    )


def test_aggregate_counts_views_and_unique_visitors_and_is_idempotent(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    day = dt.date(2026, 11, 11)
    make_views(edition, exhibitor, day, ["a", "a", "b"])
    assert pageviews.aggregate_page_views(edition, day) == 3
    assert pageviews.aggregate_page_views(edition, day) == 3
    rows = sorted(PageViewDaily.objects.values_list("path", "views", "visitors"))
    assert rows == [
        (EDITION_TOTAL_PATH, 3, 2),
        (f"/{edition.slug}/exhibitors/{exhibitor.pk}/", 3, 2),
    ]


def test_series_combines_closed_days_and_today(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    today = pageviews.local_day(edition)
    make_views(edition, exhibitor, today - dt.timedelta(days=1), ["a", "b", "b"])
    make_views(edition, exhibitor, today, ["c"])
    days = pageviews.series(edition, exhibitor.pk)
    assert [(day.day, day.views, day.visitors) for day in days] == [
        (today - dt.timedelta(days=1), 3, 2),
        (today, 1, 1),
    ]
    assert PageViewDaily.objects.filter(day=today).count() == 0


def test_figures_are_cached_for_a_minute(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    today = pageviews.local_day(edition)
    make_views(edition, exhibitor, today, ["a"])
    first = {figure.key: figure.value for figure in key_figures(edition)}
    make_views(edition, exhibitor, today, ["b"])
    assert {figure.key: figure.value for figure in key_figures(edition)} == first


def test_figures_state_views_visitors_and_booth_views(edition):
    exhibitor = ExhibitorFactory(edition=edition)
    yesterday = pageviews.local_day(edition) - dt.timedelta(days=1)
    make_views(edition, exhibitor, yesterday, ["a", "b", "b", "c"])
    figures = {figure.key: figure.value for figure in key_figures(edition)}
    assert figures == {
        "analytics.online_views": 4,
        "analytics.online_visitors": 3,
        "analytics.booth_views": 4,
    }


def test_booth_visits_page_shows_own_figures(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    make_views(edition, exhibitor, pageviews.local_day(edition), ["a", "b"])
    client.force_login(member_of(exhibitor))
    response = client.get(exhibitor.urls.visits)
    assert (response.status_code, response.context["total_views"]) == (200, 2)
    assert PageView.objects.count() == 2  # the exhibitor's own figures page is not a visit


@pytest.mark.parametrize(
    ("who", "expected"),
    [("other_exhibitor", 404), ("analyst", 200), ("anonymous", 302)],
)
def test_booth_visits_permissions(client, edition, staff_user, who, expected):
    exhibitor = ExhibitorFactory(edition=edition)
    if who == "other_exhibitor":
        client.force_login(member_of(ExhibitorFactory(edition=edition)))
    elif who == "analyst":
        client.force_login(staff_user(edition, "analyst"))
    assert client.get(exhibitor.urls.visits).status_code == expected


def test_booth_visits_of_unknown_exhibitor_is_the_same_404(client, edition):
    client.force_login(member_of(ExhibitorFactory(edition=edition)))
    url = reverse("analytics:booth_visits", kwargs={"edition_slug": edition.slug, "pk": 999})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize(("role", "expected"), [("press", 200)])
def test_edition_visits_for_staff(client, edition, staff_user, role, expected):
    exhibitor = ExhibitorFactory(edition=edition)
    make_views(edition, exhibitor, pageviews.local_day(edition), ["a"])
    client.force_login(staff_user(edition, role))
    response = client.get(
        reverse("analytics:edition_visits", kwargs={"edition_slug": edition.slug})
    )
    assert response.status_code == expected
    assert [row["exhibitor_obj"] for row in response.context["top_booths"]] == [exhibitor]


def test_edition_visits_refused_to_exhibitors(client, edition):
    exhibitor = ExhibitorFactory(edition=edition)
    client.force_login(member_of(exhibitor))
    response = client.get(
        reverse("analytics:edition_visits", kwargs={"edition_slug": edition.slug})
    )
    assert response.status_code == 403


@pytest.mark.django_db
def test_buffer_writes_page_views_in_batches(rf, edition):
    pending = pageviews.PageViewBuffer()
    request = rf.get(f"/{edition.slug}/")
    for _index in range(2):
        pending.add(pageviews.build_page_view(request, edition), batch=3, max_age=60)
    assert PageView.objects.count() == 0
    pending.add(pageviews.build_page_view(request, edition), batch=3, max_age=60)
    assert PageView.objects.count() == 3
    pending.add(pageviews.build_page_view(request, edition), batch=3, max_age=60)
    pending.flush()
    assert PageView.objects.count() == 4


@pytest.mark.django_db
def test_buffer_writes_a_view_that_waited_too_long(rf, edition):
    pending = pageviews.PageViewBuffer()
    request = rf.get(f"/{edition.slug}/")
    pending.add(pageviews.build_page_view(request, edition), batch=100, max_age=0)
    assert PageView.objects.count() == 1
