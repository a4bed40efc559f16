from django.urls import path

from showfloor.awards import views

app_name = "awards"
urlpatterns = [
    path("awards/", views.public_list, name="public_list"),
    path("awards/<int:pk>/enter/", views.submit_entry, name="submit_entry"),
    path("jury/", views.jury_home, name="jury_home"),
    path("jury/rounds/<int:round_id>/", views.jury_round, name="jury_round"),
    path("jury/rounds/<int:round_id>/entries/<int:entry_id>/", views.jury_score, name="jury_score"),
    path("manage/awards/", views.manage_list, name="manage_list"),
    path("manage/awards/<int:pk>/", views.manage_detail, name="manage_detail"),
]
