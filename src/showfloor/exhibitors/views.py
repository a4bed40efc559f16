"""Public pages of the e-exhibition (catalogue, virtual booth) and the exhibitor's own space."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from showfloor.core.i18n import localized
from showfloor.core.models import Organization, OrganizationMember
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors import queries, rules, services
from showfloor.exhibitors.enums import ExhibitorStatus, MediaKind, Seeking
from showfloor.exhibitors.forms import (
    ApplicationForm,
    ContactForm,
    ExhibitForm,
    ExhibitorProfileForm,
    MediaForm,
    TeamMemberForm,
)
from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact, Media

PAGE_SIZE = 24
BOOTH_CACHE_SECONDS = 600


def _form_errors(form: Any, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field_name, errors in exc.error_dict.items():
            target = field_name if field_name in form.fields else None
            for error in errors:
                form.add_error(target, error)
    else:
        form.add_error(None, exc)


# Catalogue ---------------------------------------------------------------------------------------


def catalogue(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    filters = queries.CatalogueFilters.from_params(request.GET)
    show = "exhibits" if request.GET.get("show") == "exhibits" else "exhibitors"
    if show == "exhibits":
        items = queries.exhibit_cards(queries.filter_exhibits(edition, filters))
    else:
        items = queries.exhibitor_cards(queries.filter_exhibitors(edition, filters))
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "filters": filters,
        "show": show,
        "page": page,
        "facets": (
            queries.exhibit_facets(edition, filters)
            if show == "exhibits"
            else queries.facets(edition, filters)
        ).groups,
        "facet_titles": {
            "sector": _("Sector"),
            "country": _("Country"),
            "pavilion": _("Pavilion"),
            "mode": _("Attendance"),
            "seeking": _("Looking for"),
        },
        "query_string": params.urlencode(),
        "stages": queries.stage_choices(),
    }
    return render(request, "exhibitors/catalogue.html", context)


# Virtual booth -----------------------------------------------------------------------------------


def meeting_url(exhibitor: Exhibitor) -> str:
    """The matchmaking flow's "request a meeting" page when that app provides it, else the
    booth's contact section."""
    slug = exhibitor.edition.slug
    attempts: list[tuple[dict[str, Any], str]] = [
        ({"edition_slug": slug, "exhibitor_id": exhibitor.pk}, ""),
        ({"edition_slug": slug, "pk": exhibitor.pk}, ""),
        ({"edition_slug": slug}, f"?exhibitor={exhibitor.pk}"),
    ]
    for kwargs, suffix in attempts:
        try:
            return reverse("matchmaking:request_meeting", kwargs=kwargs) + suffix
        except NoReverseMatch:
            continue
    return "#contact"


def _booth_context(exhibitor: Exhibitor) -> dict[str, Any]:
    media: list[Media] = exhibitor.all_media  # type: ignore[attr-defined]
    own = [item for item in media if item.exhibit_id is None]
    by_exhibit: dict[int, list[Media]] = {}
    for item in media:
        if item.exhibit_id is not None:
            by_exhibit.setdefault(item.exhibit_id, []).append(item)
    exhibits = exhibitor.published_exhibits  # type: ignore[attr-defined]
    for exhibit in exhibits:
        exhibit.booth_media = by_exhibit.get(exhibit.pk, [])
    return {
        "exhibitor": exhibitor,
        "logo": next((item for item in own if item.kind == MediaKind.LOGO), None),
        "photos": [item for item in media if item.kind == MediaKind.PHOTO],
        "panoramas": [item for item in media if item.kind == MediaKind.PANORAMA],
        "videos": [item for item in media if item.kind == MediaKind.VIDEO],
        "video_links": [item for item in media if item.kind == MediaKind.VIDEO_LINK],
        "documents": [item for item in media if item.kind == MediaKind.DOCUMENT],
        "exhibits": exhibits,
        "contacts": exhibitor.public_contacts,  # type: ignore[attr-defined]
        "co_exhibitors": exhibitor.public_co_exhibitors,  # type: ignore[attr-defined]
        "meeting_url": meeting_url(exhibitor),
    }


def booth(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    stamp = (
        Exhibitor.objects.filter(edition=edition, pk=pk)
        .values_list("status", "updated_at", "host__status", "organization__name")
        .first()
    )
    if stamp is None:
        raise Http404("No such exhibitor")
    status, updated_at, host_status, organization_name = stamp
    public = status == ExhibitorStatus.APPROVED and host_status in (None, ExhibitorStatus.APPROVED)
    actor = actor_from_request(request)
    request.pageview_exhibitor_id = pk  # type: ignore[attr-defined]
    key = f"exhibitors:booth:{pk}:{updated_at.timestamp()}:{translation.get_language()}"
    body = cache.get(key) if public else None
    exhibitor = None
    if body is None:
        exhibitor = queries.booth(edition, pk)
        if exhibitor is None or not rules.can_view_exhibitor(actor, exhibitor):
            raise Http404("No such exhibitor")
        body = render_to_string("exhibitors/booth_body.html", _booth_context(exhibitor), request)
        if public:
            cache.set(key, body, BOOTH_CACHE_SECONDS)
    can_manage = actor.user is not None and (
        Perm.MANAGE_EXHIBITORS in request.edition_perms  # type: ignore[attr-defined]
        or OrganizationMember.objects.filter(
            user=actor.user, organization__exhibitors__pk=pk
        ).exists()
    )
    return render(
        request,
        "exhibitors/booth.html",
        {
            "body": body,
            "name": localized(organization_name),
            "pk": pk,
            "public": public,
            "can_manage": can_manage,
        },
    )


# The exhibitor's own space -----------------------------------------------------------------------


def _own_exhibitor(request: HttpRequest, pk: int) -> Exhibitor:
    edition = request.edition  # type: ignore[attr-defined]
    exhibitor = get_object_or_404(
        Exhibitor.objects.select_related("organization", "edition", "host__organization"),
        edition=edition,
        pk=pk,
    )
    if not rules.can_manage_exhibitor(actor_from_request(request), exhibitor):
        raise Http404("No such exhibitor")  # the same answer whether it exists or not
    return exhibitor


@login_required
def my_exhibitors(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    return render(
        request,
        "exhibitors/my_exhibitors.html",
        {"exhibitors": queries.exhibitors_of_user(edition, request.user)},
    )


@login_required
def apply(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    actor = actor_from_request(request)
    if Perm.MANAGE_EXHIBITORS in request.edition_perms:  # type: ignore[attr-defined]
        organizations = Organization.objects.order_by("id")
    else:
        organizations = Organization.objects.filter(members__user=request.user).order_by("id")
    organizations = organizations.exclude(exhibitors__edition=edition)
    hosts = (
        Exhibitor.objects.filter(edition=edition, host__isnull=True)
        .filter(status__in=[ExhibitorStatus.APPLIED, ExhibitorStatus.APPROVED])
        .select_related("organization")
    )
    form = ApplicationForm(
        request.POST or None,
        organizations=organizations,
        hosts=hosts,
        initial={"attendance_mode": services.default_attendance_mode(edition)},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        values = {name: data[name] for name in services.EXHIBITOR_FIELDS}
        contact = {
            "name": data["contact_name"],
            "job_title": data["contact_job_title"],
            "email": data["contact_email"],
            "phone": data["contact_phone"],
        }
        try:
            exhibitor = services.apply_exhibitor(
                actor,
                edition,
                data["organization"],
                sectors=data["sectors"],
                host=data["host"],
                contacts=[contact],
                **values,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("Your application was sent; the organiser will review it."))
            return redirect(exhibitor.urls.manage)
    return render(
        request, "exhibitors/apply.html", {"form": form, "has_orgs": organizations.exists()}
    )


def _my_context(exhibitor: Exhibitor, **forms: Any) -> dict[str, Any]:
    return {
        "exhibitor": exhibitor,
        "profile_form": forms.get("profile_form") or ExhibitorProfileForm(instance=exhibitor),
        "media_form": forms.get("media_form") or MediaForm(exhibitor=exhibitor),
        "contact_form": forms.get("contact_form") or ContactForm(),
        "team_form": forms.get("team_form") or TeamMemberForm(),
        "exhibits": exhibitor.exhibits.prefetch_related("sectors").order_by("id"),
        "media": exhibitor.media.select_related("exhibit").order_by("kind", "position", "id"),
        "contacts": exhibitor.contacts.order_by("id"),
        "members": OrganizationMember.objects.filter(organization=exhibitor.organization)
        .select_related("user")
        .order_by("id"),
        "co_exhibitors": exhibitor.co_exhibitors.select_related("organization"),
        "seeking_labels": dict(Seeking.choices),
    }


def _render_my(request: HttpRequest, exhibitor: Exhibitor, **forms: Any) -> HttpResponse:
    actor = actor_from_request(request)
    context = _my_context(exhibitor, **forms)
    context["can_manage_team"] = rules.can_manage_team(actor, exhibitor)
    status = 422 if forms else 200
    return render(request, "exhibitors/my_exhibitor.html", context, status=status)


@login_required
def my_exhibitor(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    return _render_my(request, _own_exhibitor(request, pk))


@login_required
@require_POST
def update_profile(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    form = ExhibitorProfileForm(request.POST, instance=Exhibitor.objects.get(pk=exhibitor.pk))
    if form.is_valid():
        data = form.cleaned_data
        values = {name: data[name] for name in services.EXHIBITOR_FIELDS}
        try:
            services.update_exhibitor(
                actor_from_request(request), exhibitor, values, sectors=data["sectors"]
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The profile is saved."))
            return redirect(exhibitor.urls.manage)
    return _render_my(request, exhibitor, profile_form=form)


def _act(request: HttpRequest, exhibitor: Exhibitor, action: Any, done: str) -> HttpResponse:
    try:
        action()
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    except PermissionDenied:
        messages.error(request, _("You may not do this for this exhibitor."))
    else:
        messages.success(request, done)
    return redirect(exhibitor.urls.manage)


@login_required
@require_POST
def resubmit(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    actor = actor_from_request(request)
    return _act(
        request,
        exhibitor,
        lambda: services.resubmit_exhibitor(actor, exhibitor),
        _("The application is sent back for review."),
    )


@login_required
@require_POST
def withdraw(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    actor = actor_from_request(request)
    return _act(
        request,
        exhibitor,
        lambda: services.withdraw_exhibitor(actor, exhibitor),
        _("The participation is withdrawn."),
    )


@login_required
def exhibit_edit(
    request: HttpRequest, edition_slug: str, pk: int, exhibit_pk: int | None = None
) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    exhibit = get_object_or_404(exhibitor.exhibits, pk=exhibit_pk) if exhibit_pk else None
    form = ExhibitForm(request.POST or None, instance=exhibit)
    if request.method == "POST" and form.is_valid():
        actor = actor_from_request(request)
        values, sectors = form.service_values(), form.cleaned_data["sectors"]
        try:
            if exhibit is None:
                services.create_exhibit(actor, exhibitor, values, sectors=sectors)
            else:
                services.update_exhibit(
                    actor, Exhibit.objects.get(pk=exhibit.pk), values, sectors=sectors
                )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The exhibit is saved."))
            return redirect(exhibitor.urls.manage + "#exhibits")
    return render(
        request,
        "exhibitors/exhibit_form.html",
        {"form": form, "exhibitor": exhibitor, "exhibit": exhibit},
    )


@login_required
@require_POST
def exhibit_delete(
    request: HttpRequest, edition_slug: str, pk: int, exhibit_pk: int
) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    exhibit = get_object_or_404(exhibitor.exhibits, pk=exhibit_pk)
    actor = actor_from_request(request)
    return _act(
        request,
        exhibitor,
        lambda: services.delete_exhibit(actor, exhibit),
        _("The exhibit is deleted."),
    )


@login_required
@require_POST
def media_upload(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    form = MediaForm(request.POST, request.FILES, exhibitor=exhibitor)
    if form.is_valid():
        data = form.cleaned_data
        upload = data["file"]
        try:
            services.add_media(
                actor_from_request(request),
                exhibitor,
                data["kind"],
                upload=upload,
                filename=upload.name if upload else "",
                size=upload.size if upload else None,
                url=data["url"] or "",
                title=data["title"],
                exhibit=data["exhibit"],
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The file is added; its previews are being prepared."))
            return redirect(exhibitor.urls.manage + "#media")
    return _render_my(request, exhibitor, media_form=form)


@login_required
@require_POST
def media_delete(request: HttpRequest, edition_slug: str, pk: int, media_pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    media = get_object_or_404(exhibitor.media, pk=media_pk)
    actor = actor_from_request(request)
    return _act(
        request, exhibitor, lambda: services.delete_media(actor, media), _("The file is deleted.")
    )


@login_required
@require_POST
def contact_add(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    form = ContactForm(request.POST)
    if form.is_valid():
        try:
            services.add_contact(actor_from_request(request), exhibitor, form.cleaned_data)
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The contact person is added."))
            return redirect(exhibitor.urls.manage + "#contacts")
    return _render_my(request, exhibitor, contact_form=form)


@login_required
@require_POST
def contact_delete(
    request: HttpRequest, edition_slug: str, pk: int, contact_pk: int
) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    contact = get_object_or_404(ExhibitorContact, exhibitor=exhibitor, pk=contact_pk)
    actor = actor_from_request(request)
    return _act(
        request,
        exhibitor,
        lambda: services.delete_contact(actor, contact),
        _("The contact person is removed."),
    )


@login_required
@require_POST
def team_add(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    form = TeamMemberForm(request.POST)
    if form.is_valid():
        try:
            services.add_team_member(
                actor_from_request(request),
                exhibitor,
                form.cleaned_data["username"],
                is_admin=form.cleaned_data["is_admin"],
            )
        except PermissionDenied:
            form.add_error(None, _("Only the organisation's administrators manage its team."))
        else:
            messages.success(request, _("The team member is added."))
            return redirect(exhibitor.urls.manage + "#team")
    return _render_my(request, exhibitor, team_form=form)


@login_required
@require_POST
def team_remove(request: HttpRequest, edition_slug: str, pk: int, member_pk: int) -> HttpResponse:
    exhibitor = _own_exhibitor(request, pk)
    member = get_object_or_404(
        OrganizationMember, Q(organization_id=exhibitor.organization_id), pk=member_pk
    )
    actor = actor_from_request(request)
    return _act(
        request,
        exhibitor,
        lambda: services.remove_team_member(actor, exhibitor, member),
        _("The team member is removed."),
    )
