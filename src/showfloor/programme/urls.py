from django.urls import path

from showfloor.programme.views import exports, manage, public

app_name = "programme"

RESOURCE = "<str:resource>"

urlpatterns = [
    path("programme/", public.programme, name="programme"),
    path("programme/agenda/", public.agenda, name="agenda"),
    path("programme/agenda/<str:token>.ics", exports.agenda_ical, name="agenda_ical"),
    path("programme/programme.ics", exports.programme_ical, name="programme_ical"),
    path("programme/schedule.xml", exports.schedule_xml, name="schedule_xml"),
    path("programme/schedule.json", exports.schedule_json, name="schedule_json"),
    path("programme/programme.pdf", exports.programme_pdf, name="programme_pdf"),
    path("programme/forums/<slug:code>/", public.forum, name="forum"),
    path("programme/forums/<slug:code>.ics", exports.forum_ical, name="forum_ical"),
    path("programme/rooms/<int:pk>/", public.room, name="room"),
    path("programme/speakers/", public.speakers, name="speakers"),
    path("programme/speakers/<int:pk>/", public.speaker, name="speaker"),
    path("programme/speaker/profile/", public.speaker_profile, name="speaker_profile"),
    path("programme/invitation/<str:token>/", public.invitation, name="speaker_invitation"),
    path("programme/sessions/<int:pk>/", public.session, name="session"),
    path("programme/sessions/<int:pk>/agenda/", public.agenda_toggle, name="agenda_toggle"),
    path("programme/sessions/<int:pk>/registration/", public.registration, name="registration"),
    path("programme/sessions/<int:pk>/questions/", public.ask, name="ask"),
    path(
        "programme/sessions/<int:pk>/questions/<int:question_pk>/upvote/",
        public.upvote,
        name="upvote",
    ),
    path(
        "programme/sessions/<int:pk>/questions/<int:question_pk>/moderate/",
        public.moderate,
        name="moderate",
    ),
    path("programme/sessions/<int:pk>/heartbeat/", public.heartbeat, name="heartbeat"),
    # Back office
    path("manage/programme/", manage.sessions, name="manage_sessions"),
    path("manage/programme/sessions/new/", manage.session_edit, name="manage_session_new"),
    path("manage/programme/sessions/<int:pk>/", manage.session_edit, name="manage_session_edit"),
    path(
        "manage/programme/sessions/<int:pk>/audience/",
        manage.session_audience,
        name="manage_session_audience",
    ),
    path(
        "manage/programme/sessions/<int:pk>/audience/<int:registration_pk>/attended/",
        manage.mark_attended,
        name="manage_mark_attended",
    ),
    path(
        "manage/programme/sessions/<int:pk>/stream/",
        manage.stream_status,
        name="manage_stream_status",
    ),
    path(
        "manage/programme/speakers/<int:pk>/invite/",
        manage.speaker_invite,
        name="manage_speaker_invite",
    ),
    path(f"manage/programme/{RESOURCE}/", manage.resource_list, name="manage_resources"),
    path(f"manage/programme/{RESOURCE}/new/", manage.resource_edit, name="manage_resource_new"),
    path(
        f"manage/programme/{RESOURCE}/<int:pk>/",
        manage.resource_edit,
        name="manage_resource_edit",
    ),
]
