from __future__ import annotations

import pytest

from showfloor.awards.figures import key_figures
from tests.awards.factories import AwardFactory, EntryFactory


@pytest.mark.django_db
def test_figures_count_winners_of_published_awards_by_category(edition):
    products = AwardFactory(edition=edition, category="product", status="published")
    exhibitors = AwardFactory(edition=edition, category="exhibitor", status="published")
    unpublished = AwardFactory(edition=edition, category="organiser", status="judging")
    for _index in range(3):
        EntryFactory(award=products, status="winner")
    EntryFactory(award=products, status="not_awarded")
    EntryFactory(award=exhibitors, status="winner")
    EntryFactory(award=unpublished, status="winner")

    figures = {figure.key: figure.value for figure in key_figures(edition)}

    assert figures == {"awards.winners.exhibitor": 1, "awards.winners.product": 3}
