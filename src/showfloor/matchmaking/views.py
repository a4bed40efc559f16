"""Participant pages: profile, recommendations, requests, agenda (page, PDF, iCalendar)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from showfloor.attendance.models import Participant
from showfloor.core.permissions import actor_from_request
from showfloor.matchmaking import agenda as agenda_export
from showfloor.matchmaking import queries, recommendations, rules, services
from showfloor.matchmaking.forms import (
    AvailabilityForm,
    DeclineForm,
    FollowUpForm,
    ProfileForm,
    RequestForm,
)
from showfloor.matchmaking.models import (
    Availability,
    Meeting,
    MeetingRequest,
    MeetingSession,
    Profile,
)
from showfloor.matchmaking.services.profiles import session_end


def _error_text(exc: ValidationError) -> str:
    return " ".join(str(m) for m in exc.messages)


def _me(request: HttpRequest) -> Participant:
    """The signed-in user's participation in this edition; others see nothing here."""
    participant = queries.participant_for(request.user, request.edition)  # type: ignore[attr-defined]
    if participant is None:
        raise Http404("no participation")
    return participant


def _home(request: HttpRequest) -> HttpResponse:
    return redirect("matchmaking:home", edition_slug=request.edition.slug)  # type: ignore[attr-defined]


@login_required
def home(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    profile = Profile.objects.filter(participant=me).first()
    return render(
        request,
        "matchmaking/home.html",
        {
            "me": me,
            "profile": profile,
            "notifications": queries.notifications(me),
            "agenda": agenda_export.rows(me),
            "received": queries.requests_received(me).filter(status="pending"),
        },
    )


@login_required
def profile(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    current = Profile.objects.filter(participant=me).first()
    initial: dict[str, Any] = {"is_active": True}
    if current is not None:
        initial = {
            key: getattr(current, key)
            for key in (
                "headline",
                "offer_text",
                "seek_text",
                "offers",
                "seeks",
                "stage",
                "capacity",
                "is_active",
            )
        }
        initial["sectors"] = list(current.sectors.all())
    form = ProfileForm(request.POST or None, initial=initial)
    starts = set(Availability.objects.filter(participant=me).values_list("starts_at", flat=True))
    chosen = [
        s.pk for s in MeetingSession.objects.filter(edition=me.edition) if s.starts_at in starts
    ]
    availability = AvailabilityForm(
        request.POST or None, edition=me.edition, initial={"sessions": chosen}
    )
    if request.method == "POST" and form.is_valid() and availability.is_valid():
        data = dict(form.cleaned_data)
        sectors = data.pop("sectors")
        actor = actor_from_request(request)
        windows = [(s.starts_at, session_end(s)) for s in availability.cleaned_data["sessions"]]
        try:
            services.save_profile(actor, me, data, sectors=sectors)
            services.set_availability(actor, me, windows)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Your matchmaking profile is saved."))
            return _home(request)
    return render(
        request,
        "matchmaking/profile.html",
        {"form": form, "availability": availability, "me": me},
    )


@login_required
def recommendations_page(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    shown = recommendations.for_participant(me)
    asked = set(
        MeetingRequest.objects.filter(requester=me, status__in=["pending", "accepted"]).values_list(
            "recipient_id", flat=True
        )
    )
    return render(
        request,
        "matchmaking/recommendations.html",
        {"me": me, "shown": shown, "asked": asked, "form": RequestForm()},
    )


@login_required
@require_POST
def send_request(request: HttpRequest, edition_slug: str, participant_pk: int) -> HttpResponse:
    me = _me(request)
    recipient = get_object_or_404(Participant, pk=participant_pk, edition=request.edition)  # type: ignore[attr-defined]
    form = RequestForm(request.POST)
    message = form.cleaned_data["message"] if form.is_valid() else ""
    try:
        services.send_request(actor_from_request(request), me, recipient, message=message)
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    else:
        messages.success(
            request, _("Your request to %(name)s is sent.") % {"name": recipient.full_name}
        )
    return redirect("matchmaking:requests", edition_slug=edition_slug)


@login_required
def requests_page(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    return render(
        request,
        "matchmaking/requests.html",
        {
            "me": me,
            "received": queries.requests_received(me),
            "sent": queries.requests_sent(me),
            "decline_form": DeclineForm(),
        },
    )


def _own_request(request: HttpRequest, pk: int) -> MeetingRequest:
    found = (
        MeetingRequest.objects.select_related("requester", "recipient", "edition")
        .filter(
            pk=pk,
            edition=request.edition,  # type: ignore[attr-defined]
        )
        .first()
    )
    if found is None or not rules.may_see_request(actor_from_request(request), found):
        raise Http404("no such request")
    return found


@login_required
@require_POST
def answer_request(request: HttpRequest, edition_slug: str, pk: int, action: str) -> HttpResponse:
    found = _own_request(request, pk)
    actor = actor_from_request(request)
    try:
        if action == "accept":
            services.accept_request(actor, found)
            messages.success(request, _("Request accepted: the meeting will be scheduled."))
        elif action == "decline":
            form = DeclineForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Choose a reason."))
            services.decline_request(actor, found, **form.cleaned_data)
            messages.success(request, _("Request declined."))
        elif action == "cancel":
            services.cancel_request(actor, found)
            messages.success(request, _("Request cancelled."))
        else:
            raise Http404("unknown action")
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("matchmaking:requests", edition_slug=edition_slug)


@login_required
def agenda_page(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    return render(
        request,
        "matchmaking/agenda.html",
        {
            "me": me,
            "rows": agenda_export.rows(me),
            "waiting": queries.waiting(me),
            "follow_up_form": FollowUpForm(),
        },
    )


@login_required
def agenda_ics(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    response = HttpResponse(agenda_export.ical(me), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="agenda-{edition_slug}.ics"'
    return response


@login_required
def agenda_pdf(request: HttpRequest, edition_slug: str) -> HttpResponse:
    me = _me(request)
    response = HttpResponse(agenda_export.pdf(me), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="agenda-{edition_slug}.pdf"'
    return response


def _own_meeting(request: HttpRequest, pk: int) -> Meeting:
    found = (
        Meeting.objects.select_related("participant_a", "participant_b", "edition")
        .filter(
            pk=pk,
            edition=request.edition,  # type: ignore[attr-defined]
        )
        .first()
    )
    if found is None or not rules.may_see_meeting(actor_from_request(request), found):
        raise Http404("no such meeting")
    return found


@login_required
@require_POST
def check_in(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    meeting = _own_meeting(request, pk)
    try:
        services.check_in(actor_from_request(request), meeting, _me(request))
        messages.success(request, _("You are checked in for this meeting."))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("matchmaking:agenda", edition_slug=edition_slug)


@login_required
@require_POST
def follow_up(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    meeting = _own_meeting(request, pk)
    form = FollowUpForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(_("Choose an answer."))
        services.answer_follow_up(
            actor_from_request(request), meeting, _me(request), **form.cleaned_data
        )
        messages.success(request, _("Thank you for your answer."))
    except ValidationError as exc:
        messages.error(request, _error_text(exc))
    return redirect("matchmaking:agenda", edition_slug=edition_slug)
