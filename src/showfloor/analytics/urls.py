from django.urls import path

from showfloor.analytics import booth_views, views

app_name = "analytics"

urlpatterns = [
    path("manage/", views.dashboard, name="dashboard"),
    path("manage/report/", views.report, name="report"),
    path("manage/report.pdf", views.report_pdf, name="report_pdf"),
    path("manage/visits/", booth_views.edition_visits, name="edition_visits"),
    path("exhibitor/<int:pk>/visits/", booth_views.booth_visits, name="booth_visits"),
]
