from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Register"), "attendance:register_index", order=20)]
STAFF = [
    NavItem(_("Participants"), "attendance:participants", Perm.MANAGE_REGISTRATION, order=300),
    NavItem(_("Scanner devices"), "attendance:devices", Perm.MANAGE_REGISTRATION, order=310),
    NavItem(_("Entrance scanner"), "attendance:scanner", Perm.SCAN_BADGES, order=320),
]
