from django.db import models
from django.utils.translation import gettext_lazy as _


class AwardCategory(models.TextChoices):
    ORGANISER = "organiser", _("Outstanding organiser")
    EXHIBITOR = "exhibitor", _("Outstanding exhibitor")
    PRODUCT = "product", _("Outstanding product")
    INNOVATION = "innovation", _("Innovation award")
    COMPETITION = "competition", _("Competition")


class Eligibility(models.TextChoices):
    EXHIBITORS = "exhibitors", _("Exhibitors")
    EXHIBITS = "exhibits", _("Exhibits (products and projects)")
    ORGANISERS = "organisers", _("Organisers")
    PITCHES = "pitches", _("Pitch entries")


class AwardStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    OPEN = "open", _("Open for entries")
    JUDGING = "judging", _("Judging")
    PUBLISHED = "published", _("Results published")


class RoundKind(models.TextChoices):
    SHORTLIST = "shortlist", _("Shortlist")
    FINAL = "final", _("Final")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class EntrySource(models.TextChoices):
    NOMINATED = "nominated", _("Nominated by staff")
    SUBMITTED = "submitted", _("Submitted by the exhibitor")


class EntryStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    SHORTLISTED = "shortlisted", _("Shortlisted")
    NOT_SHORTLISTED = "not_shortlisted", _("Not shortlisted")
    WINNER = "winner", _("Winner")
    NOT_AWARDED = "not_awarded", _("Not awarded")
    WITHDRAWN = "withdrawn", _("Withdrawn")
