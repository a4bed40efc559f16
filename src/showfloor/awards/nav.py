from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [NavItem(_("Awards"), "awards:public_list", order=60)]
STAFF = [NavItem(_("Awards and jury"), "awards:manage_list", Perm.MANAGE_AWARDS, order=60)]
