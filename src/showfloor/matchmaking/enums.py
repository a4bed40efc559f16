"""Leaf definitions of the matchmaking app."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Intent(models.TextChoices):
    """What a person offers or seeks. A need for X meets an offer of X (complementary pairs)."""

    INVESTMENT = "investment", _("Investment")
    TECHNOLOGY = "technology", _("Technology")
    PARTNERSHIP = "partnership", _("Business partners")
    PURCHASING = "purchasing", _("Buyers (purchasing)")
    SUPPLY = "supply", _("Suppliers (supply)")
    RESEARCH = "research", _("Research cooperation")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    STARTUP = "startup", _("Start-up")
    GROWTH = "growth", _("Growth")
    ESTABLISHED = "established", _("Established")


class AcceptanceMode(models.TextChoices):
    OPT_IN = "opt_in", _("The recipient accepts or declines")
    AUTO_ACCEPT = "auto_accept", _("Requests are accepted automatically")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    CANCELLED = "cancelled", _("Cancelled")


class DeclineReason(models.TextChoices):
    NOT_RELEVANT = "not_relevant", _("Not relevant to us")
    NO_TIME = "no_time", _("No time left")
    ALREADY_IN_TOUCH = "already_in_touch", _("Already in touch")
    OTHER = "other", _("Other")


class MeetingMode(models.TextChoices):
    ONSITE = "onsite", _("On-site")
    ONLINE = "online", _("Online")


class MeetingStatus(models.TextChoices):
    UNSCHEDULED = "unscheduled", _("Not yet scheduled")
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class TableKind(models.TextChoices):
    AREA = "area", _("Matchmaking area")
    BOOTH = "booth", _("Exhibitor's booth")


class RuleKind(models.TextChoices):
    PIN = "pin", _("Pin (recommend first)")
    BLOCK = "block", _("Block (may not meet)")


class SurveyOutcome(models.TextChoices):
    DEAL = "deal", _("Yes, a deal")
    IN_PROGRESS = "in_progress", _("Talks continue")
    NO = "no", _("No")
