from django.urls import path

from showfloor.core import views

app_name = "core"

urlpatterns = [path("manage/audit/", views.audit_log, name="audit_log")]

# Organisation accounts live across editions: at the site root, not under an edition.
global_urlpatterns = [
    path("me/organizations/", views.my_organizations, name="my_organizations"),
    path(
        "me/organizations/<int:organization_id>/members/",
        views.organization_members,
        name="core_members",
    ),
    path(
        "me/organizations/<int:organization_id>/members/<int:member_id>/",
        views.change_member,
        name="core_change_member",
    ),
]
