"""Pages: registration and its management link, badges, the staff participant list with imports
and bulk badges, scanner devices, the web scanner (offline-capable), exhibitors' leads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from showfloor.attendance import queries, services
from showfloor.attendance.api import export_response
from showfloor.attendance.badges import FORMATS, render_badges_pdf
from showfloor.attendance.enums import ParticipantType, RegistrationStatus
from showfloor.attendance.forms import DeviceForm, ImportForm, LeadScanForm, RegistrationWebForm
from showfloor.attendance.importers import COLUMNS, import_participants
from showfloor.attendance.models import Badge, Participant, RegistrationForm, ScannerDevice
from showfloor.attendance.rules import may_collect_leads
from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import Actor, actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibitor

PAGE_SIZE = 100


def register_index(request: HttpRequest, edition_slug: str) -> HttpResponse:
    forms = RegistrationForm.objects.filter(edition=request.edition, is_open=True)
    return render(request, "attendance/register_index.html", {"forms": forms})


def register(request: HttpRequest, edition_slug: str, participant_type: str) -> HttpResponse:
    registration_form = get_object_or_404(
        RegistrationForm.objects.select_related("edition"),
        edition=request.edition,
        participant_type=participant_type,
        is_open=True,
    )
    form = RegistrationWebForm(request.POST or None, registration_form=registration_form)
    if request.method == "POST" and form.is_valid():
        actor = actor_from_request(request)
        fields = form.service_fields()
        if request.user.is_authenticated:
            fields["user"] = request.user
        try:
            participant = services.register_participant(
                actor, request.edition, language=request.LANGUAGE_CODE, **fields
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, _("You are registered. We sent you a confirmation e-mail."))
            return redirect(participant.urls.manage)
    return render(
        request,
        "attendance/register.html",
        {"form": form, "registration_form": registration_form},
    )


def _add_errors(form: RegistrationWebForm, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            name = f"q_{field[8:]}" if field.startswith("answers.") else field
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def _by_key(request: HttpRequest, manage_key: str) -> Participant:
    participant = (
        Participant.objects.select_related("edition", "exhibitor")
        .filter(edition=request.edition, manage_key=manage_key, erased_at__isnull=True)
        .first()
    )
    if participant is None:
        raise Http404
    return participant


# Whoever holds the manage link (sent by e-mail) acts for the participant: as the system.
def _link_actor(participant: Participant) -> Actor:
    return Actor.system(f"manage link of participant {participant.pk}")


def manage(request: HttpRequest, edition_slug: str, manage_key: str) -> HttpResponse:
    participant = _by_key(request, manage_key)
    badge = participant.badges.filter(revoked_at__isnull=True).first()
    context = {
        "participant": participant,
        "badge": badge,
        "scanned_by": queries.scanned_by(participant),
        "is_cancelled": participant.status == RegistrationStatus.CANCELLED,
    }
    return render(request, "attendance/manage.html", context)


def manage_badge(request: HttpRequest, edition_slug: str, manage_key: str) -> HttpResponse:
    participant = _by_key(request, manage_key)
    badge = (
        participant.badges.select_related("participant__organization", "edition")
        .filter(revoked_at__isnull=True)
        .first()
    )
    if badge is None:
        raise Http404
    pdf = render_badges_pdf([badge], request.GET.get("layout", "a6"), request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badge-{edition_slug}.pdf"'
    return response


def manage_export(request: HttpRequest, edition_slug: str, manage_key: str) -> HttpResponse:
    participant = _by_key(request, manage_key)
    data = services.export_participant_data(participant)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = f'attachment; filename="my-data-{edition_slug}.json"'
    return response


@require_POST
def manage_erase(request: HttpRequest, edition_slug: str, manage_key: str) -> HttpResponse:
    participant = _by_key(request, manage_key)
    if request.POST.get("confirm") != "erase":
        messages.error(request, _("Tick the box to confirm the erasure."))
        return redirect(participant.urls.manage)
    services.erase_participant(_link_actor(participant), participant)
    messages.success(request, _("Your personal data has been erased."))
    return redirect(request.edition.urls.public)


@require_POST
def manage_cancel(request: HttpRequest, edition_slug: str, manage_key: str) -> HttpResponse:
    participant = _by_key(request, manage_key)
    services.cancel_registration(_link_actor(participant), participant)
    messages.success(request, _("Your registration is cancelled and your badge revoked."))
    return redirect(participant.urls.manage)


@edition_permission_required(Perm.MANAGE_REGISTRATION)
def participant_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    actor = actor_from_request(request)
    import_form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and import_form.is_valid():
        upload = import_form.cleaned_data["file"]
        try:
            created, errors = import_participants(
                actor, request.edition, upload.name, upload.read()
            )
        except ValidationError as exc:
            import_form.add_error("file", exc.messages)
        else:
            if not errors:
                messages.success(request, _("%(n)s participants registered.") % {"n": len(created)})
                return redirect("attendance:participants", edition_slug=edition_slug)
    participants = queries.participants_of(request.edition.pk).filter(
        status=RegistrationStatus.REGISTERED
    )
    type_filter = request.GET.get("type", "")
    if type_filter:
        participants = participants.filter(type=type_filter)
    context = {
        "participants": participants[:PAGE_SIZE],
        "total": participants.count(),
        "import_form": import_form,
        "errors": errors,
        "columns": COLUMNS,
        "types": ParticipantType.choices,
        "type_filter": type_filter,
        "formats": FORMATS,
    }
    return render(request, "attendance/staff/participants.html", context)


@edition_permission_required(Perm.MANAGE_REGISTRATION)
def badges_pdf(request: HttpRequest, edition_slug: str) -> HttpResponse:
    """Bulk badges: every active badge, optionally of one type, as A6 pages or label sheets."""
    badges = Badge.objects.select_related("participant__organization", "edition").filter(
        edition=request.edition, revoked_at__isnull=True
    )
    if request.GET.get("type"):
        badges = badges.filter(participant__type=request.GET["type"])
    badges = list(badges.order_by("participant__last_name", "participant__first_name")[:2000])
    if not badges:
        raise Http404
    pdf = render_badges_pdf(badges, request.GET.get("layout", "a6"), request.LANGUAGE_CODE)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="badges-{edition_slug}.pdf"'
    return response


@edition_permission_required(Perm.MANAGE_REGISTRATION)
@require_POST
def badge_reprint(request: HttpRequest, edition_slug: str, participant_id: int) -> HttpResponse:
    participant = get_object_or_404(Participant, edition=request.edition, pk=participant_id)
    services.reprint_badge(actor_from_request(request), participant)
    messages.success(request, _("A new badge was issued; the previous one no longer works."))
    return redirect("attendance:participants", edition_slug=edition_slug)


@edition_permission_required(Perm.MANAGE_REGISTRATION)
def device_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    form = DeviceForm(request.POST or None)
    new_key = ""
    if request.method == "POST" and form.is_valid():
        _device, new_key = services.register_device(
            actor_from_request(request), request.edition, form.cleaned_data["name"]
        )
        form = DeviceForm()
    devices = ScannerDevice.objects.filter(edition=request.edition).select_related("gate", "user")
    return render(
        request,
        "attendance/staff/devices.html",
        {"devices": devices, "form": form, "new_key": new_key},
    )


@edition_permission_required(Perm.MANAGE_REGISTRATION)
@require_POST
def device_revoke(request: HttpRequest, edition_slug: str, device_id: int) -> HttpResponse:
    device = get_object_or_404(ScannerDevice, edition=request.edition, pk=device_id)
    services.revoke_device(actor_from_request(request), device)
    return redirect("attendance:devices", edition_slug=edition_slug)


@edition_permission_required(Perm.SCAN_BADGES)
def scanner(request: HttpRequest, edition_slug: str) -> HttpResponse:
    device = services.web_scanner_device(actor_from_request(request), request.edition)
    config = {
        "scanUrl": reverse("api:scan", kwargs={"edition_slug": edition_slug}),
        "batchUrl": reverse("api:scan_batch", kwargs={"edition_slug": edition_slug}),
        "listUrl": reverse("api:scanner_offline_list", kwargs={"edition_slug": edition_slug}),
        "swUrl": reverse("attendance:scanner_sw", kwargs={"edition_slug": edition_slug}),
        "device": device.pk,
        "gates": list(request.edition.gates.values_list("code", flat=True)),
    }
    return render(request, "attendance/scanner.html", {"config": config, "device": device})


def scanner_sw(request: HttpRequest, edition_slug: str) -> HttpResponse:
    """The service worker, served next to the scanner page so its scope covers the page."""
    body = render_to_string("attendance/scanner-sw.js", {"edition_slug": edition_slug})
    response = HttpResponse(body, content_type="application/javascript")
    response["Cache-Control"] = "no-cache"
    return response


def _my_exhibitor(request: HttpRequest, exhibitor_id: int) -> Exhibitor:
    exhibitor = (
        Exhibitor.objects.select_related("organization", "edition")
        .filter(edition=request.edition, pk=exhibitor_id)
        .first()
    )
    if exhibitor is None or not may_collect_leads(actor_from_request(request), exhibitor):
        raise Http404
    return exhibitor


@login_required
def lead_list(request: HttpRequest, edition_slug: str, exhibitor_id: int) -> HttpResponse:
    exhibitor = _my_exhibitor(request, exhibitor_id)
    form = LeadScanForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            _lead, created = services.capture_lead(
                actor_from_request(request),
                exhibitor,
                form.cleaned_data["secret"].strip(),
                rating=form.cleaned_data["rating"],
                notes=form.cleaned_data["notes"],
                tags=form.tag_list(),
            )
        except ValidationError as exc:
            form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Lead saved.") if created else _("Already in your leads."))
            return redirect(request.path)
    return render(
        request,
        "attendance/leads.html",
        {"exhibitor": exhibitor, "leads": queries.leads_of(exhibitor), "form": form},
    )


@login_required
def lead_export(
    request: HttpRequest, edition_slug: str, exhibitor_id: int, format: str
) -> HttpResponse:
    return export_response(_my_exhibitor(request, exhibitor_id), format)


@login_required
def exhibitor_staff_import(
    request: HttpRequest, edition_slug: str, exhibitor_id: int
) -> HttpResponse:
    """An exhibitor registers its staff in bulk (type and exhibitor are fixed)."""
    exhibitor = _my_exhibitor(request, exhibitor_id)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        defaults = {"type": ParticipantType.EXHIBITOR_STAFF, "exhibitor": exhibitor}
        try:
            created, errors = import_participants(
                actor_from_request(request), request.edition, upload.name, upload.read(), defaults
            )
        except (ValidationError, PermissionDenied) as exc:
            form.add_error("file", getattr(exc, "messages", [str(exc)]))
        else:
            if not errors:
                messages.success(request, _("%(n)s staff registered.") % {"n": len(created)})
                return redirect(request.path)
    staff = Participant.objects.filter(exhibitor=exhibitor, status=RegistrationStatus.REGISTERED)
    return render(
        request,
        "attendance/exhibitor_staff.html",
        {
            "exhibitor": exhibitor,
            "form": form,
            "errors": errors,
            "staff": staff,
            "columns": COLUMNS,
        },
    )
