"""Demo step for matchmaking: profiles, requests, a scheduled programme of meetings, check-ins.

Taking part: one delegate of every investor organisation and every research institute and
university that core made (chtf2020: 760 and 398), staff of some exhibitors, and professional
visitors that the attendance step registered. Requests follow the profiles' planted topics
(someone who seeks X asks people who offer X); ~60% are accepted. Sessions: three days × two
half-days × six 30-minute slots; tables in the matchmaking area and at a few booths. Then the
real scheduler runs ("schedule all"), and both sides check in to the meetings that took place
(chtf2020: 356, the press release's figure, as rows the figures count).

Adds to ctx.data: "matchmaking_meeting_ids" [id of held meetings].
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.contrib.auth import get_user_model
from django.utils import timezone

from showfloor.attendance.enums import AttendanceMode, ParticipantType
from showfloor.attendance.models import Participant
from showfloor.demo import names
from showfloor.demo.generator import DEMO_PASSWORD, DemoContext
from showfloor.matchmaking import recommendations, services
from showfloor.matchmaking.enums import (
    DeclineReason,
    MeetingMode,
    MeetingStatus,
    RequestStatus,
    RuleKind,
    SurveyOutcome,
)
from showfloor.matchmaking.models import (
    Availability,
    FollowUp,
    Meeting,
    MeetingRequest,
    MeetingSession,
    PairRule,
    Profile,
    Slot,
    Table,
)
from showfloor.matchmaking.recommend import synthetic

HELD = {"small": 14, "chtf2020": 356}
EXHIBITOR_STAFF = {"small": 10, "chtf2020": 700}
VISITORS = {"small": 20, "chtf2020": 600}
REQUESTS_PER_SEEKER = {"small": 2, "chtf2020": 1}
TABLES = {"small": 6, "chtf2020": 30}


def _delegates(ctx: DemoContext, organizations: list, kind: str) -> list[Participant]:
    rows = []
    for index, organization in enumerate(organizations):
        country = "CN" if ctx.rng.random() < 0.85 else ctx.rng.choice(["DE", "FR", "SG", "US"])
        first, last, _native = names.person(ctx.rng, country)
        rows.append(
            Participant(
                edition=ctx.edition,
                type=kind,
                first_name=first,
                last_name=last,
                email=f"mm-{kind}-{index}@example.org",
                organization=organization,
                organization_name=str(organization),
                country=country,
                language="zh-hans" if country == "CN" else ctx.rng.choice(["en", "fr"]),
                attendance_mode=(
                    AttendanceMode.ONLINE if ctx.rng.random() < 0.15 else AttendanceMode.ONSITE
                ),
            )
        )
    return Participant.objects.bulk_create(rows, batch_size=2000)


def _exhibitor_staff(ctx: DemoContext) -> list[Participant]:
    exhibitors = list(ctx.data.get("exhibitors", []))[: ctx.pick(EXHIBITOR_STAFF)]
    rows = []
    for index, exhibitor in enumerate(exhibitors):
        first, last, _native = names.person(ctx.rng, "CN")
        rows.append(
            Participant(
                edition=ctx.edition,
                type=ParticipantType.EXHIBITOR_STAFF,
                first_name=first,
                last_name=last,
                email=f"mm-exhibitor-{index}@example.org",
                organization_id=exhibitor.organization_id,
                organization_name=str(exhibitor.organization),
                exhibitor=exhibitor,
                country="CN",
                language="zh-hans",
            )
        )
    return Participant.objects.bulk_create(rows, batch_size=2000)


def _people(ctx: DemoContext) -> list[Participant]:
    organizations = ctx.data.get("organizations", {})
    investors = _delegates(ctx, organizations.get("investor", []), ParticipantType.INVESTOR)
    institutes = _delegates(
        ctx,
        organizations.get("research_institute", []) + organizations.get("university", []),
        ParticipantType.PROFESSIONAL,
    )
    visitor_ids = ctx.data.get("participant_ids", {}).get(ParticipantType.PROFESSIONAL, [])
    visitors = list(
        Participant.objects.filter(pk__in=visitor_ids[: ctx.pick(VISITORS)]).order_by("pk")
    )
    return investors + institutes + _exhibitor_staff(ctx) + visitors


def _profiles(ctx: DemoContext, people: list[Participant]) -> list[tuple[Participant, object]]:
    planted = synthetic.generate(len(people), seed=ctx.seed)
    rows = []
    for person, plan in zip(people, planted, strict=True):
        language = person.language if person.language in synthetic.LANGUAGES else "en"
        offer = synthetic.text(plan.offer_topic, language, "offer", ctx.rng)
        seek = synthetic.text(plan.seek_topic, language, "seek", ctx.rng)
        offers, seeks = plan.offers, plan.seeks
        if person.type == ParticipantType.INVESTOR:
            offers, seeks = ["investment"], ["technology"]
        rows.append(
            Profile(
                edition=ctx.edition,
                participant=person,
                offer_text={language: offer},
                seek_text={language: seek},
                offers=sorted(set(offers)),
                seeks=sorted(set(seeks)),
                languages=[language],
                capacity=ctx.rng.choice([4, 6, 8]),
            )
        )
    Profile.objects.bulk_create(rows, batch_size=2000)
    return list(zip(people, planted, strict=True))


def _requests(ctx: DemoContext, planted: list[tuple[Participant, object]]) -> list[MeetingRequest]:
    offering: dict[int, list[Participant]] = {}
    for person, plan in planted:
        offering.setdefault(plan.offer_topic, []).append(person)
    now = timezone.now()
    rows, seen = [], set()
    for person, plan in planted:
        for _ in range(ctx.pick(REQUESTS_PER_SEEKER)):
            # The organiser's block: exhibitors may not request exhibitors.
            candidates = [
                p
                for p in offering.get(plan.seek_topic, [])
                if p.pk != person.pk and not (p.exhibitor_id and person.exhibitor_id)
            ]
            if not candidates:
                continue
            other = ctx.rng.choice(candidates)
            pair = (person.pk, other.pk)
            if pair in seen or (other.pk, person.pk) in seen:
                continue
            seen.add(pair)
            draw = ctx.rng.random()
            status = (
                RequestStatus.ACCEPTED
                if draw < 0.62
                else RequestStatus.DECLINED
                if draw < 0.85
                else RequestStatus.PENDING
                if draw < 0.95
                else RequestStatus.CANCELLED
            )
            rows.append(
                MeetingRequest(
                    edition=ctx.edition,
                    requester=person,
                    recipient=other,
                    message="",
                    status=status,
                    decline_reason=(
                        ctx.rng.choice(DeclineReason.values)
                        if status == RequestStatus.DECLINED
                        else ""
                    ),
                    responded_at=now if status != RequestStatus.PENDING else None,
                )
            )
    return MeetingRequest.objects.bulk_create(rows, batch_size=2000)


def _sessions(ctx: DemoContext) -> list[Slot]:
    edition = ctx.edition
    tz = zoneinfo.ZoneInfo(edition.timezone)
    days = [edition.start_date + dt.timedelta(days=d) for d in range(1, 4)]
    for day in days:
        for hour, label in ((9, "morning"), (14, "afternoon")):
            start = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=tz)
            services.create_session(
                ctx.actor,
                edition,
                name=f"{day:%d %b} {label}",
                starts_at=start.astimezone(dt.UTC),
                slot_minutes=30,
                break_minutes=5,
                slot_count=6,
            )
    return list(Slot.objects.filter(edition=edition).order_by("starts_at"))


def _availability(ctx: DemoContext, people: list[Participant]) -> None:
    """A third of the people can only come on some half-days."""
    sessions = list(MeetingSession.objects.filter(edition=ctx.edition).order_by("starts_at"))
    rows = []
    for person in people:
        if ctx.rng.random() < 0.33:
            for session in ctx.rng.sample(sessions, 3):
                end = session.starts_at + dt.timedelta(minutes=35 * session.slot_count)
                rows.append(
                    Availability(participant=person, starts_at=session.starts_at, ends_at=end)
                )
    Availability.objects.bulk_create(rows, batch_size=5000)


def _check_ins(ctx: DemoContext) -> list[int]:
    """Both sides check in to the meetings that took place; a few were no-shows."""
    scheduled = list(
        Meeting.objects.filter(edition=ctx.edition, status=MeetingStatus.SCHEDULED)
        .select_related("slot")
        .order_by("slot__starts_at", "pk")
    )
    held = ctx.rng.sample(scheduled, min(ctx.pick(HELD), len(scheduled)))
    held_ids = {m.pk for m in held}
    for meeting in scheduled:
        arrived = meeting.slot.starts_at + dt.timedelta(minutes=ctx.rng.randint(0, 4))
        meeting.checked_in_a_at = arrived if meeting.pk in held_ids else None
        meeting.checked_in_b_at = arrived if meeting.pk in held_ids else None
        if meeting.pk not in held_ids and ctx.rng.random() < 0.5:
            meeting.checked_in_a_at = arrived  # one side came, the other did not
    Meeting.objects.bulk_update(scheduled, ["checked_in_a_at", "checked_in_b_at"], batch_size=2000)
    FollowUp.objects.bulk_create(
        [
            FollowUp(
                meeting=meeting,
                participant_id=meeting.participant_a_id,
                outcome=ctx.rng.choices(SurveyOutcome.values, weights=[1, 3, 4])[0],
            )
            for meeting in held
            if ctx.rng.random() < 0.6
        ]
    )
    return sorted(held_ids)


def _accounts(ctx: DemoContext, people: list[Participant]) -> list[str]:
    """Log-ins to try matchmaking as a participant: the first investor delegate ("investor")
    and, when the exhibitors step made the "exhibitor" account, one of its exhibitor's staff."""
    user_model = get_user_model()
    made = []
    investor = next((p for p in people if p.type == ParticipantType.INVESTOR), None)
    if investor is not None:
        user = user_model.objects.filter(username="investor").first() or (
            user_model.objects.create_user("investor", "investor@example.org", DEMO_PASSWORD)
        )
        Participant.objects.filter(pk=investor.pk).update(user=user)
        made.append("investor")
    exhibitor_user = (
        ctx.users.get("exhibitor") or user_model.objects.filter(username="exhibitor").first()
    )
    staff = next((p for p in people if p.exhibitor_id), None)
    if exhibitor_user is not None and staff is not None:
        Participant.objects.filter(pk=staff.pk).update(user=exhibitor_user)
        made.append("exhibitor")
    return made


def generate(ctx: DemoContext) -> None:
    edition = ctx.edition
    config = services.settings_for(edition)
    config.max_requests_per_person = 10
    config.default_capacity = 6
    config.save()
    PairRule.objects.create(
        edition=edition,
        kind=RuleKind.BLOCK,
        type_a=ParticipantType.EXHIBITOR_STAFF,
        type_b=ParticipantType.EXHIBITOR_STAFF,
        note="Exhibitors may not request exhibitors.",
    )
    people = _people(ctx)
    accounts = _accounts(ctx, people)
    planted = _profiles(ctx, people)
    requests = _requests(ctx, planted)
    accepted = [r for r in requests if r.status == RequestStatus.ACCEPTED]
    online = {p.pk for p in people if p.attendance_mode == AttendanceMode.ONLINE}
    Meeting.objects.bulk_create(
        [
            Meeting(
                edition=edition,
                request=r,
                participant_a_id=r.requester_id,
                participant_b_id=r.recipient_id,
                mode=(
                    MeetingMode.ONLINE
                    if {r.requester_id, r.recipient_id} & online
                    else MeetingMode.ONSITE
                ),
            )
            for r in accepted
        ],
        batch_size=2000,
    )
    _sessions(ctx)
    exhibitor_ids = [p.exhibitor_id for p in people if p.exhibitor_id][:5]
    services.create_tables(
        ctx.actor,
        edition,
        ctx.pick(TABLES),
        location="Hall 1, matchmaking area",
        exhibitor_ids=exhibitor_ids,
    )
    _availability(ctx, people)
    run = services.schedule_all(
        ctx.actor, edition, time_limit=ctx.pick({"small": 3, "chtf2020": 10})
    )
    held = _check_ins(ctx)
    # Sentence vectors now, so the first visitor's recommendations come quickly.
    recommendations.ensure_vectors(list(Profile.objects.filter(edition=edition)))
    ctx.data["matchmaking_meeting_ids"] = held
    report = run.report
    ctx.log(
        f"  {len(people)} matchmaking profiles, {len(requests)} requests, "
        f"{len(accepted)} accepted, {report['meetings']} scheduled "
        f"(upper bound {report['upper_bound_weight']} weight, gap {100 * report['gap']:.2f} %, "
        f"{Table.objects.filter(edition=edition).count()} tables), {len(held)} held; "
        f"participant log-ins: {', '.join(accounts)}"
    )
