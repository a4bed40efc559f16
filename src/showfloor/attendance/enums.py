from django.db import models
from django.utils.translation import gettext_lazy as _


class ParticipantType(models.TextChoices):
    PROFESSIONAL = "professional", _("Professional visitor")
    PUBLIC = "public", _("Public visitor")
    INVESTOR = "investor", _("Investor")
    EXHIBITOR_STAFF = "exhibitor_staff", _("Exhibitor staff")
    SPEAKER = "speaker", _("Speaker")
    PRESS = "press", _("Press")
    VIP = "vip", _("VIP guest")
    DELEGATION = "delegation", _("Delegation member")


class AttendanceMode(models.TextChoices):
    ONSITE = "onsite", _("On-site")
    ONLINE = "online", _("Online")
    BOTH = "both", _("On-site and online")
