"""Participant pages, staff pages and the API: who sees what, and what they see."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest
from django.urls import reverse

from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from showfloor.matchmaking import recommendations as recommendations_module
from showfloor.matchmaking import services
from showfloor.matchmaking.models import Meeting, MeetingRequest
from tests.matchmaking.factories import make_slots, make_tables, person

pytestmark = pytest.mark.django_db


def url(edition, name, **kwargs):
    return reverse(f"matchmaking:{name}", kwargs={"edition_slug": edition.slug, **kwargs})


@pytest.fixture
def booked(edition, system_actor):
    make_slots(edition, 2)
    make_tables(edition, 1)
    a, b = person(edition, first_name="Ada"), person(edition, first_name="Bo")
    request = services.send_request(system_actor, a.participant, b.participant, message="Hi")
    services.accept_request(system_actor, request)
    services.schedule_all(system_actor, edition)
    return a, b, request


def test_agenda_page_lists_the_meeting_for_each_side(client, edition, booked):
    a, _b, _request = booked
    client.force_login(a.participant.user)

    response = client.get(url(edition, "agenda"))

    assert response.status_code == 200
    assert [row["other"].first_name for row in response.context["rows"]] == ["Bo"]


def test_agenda_ics_holds_one_event_at_the_slot(client, edition, booked):
    a, _b, _request = booked
    client.force_login(a.participant.user)
    meeting = Meeting.objects.get()

    response = client.get(url(edition, "agenda_ics"))

    events = icalendar.Calendar.from_ical(response.content).walk("VEVENT")
    assert [(str(e["summary"]), e.decoded("dtstart")) for e in events] == [
        ("Meeting with Bo Li", meeting.slot.starts_at)
    ]


def test_agenda_pdf_is_a_pdf(client, edition, booked):
    a, _b, _request = booked
    client.force_login(a.participant.user)

    response = client.get(url(edition, "agenda_pdf"))

    assert (response["Content-Type"], response.content[:5]) == ("application/pdf", b"%PDF-")


def test_answer_request_of_someone_else_answers_404(client, edition, booked):
    _a, _b, request = booked
    stranger = person(edition)
    client.force_login(stranger.participant.user)

    response = client.post(url(edition, "answer_request", pk=request.pk, action="cancel"))

    assert response.status_code == 404
    assert MeetingRequest.objects.get().status == "accepted"


def test_requests_page_shows_only_own_requests(client, edition, booked):
    stranger = person(edition)
    client.force_login(stranger.participant.user)

    response = client.get(url(edition, "requests"))

    assert (list(response.context["received"]), list(response.context["sent"])) == ([], [])


def test_send_request_page_posts_and_redirects_to_requests(client, edition):
    a, b = person(edition), person(edition)
    client.force_login(a.participant.user)

    response = client.post(
        url(edition, "send_request", participant_pk=b.participant.pk), {"message": "Let us meet"}
    )

    assert response.url == url(edition, "requests")
    assert list(MeetingRequest.objects.values_list("message", flat=True)) == ["Let us meet"]


def test_staff_desk_needs_matchmaking_permission(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.PROGRAMME))

    response = client.get(url(edition, "staff_desk"))

    assert response.status_code == 403


def test_staff_schedule_all_stores_a_run(client, edition, staff_user, booked):
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    response = client.post(url(edition, "staff_schedule"))

    assert response.url == url(edition, "staff_desk")
    assert edition.matchmaking_schedule_runs.count() == 2


def test_staff_grid_places_meeting_in_its_cell(client, edition, staff_user, booked):
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))
    meeting = Meeting.objects.get()

    response = client.get(url(edition, "staff_grid"))

    cells = {
        (slot.pk, i): m for slot, row in response.context["rows"] for i, m in enumerate(row) if m
    }
    assert cells == {(meeting.slot_id, 0): meeting}


def test_export_schedule_json_lists_the_meeting(client, edition, staff_user, booked):
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    response = client.get(url(edition, "staff_export", kind="schedule", fmt="json"))

    assert [(r["participant_a"], r["participant_b"]) for r in response.json()] == [
        ("Ada Li", "Bo Li")
    ]


@pytest.mark.parametrize("count", [1, 3])
def test_api_agenda_query_count_is_constant(
    client, edition, system_actor, count, django_assert_num_queries
):
    make_slots(edition, 4)
    make_tables(edition, 4)
    hub = person(edition)
    for _ in range(count):
        other = person(edition)
        services.accept_request(
            system_actor, services.send_request(system_actor, other.participant, hub.participant)
        )
    services.schedule_all(system_actor, edition, fairness_bounds=False)
    client.force_login(hub.participant.user)

    with django_assert_num_queries(6):
        response = client.get(f"/api/v1/editions/{edition.slug}/matchmaking/agenda")

    assert len(response.json()) == count


@pytest.mark.parametrize("count", [1, 3])
def test_requests_page_query_count_is_constant(
    client, edition, system_actor, count, django_assert_num_queries
):
    hub = person(edition)
    for _ in range(count):
        other = person(edition)
        services.send_request(system_actor, other.participant, hub.participant)
    client.force_login(hub.participant.user)

    with django_assert_num_queries(7):
        response = client.get(url(edition, "requests"))

    assert len(response.context["received"]) == count


def test_api_request_create_and_decline(client, edition):
    a, b = person(edition), person(edition)
    client.force_login(a.participant.user)
    created = client.post(
        f"/api/v1/editions/{edition.slug}/matchmaking/requests",
        {"recipient_id": b.participant.pk, "message": "Hello"},
        content_type="application/json",
    ).json()
    client.force_login(b.participant.user)

    declined = client.post(
        f"/api/v1/editions/{edition.slug}/matchmaking/requests/{created['id']}/decline",
        {"reason": "not_relevant"},
        content_type="application/json",
    ).json()

    assert (declined["status"], declined["decline_reason"]) == ("declined", "not_relevant")


def test_api_schedule_by_participant_is_forbidden(client, edition):
    a = person(edition)
    client.force_login(a.participant.user)

    response = client.post(
        f"/api/v1/editions/{edition.slug}/matchmaking/schedule", {}, content_type="application/json"
    )

    assert response.status_code == 403
    assert Actor(user=a.participant.user).has_perm("can_manage_matchmaking", edition) is False


def test_staff_walk_in_places_meeting(client, edition, staff_user):
    make_slots(edition, 2, starts_at=dt.datetime(2030, 1, 1, 1, tzinfo=dt.UTC))
    make_tables(edition, 1)
    a, b = person(edition), person(edition)
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    client.post(url(edition, "staff_walk_in"), {"a": a.participant.pk, "b": b.participant.pk})

    assert list(Meeting.objects.values_list("status", "is_walk_in")) == [("scheduled", True)]


def test_profile_page_saves_profile_and_availability(client, edition):
    slots = make_slots(edition, 2)
    me = person(edition)
    client.force_login(me.participant.user)

    client.post(
        url(edition, "profile"),
        {
            "offers": ["technology"],
            "seeks": ["investment"],
            "seek_text_en": "Investors for battery recycling",
            "is_active": "on",
            "sessions": [slots[0].session_id],
        },
    )

    me.refresh_from_db()
    assert (me.seeks, me.seek_text["en"]) == (["investment"], "Investors for battery recycling")
    assert list(me.participant.matchmaking_availability.values_list("starts_at", "ends_at")) == [
        (slots[0].starts_at, slots[1].ends_at)
    ]


def test_staff_add_rule_blocks_a_group_pair(client, edition, staff_user):
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    client.post(
        url(edition, "staff_add_rule"),
        {"kind": "block", "type_a": "exhibitor_staff", "type_b": "exhibitor_staff"},
    )

    assert list(edition.matchmaking_rules.values_list("kind", "type_a", "type_b")) == [
        ("block", "exhibitor_staff", "exhibitor_staff")
    ]


def _hub_with_requests(edition, system_actor, count):
    make_slots(edition, 4)
    make_tables(edition, 4)
    hub = person(edition)
    for _ in range(count):
        other = person(edition)
        services.accept_request(
            system_actor, services.send_request(system_actor, other.participant, hub.participant)
        )
    services.schedule_all(system_actor, edition, fairness_bounds=False)
    return hub


@pytest.mark.parametrize("count", [1, 3])
def test_api_requests_query_count_is_constant(
    client, edition, system_actor, count, django_assert_num_queries
):
    hub = _hub_with_requests(edition, system_actor, count)
    client.force_login(hub.participant.user)

    with django_assert_num_queries(6):
        response = client.get(f"/api/v1/editions/{edition.slug}/matchmaking/requests")

    assert len(response.json()) == count


@pytest.mark.parametrize("count", [1, 3])
def test_api_meetings_query_count_is_constant(
    client, edition, system_actor, staff_user, count, django_assert_num_queries
):
    _hub_with_requests(edition, system_actor, count)
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    with django_assert_num_queries(5):
        response = client.get(f"/api/v1/editions/{edition.slug}/matchmaking/meetings")

    assert len(response.json()) == count


@pytest.mark.parametrize("count", [1, 3])
def test_staff_grid_query_count_is_constant(
    client, edition, system_actor, staff_user, count, django_assert_num_queries
):
    _hub_with_requests(edition, system_actor, count)
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    with django_assert_num_queries(7):
        response = client.get(url(edition, "staff_grid"))

    assert sum(1 for _slot, row in response.context["rows"] for m in row if m) == count


@pytest.mark.parametrize("count", [1, 3])
def test_recommendations_page_query_count_is_constant(
    client, edition, count, django_assert_num_queries
):
    me = person(edition)
    me.offers, me.seeks = ["investment"], ["technology"]
    me.save()
    for _ in range(count):
        person(edition)  # offers technology, seeks investment: a two-way match
    client.get("/")  # warm the session machinery outside the count
    client.force_login(me.participant.user)
    recommendations_module.for_edition(edition)  # vectors and cache outside the count

    with django_assert_num_queries(10):
        response = client.get(url(edition, "recommendations"))

    assert len(response.context["shown"]) == count


def test_api_check_in_by_staff_for_each_side_marks_held(client, edition, staff_user, booked):
    a, b, _request = booked
    meeting = Meeting.objects.get()
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))
    path = f"/api/v1/editions/{edition.slug}/matchmaking/meetings/{meeting.pk}/check-in"

    client.post(path, {"participant_id": a.participant.pk}, content_type="application/json")
    last = client.post(path, {"participant_id": b.participant.pk}, content_type="application/json")

    assert last.json()["held"] is True


def test_api_check_in_of_someone_elses_meeting_answers_404(client, edition, booked):
    a, _b, _request = booked
    stranger = person(edition)
    client.force_login(stranger.participant.user)
    meeting = Meeting.objects.get()

    response = client.post(
        f"/api/v1/editions/{edition.slug}/matchmaking/meetings/{meeting.pk}/check-in",
        {"participant_id": a.participant.pk},
        content_type="application/json",
    )

    assert response.status_code == 404
    assert Meeting.objects.get().checked_in_a_at is None


def test_api_schedule_in_fairness_mode_reports_run(client, edition, staff_user, booked):
    client.force_login(staff_user(edition, StaffRoleName.MATCHMAKING))

    response = client.post(
        f"/api/v1/editions/{edition.slug}/matchmaking/schedule",
        {"fairness": True},
        content_type="application/json",
    )

    report = response.json()["report"]
    assert (report["meetings"], report["upper_bound_weight"], report["moved"]) == (1, 1, 0)
