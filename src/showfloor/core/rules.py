"""Named permissions and which staff role holds which. The one table every check reads."""

from enum import StrEnum

from showfloor.core.enums import StaffRoleName


class Perm(StrEnum):
    VIEW_BACKOFFICE = "can_view_backoffice"
    MANAGE_EDITION = "can_manage_edition"
    MANAGE_STAFF = "can_manage_staff"
    VIEW_AUDIT_LOG = "can_view_audit_log"
    MANAGE_ORGANIZATIONS = "can_manage_organizations"
    MANAGE_EXHIBITORS = "can_manage_exhibitors"
    MANAGE_SPACE = "can_manage_space"
    MANAGE_REGISTRATION = "can_manage_registration"
    SCAN_BADGES = "can_scan_badges"
    MANAGE_PROGRAMME = "can_manage_programme"
    MANAGE_MATCHMAKING = "can_manage_matchmaking"
    MANAGE_AWARDS = "can_manage_awards"
    MANAGE_DEALS = "can_manage_deals"
    MANAGE_GUESTS = "can_manage_guests"
    VIEW_ANALYTICS = "can_view_analytics"
    PUBLISH_REPORT = "can_publish_report"


ALL_PERMISSIONS: frozenset[str] = frozenset(Perm)

# Every staff role may open the back office and read the figures; the rest is by area.
_BASE = {Perm.VIEW_BACKOFFICE, Perm.VIEW_ANALYTICS}

ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    StaffRoleName.ADMIN: ALL_PERMISSIONS,
    StaffRoleName.SALES: frozenset(
        _BASE
        | {Perm.MANAGE_ORGANIZATIONS, Perm.MANAGE_EXHIBITORS, Perm.MANAGE_SPACE, Perm.MANAGE_DEALS}
    ),
    StaffRoleName.REGISTRATION: frozenset(
        _BASE | {Perm.MANAGE_REGISTRATION, Perm.SCAN_BADGES, Perm.MANAGE_GUESTS}
    ),
    StaffRoleName.PROGRAMME: frozenset(_BASE | {Perm.MANAGE_PROGRAMME}),
    StaffRoleName.MATCHMAKING: frozenset(_BASE | {Perm.MANAGE_MATCHMAKING}),
    StaffRoleName.JURY_SECRETARY: frozenset(_BASE | {Perm.MANAGE_AWARDS}),
    StaffRoleName.PRESS: frozenset(_BASE | {Perm.PUBLISH_REPORT}),
    StaffRoleName.ANALYST: frozenset(_BASE | {Perm.VIEW_AUDIT_LOG}),
}
