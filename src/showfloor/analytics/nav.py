from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

STAFF = [NavItem(_("Dashboard"), "analytics:dashboard", Perm.VIEW_BACKOFFICE, order=0)]
