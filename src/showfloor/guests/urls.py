from django.urls import path

from showfloor.guests import views

app_name = "guests"
urlpatterns = [
    path("invitations/<str:token>/", views.rsvp, name="rsvp"),
    path("visits/", views.visit_list, name="visits"),
    path("visits/slots/<int:slot_id>/book/", views.book, name="book"),
    path("visits/bookings/<str:token>/", views.booking, name="booking"),
    path("manage/guests/delegations/", views.manage_delegations, name="manage_delegations"),
    path("manage/guests/invitations/", views.manage_invitations, name="manage_invitations"),
    path("manage/guests/visits/", views.manage_visits, name="manage_visits"),
]
