from django.conf import settings
from django.urls import path, re_path

from showfloor.web import views

app_name = "web"

urlpatterns = [path("", views.edition_home, name="edition_home")]
global_urlpatterns = (
    [re_path(r"^media/(?P<path>.+)$", views.media, name="media")] if settings.SERVE_MEDIA else []
)
