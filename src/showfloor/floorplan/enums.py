from django.db import models
from django.utils.translation import gettext_lazy as _


class BoothType(models.TextChoices):
    RAW_SPACE = "raw_space", _("Raw space")
    SHELL_SCHEME = "shell_scheme", _("Shell scheme")
    CORNER = "corner", _("Corner")
    ISLAND = "island", _("Island")
    PAVILION_STAND = "pavilion_stand", _("Pavilion stand")


class BoothStatus(models.TextChoices):
    AVAILABLE = "available", _("Available")
    OPTION = "option", _("Option")  # offered to an exhibitor, awaiting confirmation
    RESERVED = "reserved", _("Reserved")  # confirmed by the exhibitor
    SOLD = "sold", _("Sold")  # invoiced / paid
    BLOCKED = "blocked", _("Blocked")  # not for sale (technical space, organiser's use)


# Booths whose space counts as rented in the figures.
RENTED_STATUSES = (BoothStatus.RESERVED, BoothStatus.SOLD)
# Booths held by an exhibitor (an option holds a booth until it lapses).
HELD_STATUSES = (BoothStatus.OPTION, BoothStatus.RESERVED, BoothStatus.SOLD)


class OfferStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONFIRMED = "confirmed", _("Confirmed")
    LAPSED = "lapsed", _("Lapsed")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class PavilionKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    PROVINCE = "province", _("Province or region")
    THEME = "theme", _("Theme")
