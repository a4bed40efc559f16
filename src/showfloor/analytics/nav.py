from django.utils.translation import gettext_lazy as _

from showfloor.core.nav import NavItem
from showfloor.core.rules import Perm

STAFF = [
    NavItem(_("Dashboard"), "analytics:dashboard", Perm.VIEW_BACKOFFICE, order=0),
    NavItem(_("Post-show report"), "analytics:report", Perm.VIEW_ANALYTICS, order=850),
    NavItem(_("Online visits"), "analytics:edition_visits", Perm.VIEW_ANALYTICS, order=800),
]
