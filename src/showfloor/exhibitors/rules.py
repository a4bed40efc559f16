"""Object-level rules: who may see and change an exhibitor's booth, exhibits, media and team."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied

from showfloor.core.models import Organization
from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm
from showfloor.exhibitors.enums import ExhibitorStatus
from showfloor.exhibitors.models import Exhibitor


def is_exhibitor_staff(actor: Actor, exhibitor: Exhibitor) -> bool:
    """Organiser staff who manage exhibitors in the exhibitor's edition."""
    return actor.has_perm(Perm.MANAGE_EXHIBITORS, exhibitor.edition)


def can_manage_exhibitor(actor: Actor, exhibitor: Exhibitor) -> bool:
    """Staff, or a member of the exhibiting organisation (a host's members do not manage their
    co-exhibitors' booths)."""
    return is_exhibitor_staff(actor, exhibitor) or actor.is_member_of(exhibitor.organization_id)


def can_manage_team(actor: Actor, exhibitor: Exhibitor) -> bool:
    """Staff who manage organisations, or an administrator member of the organisation."""
    return actor.has_perm(Perm.MANAGE_ORGANIZATIONS, exhibitor.edition) or actor.is_member_of(
        exhibitor.organization_id, admin=True
    )


def can_view_exhibitor(actor: Actor, exhibitor: Exhibitor) -> bool:
    """Everyone sees an approved exhibitor; an application only its members and staff."""
    if exhibitor.status == ExhibitorStatus.APPROVED and (
        exhibitor.host_id is None or exhibitor.host.status == ExhibitorStatus.APPROVED
    ):
        return True
    return can_manage_exhibitor(actor, exhibitor)


def can_apply_for(actor: Actor, organization: Organization, edition: object) -> bool:
    return actor.has_perm(Perm.MANAGE_EXHIBITORS, edition) or actor.is_member_of(  # type: ignore[arg-type]
        organization.pk
    )


def require_manage(actor: Actor, exhibitor: Exhibitor) -> None:
    if not can_manage_exhibitor(actor, exhibitor):
        raise PermissionDenied("not a member of this exhibitor")
