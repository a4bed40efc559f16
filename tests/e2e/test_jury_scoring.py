"""A juror scores an entry in the browser and cannot see the other jurors' scores."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from showfloor.awards import services
from showfloor.core.permissions import Actor
from tests.awards.factories import (
    AwardFactory,
    CriterionFactory,
    EntryFactory,
    JuryMemberFactory,
    RoundFactory,
)
from tests.e2e.helpers import login
from tests.factories import OrganizationFactory


@pytest.mark.django_db(transaction=True)
def test_juror_scores_entry_and_cannot_see_others(page, live_server, edition):
    award = AwardFactory(edition=edition, name={"en": "Outstanding product"})
    innovation = CriterionFactory(award=award, name={"en": "Innovation"}, weight=Decimal(3))
    market = CriterionFactory(award=award, name={"en": "Market"}, weight=Decimal(1))
    final = RoundFactory(award=award, kind="final")
    own_org = OrganizationFactory(name={"en": "Juror's Own Lab"})
    juror = JuryMemberFactory(award=award, user__username="juror1", organization=own_org)
    other = JuryMemberFactory(award=award, user__username="juror2")
    entry = EntryFactory(award=award, organization=OrganizationFactory(name={"en": "Xinke Chips"}))
    EntryFactory(award=award, organization=own_org)
    services.submit_scores(
        Actor.for_user(other.user), final, entry, {innovation.pk: "2.25", market.pk: "1.75"}
    )

    login(page, live_server, "juror1")
    page.goto(f"{live_server.url}/{edition.slug}/jury/")
    page.get_by_role("link", name="Final").click()
    rows = page.locator("#my-entries tbody tr")
    expect(rows).to_have_count(1)  # the entry of the juror's own organisation is not shown
    assert "Juror's Own Lab" not in page.content()
    page.get_by_role("link", name="Score").click()
    page.get_by_label("Innovation").fill("8")
    page.get_by_label("Market").fill("4")
    page.get_by_role("button", name="Save my scores").click()

    expect(page.locator(".my-score")).to_have_text("70")
    body = page.content()
    assert "2.25" not in body
    assert "1.75" not in body
    assert page.locator("#all-scores").count() == 0
    assert juror.scores.count() == 2
