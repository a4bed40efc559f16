from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from showfloor.awards import queries, services
from showfloor.awards.enums import AwardStatus, EntryStatus
from showfloor.awards.forms import EntrySubmissionForm, ScorecardForm
from showfloor.awards.models import Award, Entry, JuryMember, Round
from showfloor.awards.rules import is_conflicted
from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibit, Exhibitor


def public_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    winners = Entry.objects.filter(status=EntryStatus.WINNER).select_related("organization")
    awards = queries.published_awards(edition).prefetch_related(
        Prefetch("entries", queryset=winners.order_by("final_rank", "id"), to_attr="winners")
    )
    open_awards = Award.objects.filter(edition=edition, status=AwardStatus.OPEN).order_by("code")
    return render(
        request, "awards/public_list.html", {"awards": awards, "open_awards": open_awards}
    )


@login_required
def submit_entry(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    """An exhibitor's member enters one of the exhibitor's exhibits (or the exhibitor itself)."""
    edition = request.edition  # type: ignore[attr-defined]
    award = get_object_or_404(Award, pk=pk, edition=edition, status=AwardStatus.OPEN)
    exhibitors = Exhibitor.objects.filter(
        edition=edition, organization__members__user=request.user
    ).select_related("organization")
    exhibits = Exhibit.objects.filter(edition=edition, exhibitor__in=exhibitors)
    form = EntrySubmissionForm(exhibitors, exhibits, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.submit_entry(
                actor_from_request(request),
                award,
                data["exhibitor"],
                {"en": data["title"]} if data["title"] else {},
                {"en": data["description"]} if data["description"] else {},
                data["exhibit"],
            )
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            messages.success(request, _("Your entry is submitted."))
            return redirect("awards:public_list", edition_slug=edition.slug)
    return render(
        request,
        "awards/submit_entry.html",
        {"award": award, "form": form, "has_exhibitor": exhibitors.exists()},
    )


def _seat(request: HttpRequest, round_id: int) -> tuple[Round, JuryMember]:
    """The round and the caller's jury seat; anyone else gets 404, whether it exists or not."""
    edition = request.edition  # type: ignore[attr-defined]
    round_ = get_object_or_404(
        Round.objects.select_related("award__edition"), pk=round_id, award__edition=edition
    )
    seat = JuryMember.objects.filter(award_id=round_.award_id, user=request.user).first()
    if seat is None:
        raise Http404("No such round")
    return round_, seat


@login_required
def jury_home(request: HttpRequest, edition_slug: str) -> HttpResponse:
    seats = queries.juror_seats(request.user, request.edition)  # type: ignore[attr-defined]
    return render(request, "awards/jury_home.html", {"seats": seats})


def _cards(scores: Any) -> dict[int, dict[int, list[Any]]]:
    """{entry_id: {juror_id: [scores]}} for the tables."""
    grouped: dict[int, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for score in scores:
        grouped[score.entry_id][score.juror_id].append(score)
    return {entry: dict(jurors) for entry, jurors in grouped.items()}


@login_required
def jury_round(request: HttpRequest, edition_slug: str, round_id: int) -> HttpResponse:
    round_, seat = _seat(request, round_id)
    criteria = list(round_.award.criteria.all())
    entries = list(queries.entries_for_juror(seat, round_))
    own = _cards(queries.visible_scores(round_, seat, is_staff=False).filter(juror=seat))
    rows = []
    for entry in entries:
        mine = own.get(entry.pk, {}).get(seat.pk, [])
        values = {score.criterion_id: score.value for score in mine}
        rows.append((entry, queries.weighted_total(values, criteria)))
    context: dict[str, Any] = {"round": round_, "seat": seat, "rows": rows, "criteria": criteria}
    if not round_.is_open:
        context["ranking"] = queries.ranking(round_)
        context["all_scores"] = queries.visible_scores(round_, seat, is_staff=False)
    return render(request, "awards/jury_round.html", context)


@login_required
def jury_score(
    request: HttpRequest, edition_slug: str, round_id: int, entry_id: int
) -> HttpResponse:
    round_, seat = _seat(request, round_id)
    entry = get_object_or_404(queries.entries_for_juror(seat, round_), pk=entry_id)
    criteria = list(round_.award.criteria.all())
    mine = {
        f"criterion_{score.criterion_id}": score.value
        for score in round_.scores.filter(juror=seat, entry=entry)
    }
    form = ScorecardForm(criteria, request.POST or None, initial=mine)
    if request.method == "POST" and round_.is_open and form.is_valid():
        try:
            services.submit_scores(actor_from_request(request), round_, entry, form.values())
        except ValidationError as exc:
            form.add_error(None, exc)
        except PermissionDenied as exc:
            raise Http404("No such entry") from exc
        else:
            messages.success(request, _("Your scores are saved."))
            return redirect("awards:jury_round", edition_slug=edition_slug, round_id=round_.pk)
    return render(
        request,
        "awards/jury_score.html",
        {"round": round_, "entry": entry, "form": form, "conflicted": is_conflicted(seat, entry)},
    )


@edition_permission_required(Perm.MANAGE_AWARDS)
def manage_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    awards = (
        Award.objects.filter(edition=request.edition)  # type: ignore[attr-defined]
        .annotate(entry_count=Count("entries", distinct=True))
        .annotate(juror_count=Count("jurors", distinct=True))
        .prefetch_related("rounds")
        .order_by("category", "code")
    )
    return render(request, "awards/manage_list.html", {"awards": awards})


@edition_permission_required(Perm.MANAGE_AWARDS)
def manage_detail(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    award = get_object_or_404(Award.objects.select_related("edition"), pk=pk, edition=edition)
    actor = actor_from_request(request)
    if request.method == "POST":
        try:
            if request.POST.get("action") == "close":
                round_ = get_object_or_404(award.rounds, pk=request.POST.get("round"))
                services.close_round(actor, round_)
                messages.success(request, _("The round is closed."))
            elif request.POST.get("action") == "publish":
                services.publish_results(actor, award)
                messages.success(request, _("The results are published."))
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(award.urls.manage)
    rounds = [(round_, queries.ranking(round_)) for round_ in award.rounds.all()]
    jurors = award.jurors.select_related("user", "organization").prefetch_related("conflicts")
    return render(
        request, "awards/manage_detail.html", {"award": award, "rounds": rounds, "jurors": jurors}
    )
