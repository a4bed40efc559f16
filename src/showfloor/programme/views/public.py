"""Public programme pages: by day, forum and room; sessions with their player and Q&A; the
personal agenda; registration; speakers confirming invitations and editing their profile."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_countries.fields import Country

from showfloor.core.i18n import CONTENT_LANGUAGES, LANGUAGE_LABELS
from showfloor.core.models import Sector
from showfloor.core.privacy import visitor_hash
from showfloor.programme import queries, services
from showfloor.programme.enums import SessionStatus
from showfloor.programme.forms import QuestionForm, SpeakerProfileForm
from showfloor.programme.models import Forum, Question, Room, Session, Speaker
from showfloor.programme.rules import can_moderate_questions
from showfloor.programme.views.common import actor, time_context, visible_session
from showfloor.programme.views.exports import agenda_feed_url

VIEWS = ("day", "forum", "room")


def _day_param(request: HttpRequest, days: list[dt.date]) -> dt.date:
    try:
        day = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        day = None
    if day in days:
        return day
    today = timezone.now().astimezone(request.edition.tz).date()  # type: ignore[attr-defined]
    return today if today in days else days[0]


def _group(sessions, key) -> list[tuple[object, list]]:
    groups: dict[object, list] = {}
    for session in sessions:
        groups.setdefault(key(session), []).append(session)
    return list(groups.items())


def programme(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    view = request.GET.get("view") if request.GET.get("view") in VIEWS else "day"
    sector = request.GET.get("sector") or None
    language = request.GET.get("lang") if request.GET.get("lang") in CONTENT_LANGUAGES else None
    days = edition.days
    day = _day_param(request, days) if view == "day" else None
    sessions = list(queries.public_sessions(edition, day=day, sector=sector, language=language))
    if view == "forum":
        groups = _group(sessions, lambda s: s.forum)
    elif view == "room":
        groups = _group(sessions, lambda s: s.room)
    else:
        groups = _group(sessions, lambda s: s.starts_at)
    participant = queries.participant_for(request.user, edition)
    context = {
        "view": view,
        "grouped_across_days": view != "day",
        "day": day,
        "days": days,
        "groups": groups,
        "session_count": len(sessions),
        "sectors": Sector.objects.filter(parent__isnull=True).order_by("code"),
        "sector": sector,
        "language": language,
        "languages": [(code, LANGUAGE_LABELS[code]) for code in CONTENT_LANGUAGES],
        "agenda_ids": queries.agenda_ids(participant),
        "participant": participant,
        "live": list(queries.live_sessions(edition, timezone.now())[:12]),
        **time_context(request),
    }
    return render(request, "programme/programme.html", context)


def forum(request: HttpRequest, edition_slug: str, code: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    forum = get_object_or_404(Forum.objects.filter(edition=edition), code=code)
    sessions = list(queries.public_sessions(edition, forum=forum))
    participant = queries.participant_for(request.user, edition)
    return render(
        request,
        "programme/forum.html",
        {
            "forum": forum,
            "groups": _group(sessions, lambda s: s.starts_at.astimezone(edition.tz).date()),
            "agenda_ids": queries.agenda_ids(participant),
            "participant": participant,
            **time_context(request),
        },
    )


def room(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    room = get_object_or_404(Room.objects.filter(edition=edition), pk=pk)
    sessions = list(queries.public_sessions(edition, room=room))
    participant = queries.participant_for(request.user, edition)
    return render(
        request,
        "programme/room.html",
        {
            "room": room,
            "groups": _group(sessions, lambda s: s.starts_at.astimezone(edition.tz).date()),
            "agenda_ids": queries.agenda_ids(participant),
            "participant": participant,
            **time_context(request),
        },
    )


def session(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    session = visible_session(request, pk)
    participant = queries.participant_for(request.user, edition)
    who = actor(request)
    moderator = can_moderate_questions(who, session)
    stream = getattr(session, "stream", None) if hasattr(session, "stream") else None
    mode = services.playback_mode(session, stream, timezone.now())
    play_url = None
    if mode == "live":
        play_url = stream.playback_url
    elif mode == "replay":
        play_url = stream.replay_url
    context = {
        "session": session,
        "stream": stream,
        "mode": mode,
        "play_url": play_url,
        "participant": participant,
        "in_agenda": session.pk in queries.agenda_ids(participant),
        "registration": queries.registration_of(session, participant),
        "seats": queries.seat_counts(session),
        "capacity": session.effective_capacity,
        "questions": queries.visible_questions(session, moderator),
        "moderator": moderator,
        "may_ask": services.may_ask(who, session),
        "question_form": QuestionForm(),
        **time_context(request),
    }
    return render(request, "programme/session.html", context)


def _participant_or_refuse(request: HttpRequest):
    participant = queries.participant_for(request.user, request.edition)  # type: ignore[attr-defined]
    if participant is None:
        messages.error(
            request,
            _("Register for this edition first: the agenda and seats are for its participants."),
        )
    return participant


def _back(request: HttpRequest, fallback: str) -> HttpResponse:
    target = request.POST.get("next") or fallback
    if not target.startswith("/") or target.startswith("//"):
        target = fallback
    return redirect(target)


@login_required
@require_POST
def agenda_toggle(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    participant = _participant_or_refuse(request)
    if participant is not None:
        if request.POST.get("action") == "remove":
            services.remove_from_agenda(actor(request), session, participant)
            messages.success(request, _("Removed from your agenda."))
        else:
            try:
                services.add_to_agenda(actor(request), session, participant)
                messages.success(request, _("Added to your agenda."))
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
    return _back(request, session.urls.public)


@login_required
def agenda(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    participant = queries.participant_for(request.user, edition)
    sessions = list(queries.agenda_sessions(participant)) if participant else []
    return render(
        request,
        "programme/agenda.html",
        {
            "participant": participant,
            "groups": _group(sessions, lambda s: s.starts_at.astimezone(edition.tz).date()),
            "agenda_ids": {s.pk for s in sessions},
            "feed_url": agenda_feed_url(request, participant) if participant else None,
            **time_context(request),
        },
    )


@login_required
@require_POST
def registration(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    participant = _participant_or_refuse(request)
    if participant is None:
        return redirect(session.urls.public)
    try:
        if request.POST.get("action") == "cancel":
            current = queries.registration_of(session, participant)
            if current is not None:
                services.cancel_registration(actor(request), current)
            messages.success(request, _("Your registration is cancelled."))
        else:
            result = services.register_for_session(actor(request), session, participant)
            if result.status == "confirmed":
                messages.success(request, _("Your seat is booked."))
            else:
                messages.warning(
                    request,
                    _(
                        "The session is full: you are on the waiting list and get a seat "
                        "as soon as one is freed."
                    ),
                )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(session.urls.public)


@login_required
@require_POST
def ask(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    session = visible_session(request, pk)
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            services.ask_question(actor(request), session, form.cleaned_data["text"])
            messages.success(request, _("Thank you: your question will appear once approved."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, " ".join(form.errors.get("text", [])))
    return redirect(f"{session.urls.public}#questions")


def _question(request: HttpRequest, pk: int, question_pk: int) -> Question:
    session = visible_session(request, pk)
    return get_object_or_404(session.questions.select_related("session__edition"), pk=question_pk)


@login_required
@require_POST
def upvote(request: HttpRequest, edition_slug: str, pk: int, question_pk: int) -> HttpResponse:
    question = _question(request, pk, question_pk)
    try:
        services.upvote_question(actor(request), question)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{question.session.urls.public}#questions")


@login_required
@require_POST
def moderate(request: HttpRequest, edition_slug: str, pk: int, question_pk: int) -> HttpResponse:
    question = _question(request, pk, question_pk)
    try:
        services.moderate_question(
            actor(request),
            question,
            request.POST.get("action", ""),
            answer=request.POST.get("answer", ""),
        )
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{question.session.urls.public}#questions")


@require_POST
def heartbeat(request: HttpRequest, edition_slug: str, pk: int) -> JsonResponse:
    """The player says it is playing; counted with the daily-rotating visitor hash."""
    # Beats come every 30 s from every viewer: read only what counting needs.
    session = get_object_or_404(
        Session.objects.filter(edition=request.edition)  # type: ignore[attr-defined]
        .exclude(status=SessionStatus.DRAFT)
        .select_related("stream"),
        pk=pk,
    )
    try:
        mode = services.record_heartbeat(session, visitor_hash(request, scope="programme"))
    except ValidationError as exc:
        return JsonResponse({"detail": " ".join(exc.messages)}, status=409)
    return JsonResponse({"mode": mode, "every": services.viewers.HEARTBEAT_SECONDS})


def speakers(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    country = (request.GET.get("country") or "").upper()[:2] or None
    countries = queries.speaker_countries(edition)
    return render(
        request,
        "programme/speakers.html",
        {
            "speakers": queries.public_speakers(edition, country),
            "country": country,
            "countries": sorted(
                ((Country(code=code), count) for code, count in countries.items() if code),
                key=lambda pair: str(pair[0].name),
            ),
        },
    )


def speaker(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    person = get_object_or_404(Speaker.objects.filter(edition=edition), pk=pk)
    sessions = list(
        queries.sessions_with_details(
            person.sessions.filter(status="published", starts_at__isnull=False)
        ).order_by("starts_at")
    )
    if not sessions and not actor(request).has_perm("can_manage_programme", edition):
        raise Http404("No such speaker")
    return render(
        request,
        "programme/speaker.html",
        {"speaker": person, "sessions": sessions, **time_context(request)},
    )


@login_required
def invitation(request: HttpRequest, edition_slug: str, token: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    person = Speaker.objects.filter(edition=edition, invite_token=token).first() if token else None
    if request.method == "POST" and person is not None:
        try:
            if request.POST.get("action") == "decline":
                services.decline_invitation(actor(request), edition, token)
                messages.success(request, _("You declined the invitation."))
                return redirect(edition.urls.public)
            services.accept_invitation(actor(request), edition, token)
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, str(exc))
            return redirect(edition.urls.public)
        messages.success(request, _("Thank you for confirming. Please complete your profile."))
        return redirect(reverse("programme:speaker_profile", kwargs={"edition_slug": edition.slug}))
    return render(request, "programme/invitation.html", {"speaker": person})


@login_required
def speaker_profile(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    person = Speaker.objects.filter(edition=edition, user=request.user).first()
    if person is None:
        raise Http404("No speaker profile")
    form = SpeakerProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        values = {name: form.cleaned_data[name] for name in form.changed_data}
        try:
            services.update_speaker_profile(actor(request), person, values)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(request, _("Your profile is saved."))
            return redirect(request.path)
    person.refresh_from_db()
    return render(request, "programme/speaker_profile.html", {"speaker": person, "form": form})
