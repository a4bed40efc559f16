from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

PUBLIC = [
    NavItem(_("E-exhibition"), "exhibitors:catalogue", order=10),
    NavItem(_("My exhibitor space"), "exhibitors:my_exhibitors", order=90),
]
STAFF = [NavItem(_("Exhibitors"), "exhibitors:staff_list", Perm.MANAGE_EXHIBITORS, order=10)]
