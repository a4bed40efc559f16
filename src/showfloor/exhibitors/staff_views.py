"""Staff pages: the list of applications, the review of one, import and export."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors import exporters, importers, queries, services
from showfloor.exhibitors.enums import ExhibitorStatus
from showfloor.exhibitors.forms import ImportForm, ReviewForm, StaffFilterForm
from showfloor.exhibitors.models import Exhibitor

EXPORT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@edition_permission_required(Perm.MANAGE_EXHIBITORS)
def staff_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    form = StaffFilterForm(request.GET or None)
    status = q = ""
    if form.is_valid():
        status, q = form.cleaned_data["status"], form.cleaned_data["q"]
    page = Paginator(queries.staff_exhibitors(edition, status, q), 50).get_page(
        request.GET.get("page")
    )
    counts = queries.status_counts(edition)
    return render(
        request,
        "exhibitors/staff_list.html",
        {
            "form": form,
            "page": page,
            "counts": [(label, counts.get(value, 0)) for value, label in ExhibitorStatus.choices],
        },
    )


@edition_permission_required(Perm.MANAGE_EXHIBITORS)
def staff_detail(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    exhibitor = get_object_or_404(
        Exhibitor.objects.select_related("organization", "host__organization", "edition"),
        edition=edition,
        pk=pk,
    )
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_exhibitor(
                actor_from_request(request),
                exhibitor,
                form.cleaned_data["decision"],
                form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            for field_name, errors in exc.message_dict.items():
                form.add_error(field_name if field_name in form.fields else None, errors)
        else:
            messages.success(
                request,
                _("%(name)s is now “%(status)s”.")
                % {"name": exhibitor, "status": exhibitor.get_status_display()},
            )
            return redirect(exhibitor.urls.review)
    return render(
        request,
        "exhibitors/staff_detail.html",
        {
            "exhibitor": exhibitor,
            "form": form,
            "contacts": exhibitor.contacts.order_by("id"),
            "exhibits": exhibitor.exhibits.order_by("id"),
            "co_exhibitors": exhibitor.co_exhibitors.select_related("organization"),
            "sectors": exhibitor.sectors.all(),
        },
        status=422 if form.errors else 200,
    )


@edition_permission_required(Perm.MANAGE_EXHIBITORS)
def staff_import(request: HttpRequest, edition_slug: str, kind: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    if kind not in importers.KINDS:
        raise Http404("No such import")
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            rows = importers.read_rows(upload, upload.name)
            result = importers.import_rows(
                actor_from_request(request),
                edition,
                kind,
                rows,
                valid_rows_only=form.cleaned_data["valid_rows_only"],
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error("file", message)
        else:
            if result.committed:
                messages.success(
                    request, _("%(count)s rows imported.") % {"count": result.imported}
                )
    status = 422 if form.errors or (result and not result.committed) else 200
    return render(
        request,
        "exhibitors/staff_import.html",
        {
            "form": form,
            "kind": kind,
            "result": result,
            "columns": importers.KINDS[kind],
        },
        status=status,
    )


@edition_permission_required(Perm.MANAGE_EXHIBITORS)
def staff_export(request: HttpRequest, edition_slug: str, kind: str, fmt: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    if kind not in importers.KINDS or fmt not in EXPORT_TYPES:
        raise Http404("No such export")
    columns, rows = exporters.rows_for(kind, edition)
    data = exporters.to_xlsx(columns, rows) if fmt == "xlsx" else exporters.to_csv(columns, rows)
    response = HttpResponse(data, content_type=EXPORT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-{kind}.{fmt}"'
    return response
