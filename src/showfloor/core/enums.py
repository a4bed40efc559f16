from django.db import models
from django.utils.translation import gettext_lazy as _


class EditionMode(models.TextChoices):
    ONSITE = "onsite", _("On-site")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid")


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class OrganizationType(models.TextChoices):
    COMPANY = "company", _("Company")
    INVESTOR = "investor", _("Investor")
    RESEARCH_INSTITUTE = "research_institute", _("Research institute")
    UNIVERSITY = "university", _("University")
    GOVERNMENT = "government", _("Government body")
    INTERNATIONAL = "international", _("International organisation")
    MEDIA = "media", _("Media")
    ASSOCIATION = "association", _("Association")


class StaffRoleName(models.TextChoices):
    ADMIN = "admin", _("Administrator")
    SALES = "sales", _("Sales")
    REGISTRATION = "registration", _("Registration desk")
    PROGRAMME = "programme", _("Programme")
    MATCHMAKING = "matchmaking", _("Matchmaking broker")
    JURY_SECRETARY = "jury_secretary", _("Jury secretary")
    PRESS = "press", _("Press office")
    ANALYST = "analyst", _("Read-only analyst")
