"""Recommendations for an edition's participants: the Django side of recommend.score.

Profiles are read once per edition; missing sentence vectors are computed and stored. The
organiser's blocks (pairs and groups) and pins apply; reasons come back as sentences in the
reader's language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from showfloor.attendance.models import Participant
from showfloor.core.models import Edition, Sector
from showfloor.matchmaking.enums import Intent, RuleKind
from showfloor.matchmaking.models import PairRule, Profile
from showfloor.matchmaking.recommend import embed
from showfloor.matchmaking.recommend.score import Person, Recommendation, Recommender
from showfloor.matchmaking.services.common import settings_for


def _all_text(value: dict | str | None) -> str:
    if not value:
        return ""
    return value if isinstance(value, str) else " ".join(v for v in value.values() if v)


def ensure_vectors(profiles: list[Profile]) -> None:
    """Embed the profiles whose cached vectors are missing, and store them."""
    stale = [p for p in profiles if p.offer_vector is None or p.seek_vector is None]
    if not stale:
        return
    offers = embed.encode([_all_text(p.offer_text) for p in stale])
    seeks = embed.encode([_all_text(p.seek_text) for p in stale])
    for profile, o, s in zip(stale, offers, seeks, strict=True):
        profile.offer_vector = embed.to_bytes(o)
        profile.seek_vector = embed.to_bytes(s)
    Profile.objects.bulk_update(stale, ["offer_vector", "seek_vector"], batch_size=1000)


def _people(edition: Edition) -> tuple[list[Profile], list[Person]]:
    profiles = list(
        Profile.objects.filter(edition=edition, is_active=True)
        .select_related("participant")
        .prefetch_related("sectors")
        .order_by("pk")
    )
    default = settings_for(edition).default_capacity
    people = [
        Person(
            key=p.participant_id,
            kind=p.participant.type,
            offers=set(p.offers),
            seeks=set(p.seeks),
            sectors={s.pk for s in p.sectors.all()},
            offer_text=_all_text(p.offer_text),
            seek_text=_all_text(p.seek_text),
            capacity=p.capacity or default,
            group=p.participant.exhibitor_id,
        )
        for p in profiles
    ]
    return profiles, people


def _cache_key(edition: Edition) -> str:
    stamp = Profile.objects.filter(edition=edition).aggregate(n=Count("pk"), last=Max("updated_at"))
    rules = PairRule.objects.filter(edition=edition).aggregate(n=Count("pk"), last=Max("pk"))
    last = stamp["last"].timestamp() if stamp["last"] else 0
    return f"mm-recs:{edition.pk}:{stamp['n']}:{last}:{rules['n']}:{rules['last']}"


def compute(edition: Edition, k: int = 10) -> dict[int, list[Recommendation]]:
    """Top-k recommendations for every active profile of the edition (participant id keys)."""
    profiles, people = _people(edition)
    if len(people) < 2:
        return {}
    ensure_vectors(profiles)
    offer = np.vstack([embed.from_bytes(p.offer_vector) for p in profiles])
    seek = np.vstack([embed.from_bytes(p.seek_vector) for p in profiles])
    blocked, pinned, kinds = set(), set(), set()
    for rule in PairRule.objects.filter(edition=edition):
        if rule.participant_a_id and rule.participant_b_id:
            pair = (rule.participant_a_id, rule.participant_b_id)
            (pinned if rule.kind == RuleKind.PIN else blocked).add(pair)
        elif rule.kind == RuleKind.BLOCK and rule.type_a and rule.type_b:
            kinds.add((rule.type_a, rule.type_b))
    recommender = Recommender(people, offer_vectors=offer, seek_vectors=seek)
    return recommender.recommend(k, blocked=blocked, pinned=pinned, blocked_kinds=kinds)


def for_edition(edition: Edition, k: int = 10) -> dict[int, list[Recommendation]]:
    key = _cache_key(edition)
    found = cache.get(key)
    if found is None:
        found = compute(edition, k)
        cache.set(key, found, 3600)
    return found


@dataclass
class Shown:
    participant: Participant
    profile: Profile
    score: float
    reasons: list[str]
    pinned: bool


def reason_text(code: str, values: dict, sector_names: dict[int, str]) -> str:
    if code == "they_offer":
        return _("You seek %(intent)s; they offer it.") % {"intent": Intent(values["intent"]).label}
    if code == "you_offer":
        return _("They seek %(intent)s, which you offer.") % {
            "intent": Intent(values["intent"]).label
        }
    if code == "sectors":
        names = ", ".join(sector_names.get(s, "") for s in values["sectors"])
        return _("Sectors in common: %(sectors)s.") % {"sectors": names}
    if code == "keywords":
        return _("Words in common: %(words)s.") % {"words": ", ".join(values["words"])}
    return _("Their offer reads close to what you seek (similarity %(value)s).") % {
        "value": values["similarity"]
    }


def for_participant(participant: Participant, k: int = 10) -> list[Shown]:
    recs = for_edition(participant.edition, k).get(participant.pk, [])
    profiles = {
        p.participant_id: p
        for p in Profile.objects.filter(participant_id__in=[r.key for r in recs]).select_related(
            "participant"
        )
    }
    sector_ids = {
        s for r in recs for code, v in r.reasons if code == "sectors" for s in v["sectors"]
    }
    names = {s.pk: str(s) for s in Sector.objects.filter(pk__in=sector_ids)}
    return [
        Shown(
            participant=profiles[r.key].participant,
            profile=profiles[r.key],
            score=r.score,
            reasons=[reason_text(code, values, names) for code, values in r.reasons],
            pinned=r.pinned,
        )
        for r in recs
        if r.key in profiles
    ]
