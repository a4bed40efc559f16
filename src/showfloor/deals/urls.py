from django.urls import path

from showfloor.deals import views

app_name = "deals"
urlpatterns = [
    path("agreements/", views.public_list, name="public_list"),
    path("manage/deals/", views.manage_list, name="manage_list"),
    path("manage/deals/import/", views.manage_import, name="manage_import"),
    path("manage/deals/export.csv", views.manage_export, name="manage_export"),
    path("manage/deals/<int:pk>/", views.manage_detail, name="manage_detail"),
]
