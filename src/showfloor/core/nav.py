"""Navigation entries: each app may have a `nav.py` with PUBLIC and STAFF lists of NavItem; the
web shell collects them (see showfloor.web.navigation)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from showfloor.core.rules import Perm


@dataclass(frozen=True)
class NavItem:
    label: str | Promise
    url_name: str  # reversed with edition_slug
    perm: str | None = None  # required permission (staff items)
    order: int = 100
    signed_in: bool = False  # shown only to signed-in people (their own spaces)


PUBLIC: list[NavItem] = []
STAFF: list[NavItem] = [
    NavItem(_("Audit log"), "core:audit_log", Perm.VIEW_AUDIT_LOG, order=900),
]
