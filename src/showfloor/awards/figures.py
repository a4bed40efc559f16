"""Key figures of awards: winners per category of the published awards."""

from __future__ import annotations

from django.utils.translation import gettext as _

from showfloor.awards import queries
from showfloor.awards.enums import AwardCategory
from showfloor.core.models import Edition
from showfloor.core.reporting import Figure


def key_figures(edition: Edition) -> list[Figure]:
    counts = queries.winners_by_category(edition)
    labels = dict(AwardCategory.choices)
    return [
        Figure(
            f"awards.winners.{category}",
            _("Awards: %(category)s") % {"category": labels.get(category, category)},
            counts[category],
            _("Winning entries of the published awards of this category (ties included)."),
            area="awards",
        )
        for category in AwardCategory.values
        if category in counts
    ]
