from django.urls import path

from showfloor.core import views

app_name = "core"

urlpatterns = [path("manage/audit/", views.audit_log, name="audit_log")]
