from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FloorplanConfig(AppConfig):
    name = "showfloor.floorplan"
    label = "floorplan"
    verbose_name = _("Floor plan")
