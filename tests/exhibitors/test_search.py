"""Catalogue search: one interface, trigram backends (SQLite FTS5 / PostgreSQL pg_trgm); works
for Chinese, French and English, across every language of the content."""

from __future__ import annotations

import pytest

from showfloor.exhibitors import queries, search
from showfloor.exhibitors.models import SearchEntry
from tests.exhibitors.factories import ExhibitFactory, ExhibitorFactory
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def catalogue(edition):
    robots = ExhibitorFactory(
        edition=edition,
        organization=OrganizationFactory(
            name={
                "en": "Shenzhen Huazhi Robotics Co., Ltd.",
                "fr": "Huazhi Robotique (Shenzhen)",
                "zh-hans": "深圳华智机器人有限公司",
            }
        ),
        profile={"fr": "Bras robotiques pour l'industrie électronique."},
    )
    energy = ExhibitorFactory(
        edition=edition,
        organization=OrganizationFactory(
            name={"en": "Lumitech Énergie SAS", "zh-hans": "卢米新能源公司"}
        ),
        profile={"en": "Solid-state batteries and 5G power systems."},
    )
    ExhibitFactory(
        exhibitor=robots,
        title={"en": "Collaborative robot arm", "zh-hans": "协作机械臂"},
    )
    search.rebuild_edition_index(edition)
    return {"robots": robots, "energy": energy}


def names(edition, q):
    found = queries.filter_exhibitors(edition, queries.CatalogueFilters(q=q))
    return sorted(exhibitor.organization.name["en"] for exhibitor in found)


def test_search_chinese_substring_without_spaces(edition, catalogue):
    assert names(edition, "机器人") == ["Shenzhen Huazhi Robotics Co., Ltd."]


def test_search_chinese_two_characters(edition, catalogue):
    assert names(edition, "能源") == ["Lumitech Énergie SAS"]


def test_search_french_ignores_accents_and_case(edition, catalogue):
    assert names(edition, "ENERGIE") == ["Lumitech Énergie SAS"]


def test_search_french_text_of_another_language_finds_exhibitor(edition, catalogue):
    assert names(edition, "électronique") == ["Shenzhen Huazhi Robotics Co., Ltd."]


def test_search_english_matches_exhibit_titles(edition, catalogue):
    assert names(edition, "robot arm") == ["Shenzhen Huazhi Robotics Co., Ltd."]


def test_search_short_term_uses_substring(edition, catalogue):
    assert names(edition, "5g") == ["Lumitech Énergie SAS"]


def test_search_every_term_must_match(edition, catalogue):
    assert names(edition, "robot énergie") == []


def test_search_no_match_returns_nothing(edition, catalogue):
    assert names(edition, "quantum") == []


def test_search_quotes_in_query_are_harmless(edition, catalogue):
    assert names(edition, '"robot') == ["Shenzhen Huazhi Robotics Co., Ltd."]


def test_search_exhibits_in_chinese(edition, catalogue):
    found = queries.filter_exhibits(edition, queries.CatalogueFilters(q="机械臂"))
    assert [exhibit.title["en"] for exhibit in found] == ["Collaborative robot arm"]


def test_search_is_scoped_to_the_edition(edition, catalogue):
    other = ExhibitorFactory(organization=OrganizationFactory(name={"en": "Other Robot Works"}))
    search.index_exhibitor(other)
    assert names(edition, "robot") == ["Shenzhen Huazhi Robotics Co., Ltd."]


def test_index_exhibitor_updates_after_a_change(edition, catalogue):
    exhibitor = catalogue["energy"]
    exhibitor.profile = {"en": "Quantum sensors"}
    exhibitor.save()
    search.index_exhibitor(exhibitor)
    assert names(edition, "quantum") == ["Lumitech Énergie SAS"]


def test_normalise_folds_width_accents_and_case():
    assert search.normalise("ＡＢＣ Énergie") == "abc energie"


def test_rebuild_counts_entries(edition, catalogue):
    assert search.rebuild_edition_index(edition) == 3
    assert SearchEntry.objects.filter(edition=edition).count() == 3
