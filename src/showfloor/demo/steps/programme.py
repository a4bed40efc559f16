"""Demo step for the programme: forums, rooms, speakers, sessions (with signing and award
ceremonies), streams, registrations with waiting lists, agenda items, moderated questions and
the viewer pings from which live and replay audiences are counted.

chtf2020: 176 forums (the press release) over the five days in 30 rooms. small: 12 forums.
Schedules are laid out room by room so that no room and no speaker is ever in two places;
`tests/programme/test_demo.py` checks that with the schedule service's own conflict rules.
One or two sessions play a real HLS test pattern made with ffmpeg into MEDIA_ROOT; the other
streams point at settings.STREAMING_BASE_URL (the organiser's streaming server).

Adds to ctx.data: "programme_session_ids" {kind: [id]}, "forum_ids" [id].
"""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import defaultdict
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from showfloor.attendance.models import Participant
from showfloor.core import audit
from showfloor.core.models import Edition, Sector
from showfloor.demo import names
from showfloor.demo.generator import DEMO_PASSWORD, DemoContext
from showfloor.programme import hls
from showfloor.programme.enums import (
    ForumKind,
    QuestionStatus,
    RegistrationStatus,
    SessionKind,
    SessionStatus,
    SpeakerRole,
    SpeakerStatus,
    StreamStatus,
    ViewMode,
)
from showfloor.programme.models import (
    AgendaItem,
    Forum,
    Question,
    Room,
    Session,
    SessionRegistration,
    SessionSpeaker,
    Speaker,
    Stream,
    ViewerPing,
)

COUNTS = {
    "small": {"forums": 12, "rooms": 6, "speakers": 60, "viewers": 40, "questions": 3},
    "chtf2020": {"forums": 176, "rooms": 30, "speakers": 720, "viewers": 55, "questions": 1},
}
DAY_START, DAY_END = dt.time(9, 0), dt.time(18, 0)

FORUM_TEMPLATES = [
    ("{en} Innovation Forum", "Forum de l'innovation : {fr}", "{zh}创新论坛"),
    ("China Hi-Tech Forum on {en}", "Forum China Hi-Tech : {fr}", "中国高新技术论坛·{zh}"),
    ("{en} Industry Summit", "Sommet de l'industrie : {fr}", "{zh}产业峰会"),
    ("International {en} Conference", "Conférence internationale : {fr}", "{zh}国际大会"),
    ("{en} Investment Matchmaking", "Rencontres d'investissement : {fr}", "{zh}投资对接会"),
    ("{en} Standards Workshop", "Atelier des normes : {fr}", "{zh}标准研讨会"),
    ("Belt and Road {en} Forum", "Forum Ceinture et Route : {fr}", "一带一路{zh}论坛"),
    ("{en} Start-up Pitch Day", "Journée des start-up : {fr}", "{zh}创业路演日"),
    ("EU–China {en} Dialogue", "Dialogue UE–Chine : {fr}", "中欧{zh}对话"),
    ("{en} Talent and Education Forum", "Forum talents et formation : {fr}", "{zh}人才与教育论坛"),
    ("Greater Bay Area {en} Forum", "Forum de la Grande Baie : {fr}", "粤港澳大湾区{zh}论坛"),
    (
        "{en} Technology Transfer Forum",
        "Forum du transfert de technologie : {fr}",
        "{zh}技术转移论坛",
    ),
    ("Young Scientists on {en}", "Jeunes scientifiques : {fr}", "青年科学家·{zh}"),
    ("{en} Open Source Forum", "Forum open source : {fr}", "{zh}开源论坛"),
    ("{en} Application Showcase", "Vitrine des applications : {fr}", "{zh}应用展示"),
    ("High-level Dialogue on {en}", "Dialogue de haut niveau : {fr}", "{zh}高端对话"),
]
SESSION_TOPICS = [
    ("Opening remarks", "Allocution d'ouverture", "开幕致辞", SessionKind.KEYNOTE, 30),
    (
        "Keynote: the road ahead",
        "Conférence : la voie à suivre",
        "主旨演讲：前行之路",
        SessionKind.KEYNOTE,
        45,
    ),
    (
        "Panel: from the lab to the market",
        "Table ronde : du laboratoire au marché",
        "圆桌对话：从实验室到市场",
        SessionKind.PANEL,
        60,
    ),
    (
        "Case studies from industry",
        "Études de cas industrielles",
        "产业案例分享",
        SessionKind.TALK,
        45,
    ),
    (
        "Business talk: partners wanted",
        "Rencontre d'affaires : partenaires recherchés",
        "商务洽谈：寻找合作伙伴",
        SessionKind.BUSINESS_TALK,
        45,
    ),
    ("Start-up pitches", "Présentations de start-up", "初创企业路演", SessionKind.PITCH, 60),
    ("Standards and regulation", "Normes et réglementation", "标准与监管", SessionKind.TALK, 30),
]
ROOM_NAMES = [
    ({"en": "Main Stage, Hall 1", "fr": "Grande scène, hall 1", "zh-hans": "1号馆主舞台"}, 1200),
    ({"en": "Conference Hall A", "fr": "Salle de conférence A", "zh-hans": "会议厅A"}, 600),
    ({"en": "Studio (online)", "fr": "Studio (en ligne)", "zh-hans": "直播间（线上）"}, 0),
]


def _sector_names(ctx: DemoContext) -> list[Sector]:
    return list(Sector.objects.filter(parent__isnull=True).order_by("code")) or ctx.sectors


def _rooms(ctx: DemoContext, edition: Edition, count: int) -> list[Room]:
    rooms = []
    for index in range(count):
        if index < len(ROOM_NAMES):
            name, capacity = ROOM_NAMES[index]
        else:
            number = index - len(ROOM_NAMES) + 1
            name = {
                "en": f"Meeting Room {number}",
                "fr": f"Salle de réunion {number}",
                "zh-hans": f"{number}号会议室",
            }
            capacity = ctx.rng.choice([40, 80, 120, 200, 300])
        rooms.append(
            Room(
                edition=edition,
                name=name,
                location=f"Hall {1 + index % 9}, level {1 + index % 2}",
                capacity=capacity or 100,
                is_virtual=capacity == 0,
                order=index,
            )
        )
    return Room.objects.bulk_create(rooms)


def _forums(ctx: DemoContext, edition: Edition, count: int) -> list[Forum]:
    sectors = _sector_names(ctx)
    pairs = [(template, sector) for template in FORUM_TEMPLATES for sector in sectors]
    ctx.rng.shuffle(pairs)
    forums = []
    for index in range(count):
        (en, fr, zh), sector = pairs[index % len(pairs)]
        suffix = "" if index < len(pairs) else f" {index // len(pairs) + 1}"
        title = {
            "en": en.format(en=sector.name.get("en", sector.code)) + suffix,
            "fr": fr.format(fr=sector.name.get("fr", sector.code)) + suffix,
            "zh-hans": zh.format(zh=sector.name.get("zh-hans", sector.code)) + suffix,
        }
        forum = Forum(
            edition=edition,
            code=f"forum-{index + 1:03d}",
            kind=ForumKind.HIGH_LEVEL if index % 7 == 0 else ForumKind.TECHNICAL,
            title=title,
            description={
                "en": f"Experts, companies and investors on {title['en'].lower()}.",
                "fr": f"Experts, entreprises et investisseurs réunis : {title['fr']}.",
                "zh-hans": f"专家、企业与投资机构共话{title['zh-hans']}。",
            },
            order=index,
        )
        forum.sector_id = sector.pk  # remembered for the m2m rows below
        forums.append(forum)
    created = Forum.objects.bulk_create(forums)
    through = Forum.sectors.through
    through.objects.bulk_create(
        [through(forum_id=forum.pk, sector_id=forum.sector_id) for forum in created]
    )
    return created


def _speakers(ctx: DemoContext, edition: Edition, count: int) -> list[Speaker]:
    organizations = [
        o
        for kind in ("company", "research_institute", "university", "investor", "international")
        for o in ctx.data.get("organizations", {}).get(kind, [])
    ]
    countries = ["CN"] * 7 + ["DE", "FR", "SG", "US", "GB", "IT", "RU", "KZ", "IN"]
    by_country: dict[str, list] = defaultdict(list)
    for organization in organizations:
        by_country[str(organization.country)].append(organization)
    speakers = []
    for _index in range(count):
        country = ctx.rng.choice(countries)
        first, last, chinese = names.person(ctx.rng, country)
        # A speaker works for an organisation of their own country when the pool has one.
        pool = by_country.get(country) or []
        organization = ctx.rng.choice(pool) if pool else None
        affiliation = ""
        if organization is None:
            affiliation = names.foreign_company(ctx.rng, country, None).names.get("en", "")
        speakers.append(
            Speaker(
                edition=edition,
                name=chinese if country == "CN" else f"{first} {last}",
                job_title=ctx.rng.choice(
                    [
                        {
                            "en": "Chief Technology Officer",
                            "fr": "Directeur technique",
                            "zh-hans": "首席技术官",
                        },
                        {"en": "Professor", "fr": "Professeur", "zh-hans": "教授"},
                        {"en": "Managing Partner", "fr": "Associé gérant", "zh-hans": "管理合伙人"},
                        {
                            "en": "Chief Scientist",
                            "fr": "Directeur scientifique",
                            "zh-hans": "首席科学家",
                        },
                        {"en": "Director General", "fr": "Directeur général", "zh-hans": "总经理"},
                    ]
                ),
                organization=organization,
                organization_name=affiliation,
                country=country,
                bio={
                    "en": f"{first} {last} has led research and industrial projects for 15 years.",
                    "fr": f"{first} {last} dirige des projets de recherche et industriels "
                    "depuis 15 ans.",
                    "zh-hans": f"{chinese}从事科研与产业化工作十五年。",
                },
                status=SpeakerStatus.CONFIRMED,
                confirmed_at=timezone.now(),
            )
        )
    return Speaker.objects.bulk_create(speakers)


class Layout:
    """Hands out (room, start, end) slots room by room, day by day, never overlapping."""

    def __init__(self, edition: Edition, rooms: list[Room]) -> None:
        self.edition = edition
        self.rooms = rooms
        self.cursor = {
            (day, room.pk): dt.datetime.combine(day, DAY_START, edition.tz)
            for day in edition.days
            for room in rooms
        }

    def block(self, minutes: int, room: Room | None = None, day: dt.date | None = None):
        """The earliest (day, room) with `minutes` free before the end of the day."""
        keys = sorted(self.cursor, key=lambda key: (self.cursor[key], key[1]))
        for key in keys:
            if room is not None and key[1] != room.pk:
                continue
            if day is not None and key[0] != day:
                continue
            start = self.cursor[key]
            end_of_day = dt.datetime.combine(key[0], DAY_END, self.edition.tz)
            if start + dt.timedelta(minutes=minutes) <= end_of_day:
                return key
        return None

    def take(self, key, minutes: int) -> tuple[dt.datetime, dt.datetime]:
        start = self.cursor[key]
        end = start + dt.timedelta(minutes=minutes)
        self.cursor[key] = end + dt.timedelta(minutes=15)  # changeover
        return start.astimezone(dt.UTC), end.astimezone(dt.UTC)


class SpeakerPool:
    """Picks speakers who are free at a time; nobody is booked twice at once."""

    def __init__(self, ctx: DemoContext, speakers: list[Speaker]) -> None:
        self.ctx = ctx
        self.speakers = speakers
        self.busy: dict[int, list[tuple[dt.datetime, dt.datetime]]] = defaultdict(list)

    def pick(self, count: int, start: dt.datetime, end: dt.datetime) -> list[Speaker]:
        chosen: list[Speaker] = []
        for speaker in self.ctx.rng.sample(self.speakers, min(len(self.speakers), count * 4)):
            if len(chosen) == count:
                break
            if any(s < end and e > start for s, e in self.busy[speaker.pk]):
                continue
            self.busy[speaker.pk].append((start, end))
            chosen.append(speaker)
        return chosen


def _session(edition, forum, room, kind, title, start, end, language, sectors) -> Session:
    return Session(
        edition=edition,
        forum=forum,
        room=room,
        kind=kind,
        status=SessionStatus.PUBLISHED,
        title=title,
        abstract={
            "en": f"{title['en']}: speakers from industry, research and investment.",
            "fr": f"{title['fr']} : intervenants de l'industrie, de la recherche et de "
            "l'investissement.",
            "zh-hans": f"{title['zh-hans']}：来自产业、科研与投资界的嘉宾。",
        },
        language=language,
        interpretation=[code for code in ("en", "zh-hans") if code != language],
        starts_at=start,
        ends_at=end,
        registration_open=True,
    )


def _schedule(ctx, edition, forums, rooms, speakers):
    layout = Layout(edition, rooms)
    pool = SpeakerPool(ctx, speakers)
    sessions: list[Session] = []
    people: list[tuple[int, list[Speaker], list[Speaker]]] = []
    sector_of: list[int | None] = []
    main = rooms[0]
    ceremonies = ctx.pick({"small": 2, "chtf2020": 6})
    for index in range(ceremonies):
        for kind, label in (
            (
                SessionKind.SIGNING_CEREMONY,
                ("Signing ceremony", "Cérémonie de signature", "签约仪式"),
            ),
            (
                SessionKind.AWARD_CEREMONY,
                ("Award ceremony", "Cérémonie de remise des prix", "颁奖典礼"),
            ),
        ):
            if kind == SessionKind.AWARD_CEREMONY and index % 2:
                continue
            day = edition.days[index % len(edition.days)]
            key = layout.block(60, room=main, day=day) or layout.block(60, room=main)
            if key is None:
                continue
            start, end = layout.take(key, 60)
            title = {
                "en": f"{label[0]} {index + 1}",
                "fr": f"{label[1]} {index + 1}",
                "zh-hans": f"{label[2]}（{index + 1}）",
            }
            sessions.append(_session(edition, None, main, kind, title, start, end, "zh-hans", None))
            people.append((len(sessions) - 1, pool.pick(2, start, end), []))
            sector_of.append(None)
    for number, forum in enumerate(forums):
        topics = SESSION_TOPICS[: ctx.rng.randint(3, 5)]
        minutes = sum(topic[4] + 15 for topic in topics)
        preferred = edition.days[number % len(edition.days)]
        key = layout.block(minutes, day=preferred) or layout.block(minutes)
        if key is None:
            continue
        language = ctx.rng.choice(["zh-hans", "zh-hans", "en", "en", "fr"])
        for en, fr, zh, kind, length in topics:
            start, end = layout.take(key, length)
            title = {
                "en": f"{en} – {forum.title['en']}",
                "fr": f"{fr} – {forum.title['fr']}",
                "zh-hans": f"{forum.title['zh-hans']}：{zh}",
            }
            room = next(r for r in rooms if r.pk == key[1])
            sessions.append(_session(edition, forum, room, kind, title, start, end, language, None))
            count = {SessionKind.PANEL: 4, SessionKind.PITCH: 3}.get(kind, 1)
            moderators = pool.pick(1, start, end) if kind == SessionKind.PANEL else []
            people.append((len(sessions) - 1, pool.pick(count, start, end), moderators))
            sector_of.append(forum.sector_id)
    for session in sessions:
        session.guid = uuid.UUID(int=ctx.rng.getrandbits(128), version=4)
    created = Session.objects.bulk_create(sessions, batch_size=500)
    links = []
    for index, speakers_, moderators in people:
        session = created[index]
        links += [
            SessionSpeaker(session=session, speaker=s, role=SpeakerRole.SPEAKER, order=i)
            for i, s in enumerate(speakers_)
        ]
        links += [
            SessionSpeaker(session=session, speaker=s, role=SpeakerRole.MODERATOR, order=i)
            for i, s in enumerate(moderators)
        ]
    SessionSpeaker.objects.bulk_create(links, batch_size=2000)
    through = Session.sectors.through
    through.objects.bulk_create(
        [
            through(session_id=session.pk, sector_id=sector_id)
            for session, sector_id in zip(created, sector_of, strict=True)
            if sector_id
        ],
        batch_size=2000,
    )
    return created


def _local_stream(ctx: DemoContext, name: str) -> str | None:
    """A real HLS test pattern in MEDIA_ROOT, or None when ffmpeg is missing."""
    if not hls.ffmpeg_available():
        ctx.log("    ffmpeg not found: demo streams point at the streaming server only")
        return None
    directory = Path(settings.MEDIA_ROOT) / "programme" / "streams" / name
    playlist = hls.make_test_stream(directory, seconds=20, size="640x360")
    return settings.MEDIA_URL + playlist.relative_to(settings.MEDIA_ROOT).as_posix()


def _streams(ctx: DemoContext, edition: Edition, sessions: list[Session]) -> list[Stream]:
    base = f"{settings.STREAMING_BASE_URL}/{edition.slug}"
    now = timezone.now()
    streams = []
    for session in sessions:
        if (session.room is not None and session.room.is_virtual) or ctx.rng.random() < 0.7:
            ended = session.ends_at < now
            streams.append(
                Stream(
                    session=session,
                    playback_url=f"{base}/live/{session.guid}.m3u8",
                    replay_url=f"{base}/replay/{session.guid}.m3u8" if ended else "",
                    status=StreamStatus.ENDED if ended else StreamStatus.SCHEDULED,
                    started_at=session.starts_at if ended else None,
                    ended_at=session.ends_at if ended else None,
                )
            )
    local = _local_stream(ctx, f"{edition.slug}-demo")
    if local and streams:
        # The first streamed session replays the local pattern; one more plays it "live".
        past = [s for s in streams if s.status == StreamStatus.ENDED]
        if past:
            past[0].replay_url = local
        upcoming = [s for s in streams if s.status != StreamStatus.ENDED] or streams[1:2]
        if upcoming:
            upcoming[0].playback_url = local
            upcoming[0].status = StreamStatus.LIVE
            upcoming[0].replay_url = ""
    return Stream.objects.bulk_create(streams, batch_size=1000)


def _hash(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()[:32]


def _viewers(ctx: DemoContext, streams: list[Stream], per_session: int) -> int:
    """Viewer pings of sessions already held: each viewer watches a stretch of minutes."""
    now = timezone.now()
    rows: list[ViewerPing] = []
    for stream in streams:
        session = stream.session
        if session.starts_at > now:
            continue
        end = min(session.ends_at, now)
        length = max(1, int((end - session.starts_at).total_seconds() // 60))
        for viewer in range(ctx.rng.randint(per_session // 3, per_session * 2)):
            visitor = _hash(session.pk, viewer)
            first = ctx.rng.randrange(length)
            for minute in range(first, min(length, first + ctx.rng.randint(1, 6))):
                rows.append(
                    ViewerPing(
                        session=session,
                        mode=ViewMode.LIVE,
                        visitor_hash=visitor,
                        minute=(session.starts_at + dt.timedelta(minutes=minute)).replace(
                            second=0, microsecond=0
                        ),
                    )
                )
        if stream.replay_url and session.ends_at < now:
            for viewer in range(ctx.rng.randint(0, per_session // 2)):
                rows.append(
                    ViewerPing(
                        session=session,
                        mode=ViewMode.REPLAY,
                        visitor_hash=_hash("replay", session.pk, viewer),
                        minute=(session.ends_at + dt.timedelta(hours=2 + viewer)).replace(
                            second=0, microsecond=0
                        ),
                    )
                )
    ViewerPing.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _registrations(ctx: DemoContext, sessions: list[Session]) -> int:
    ids = ctx.data.get("participant_ids", {})
    pool = [pk for key in ("professional", "investor", "vip", "press") for pk in ids.get(key, [])]
    if not pool:
        return 0
    now = timezone.now()
    rows = []
    for session in sessions:
        if session.room is None or session.room.is_virtual:
            continue
        capacity = session.room.capacity
        demand = int(capacity * ctx.rng.uniform(0.2, 1.15))
        chosen = ctx.rng.sample(pool, min(len(pool), demand))
        for position, participant_id in enumerate(chosen):
            confirmed = position < capacity
            rows.append(
                SessionRegistration(
                    session=session,
                    participant_id=participant_id,
                    status=RegistrationStatus.CONFIRMED
                    if confirmed
                    else RegistrationStatus.WAITLISTED,
                    requested_at=session.starts_at - dt.timedelta(days=3, minutes=position),
                    attended_at=session.starts_at
                    if confirmed and session.starts_at < now and ctx.rng.random() < 0.72
                    else None,
                )
            )
    SessionRegistration.objects.bulk_create(rows, batch_size=5000)
    return len(rows)


def _questions(ctx: DemoContext, sessions: list[Session], per_session: int, user) -> None:
    texts = [
        "How will this technology be financed at scale?",
        "Quand ces solutions seront-elles disponibles en Europe ?",
        "这项技术的产业化时间表是怎样的？",
        "What standards are you working with?",
        "Which partners are you looking for in the Greater Bay Area?",
    ]
    statuses = [
        QuestionStatus.ANSWERED,
        QuestionStatus.APPROVED,
        QuestionStatus.PENDING,
        QuestionStatus.HIDDEN,
    ]
    rows = []
    for session in sessions[:: max(1, 3 // per_session)]:
        for index in range(per_session):
            status = statuses[index % len(statuses)]
            rows.append(
                Question(
                    session=session,
                    author=user,
                    author_name=user.get_full_name() or user.get_username(),
                    text=ctx.rng.choice(texts),
                    status=status,
                    answer="We are piloting it with two partners this year."
                    if status == QuestionStatus.ANSWERED
                    else "",
                    upvotes=ctx.rng.randint(0, 40) if status != QuestionStatus.PENDING else 0,
                )
            )
    Question.objects.bulk_create(rows, batch_size=2000)


def _demo_accounts(ctx: DemoContext, edition: Edition, sessions, speakers) -> None:
    """`visitor` (a participant with an agenda) and `speaker` (moderator of a panel)."""
    user_model = get_user_model()
    visitor = user_model.objects.filter(
        username="visitor"
    ).first() or user_model.objects.create_user(
        "visitor", "visitor@example.org", DEMO_PASSWORD, first_name="Demo", last_name="Visitor"
    )
    participant = Participant.objects.filter(edition=edition, user=visitor).first()
    if participant is None:
        participant = Participant.objects.create(
            edition=edition,
            user=visitor,
            first_name="Demo",
            last_name="Visitor",
            email="visitor@example.org",
            country="FR",
            language="fr",
        )
    AgendaItem.objects.bulk_create(
        [AgendaItem(participant=participant, session=s) for s in sessions[2:8]],
        ignore_conflicts=True,
    )
    speaker_user = user_model.objects.filter(
        username="speaker"
    ).first() or user_model.objects.create_user(
        "speaker", "speaker@example.org", DEMO_PASSWORD, first_name="Demo", last_name="Speaker"
    )
    panel = next((s for s in sessions if s.kind == SessionKind.PANEL), None)
    moderator = SessionSpeaker.objects.filter(session=panel, role=SpeakerRole.MODERATOR).first()
    if moderator is not None:
        Speaker.objects.filter(pk=moderator.speaker_id).update(user=speaker_user)
    _questions(ctx, sessions, ctx.pick(COUNTS)["questions"], visitor)


def generate(ctx: DemoContext) -> None:
    edition = ctx.edition
    counts = ctx.pick(COUNTS)
    rooms = _rooms(ctx, edition, counts["rooms"])
    forums = _forums(ctx, edition, counts["forums"])
    speakers = _speakers(ctx, edition, counts["speakers"])
    sessions = _schedule(ctx, edition, forums, rooms, speakers)
    streams = _streams(ctx, edition, sessions)
    pings = _viewers(ctx, streams, counts["viewers"])
    registrations = _registrations(ctx, sessions)
    _demo_accounts(ctx, edition, sessions, speakers)
    by_kind: dict[str, list[int]] = defaultdict(list)
    for session in sessions:
        by_kind[session.kind].append(session.pk)
    ctx.data["programme_session_ids"] = dict(by_kind)
    ctx.data["forum_ids"] = [forum.pk for forum in forums]
    audit.record(
        ctx.actor,
        "demo.programme",
        edition,
        edition=edition,
        changes={"forums": [None, len(forums)], "sessions": [None, len(sessions)]},
    )
    ctx.log(
        f"  {len(forums)} forums, {len(sessions)} sessions, {len(speakers)} speakers, "
        f"{len(streams)} streams, {registrations} registrations, {pings} viewer pings; "
        "log-ins “visitor” (a participant with an agenda) and “speaker” (moderates a panel)"
    )
