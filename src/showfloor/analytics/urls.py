from django.urls import path

from showfloor.analytics import views

app_name = "analytics"

urlpatterns = [path("manage/", views.dashboard, name="dashboard")]
