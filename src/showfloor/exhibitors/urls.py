from django.urls import path

from showfloor.exhibitors import staff_views, views

app_name = "exhibitors"

urlpatterns = [
    path("exhibitors/", views.catalogue, name="catalogue"),
    path("exhibitors/<int:pk>/", views.booth, name="booth"),
    path("exhibitor/", views.my_exhibitors, name="my_exhibitors"),
    path("exhibitor/apply/", views.apply, name="apply"),
    path("exhibitor/<int:pk>/", views.my_exhibitor, name="my_exhibitor"),
    path("exhibitor/<int:pk>/profile/", views.update_profile, name="update_profile"),
    path("exhibitor/<int:pk>/resubmit/", views.resubmit, name="resubmit"),
    path("exhibitor/<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("exhibitor/<int:pk>/exhibits/new/", views.exhibit_edit, name="exhibit_create"),
    path("exhibitor/<int:pk>/exhibits/<int:exhibit_pk>/", views.exhibit_edit, name="exhibit_edit"),
    path(
        "exhibitor/<int:pk>/exhibits/<int:exhibit_pk>/delete/",
        views.exhibit_delete,
        name="exhibit_delete",
    ),
    path("exhibitor/<int:pk>/media/", views.media_upload, name="media_upload"),
    path(
        "exhibitor/<int:pk>/media/<int:media_pk>/delete/", views.media_delete, name="media_delete"
    ),
    path("exhibitor/<int:pk>/contacts/", views.contact_add, name="contact_add"),
    path(
        "exhibitor/<int:pk>/contacts/<int:contact_pk>/delete/",
        views.contact_delete,
        name="contact_delete",
    ),
    path("exhibitor/<int:pk>/team/", views.team_add, name="team_add"),
    path("exhibitor/<int:pk>/team/<int:member_pk>/delete/", views.team_remove, name="team_remove"),
    path("manage/exhibitors/", staff_views.staff_list, name="staff_list"),
    path("manage/exhibitors/<int:pk>/", staff_views.staff_detail, name="staff_detail"),
    path("manage/exhibitors/import/<slug:kind>/", staff_views.staff_import, name="staff_import"),
    path(
        "manage/exhibitors/export/<slug:kind>.<slug:fmt>",
        staff_views.staff_export,
        name="staff_export",
    ),
]
