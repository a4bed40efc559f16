from django.urls import path

from showfloor.floorplan import views

app_name = "floorplan"

urlpatterns = [
    path("floorplan/", views.hall_list, name="halls"),
    path("floorplan/offers/", views.my_offers, name="my_offers"),
    path("floorplan/offers/<int:pk>/confirm/", views.confirm_offer, name="confirm_offer"),
    path("floorplan/<slug:hall_code>/", views.hall_plan, name="hall"),
    path("floorplan/<slug:hall_code>/plan.svg", views.hall_svg, name="hall_svg"),
    path("floorplan/<slug:hall_code>/plan.pdf", views.hall_pdf, name="hall_pdf"),
    path("floorplan/<slug:hall_code>/tour/", views.hall_tour, name="hall_tour"),
    path("manage/floorplan/", views.manage_overview, name="manage"),
    path("manage/floorplan/<slug:hall_code>/", views.manage_hall, name="manage_hall"),
    path("manage/floorplan/<slug:hall_code>/import/", views.manage_import, name="manage_import"),
    path(
        "manage/floorplan/<slug:hall_code>/booths/<int:pk>/",
        views.manage_booth,
        name="manage_booth",
    ),
]
