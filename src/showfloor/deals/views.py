from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from showfloor.core.decorators import edition_permission_required
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.deals import queries, services
from showfloor.deals.enums import CONCLUDED_STATUSES, AgreementStatus, AgreementType
from showfloor.deals.exporters import agreements_csv
from showfloor.deals.figures import key_figures
from showfloor.deals.forms import ImportForm, StatusForm
from showfloor.deals.importers import ImportFileError, import_file


def public_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    agreements = queries.agreements_for_list(edition).filter(status__in=CONCLUDED_STATUSES)
    page = Paginator(agreements, 50).get_page(request.GET.get("page"))
    figures = [figure for figure in key_figures(edition) if figure.public]
    return render(request, "deals/public_list.html", {"page": page, "figures": figures})


@edition_permission_required(Perm.MANAGE_DEALS)
def manage_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    agreements = queries.agreements_for_list(edition)
    status = request.GET.get("status", "")
    kind = request.GET.get("type", "")
    if status in AgreementStatus.values:
        agreements = agreements.filter(status=status)
    if kind in AgreementType.values:
        agreements = agreements.filter(type=kind)
    page = Paginator(agreements, 50).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "status": status,
        "type": kind,
        "statuses": AgreementStatus.choices,
        "types": AgreementType.choices,
        "figures": key_figures(edition),
    }
    return render(request, "deals/manage_list.html", context)


@edition_permission_required(Perm.MANAGE_DEALS)
def manage_export(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    body = agreements_csv(queries.agreements_for_list(edition))
    response = HttpResponse(body, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{edition.slug}-agreements.csv"'
    return response


@edition_permission_required(Perm.MANAGE_DEALS)
def manage_import(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = import_file(actor_from_request(request), edition, upload, upload.name)
        except ImportFileError as exc:
            form.add_error("file", str(exc))
        else:
            if result.ok:
                messages.success(
                    request, _("%(count)s agreements imported.") % {"count": len(result.created)}
                )
                return redirect("deals:manage_list", edition_slug=edition.slug)
    return render(request, "deals/manage_import.html", {"form": form, "result": result})


@edition_permission_required(Perm.MANAGE_DEALS)
def manage_detail(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    edition = request.edition  # type: ignore[attr-defined]
    agreement = get_object_or_404(queries.agreements_for_list(edition), pk=pk)
    form = StatusForm(request.POST or None, initial={"status": agreement.status})
    if request.method == "POST" and form.is_valid():
        services.set_agreement_status(
            actor_from_request(request), agreement, form.cleaned_data["status"]
        )
        messages.success(request, _("Status changed."))
        return redirect(agreement.urls.manage)
    return render(request, "deals/manage_detail.html", {"agreement": agreement, "form": form})
