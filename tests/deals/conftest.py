from __future__ import annotations

from pathlib import Path

import pytest

from showfloor.core.services import seed_sectors
from showfloor.deals import services
from showfloor.deals.data import build_chitec2020

FIXTURES = Path(build_chitec2020.__file__).resolve().parent


@pytest.fixture
def sectors(db):
    return {sector.code: sector for sector in seed_sectors()}


@pytest.fixture
def chitec_csv() -> Path:
    return FIXTURES / "chitec2020_agreements.csv"


@pytest.fixture
def chitec_xlsx() -> Path:
    return FIXTURES / "chitec2020_agreements.xlsx"


@pytest.fixture
def chitec_edition(edition, sectors, system_actor):
    """An edition set up as CHITEC 2020: Beijing hosts it, RMB, high-tech sectors grouped."""

    edition.city = "Beijing"
    edition.country = "CN"
    edition.currency = "CNY"
    edition.save()
    services.configure_reporting(system_actor, edition, host_country="CN", host_region="Beijing")
    services.define_sector_group(
        system_actor,
        edition,
        "high-tech",
        {
            "en": "high-tech sectors",
            "fr": "secteurs de haute technologie",
            "zh-hans": "高新技术产业",
        },
        [sectors[code] for code in build_chitec2020.HIGH_TECH_SECTORS],
    )
    return edition
