"""Read-side helpers for the core domain, shared by views, the API and the report."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from showfloor.core.enums import EditionStatus
from showfloor.core.models import AuditEntry, Edition, Organization, OrganizationMember


def public_editions() -> QuerySet[Edition]:
    return (
        Edition.objects.exclude(status=EditionStatus.DRAFT)
        .select_related("expo__organizer")
        .order_by("-start_date")
    )


def audit_entries(edition: Edition) -> QuerySet[AuditEntry]:
    return AuditEntry.objects.filter(edition=edition).select_related("actor", "content_type")


def organizations() -> QuerySet[Organization]:
    return Organization.objects.prefetch_related("sectors").order_by("id")


def memberships_of(user: Any) -> QuerySet[OrganizationMember]:
    return OrganizationMember.objects.filter(user=user).select_related("organization")


def members_of(organization: Organization) -> QuerySet[OrganizationMember]:
    return organization.members.select_related("user").order_by("-is_admin", "user__email")
