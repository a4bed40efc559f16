from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.guests import queries, services
from showfloor.guests.enums import InvitationStatus
from showfloor.guests.forms import BookingForm, InvitationForm, RsvpForm
from showfloor.guests.models import Invitation, VisitBooking


def rsvp(request: HttpRequest, edition_slug: str, token: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    invitation = Invitation.objects.filter(edition=edition, token=token).first()
    if invitation is None:
        raise Http404("No such invitation")
    initial = {"dietary_notes": invitation.dietary_notes}
    form = RsvpForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.respond_to_invitation(
                token,
                accept=form.cleaned_data["answer"] == "accept",
                dietary_notes=form.cleaned_data["dietary_notes"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        return redirect(invitation.rsvp_url)
    invitation.refresh_from_db()
    badge = None
    if invitation.participant_id is not None and invitation.status == InvitationStatus.ACCEPTED:
        badge = invitation.participant.badges.filter(revoked_at__isnull=True).first()
    return render(
        request, "guests/rsvp.html", {"invitation": invitation, "form": form, "badge": badge}
    )


def visit_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    sites = queries.site_visits(request.edition)  # type: ignore[attr-defined]
    return render(request, "guests/visits.html", {"sites": sites, "now": timezone.now()})


def book(request: HttpRequest, edition_slug: str, slot_id: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    slot = get_object_or_404(
        queries.slots_with_availability().select_related("site"), pk=slot_id, site__edition=edition
    )
    form = BookingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            booking = services.book_visit(slot, **form.cleaned_data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                for field, errors in exc.message_dict.items():
                    form.add_error(field if field in form.fields else None, errors)
            else:
                form.add_error(None, exc)
        else:
            return redirect(booking.manage_url)
    return render(request, "guests/book.html", {"slot": slot, "form": form})


def booking(request: HttpRequest, edition_slug: str, token: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    found = get_object_or_404(
        VisitBooking.objects.select_related("slot__site"), token=token, slot__site__edition=edition
    )
    if request.method == "POST":
        services.cancel_booking(token)
        messages.success(request, _("Your booking is cancelled."))
        return redirect(found.manage_url)
    return render(request, "guests/booking.html", {"booking": found})


@edition_permission_required(Perm.MANAGE_GUESTS)
def manage_delegations(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    page = Paginator(queries.delegations(edition), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "guests/manage_delegations.html",
        {"page": page, "by_country": queries.delegations_by_country(edition)},
    )


@edition_permission_required(Perm.MANAGE_GUESTS)
def manage_invitations(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    form = InvitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actor = actor_from_request(request)
        invitation = services.create_invitation(actor, edition, **form.cleaned_data)
        services.send_invitation(actor, invitation)
        messages.success(
            request,
            _("Invitation sent. Personal link: %(url)s")
            % {"url": request.build_absolute_uri(invitation.rsvp_url)},
        )
        return redirect("guests:manage_invitations", edition_slug=edition.slug)
    page = Paginator(queries.invitations(edition), 50).get_page(request.GET.get("page"))
    context = {"page": page, "form": form, "counts": queries.invitation_counts(edition)}
    return render(request, "guests/manage_invitations.html", context)


@edition_permission_required(Perm.MANAGE_GUESTS)
def manage_visits(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    context = {"sites": queries.site_visits(edition), "counts": queries.booking_counts(edition)}
    return render(request, "guests/manage_visits.html", context)
