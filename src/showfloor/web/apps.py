from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    default = True
    name = "showfloor.web"
    label = "web"
    verbose_name = _("Web")


class ShowfloorAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "showfloor.web.admin_site.ShowfloorAdminSite"
