from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Floor plan"), "floorplan:halls", order=30)]
STAFF = [NavItem(_("Space and booths"), "floorplan:manage", Perm.MANAGE_SPACE, order=30)]
