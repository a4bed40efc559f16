from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Matchmaking"), "matchmaking:home", order=60)]
STAFF = [NavItem(_("Matchmaking"), "matchmaking:staff_desk", Perm.MANAGE_MATCHMAKING, order=60)]
