"""Demo step for awards: the expert jury's outstanding organisers, exhibitors and products (at
chtf2020 scale 144, 135 and 685 winners, as CHTF2020 reported), each with a weighted rubric, a
closed final round scored by the jury and published results; and a startup pitch competition
whose shortlist round is still open, so the demo juror (“juror1”, demo password) can score.
Entries, jurors and scores are bulk-created; closing and publishing go through the services.
Adds `ctx.data["award_winners"]` ({category: count})."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model

from showfloor.awards import queries, services
from showfloor.awards.enums import (
    AwardCategory,
    AwardStatus,
    Eligibility,
    EntrySource,
    RoundKind,
)
from showfloor.awards.models import Award, Criterion, Entry, JuryMember, Round, Score
from showfloor.demo import names
from showfloor.demo.generator import DEMO_PASSWORD, DemoContext
from showfloor.exhibitors.models import Exhibit

# (winners, entries) per category and scale.
COUNTS: dict[str, dict[str, tuple[int, int]]] = {
    "small": {"organiser": (6, 10), "exhibitor": (5, 12), "product": (12, 24), "pitch": (4, 8)},
    "chtf2020": {
        "organiser": (144, 190),
        "exhibitor": (135, 260),
        "product": (685, 900),
        "pitch": (10, 40),
    },
}
JURORS = {"small": 3, "chtf2020": 5}
RUBRIC = [
    ({"en": "Innovation", "fr": "Innovation", "zh-hans": "创新性"}, Decimal(3)),
    ({"en": "Market potential", "fr": "Potentiel commercial", "zh-hans": "市场潜力"}, Decimal(2)),
    ({"en": "Social impact", "fr": "Impact social", "zh-hans": "社会效益"}, Decimal(1)),
]
AWARDS = {
    "organiser": (
        AwardCategory.ORGANISER,
        Eligibility.ORGANISERS,
        {"en": "Outstanding organiser", "fr": "Organisateur d'exception", "zh-hans": "优秀组织奖"},
    ),
    "exhibitor": (
        AwardCategory.EXHIBITOR,
        Eligibility.EXHIBITORS,
        {"en": "Outstanding exhibitor", "fr": "Exposant d'exception", "zh-hans": "优秀展商奖"},
    ),
    "product": (
        AwardCategory.PRODUCT,
        Eligibility.EXHIBITS,
        {"en": "Outstanding product", "fr": "Produit d'exception", "zh-hans": "优秀产品奖"},
    ),
    "pitch": (
        AwardCategory.COMPETITION,
        Eligibility.PITCHES,
        {
            "en": "Startup pitch competition",
            "fr": "Concours de pitch de start-up",
            "zh-hans": "创业路演大赛",
        },
    ),
}
PITCHES = [
    {
        "en": "Edge AI for city cameras",
        "fr": "IA embarquée pour caméras urbaines",
        "zh-hans": "城市摄像头边缘智能",
    },
    {
        "en": "Battery recycling robot",
        "fr": "Robot de recyclage de batteries",
        "zh-hans": "电池回收机器人",
    },
    {
        "en": "Low-cost 5G private networks",
        "fr": "Réseaux privés 5G à bas coût",
        "zh-hans": "低成本5G专网",
    },
    {
        "en": "Rapid point-of-care diagnostics",
        "fr": "Diagnostic rapide au chevet du patient",
        "zh-hans": "即时快速诊断",
    },
    {
        "en": "Blockchain traceability for food",
        "fr": "Traçabilité alimentaire par blockchain",
        "zh-hans": "区块链食品溯源",
    },
]
ORGANISER_TYPES = ("government", "international", "research_institute", "university", "media")


def _jurors(ctx: DemoContext) -> list[Any]:
    user_model = get_user_model()
    users = []
    for index in range(1, ctx.pick(JURORS) + 1):
        username = f"juror{index}"
        user = user_model.objects.filter(username=username).first()
        if user is None:
            first, last, _zh = names.person(ctx.rng)
            user = user_model.objects.create_user(
                username, f"{username}@example.org", DEMO_PASSWORD, first_name=first, last_name=last
            )
        users.append(user)
    return users


def _candidates(ctx: DemoContext, key: str, count: int) -> list[dict[str, Any]]:
    exhibitors = list(ctx.data.get("exhibitors", []))
    ctx.rng.shuffle(exhibitors)
    if key == "organiser":
        pool = [org for kind in ORGANISER_TYPES for org in ctx.data["organizations"][kind]]
        return [{"organization": org} for org in ctx.rng.sample(pool, min(count, len(pool)))]
    if key == "exhibitor" and exhibitors:
        return [
            {"organization_id": ex.organization_id, "exhibitor": ex} for ex in exhibitors[:count]
        ]
    if key == "product" and exhibitors:
        exhibits = list(
            Exhibit.objects.filter(edition=ctx.edition, exhibitor__in=exhibitors).select_related(
                "exhibitor"
            )[: count * 3]
        )
        ctx.rng.shuffle(exhibits)
        return [
            {
                "organization_id": exhibit.exhibitor.organization_id,
                "exhibitor": exhibit.exhibitor,
                "exhibit": exhibit,
                "title": exhibit.title,
            }
            for exhibit in exhibits[:count]
        ]
    companies = ctx.rng.sample(ctx.data["organizations"]["company"], count)
    return [
        {
            "organization": org,
            "title": {"en": f"{names.chinese_company(ctx.rng).names['en']} pitch"},
        }
        for org in companies
    ]


def _award(ctx: DemoContext, key: str, users: list[Any]) -> tuple[Award, list[JuryMember]]:
    category, eligibility, name = AWARDS[key]
    winners, _entries = ctx.pick(COUNTS)[key]
    award = services.create_award(
        ctx.actor,
        ctx.edition,
        code=key,
        name=name,
        category=category,
        eligibility=eligibility,
        status=AwardStatus.JUDGING,
        winners_count=winners,
    )
    for order, (criterion_name, weight) in enumerate(RUBRIC):
        services.add_criterion(ctx.actor, award, criterion_name, weight, order=order)
    jurors = JuryMember.objects.bulk_create(
        [
            JuryMember(award=award, user=user, is_chair=index == 0)
            for index, user in enumerate(users)
        ]
    )
    return award, jurors


def _score(ctx: DemoContext, round_: Round, jurors: list[JuryMember], entries: list[Entry]) -> None:
    criteria = list(Criterion.objects.filter(award_id=round_.award_id))
    scores = []
    for entry in entries:
        quality = ctx.rng.uniform(3, 9.5)
        for juror in jurors:
            for criterion in criteria:
                mark = min(10.0, max(0.0, ctx.rng.gauss(quality, 0.8)))
                value = Decimal(int(mark * 100)) / 100  # exact cents: no float reaches a score
                scores.append(
                    Score(round=round_, entry=entry, juror=juror, criterion=criterion, value=value)
                )
    Score.objects.bulk_create(scores, batch_size=2000)


def _untie_cut(round_: Round, count: int, juror: JuryMember) -> None:
    """Nudge a score so no tie straddles the number of winners (the demo matches the release)."""
    for _attempt in range(20):
        _inside, _outside, straddling = queries.cut(queries.ranking(round_), count)
        if not straddling:
            return
        score = Score.objects.filter(round=round_, entry=straddling[-1].entry, juror=juror).first()
        Score.objects.filter(pk=score.pk).update(
            value=max(Decimal(0), score.value - Decimal("0.01"))
        )


def _entries(ctx: DemoContext, award: Award, key: str) -> list[Entry]:
    _winners, count = ctx.pick(COUNTS)[key]
    rows = [
        Entry(award=award, source=EntrySource.NOMINATED, **candidate)
        for candidate in _candidates(ctx, key, count)
    ]
    return Entry.objects.bulk_create(rows, batch_size=1000)


def generate(ctx: DemoContext) -> None:
    users = _jurors(ctx)
    winners: dict[str, int] = {}
    for key in ("organiser", "exhibitor", "product"):
        award, jurors = _award(ctx, key, users)
        entries = _entries(ctx, award, key)
        final = services.add_round(ctx.actor, award, RoundKind.FINAL)
        _score(ctx, final, jurors, entries)
        _untie_cut(final, award.winners_count, jurors[0])
        services.close_round(ctx.actor, final)
        services.publish_results(ctx.actor, award)
        winners[key] = queries.winners(award).count()
    pitch, jurors = _award(ctx, "pitch", users)
    entries = _entries(ctx, pitch, "pitch")
    shortlist = services.add_round(
        ctx.actor, pitch, RoundKind.SHORTLIST, advance_count=max(2, len(entries) // 2)
    )
    services.add_round(ctx.actor, pitch, RoundKind.FINAL)
    _score(ctx, shortlist, jurors[1:], entries)  # juror1 has still to score
    ctx.data["award_winners"] = winners
    ctx.log(f"  award winners: {winners}; pitch competition open for juror1")
