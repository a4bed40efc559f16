from django.urls import path

from showfloor.attendance import views

app_name = "attendance"

urlpatterns = [
    path("register/", views.register_index, name="register_index"),
    path("register/<slug:participant_type>/", views.register, name="register"),
    path("registration/<str:manage_key>/", views.manage, name="manage"),
    path("registration/<str:manage_key>/badge.pdf", views.manage_badge, name="manage_badge"),
    path("registration/<str:manage_key>/my-data.json", views.manage_export, name="manage_export"),
    path("registration/<str:manage_key>/erase/", views.manage_erase, name="manage_erase"),
    path("registration/<str:manage_key>/cancel/", views.manage_cancel, name="manage_cancel"),
    path("manage/attendance/participants/", views.participant_list, name="participants"),
    path("manage/attendance/badges.pdf", views.badges_pdf, name="badges_pdf"),
    path(
        "manage/attendance/participants/<int:participant_id>/reprint/",
        views.badge_reprint,
        name="badge_reprint",
    ),
    path("manage/attendance/devices/", views.device_list, name="devices"),
    path(
        "manage/attendance/devices/<int:device_id>/revoke/",
        views.device_revoke,
        name="device_revoke",
    ),
    path("manage/attendance/scanner/", views.scanner, name="scanner"),
    path("manage/attendance/scanner/sw.js", views.scanner_sw, name="scanner_sw"),
    path("exhibitor/<int:exhibitor_id>/leads/", views.lead_list, name="leads"),
    path(
        "exhibitor/<int:exhibitor_id>/leads/export.<str:format>",
        views.lead_export,
        name="leads_export",
    ),
    path(
        "exhibitor/<int:exhibitor_id>/staff/", views.exhibitor_staff_import, name="exhibitor_staff"
    ),
]
