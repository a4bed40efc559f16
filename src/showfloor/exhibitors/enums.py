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
