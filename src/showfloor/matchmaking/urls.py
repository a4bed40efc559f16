from django.urls import path

from showfloor.matchmaking import staff_views, views

app_name = "matchmaking"

urlpatterns = [
    path("matchmaking/", views.home, name="home"),
    path("matchmaking/profile/", views.profile, name="profile"),
    path("matchmaking/recommendations/", views.recommendations_page, name="recommendations"),
    path("matchmaking/request/<int:participant_pk>/", views.send_request, name="send_request"),
    path("matchmaking/requests/", views.requests_page, name="requests"),
    path(
        "matchmaking/requests/<int:pk>/<slug:action>/",
        views.answer_request,
        name="answer_request",
    ),
    path("matchmaking/agenda/", views.agenda_page, name="agenda"),
    path("matchmaking/agenda.ics", views.agenda_ics, name="agenda_ics"),
    path("matchmaking/agenda.pdf", views.agenda_pdf, name="agenda_pdf"),
    path("matchmaking/meetings/<int:pk>/check-in/", views.check_in, name="check_in"),
    path("matchmaking/meetings/<int:pk>/follow-up/", views.follow_up, name="follow_up"),
    path("manage/matchmaking/", staff_views.desk, name="staff_desk"),
    path("manage/matchmaking/schedule/", staff_views.schedule_all, name="staff_schedule"),
    path("manage/matchmaking/sessions/", staff_views.add_session, name="staff_add_session"),
    path("manage/matchmaking/tables/", staff_views.add_tables, name="staff_add_tables"),
    path("manage/matchmaking/rules/", staff_views.add_rule, name="staff_add_rule"),
    path("manage/matchmaking/grid/", staff_views.grid, name="staff_grid"),
    path("manage/matchmaking/meetings/<int:pk>/lock/", staff_views.lock, name="staff_lock"),
    path("manage/matchmaking/walk-in/", staff_views.walk_in, name="staff_walk_in"),
    path(
        "manage/matchmaking/export/<slug:kind>.<slug:fmt>",
        staff_views.export,
        name="staff_export",
    ),
    path("manage/matchmaking/import/<slug:kind>/", staff_views.import_file, name="staff_import"),
]
