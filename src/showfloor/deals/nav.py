from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Agreements"), "deals:public_list", order=70)]
STAFF = [NavItem(_("Agreements"), "deals:manage_list", Perm.MANAGE_DEALS, order=70)]
