"""Back-office pages of the programme: the schedule editor, forums, rooms, speakers, streams,
registrations and audiences."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from showfloor.core.decorators import edition_permission_required
from showfloor.core.rules import Perm
from showfloor.programme import queries, services
from showfloor.programme.enums import RegistrationStatus, StreamStatus
from showfloor.programme.forms import ForumForm, RoomForm, SessionForm, SpeakerForm, StreamForm
from showfloor.programme.models import Forum, Room, Session, SessionRegistration, Speaker, Stream
from showfloor.programme.views.common import actor

manage = edition_permission_required(Perm.MANAGE_PROGRAMME)


def _url(name: str, edition, **kwargs) -> str:
    return reverse(f"programme:{name}", kwargs={"edition_slug": edition.slug, **kwargs})


def _apply_errors(form: Form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            target = {"starts_at": "day", "ends_at": "end_time", "speakers": "speaker_list"}.get(
                field, field
            )
            for error in errors:
                form.add_error(target if target in form.fields else None, error)
    else:
        for error in exc.messages:
            form.add_error(None, error)


@manage
def sessions(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    queryset = Session.objects.filter(edition=edition)
    if day is not None:
        start, end = edition.day_bounds(day)
        queryset = queryset.filter(starts_at__gte=start, starts_at__lt=end)
    elif request.GET.get("unscheduled"):
        queryset = queryset.filter(starts_at__isnull=True)
    rows = (
        queryset.select_related("forum", "room")
        .annotate(
            speaker_count=Count("session_speakers", distinct=True),
            seats_taken=Count(
                "registrations",
                filter=Q(registrations__status=RegistrationStatus.CONFIRMED),
                distinct=True,
            ),
        )
        .order_by("starts_at", "room__order", "id")[:500]
    )
    return render(
        request,
        "programme/manage/sessions.html",
        {"sessions": rows, "days": edition.days, "day": day, "tz": edition.timezone},
    )


@manage
def session_edit(request: HttpRequest, edition_slug: str, pk: int | None = None) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    session = get_object_or_404(Session.objects.filter(edition=edition), pk=pk) if pk else None
    stream = Stream.objects.filter(session=session).first() if session else None
    form = SessionForm(
        request.POST or None, instance=session or Session(edition=edition), edition=edition
    )
    stream_form = StreamForm(request.POST or None, instance=stream or Stream(), prefix="stream")
    if request.method == "POST" and form.is_valid() and stream_form.is_valid():
        values = form.service_values()
        people = {
            "sectors": form.cleaned_data["sectors"],
            "speakers": list(form.cleaned_data["speaker_list"]),
            "moderators": list(form.cleaned_data["moderator_list"]),
        }
        try:
            if session is None:
                session = services.create_session(actor(request), edition, values, **people)
            else:
                services.update_session(actor(request), session, values, **people)
            stream_values = {
                name: stream_form.cleaned_data[name] for name in StreamForm.Meta.fields
            }
            if stream is not None or stream_values["playback_url"] or stream_values["replay_url"]:
                services.set_stream(actor(request), session, stream_values)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("The session is saved."))
            return redirect(_url("manage_sessions", edition))
    return render(
        request,
        "programme/manage/session_form.html",
        {"form": form, "stream_form": stream_form, "session": session, "tz": edition.timezone},
    )


@manage
def session_audience(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    session = get_object_or_404(Session.objects.filter(edition=edition), pk=pk)
    registrations = session.registrations.select_related("participant").order_by(
        "status", "requested_at", "id"
    )
    return render(
        request,
        "programme/manage/audience.html",
        {
            "session": session,
            "registrations": registrations,
            "seats": queries.seat_counts(session),
            "capacity": session.effective_capacity,
            "stats": queries.viewer_stats(session),
            "stream": Stream.objects.filter(session=session).first(),
        },
    )


@manage
@require_POST
def mark_attended(request: HttpRequest, edition_slug: str, pk: int, registration_pk: int):
    edition = request.edition  # type: ignore[attr-defined]
    registration = get_object_or_404(
        SessionRegistration.objects.filter(session__edition=edition, session_id=pk),
        pk=registration_pk,
    )
    services.mark_attended(actor(request), registration)
    return redirect(_url("manage_session_audience", edition, pk=pk))


@manage
@require_POST
def stream_status(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    """Go live / end the stream, from the session's audience page."""
    edition = request.edition  # type: ignore[attr-defined]
    session = get_object_or_404(Session.objects.filter(edition=edition), pk=pk)
    status = request.POST.get("status", "")
    if status not in (StreamStatus.LIVE, StreamStatus.ENDED):
        raise Http404("No such status")
    try:
        services.set_stream_status(actor(request), session, status)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(_url("manage_session_audience", edition, pk=pk))


# Forums, rooms and speakers share one list page and one form page.

RESOURCES = {
    "forums": {
        "model": Forum,
        "form": ForumForm,
        "title": gettext_lazy("Forums"),
        "create": services.create_forum,
        "update": services.update_forum,
        "m2m": "sectors",
    },
    "rooms": {
        "model": Room,
        "form": RoomForm,
        "title": gettext_lazy("Rooms"),
        "create": services.create_room,
        "update": services.update_room,
        "m2m": None,
    },
    "speakers": {
        "model": Speaker,
        "form": SpeakerForm,
        "title": gettext_lazy("Speakers"),
        "create": services.create_speaker,
        "update": None,
        "m2m": None,
    },
}


def _spec(resource: str) -> dict:
    if resource not in RESOURCES:
        raise Http404("No such list")
    return RESOURCES[resource]


@manage
def resource_list(request: HttpRequest, edition_slug: str, resource: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    spec = _spec(resource)
    objects = (
        spec["model"]
        .objects.filter(edition=edition)
        .annotate(session_count=Count("sessions", distinct=True))
    )
    return render(
        request,
        "programme/manage/resources.html",
        {"resource": resource, "title": spec["title"], "objects": objects},
    )


@manage
def resource_edit(
    request: HttpRequest, edition_slug: str, resource: str, pk: int | None = None
) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    spec = _spec(resource)
    model = spec["model"]
    instance = get_object_or_404(model.objects.filter(edition=edition), pk=pk) if pk else None
    form = spec["form"](
        request.POST or None, request.FILES or None, instance=instance or model(edition=edition)
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        m2m = data.pop(spec["m2m"]) if spec["m2m"] else None
        try:
            if instance is None:
                args = (m2m,) if m2m is not None else ()
                spec["create"](actor(request), edition, data, *args)
            elif resource == "speakers":
                changed = {name: data[name] for name in form.changed_data}
                services.update_speaker_profile(actor(request), instance, changed)
            else:
                args = (m2m,) if m2m is not None else ()
                spec["update"](actor(request), instance, data, *args)
        except ValidationError as exc:
            _apply_errors(form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(_url("manage_resources", edition, resource=resource))
    return render(
        request,
        "programme/manage/resource_form.html",
        {"resource": resource, "title": spec["title"], "form": form, "object": instance},
    )


@manage
@require_POST
def speaker_invite(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    person = get_object_or_404(Speaker.objects.filter(edition=edition), pk=pk)

    def accept_url(token: str) -> str:
        return request.build_absolute_uri(_url("speaker_invitation", edition, token=token))

    token = services.invite_speaker(actor(request), person, accept_url_for=accept_url)
    messages.success(
        request,
        _("Invitation ready for %(name)s: %(url)s")
        % {"name": person.name, "url": accept_url(token)},
    )
    return redirect(_url("manage_resources", edition, resource="speakers"))
