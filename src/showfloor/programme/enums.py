from django.db import models
from django.utils.translation import gettext_lazy as _


class SessionKind(models.TextChoices):
    KEYNOTE = "keynote", _("Keynote")
    PANEL = "panel", _("Panel")
    TALK = "talk", _("Talk")
    SIGNING_CEREMONY = "signing_ceremony", _("Signing ceremony")
    AWARD_CEREMONY = "award_ceremony", _("Award ceremony")
    BUSINESS_TALK = "business_talk", _("Business talk")
    PITCH = "pitch", _("Pitch")


class SessionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class ForumKind(models.TextChoices):
    HIGH_LEVEL = "high_level", _("High-level forum")
    TECHNICAL = "technical", _("Technical forum")
    INDUSTRY = "industry", _("Industry forum")


class SpeakerStatus(models.TextChoices):
    INVITED = "invited", _("Invited")
    CONFIRMED = "confirmed", _("Confirmed")
    DECLINED = "declined", _("Declined")


class SpeakerRole(models.TextChoices):
    SPEAKER = "speaker", _("Speaker")
    MODERATOR = "moderator", _("Moderator")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITLISTED = "waitlisted", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")


class StreamStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    LIVE = "live", _("Live")
    ENDED = "ended", _("Ended")


class QuestionStatus(models.TextChoices):
    PENDING = "pending", _("Awaiting moderation")
    APPROVED = "approved", _("Approved")
    ANSWERED = "answered", _("Answered")
    HIDDEN = "hidden", _("Hidden")


class ViewMode(models.TextChoices):
    LIVE = "live", _("Live")
    REPLAY = "replay", _("Replay")
