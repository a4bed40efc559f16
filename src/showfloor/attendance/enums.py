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


class RegistrationStatus(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    CANCELLED = "cancelled", _("Cancelled")


class ScanResult(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    UNKNOWN = "unknown", _("Unknown badge")
    REVOKED = "revoked", _("Revoked badge")
    WRONG_DAY = "wrong_day", _("Not valid today")
    WRONG_GATE = "wrong_gate", _("Not valid at this gate")
    ALREADY_INSIDE = "already_inside", _("Already inside (re-entry not allowed)")


class QuestionKind(models.TextChoices):
    TEXT = "text", _("Text")
    CHOICE = "choice", _("Choice")
    YES_NO = "yes_no", _("Yes or no")


# Who counts as a professional visitor in the figures (trade visitors, not the general public,
# not the exhibitors' own staff nor the organiser's guests).
PROFESSIONAL_TYPES: frozenset[str] = frozenset(
    {ParticipantType.PROFESSIONAL, ParticipantType.INVESTOR, ParticipantType.DELEGATION}
)
