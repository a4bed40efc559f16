"""Journey: a visitor searches the e-exhibition in Chinese and opens an exhibitor's booth."""

from __future__ import annotations

import pytest

from showfloor.exhibitors import search
from tests.exhibitors.factories import ExhibitorFactory
from tests.factories import EditionFactory, OrganizationFactory


@pytest.mark.django_db(transaction=True)
def test_search_catalogue_in_chinese_and_open_booth(page, live_server):
    edition = EditionFactory(status="published")
    ExhibitorFactory(
        edition=edition,
        organization=OrganizationFactory(
            name={"en": "Huazhi Robotics", "zh-hans": "华智机器人有限公司"}
        ),
    )
    ExhibitorFactory(
        edition=edition,
        organization=OrganizationFactory(name={"en": "Lumi Energy", "zh-hans": "卢米新能源"}),
    )
    search.rebuild_edition_index(edition)

    page.goto(f"{live_server.url}/{edition.slug}/exhibitors/")
    assert page.locator(".exhibitor-card").count() == 2
    page.fill("#catalogue-q", "机器人")
    page.click(".catalogue-search button[type=submit]")
    page.wait_for_url("**q=*")
    cards = page.locator(".exhibitor-card h3")
    assert cards.all_inner_texts() == ["Huazhi Robotics"]
    cards.first.locator("a").click()
    assert page.locator("h1").inner_text() == "Huazhi Robotics"
