"""Floor plan pages: the visitors' interactive plan, search and hall tour; the exhibitors' offers;
the staff plan, booth desk and layout import; SVG and PDF downloads."""

from __future__ import annotations

import base64
import datetime as dt

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from weasyprint import HTML

from showfloor.core.decorators import edition_permission_required
from showfloor.core.i18n import localized
from showfloor.core.models import Edition, Sector
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import importers, links, queries, services, svg
from showfloor.floorplan.enums import BoothStatus, BoothType
from showfloor.floorplan.figures import breakdowns
from showfloor.floorplan.models import Booth, BoothOffer, Hall


def _edition(request: HttpRequest) -> Edition:
    return request.edition  # type: ignore[attr-defined]


def _hall(request: HttpRequest, hall_code: str) -> Hall:
    hall = queries.hall_by_code(_edition(request), hall_code)
    if hall is None:
        raise Http404("No such hall")
    return hall


def _can_manage(request: HttpRequest) -> bool:
    return Perm.MANAGE_SPACE in request.edition_perms  # type: ignore[attr-defined]


# Exhibitor names and sectors are edited in the exhibitors app, which does not bump the hall's
# plan version: a cached plan shows them at most this late. Booth changes show at once.
PLAN_CACHE_SECONDS = 60


def _draw_plan(hall: Hall, mode: str, link_booths: bool) -> tuple[str, list[svg.LegendEntry]]:
    booths = list(queries.hall_booths(hall))
    if mode == "status":
        return svg.render_hall(hall, booths, mode=mode), svg.status_legend()
    sectors = list(Sector.objects.all())
    used = {
        sector.pk
        for booth in booths
        if queries.visible_holder(booth) is not None
        for sector in booth.exhibitor.sectors.all()[:1]  # type: ignore[union-attr]
    }
    document = svg.render_hall(hall, booths, mode=mode, sectors=sectors, link_booths=link_booths)
    return document, svg.sector_legend(sectors, used)


def _render_plan(
    request: HttpRequest, hall: Hall, mode: str, highlight: set[int], *, link_booths: bool = True
) -> tuple[str, list[svg.LegendEntry]]:
    """The hall's SVG and legend, from the cache while no booth of the hall has changed."""
    key = ":".join(
        [
            "floorplan:plan",
            hall.edition.slug,
            hall.code,
            str(hall.plan_version),
            mode,
            str(int(link_booths)),
            translation.get_language() or "",
        ]
    )
    cached = cache.get(key)
    if cached is None:
        cached = _draw_plan(hall, mode, link_booths)
        cache.set(key, cached, PLAN_CACHE_SECONDS)
    document, legend = cached
    return svg.highlight(document, highlight), legend


# Visitors --------------------------------------------------------------------------------------


def hall_list(request: HttpRequest, edition_slug: str) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    offers = 0
    if request.user.is_authenticated:
        offers = queries.open_offers_for(_my_exhibitors(request)).count()
    context = {
        "halls": list(queries.halls(_edition(request))),
        "pavilions": list(queries.pavilion_summaries(_edition(request))),
        "open_offers": offers,
        "query": query,
        "matches": queries.search_booths(_edition(request), query) if query else [],
    }
    return render(request, "floorplan/hall_list.html", context)


def hall_plan(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    query = request.GET.get("q", "").strip()
    matches = queries.search_booths(_edition(request), query) if query else []
    here = {match.booth.pk for match in matches if match.booth.hall_id == hall.pk}
    mode = "status" if request.GET.get("view") == "status" and _can_manage(request) else "sector"
    document, legend = _render_plan(request, hall, mode, here)
    context = {
        "hall": hall,
        "halls": list(queries.halls(_edition(request))),
        "plan": document,
        "legend": legend,
        "mode": mode,
        "query": query,
        "matches": matches,
        "matches_here": [match for match in matches if match.booth.hall_id == hall.pk],
        "matches_elsewhere": [match for match in matches if match.booth.hall_id != hall.pk],
        "can_manage": _can_manage(request),
    }
    return render(request, "floorplan/hall_plan.html", context)


def hall_svg(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    mode = "status" if request.GET.get("view") == "status" and _can_manage(request) else "sector"
    document, _legend = _render_plan(request, hall, mode, set())
    response = HttpResponse(
        '<?xml version="1.0" encoding="UTF-8"?>\n' + document, content_type="image/svg+xml"
    )
    filename = f"{_edition(request).slug}-{hall.code}.svg"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def hall_pdf(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    mode = "status" if request.GET.get("view") == "status" and _can_manage(request) else "sector"
    document, legend = _render_plan(request, hall, mode, set(), link_booths=False)
    booths = [
        (
            booth,
            queries.exhibitor_name(
                booth.exhibitor if mode == "status" else queries.visible_holder(booth)
            ),
        )
        for booth in queries.hall_booths(hall)
    ]
    html = render_to_string(
        "floorplan/hall_print.html",
        {
            "hall": hall,
            "edition": _edition(request),
            "plan_data": base64.b64encode(document.encode()).decode(),
            "legend": legend,
            "booths": [(booth, name) for booth, name in booths if name],
            "mode": mode,
            "printed_at": timezone.now(),
        },
        request=request,
    )
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{_edition(request).slug}-{hall.code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def hall_tour(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    if not hall.panorama:
        raise Http404("This hall has no panorama")
    markers = []
    for hotspot in queries.hotspots(hall):
        holder = queries.visible_holder(hotspot.booth)
        url = links.virtual_booth_url(holder)
        if holder is None or url is None:
            continue
        markers.append(
            {
                "id": f"booth-{hotspot.booth.code}",
                "yaw": f"{hotspot.yaw}deg",
                "pitch": f"{hotspot.pitch}deg",
                "label": f"{hotspot.booth.code} · {localized(holder.organization.name)}",
                "url": url,
            }
        )
    context = {
        "hall": hall,
        "halls": [each for each in queries.halls(_edition(request)) if each.panorama],
        "markers": markers,
    }
    return render(request, "floorplan/hall_tour.html", context)


# Exhibitors: their offers -----------------------------------------------------------------------


def _my_exhibitors(request: HttpRequest) -> QuerySet[Exhibitor]:
    """The exhibitors the signed-in user acts for (none for anonymous visitors)."""
    if not request.user.is_authenticated:
        return Exhibitor.objects.none()
    return Exhibitor.objects.filter(
        edition=_edition(request), organization__members__user_id=request.user.pk
    )


@login_required
def my_offers(request: HttpRequest, edition_slug: str) -> HttpResponse:
    offers = queries.open_offers_for(_my_exhibitors(request))
    return render(request, "floorplan/my_offers.html", {"offers": offers, "now": timezone.now()})


@login_required
@require_POST
def confirm_offer(request: HttpRequest, edition_slug: str, pk: int) -> HttpResponse:
    offer = (
        BoothOffer.objects.filter(edition=_edition(request), pk=pk)
        .select_related("exhibitor__organization", "exhibitor__edition", "booth", "edition")
        .first()
    )
    actor = actor_from_request(request)
    if offer is None or not actor.is_member_of(offer.exhibitor.organization_id):
        raise Http404("No such offer")
    try:
        booth = services.confirm_offer(actor, offer)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Booth %(booth)s is yours.") % {"booth": booth.code})
    return redirect("floorplan:my_offers", edition_slug=edition_slug)


# Staff -----------------------------------------------------------------------------------------


class RatesForm(forms.Form):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for value, label in BoothType.choices:
            self.fields[value] = forms.DecimalField(
                label=label, required=False, min_value=0, max_digits=12, decimal_places=2
            )


@edition_permission_required(Perm.MANAGE_SPACE)
def manage_overview(request: HttpRequest, edition_slug: str) -> HttpResponse:
    edition = _edition(request)
    actor = actor_from_request(request)
    rates_form = RatesForm(initial=queries.rates(edition))
    if request.method == "POST" and request.POST.get("action") == "lapse":
        count = services.lapse_expired_options(actor, edition=edition)
        messages.success(request, _("%(count)s expired option(s) lapsed.") % {"count": count})
        return redirect("floorplan:manage", edition_slug=edition_slug)
    if request.method == "POST" and request.POST.get("action") == "rates":
        rates_form = RatesForm(request.POST)
        if rates_form.is_valid():
            for booth_type, price in rates_form.cleaned_data.items():
                if price is not None:
                    services.set_price_rate(actor, edition, booth_type, price)
            messages.success(request, _("Prices saved."))
            return redirect("floorplan:manage", edition_slug=edition_slug)
    summaries = queries.hall_summaries(edition)
    for row in summaries:
        row["cells"] = [row["by_status"].get(status, 0) for status in BoothStatus.values]  # type: ignore[attr-defined]
    space = breakdowns(edition)
    context = {
        "summaries": summaries,
        "rates_form": rates_form,
        "breakdowns": space,
        "breakdown_tables": [
            (_("By pavilion"), space.rows("by_pavilion")),
            (_("By country"), space.rows("by_country")),
            (_("By exhibitor type"), space.rows("by_type")),
        ],
        "statuses": list(BoothStatus),
    }
    return render(request, "floorplan/manage_overview.html", context)


class TourForm(forms.Form):
    panorama = forms.FileField(label=gettext_lazy("Equirectangular panorama (JPEG or PNG, 2:1)"))
    camera_x = forms.DecimalField(label=gettext_lazy("Taken at x (m)"), decimal_places=3)
    camera_y = forms.DecimalField(label=gettext_lazy("Taken at y (m)"), decimal_places=3)


def _save_tour(request: HttpRequest, hall: Hall, form: TourForm) -> bool:
    if not form.is_valid():
        return False
    actor = actor_from_request(request)
    camera = (form.cleaned_data["camera_x"], form.cleaned_data["camera_y"])
    try:
        with transaction.atomic():
            services.set_hall_panorama(actor, hall, form.cleaned_data["panorama"].read())
            count = services.place_tour_hotspots(actor, hall, camera)
    except ValidationError as exc:
        form.add_error(None, exc)
        return False
    messages.success(request, _("Panorama saved with %(count)s hotspots.") % {"count": count})
    return True


@edition_permission_required(Perm.MANAGE_SPACE)
def manage_hall(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    tour_form = TourForm(
        initial={"camera_x": hall.camera_x, "camera_y": hall.camera_y}
        if hall.camera_x is not None
        else None
    )
    if request.method == "POST":
        tour_form = TourForm(request.POST, request.FILES)
        if _save_tour(request, hall, tour_form):
            return redirect(hall.urls.manage)
    document, legend = _render_plan(request, hall, "status", set(), link_booths=False)
    rates = queries.rates(_edition(request))
    currency = _edition(request).currency
    status = request.GET.get("status", "")
    booths = queries.hall_booths(hall)
    if status in BoothStatus.values:
        booths = booths.filter(status=status)
    rows = [(booth, booth.price(rates.get(booth.type), currency)) for booth in booths]
    counts = queries.status_counts(hall)
    context = {
        "hall": hall,
        "plan": document,
        "legend": legend,
        "rows": rows,
        "status": status,
        "tour_form": tour_form,
        "status_choices": [(value, label, counts[value]) for value, label in BoothStatus.choices],
    }
    return render(request, "floorplan/manage_hall.html", context)


def _exhibitor_label(exhibitor: Exhibitor) -> str:
    """The exhibitor and the space its application asked for, to match booths to requests."""
    name = localized(exhibitor.organization.name)
    asked = getattr(exhibitor, "requested_space_m2", None)
    return _("%(name)s (asked for %(area)s m²)") % {"name": name, "area": asked} if asked else name


class OfferForm(forms.Form):
    exhibitor = forms.ModelChoiceField(
        queryset=Exhibitor.objects.none(), label=gettext_lazy("Exhibitor")
    )
    expires_at = forms.DateTimeField(
        label=gettext_lazy("Confirm before"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )

    def __init__(self, *args: object, edition: Edition, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["exhibitor"]
        field.queryset = (  # type: ignore[attr-defined]
            Exhibitor.objects.filter(edition=edition, host__isnull=True)
            .exclude(status__in=["rejected", "withdrawn"])
            .select_related("organization")
        )
        field.label_from_instance = _exhibitor_label  # type: ignore[attr-defined]


@edition_permission_required(Perm.MANAGE_SPACE)
def manage_booth(request: HttpRequest, edition_slug: str, hall_code: str, pk: int) -> HttpResponse:
    hall = _hall(request, hall_code)
    booth = get_object_or_404(
        Booth.objects.select_related("exhibitor__organization", "pavilion"), hall=hall, pk=pk
    )
    actor = actor_from_request(request)
    default_deadline = timezone.now() + dt.timedelta(days=7)
    form = OfferForm(edition=_edition(request), initial={"expires_at": default_deadline})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "offer":
                form = OfferForm(request.POST, edition=_edition(request))
                if form.is_valid():
                    services.offer_booth(
                        actor,
                        booth,
                        form.cleaned_data["exhibitor"],
                        form.cleaned_data["expires_at"],
                    )
                    messages.success(request, _("Option placed."))
                    return redirect(request.path)
            elif action == "withdraw":
                offer = get_object_or_404(BoothOffer, booth=booth, pk=request.POST.get("offer"))
                services.withdraw_offer(actor, offer)
                messages.success(request, _("Offer withdrawn."))
                return redirect(request.path)
            elif action == "status":
                services.set_booth_status(actor, booth, request.POST.get("status", ""))
                messages.success(request, _("Status changed."))
                return redirect(request.path)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
    rate = queries.rates(_edition(request)).get(booth.type)
    context = {
        "hall": hall,
        "booth": booth,
        "price": booth.price(rate, _edition(request).currency),
        "rate": rate,
        "offers": booth.offers.select_related("exhibitor__organization"),
        "form": form,
        "virtual_booth": links.virtual_booth_url(booth.exhibitor),
        "statuses": list(BoothStatus),
    }
    return render(request, "floorplan/manage_booth.html", context)


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Layout file (.csv or .geojson)"))


@edition_permission_required(Perm.MANAGE_SPACE)
def manage_import(request: HttpRequest, edition_slug: str, hall_code: str) -> HttpResponse:
    hall = _hall(request, hall_code)
    errors: list[str] = []
    form = ImportForm()
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                created = importers.import_layout(
                    actor_from_request(request), hall, upload.name, upload.read()
                )
            except ValidationError as exc:
                errors = exc.messages
            except PermissionDenied:
                raise
            else:
                messages.success(request, _("%(count)s booths imported.") % {"count": len(created)})
                return redirect(hall.urls.manage)
    context = {"hall": hall, "form": form, "errors": errors, "columns": importers.CSV_COLUMNS}
    return render(request, "floorplan/manage_import.html", context)
