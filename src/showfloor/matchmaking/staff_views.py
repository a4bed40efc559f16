"""The organiser's pages: the matchmaking desk, the grid of slots × tables, imports, exports."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from showfloor.attendance.models import Participant
from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.matchmaking import exporters, figures, importers, queries, services
from showfloor.matchmaking.forms import ImportForm, PairRuleForm, SessionForm, TablesForm
from showfloor.matchmaking.models import Meeting, MeetingSession, PairRule, ScheduleRun

MANAGE = edition_permission_required(Perm.MANAGE_MATCHMAKING)


def _desk(edition_slug: str) -> HttpResponse:
    return redirect("matchmaking:staff_desk", edition_slug=edition_slug)


@MANAGE
def desk(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    run = ScheduleRun.objects.filter(edition=edition).first()
    return render(
        request,
        "matchmaking/staff_desk.html",
        {
            "figures": figures.key_figures(edition),
            "breakdown": figures.breakdown(edition),
            "run": run,
            "gap_percent": f"{100 * run.report.get('gap', 0):.2f}" if run else "",
            "sessions": MeetingSession.objects.filter(edition=edition).order_by("starts_at"),
            "table_count": edition.matchmaking_tables.count(),
            "session_form": SessionForm(),
            "tables_form": TablesForm(),
            "import_form": ImportForm(),
            "rule_form": PairRuleForm(),
            "rules": PairRule.objects.filter(edition=edition).select_related(
                "participant_a", "participant_b"
            ),
        },
    )


@MANAGE
@require_POST
def schedule_all(request: HttpRequest, edition_slug: str) -> HttpResponse:
    run = services.schedule_all(
        actor_from_request(request),
        request.edition,  # type: ignore[attr-defined]
        fairness=request.POST.get("fairness") == "1",
    )
    report = run.report
    messages.success(
        request,
        _("%(meetings)d meetings scheduled (upper bound %(bound)d weight, gap %(gap)s).")
        % {
            "meetings": report["meetings"],
            "bound": report["upper_bound_weight"],
            "gap": f"{100 * report['gap']:.2f} %",
        },
    )
    return _desk(edition_slug)


@MANAGE
@require_POST
def add_session(request: HttpRequest, edition_slug: str) -> HttpResponse:
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            services.create_session(
                actor_from_request(request),
                request.edition,
                **form.cleaned_data,  # type: ignore[attr-defined]
            )
            messages.success(request, _("Session created."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    else:
        messages.error(request, _("Please correct the session's fields."))
    return _desk(edition_slug)


@MANAGE
@require_POST
def add_tables(request: HttpRequest, edition_slug: str) -> HttpResponse:
    form = TablesForm(request.POST)
    if form.is_valid():
        services.create_tables(
            actor_from_request(request),
            request.edition,  # type: ignore[attr-defined]
            form.cleaned_data["count"],
            location=form.cleaned_data["location"],
        )
        messages.success(request, _("Tables added."))
    return _desk(edition_slug)


@MANAGE
@require_POST
def add_rule(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    form = PairRuleForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Please correct the rule's fields."))
        return _desk(edition_slug)
    data = dict(form.cleaned_data)
    people = {}
    for side in ("participant_a", "participant_b"):
        pk = data.pop(side)
        people[side] = Participant.objects.filter(edition=edition, pk=pk).first() if pk else None
        if pk and people[side] is None:
            messages.error(request, _("Unknown participant."))
            return _desk(edition_slug)
    try:
        services.save_pair_rule(actor_from_request(request), edition, **data, **people)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Rule saved."))
    return _desk(edition_slug)


@MANAGE
def grid(request: HttpRequest, edition_slug: str) -> HttpResponse:
    slots, tables, cells = queries.grid(request.edition)  # type: ignore[attr-defined]
    rows = [(slot, [cells.get((slot.pk, table.pk)) for table in tables]) for slot in slots]
    return render(request, "matchmaking/staff_grid.html", {"tables": tables, "rows": rows})


@MANAGE
@require_POST
def lock(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    meeting = get_object_or_404(Meeting, pk=pk, edition=request.edition)  # type: ignore[attr-defined]
    try:
        services.set_locked(actor_from_request(request), meeting, not meeting.locked)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("matchmaking:staff_grid", edition_slug=edition_slug)


@MANAGE
@require_POST
def walk_in(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    try:
        a = Participant.objects.get(edition=edition, pk=int(request.POST.get("a", 0)))
        b = Participant.objects.get(edition=edition, pk=int(request.POST.get("b", 0)))
        meeting = services.add_walk_in(actor_from_request(request), a, b)
    except (Participant.DoesNotExist, ValueError):
        messages.error(request, _("Unknown participant."))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if meeting.slot_id:
            messages.success(request, _("Walk-in meeting placed."))
        else:
            messages.error(request, _("No free slot for this walk-in meeting."))
    return _desk(edition_slug)


@MANAGE
def export(request: HttpRequest, edition_slug: str, kind: str, fmt: str) -> HttpResponse:
    return exporters.response(request.edition, kind, fmt)  # type: ignore[attr-defined]


@MANAGE
@require_POST
def import_file(request: HttpRequest, edition_slug: str, kind: str) -> HttpResponse:
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file."))
        return _desk(edition_slug)
    upload = form.cleaned_data["file"]
    try:
        count = importers.import_file(
            actor_from_request(request),
            request.edition,
            kind,
            upload.name,
            upload.read(),  # type: ignore[attr-defined]
        )
    except ValidationError as exc:
        for message in exc.messages[:20]:
            messages.error(request, message)
    else:
        messages.success(request, _("%(count)d rows imported.") % {"count": count})
    return _desk(edition_slug)
