from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Open-house visits"), "guests:visits", order=80)]
STAFF = [
    NavItem(_("Delegations"), "guests:manage_delegations", Perm.MANAGE_GUESTS, order=50),
    NavItem(_("Invitations"), "guests:manage_invitations", Perm.MANAGE_GUESTS, order=51),
    NavItem(_("Site visits"), "guests:manage_visits", Perm.MANAGE_GUESTS, order=52),
]
