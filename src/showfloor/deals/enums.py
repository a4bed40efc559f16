from django.db import models
from django.utils.translation import gettext_lazy as _


class AgreementType(models.TextChoices):
    TECHNOLOGY_TRANSFER = "technology_transfer", _("Technology transfer")
    INDUSTRIAL_COOPERATION = "industrial_cooperation", _("Industrial cooperation")
    INVESTMENT = "investment", _("Investment")
    PROCUREMENT = "procurement", _("Procurement")
    INTENT = "intent", _("Letter of intent")


class AgreementStatus(models.TextChoices):
    INTENT = "intent", _("Intent")
    SIGNED = "signed", _("Signed")
    EXECUTED = "executed", _("Executed")
    CANCELLED = "cancelled", _("Cancelled")


# Statuses that count as a concluded agreement in the figures.
CONCLUDED_STATUSES = (AgreementStatus.SIGNED, AgreementStatus.EXECUTED)


class PartyRole(models.TextChoices):
    LEAD = "lead", _("Lead party")
    PARTNER = "partner", _("Partner")
    INVESTOR = "investor", _("Investor")
    LICENSOR = "licensor", _("Technology provider")
    LICENSEE = "licensee", _("Technology recipient")
    BUYER = "buyer", _("Buyer")
    SUPPLIER = "supplier", _("Supplier")
    HOST_GOVERNMENT = "host_government", _("Host government")
    WITNESS = "witness", _("Witness")
