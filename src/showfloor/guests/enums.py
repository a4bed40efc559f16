from django.db import models
from django.utils.translation import gettext_lazy as _


class DelegationLevel(models.TextChoices):
    INTERNATIONAL = "international", _("International")
    NATIONAL = "national", _("National")
    PROVINCIAL = "provincial", _("Provincial")
    MUNICIPAL = "municipal", _("Municipal")
    DISTRICT = "district", _("District")


class InvitationCategory(models.TextChoices):
    VIP = "vip", _("Distinguished guest")
    OFFICIAL = "official", _("Government official")
    SCIENTIST = "scientist", _("Scientist or academic")
    BUSINESS_LEADER = "business_leader", _("Business leader")
    DELEGATION_HEAD = "delegation_head", _("Head of delegation")


class InvitationStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting reply")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class SiteKind(models.TextChoices):
    LAB = "lab", _("Laboratory")
    MUSEUM = "museum", _("Science museum")
    PARK = "park", _("Science park")
    COMPANY = "company", _("Company")


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
