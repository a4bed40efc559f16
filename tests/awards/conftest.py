from __future__ import annotations

from decimal import Decimal

import pytest

from showfloor.core.permissions import Actor
from tests.awards.factories import (
    AwardFactory,
    CriterionFactory,
    EntryFactory,
    JuryMemberFactory,
    RoundFactory,
)


@pytest.fixture
def award(edition):
    return AwardFactory(edition=edition, winners_count=1)


@pytest.fixture
def rubric(award):
    """Innovation weighs 3, market 1, both scored out of 10."""
    return [
        CriterionFactory(award=award, name={"en": "Innovation"}, weight=Decimal(3), order=1),
        CriterionFactory(award=award, name={"en": "Market"}, weight=Decimal(1), order=2),
    ]


@pytest.fixture
def final(award):
    return RoundFactory(award=award, kind="final")


@pytest.fixture
def jurors(award):
    return [JuryMemberFactory(award=award) for _index in range(2)]


@pytest.fixture
def entries(award):
    return [EntryFactory(award=award) for _index in range(3)]


def as_actor(juror):
    return Actor.for_user(juror.user)


def card(rubric, innovation, market):
    return {rubric[0].pk: Decimal(innovation), rubric[1].pk: Decimal(market)}
