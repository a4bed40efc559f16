"""URL map. Each app's `urls.py` holds edition-scoped pages (mounted under /<edition_slug>/ with
the app's label as namespace) and may hold `global_urlpatterns` mounted at the root."""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from showfloor.api.api import api
from showfloor.web import views as web_views

global_patterns = []
edition_patterns = []
for app_path in settings.SHOWFLOOR_APPS:
    if find_spec(f"{app_path}.urls") is None:
        continue
    module = import_module(f"{app_path}.urls")
    label = app_path.rsplit(".", 1)[1]
    global_patterns += getattr(module, "global_urlpatterns", [])
    if getattr(module, "urlpatterns", None):
        edition_patterns.append(path("", include((module.urlpatterns, label))))

urlpatterns = [
    path("", web_views.home, name="home"),
    path("admin/", admin.site.urls),
    path("api/v1/", api.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("i18n/setlang/", set_language, name="set_language"),
    path("i18n/js/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    *global_patterns,
]
urlpatterns.append(path("<slug:edition_slug>/", include(edition_patterns)))
