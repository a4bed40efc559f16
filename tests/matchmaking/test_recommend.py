"""The recommender on plain data: both directions, rules, re-ranking, languages."""

from __future__ import annotations

import numpy as np
import pytest

from showfloor.matchmaking.recommend import embed, text
from showfloor.matchmaking.recommend.score import Person, Recommender


def p(key, offers, seeks, offer_text="", seek_text="", capacity=8, kind="professional", group=None):
    return Person(key, kind, set(offers), set(seeks), set(), offer_text, seek_text, capacity, group)


def test_tokens_segment_chinese_with_jieba():
    assert text.tokens("我们寻找电池回收合作伙伴") == ["寻找", "电池", "回收", "合作伙伴"]


def test_recommend_ranks_two_way_match_above_one_way():
    people = [
        p(0, ["investment"], ["technology"]),
        p(1, ["technology"], ["investment"]),  # answers 0 and is answered by 0
        p(2, ["technology"], ["purchasing"]),  # answers 0 only
    ]

    recs = Recommender(people, use_keywords=False, use_embeddings=False).recommend(k=2)

    assert [r.key for r in recs[0]] == [1, 2]
    assert recs[0][0].reasons == [
        ("they_offer", {"intent": "technology"}),
        ("you_offer", {"intent": "investment"}),
    ]


def test_recommend_caps_appearances_of_a_popular_person():
    hub = p(0, ["investment"], ["technology"], capacity=1)
    others = [p(i, ["technology"], ["investment"]) for i in range(1, 6)]

    recs = Recommender([hub, *others], use_keywords=False, use_embeddings=False).recommend(
        k=3, exposure=2
    )

    assert sum(1 for i in range(1, 6) if any(r.key == 0 for r in recs[i])) == 2


def test_recommend_blocked_groups_never_meet():
    people = [
        p(0, ["technology"], ["investment"], kind="exhibitor_staff"),
        p(1, ["investment"], ["technology"], kind="exhibitor_staff"),
    ]

    recs = Recommender(people, use_keywords=False, use_embeddings=False).recommend(
        blocked_kinds={("exhibitor_staff", "exhibitor_staff")}
    )

    assert (recs[0], recs[1]) == ([], [])


def test_recommend_pinned_pair_comes_first():
    people = [
        p(0, ["investment"], ["technology"]),
        p(1, ["technology"], ["investment"]),
        p(2, ["purchasing"], ["supply"]),
    ]

    recs = Recommender(people, use_keywords=False, use_embeddings=False).recommend(pinned={(0, 2)})

    assert [(r.key, r.pinned) for r in recs[0]] == [(2, True), (1, False)]


def test_recommend_keywords_match_chinese_need_to_chinese_offer():
    people = [
        p(0, [], [], seek_text="寻找电池回收技术"),
        p(1, [], [], offer_text="提供电池回收技术", seek_text="寻找电池回收技术"),
        p(2, [], [], offer_text="提供云计算服务", seek_text="寻找电池回收技术"),
    ]

    recs = Recommender(people, use_embeddings=False, use_rules=False).recommend(k=1)

    assert [r.key for r in recs[0]] == [1]


@pytest.mark.slow
def test_embeddings_find_french_and_chinese_offer_for_english_need():
    need = embed.encode(["We seek battery recycling partners"])[0]
    offers = embed.encode(
        [
            "Nous proposons le recyclage des batteries",
            "我们提供电池回收技术",
            "Nous proposons des services d'informatique en nuage",
            "我们提供云计算服务",
        ]
    )

    sims = offers @ need

    assert (sims[0] > sims[2], sims[1] > sims[3]) == (True, True)
    assert np.allclose(np.linalg.norm(offers, axis=1), 1.0, atol=1e-3)
