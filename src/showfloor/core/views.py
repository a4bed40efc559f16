from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from showfloor.core import members, queries
from showfloor.core.decorators import edition_permission_required
from showfloor.core.forms import InviteMemberForm
from showfloor.core.models import Organization, OrganizationMember
from showfloor.core.permissions import actor_from_request
from showfloor.core.rules import Perm


@edition_permission_required(Perm.VIEW_AUDIT_LOG)
def audit_log(request: HttpRequest, edition_slug: str) -> HttpResponse:
    entries = queries.audit_entries(request.edition)  # type: ignore[attr-defined]
    action = request.GET.get("action", "").strip()
    if action:
        entries = entries.filter(action__icontains=action)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_log.html", {"page": page, "action": action})


@login_required
def my_organizations(request: HttpRequest) -> HttpResponse:
    memberships = queries.memberships_of(request.user)
    return render(request, "core/my_organizations.html", {"memberships": memberships})


def _managed_organization(request: HttpRequest, organization_id: int) -> Organization:
    organization = get_object_or_404(Organization, pk=organization_id)
    if not members.may_manage_members(actor_from_request(request), organization):
        raise PermissionDenied("organisation admin")
    return organization


@login_required
def organization_members(request: HttpRequest, organization_id: int) -> HttpResponse:
    organization = _managed_organization(request, organization_id)
    form = InviteMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            members.invite_member(actor_from_request(request), organization, **form.cleaned_data)
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                for problem in problems:
                    form.add_error(field if field in form.fields else None, problem)
        else:
            messages.success(request, _("%(email)s is now a member.") % form.cleaned_data)
            return redirect("core_members", organization_id=organization.pk)
    return render(
        request,
        "core/organization_members.html",
        {
            "organization": organization,
            "members": queries.members_of(organization),
            "form": form,
        },
    )


@login_required
@require_POST
def change_member(request: HttpRequest, organization_id: int, member_id: int) -> HttpResponse:
    organization = _managed_organization(request, organization_id)
    member = get_object_or_404(OrganizationMember, pk=member_id, organization=organization)
    actor = actor_from_request(request)
    try:
        if request.POST.get("action") == "remove":
            members.remove_member(actor, member)
            messages.success(request, _("The member was removed."))
        else:
            members.set_member_admin(actor, member, request.POST.get("is_admin") == "1")
            messages.success(request, _("Saved."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect("core_members", organization_id=organization.pk)
