from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [
    NavItem(_("Programme"), "programme:programme", order=40),
]
STAFF = [
    NavItem(_("Programme"), "programme:manage_sessions", Perm.MANAGE_PROGRAMME, order=40),
]
