from django.db import models
from django.utils.translation import gettext_lazy as _


class ExhibitorStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ExhibitorMode(models.TextChoices):
    ONSITE = "onsite", _("On-site")
    REMOTE = "remote", _("Remote")
    BOTH = "both", _("On-site and remote")


class ExhibitStage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    PRODUCT = "product", _("Product")
    SCALING = "scaling", _("Scaling")


class Seeking(models.TextChoices):
    """What an exhibit's owner looks for at the fair (a catalogue facet)."""

    INVESTMENT = "investment", _("Investment")
    PARTNERS = "partners", _("Partners")
    BUYERS = "buyers", _("Buyers")
    TECHNOLOGY_TRANSFER = "technology_transfer", _("Technology transfer")


class MediaKind(models.TextChoices):
    LOGO = "logo", _("Logo")
    PHOTO = "photo", _("Photo")
    VIDEO = "video", _("Video file")
    VIDEO_LINK = "video_link", _("Hosted video link")
    DOCUMENT = "document", _("Document (PDF)")
    PANORAMA = "panorama", _("360° panorama")


class MediaStatus(models.TextChoices):
    PROCESSING = "processing", _("Preparing previews")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Preview failed")


class ReviewDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "request_changes", _("Request changes")
    REJECT = "reject", _("Reject")
