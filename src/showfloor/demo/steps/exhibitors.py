"""Demo step for exhibitors: exhibitors (with co-exhibitors and remote ones), their exhibits,
contacts, generated media (logos, photos, 2:1 panoramas, a PDF brochure, drawn with Pillow), the
catalogue's search index, exhibitor log-ins and the online visits of the booths.

At chtf2020 scale: 3,349 exhibitors (173 remote only), 9,018 exhibits and about two million
page views over the five days, as the CHTF2020 press release says. Image files are a shared pool
(every exhibitor has a logo and photos that work; the files are reused), so the step stays fast.

Adds to ctx.data: `exhibitors` (the approved Exhibitor objects), `exhibitor_ids_by_sector`
{sector code: [exhibitor id]}, `exhibits` (count). Adds ctx.users["exhibitor"] (a member of the
first approved exhibitor; password as the staff's). Floorplan's step may then place exhibitors
with exhibitors.services.set_exhibitor_location, which replaces the demo location set here.
"""

from __future__ import annotations

import io
import math
import random
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageDraw, ImageFont

from showfloor.analytics.models import EDITION_TOTAL_PATH, PageViewDaily
from showfloor.core import audit
from showfloor.core.models import OrganizationMember
from showfloor.demo import names
from showfloor.demo.generator import DEMO_PASSWORD, DemoContext
from showfloor.exhibitors import search
from showfloor.exhibitors.enums import (
    ExhibitorMode,
    ExhibitorStatus,
    ExhibitStage,
    MediaKind,
    MediaStatus,
    Seeking,
)
from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact, Media

COUNTS = {
    "small": {"exhibitors": 40, "exhibits": 110, "remote": 6, "pool": 8, "views": 24_000},
    "chtf2020": {
        "exhibitors": 3349,
        "exhibits": 9018,
        "remote": 173,
        "pool": 24,
        "views": 2_010_000,
    },
}
FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"
PALETTE = ["#0b5cad", "#d9480f", "#1e7b34", "#7048e8", "#c2255c", "#0c8599", "#e67700", "#364fc7"]
PAVILIONS = {
    "sco": (
        {"en": "SCO pavilion", "fr": "Pavillon de l'OCS", "zh-hans": "上合组织展区"},
        "RU KZ IN PK",
    ),
    "europe": (
        {"en": "European pavilion", "fr": "Pavillon européen", "zh-hans": "欧洲展区"},
        "DE FR GB IT NL",
    ),
    "international": (
        {"en": "International pavilion", "fr": "Pavillon international", "zh-hans": "国际展区"},
        "SG US",
    ),
    "shenzhen": (
        {"en": "Shenzhen pavilion", "fr": "Pavillon de Shenzhen", "zh-hans": "深圳展区"},
        "",
    ),
}
# (English, French, Chinese) product kinds per sector, and the generic ones.
PRODUCTS = {
    "ai": [
        ("vision inspection system", "système d'inspection par vision", "视觉检测系统"),
        ("speech recognition engine", "moteur de reconnaissance vocale", "语音识别引擎"),
    ],
    "5g": [
        ("5G small cell", "petite cellule 5G", "5G小基站"),
        ("private 5G network", "réseau 5G privé", "5G专网"),
    ],
    "integrated-circuits": [
        ("AI accelerator chip", "puce accélératrice d'IA", "人工智能加速芯片"),
        ("power management IC", "circuit de gestion d'énergie", "电源管理芯片"),
    ],
    "smart-manufacturing": [
        ("collaborative robot arm", "bras robotique collaboratif", "协作机械臂"),
        ("digital twin platform", "plateforme de jumeau numérique", "数字孪生平台"),
    ],
    "clean-energy": [
        ("solid-state battery", "batterie à l'état solide", "固态电池"),
        ("hydrogen fuel cell", "pile à hydrogène", "氢燃料电池"),
    ],
    "biomedicine": [
        ("rapid diagnostic test", "test de diagnostic rapide", "快速诊断试剂"),
        ("surgical robot", "robot chirurgical", "手术机器人"),
    ],
    "intelligent-driving": [
        ("lidar sensor", "capteur lidar", "激光雷达"),
        ("autonomous shuttle", "navette autonome", "自动驾驶接驳车"),
    ],
    "smart-home": [
        ("smart door lock", "serrure connectée", "智能门锁"),
        ("home energy hub", "centrale énergétique domestique", "家庭能源中枢"),
    ],
    "8k-uhd": [
        ("8K broadcast camera", "caméra de diffusion 8K", "8K广播摄像机"),
        ("micro-LED display", "écran micro-LED", "微型LED显示屏"),
    ],
    "big-data": [("data governance suite", "suite de gouvernance des données", "数据治理套件")],
    "blockchain": [("supply-chain ledger", "registre de chaîne logistique", "供应链区块链账本")],
}
GENERIC = [
    ("industrial IoT gateway", "passerelle IoT industrielle", "工业物联网网关"),
    ("cloud analytics service", "service d'analyse en nuage", "云端分析服务"),
    ("edge computing module", "module de calcul en périphérie", "边缘计算模块"),
    ("smart sensor kit", "kit de capteurs intelligents", "智能传感器套件"),
    ("energy-saving controller", "contrôleur d'économie d'énergie", "节能控制器"),
]
ADJECTIVES = [
    ("Next-generation", "de nouvelle génération", "新一代"),
    ("Low-power", "basse consommation", "低功耗"),
    ("High-precision", "haute précision", "高精度"),
    ("Modular", "modulaire", "模块化"),
    ("Open-source", "open source", "开源"),
]


# Generated images ------------------------------------------------------------------------------


def _png(image: Image.Image) -> bytes:
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def _jpeg(image: Image.Image, quality: int = 80) -> bytes:
    out = io.BytesIO()
    image.convert("RGB").save(out, format="JPEG", quality=quality)
    return out.getvalue()


def _font(size: int) -> Any:
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def draw_logo(rng: random.Random, char: str) -> Image.Image:
    colour = rng.choice(PALETTE)
    image = Image.new("RGB", (256, 256), "white")
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((16, 16, 240, 240), radius=48, fill=colour)
    draw.text((128, 132), char, font=_font(132), fill="white", anchor="mm")
    return image


def draw_photo(rng: random.Random, label: str) -> Image.Image:
    """A stand-like scene: a sky-to-floor gradient, booth walls and a product on a plinth."""
    width, height = 1200, 800
    image = Image.new("RGB", (width, height))
    draw = ImageDraw.Draw(image)
    top, bottom = (225, 233, 245), (120, 130, 150)
    for y in range(height):
        t = y / height
        draw.line(
            [(0, y), (width, y)],
            fill=tuple(int(a + (b - a) * t) for a, b in zip(top, bottom, strict=True)),
        )
    colour = rng.choice(PALETTE)
    draw.rectangle((80, 120, width - 80, 520), fill=colour)
    draw.rectangle((110, 150, width - 110, 490), fill="white")
    for _index in range(rng.randint(3, 6)):
        x, y, size = rng.randint(150, width - 300), rng.randint(180, 360), rng.randint(60, 140)
        draw.ellipse((x, y, x + size, y + size), fill=rng.choice(PALETTE))
    draw.rectangle((width // 2 - 120, 560, width // 2 + 120, 700), fill="#2b2f36")
    draw.text((width // 2, 80), label, font=_font(48), fill="#17202c", anchor="mm")
    return image


def draw_panorama(rng: random.Random, label: str) -> Image.Image:
    """An equirectangular (2:1) hall: floor, ceiling, a ring of booths and a horizon label."""
    width, height = 2048, 1024
    image = Image.new("RGB", (width, height), (200, 210, 225))
    draw = ImageDraw.Draw(image)
    for y in range(height // 2):
        shade = int(235 - 60 * (y / (height / 2)))
        draw.line([(0, y), (width, y)], fill=(shade, shade, min(255, shade + 12)))
    for y in range(height // 2, height):
        shade = int(150 - 70 * ((y - height / 2) / (height / 2)))
        draw.line([(0, y), (width, y)], fill=(shade, shade - 10, shade - 25))
    booths = rng.randint(8, 12)
    for index in range(booths):
        left = int(index * width / booths) + 10
        right = int((index + 1) * width / booths) - 10
        bottom = height // 2 + 60 + int(20 * math.sin(index))
        draw.rectangle((left, height // 2 - 140, right, bottom), fill=rng.choice(PALETTE))
        draw.rectangle((left + 12, height // 2 - 110, right - 12, bottom - 40), fill="white")
    for x in range(0, width, 64):
        draw.line([(x, 0), (x, 120)], fill=(180, 185, 195), width=3)
    draw.text((width // 2, height // 2 - 200), label, font=_font(64), fill="#17202c", anchor="mm")
    return image


def _brochure_pdf(title: str) -> bytes:
    page = Image.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle((0, 0, 1240, 260), fill=PALETTE[0])
    draw.text((80, 130), title, font=_font(64), fill="white", anchor="lm")
    draw.text((80, 400), "高交会 · China Hi-Tech Fair · Salon", font=_font(40), fill="#17202c")
    out = io.BytesIO()
    page.save(out, format="PDF", resolution=150)
    return out.getvalue()


def _save(name: str, data: bytes) -> str:
    if default_storage.exists(name):
        default_storage.delete(name)
    return default_storage.save(name, ContentFile(data))


def _pool(ctx: DemoContext, size: int) -> dict[str, list[tuple[str, str, int, int]]]:
    """Shared image files: (file, thumbnail, width, height) per kind."""
    folder = f"exhibitors/demo/{ctx.edition.slug}"
    pool: dict[str, list[tuple[str, str, int, int]]] = {"logo": [], "photo": [], "panorama": []}
    chars = [hanzi for _pinyin, hanzi in names.BRAND_PARTS]
    for index in range(size * 2):
        image = draw_logo(ctx.rng, chars[index % len(chars)])
        name = _save(f"{folder}/logo-{index:02d}.png", _png(image))
        pool["logo"].append((name, name, 256, 256))
    for index in range(size):
        image = draw_photo(ctx.rng, f"CHTF · {index + 1}")
        name = _save(f"{folder}/photo-{index:02d}.jpg", _jpeg(image))
        image.thumbnail((480, 360))
        thumb = _save(f"{folder}/photo-{index:02d}-thumb.jpg", _jpeg(image, 75))
        pool["photo"].append((name, thumb, 1200, 800))
    for index in range(max(2, size // 4)):
        image = draw_panorama(ctx.rng, f"展台 Booth {index + 1}")
        name = _save(f"{folder}/panorama-{index:02d}.jpg", _jpeg(image, 82))
        image.thumbnail((480, 240))
        thumb = _save(f"{folder}/panorama-{index:02d}-thumb.jpg", _jpeg(image, 75))
        pool["panorama"].append((name, thumb, 2048, 1024))
    pool["document"] = [(_save(f"{folder}/brochure.pdf", _brochure_pdf("CHTF brochure")), "", 0, 0)]
    return pool


# Exhibitors ------------------------------------------------------------------------------------


def _status(ctx: DemoContext, index: int) -> str:
    if ctx.is_large:
        return ExhibitorStatus.APPROVED
    cycle = [ExhibitorStatus.APPLIED, ExhibitorStatus.CHANGES_REQUESTED, ExhibitorStatus.REJECTED]
    return cycle[index % 3] if index >= 34 else ExhibitorStatus.APPROVED


def _pavilion(country: str, rng: random.Random, city: str) -> str:
    for code, (_names, members) in PAVILIONS.items():
        if country in members.split():
            return code
    return "shenzhen" if city == "Shenzhen" and rng.random() < 0.7 else ""


def _profile(organization: Any, sector_names: dict[str, str]) -> dict[str, str]:
    name = organization.name
    return {
        "en": f"{name.get('en')} develops {sector_names['en'].lower()} products for industry and "
        "cities, from research to mass production.",
        "fr": f"{name.get('fr')} conçoit des produits en {sector_names['fr'].lower()} pour "
        "l'industrie et les villes, de la recherche à la production.",
        "zh-hans": f"{name.get('zh-hans')}专注于{sector_names['zh-hans']}领域，"
        "提供从研发到量产的产品与解决方案。",
    }


def _make_exhibitors(ctx: DemoContext, counts: dict[str, int]) -> list[Exhibitor]:
    companies = ctx.data["organizations"]["company"][: counts["exhibitors"]]
    sector_by_id = {sector.pk: sector for sector in ctx.sectors}
    org_sectors: dict[int, list[int]] = {}
    through = type(companies[0]).sectors.through if companies else None
    if through is not None:
        for org_id, sector_id in through.objects.filter(
            organization_id__in=[org.pk for org in companies]
        ).values_list("organization_id", "sector_id"):
            org_sectors.setdefault(org_id, []).append(sector_id)
    remote_indexes = set(ctx.rng.sample(range(len(companies)), counts["remote"]))
    halls = ctx.pick({"small": 4, "chtf2020": 9})
    made = []
    for index, organization in enumerate(companies):
        mode = ExhibitorMode.ONSITE
        if index in remote_indexes:
            mode = ExhibitorMode.REMOTE
        elif ctx.rng.random() < 0.06:
            mode = ExhibitorMode.BOTH
        sector_ids = org_sectors.get(organization.pk) or [ctx.sectors[0].pk]
        pavilion = _pavilion(str(organization.country), ctx.rng, organization.city)
        hall = ctx.rng.randint(1, halls)
        onsite = mode != ExhibitorMode.REMOTE
        made.append(
            Exhibitor(
                edition=ctx.edition,
                organization=organization,
                status=_status(ctx, index),
                attendance_mode=mode,
                profile=_profile(organization, sector_by_id[sector_ids[0]].name),
                requested_space_m2=ctx.rng.choice([9, 18, 36, 54, 72]) if onsite else None,
                contact_email=f"expo@exhibitor{organization.pk}.example.com",
                contact_phone=f"+86 755 {8000_0000 + organization.pk}",
                hall=f"Hall {hall}" if onsite else "",
                booth=f"{hall}{'ABCDEFGH'[index % 8]}{index % 60 + 1:02d}" if onsite else "",
                pavilion_code=pavilion if onsite or pavilion else "",
                pavilion_name=PAVILIONS[pavilion][0] if pavilion else {},
            )
        )
    exhibitors = Exhibitor.objects.bulk_create(made, batch_size=1000)
    for exhibitor in exhibitors:
        exhibitor.sector_ids = org_sectors.get(exhibitor.organization_id) or [ctx.sectors[0].pk]
    Exhibitor.sectors.through.objects.bulk_create(
        [
            Exhibitor.sectors.through(exhibitor_id=exhibitor.pk, sector_id=sector_id)
            for exhibitor in exhibitors
            for sector_id in exhibitor.sector_ids
        ],
        batch_size=2000,
    )
    # About 3% share the stand of an exhibitor of the same pavilion (or any on-site one).
    onsite = [item for item in exhibitors if item.attendance_mode != ExhibitorMode.REMOTE]
    co_count = max(1, len(onsite) * 3 // 100)
    hosts, guests = onsite[: len(onsite) // 2], onsite[len(onsite) // 2 :]
    updated = []
    for guest in ctx.rng.sample(guests, min(co_count, len(guests))):
        host = ctx.rng.choice(hosts)
        guest.host = host
        guest.hall, guest.booth = host.hall, host.booth
        guest.pavilion_code, guest.pavilion_name = host.pavilion_code, host.pavilion_name
        updated.append(guest)
    Exhibitor.objects.bulk_update(
        updated, ["host", "hall", "booth", "pavilion_code", "pavilion_name"], batch_size=500
    )
    return exhibitors


def _make_exhibits(ctx: DemoContext, exhibitors: list[Exhibitor], total: int) -> list[Exhibit]:
    sector_code = {sector.pk: sector.code for sector in ctx.sectors}
    stages = ExhibitStage.values
    per = [1] * len(exhibitors)
    for _index in range(total - len(exhibitors)):
        per[ctx.rng.randrange(len(exhibitors))] += 1
    made: list[tuple[Exhibit, int]] = []
    for exhibitor, count in zip(exhibitors, per, strict=True):
        brand = exhibitor.organization.name
        for _index in range(count):
            sector_id = ctx.rng.choice(exhibitor.sector_ids)
            product = ctx.rng.choice(PRODUCTS.get(sector_code[sector_id], GENERIC) + GENERIC[:1])
            adjective = ctx.rng.choice(ADJECTIVES)
            seeking = ctx.rng.sample(Seeking.values, ctx.rng.choice([0, 1, 1, 2]))
            exhibit = Exhibit(
                edition=ctx.edition,
                exhibitor=exhibitor,
                title={
                    "en": f"{adjective[0]} {product[0]}",
                    "fr": f"{product[1].capitalize()} {adjective[1]}",
                    "zh-hans": f"{adjective[2]}{product[2]}",
                },
                description={
                    "en": f"A {adjective[0].lower()} {product[0]} by {brand.get('en')}, "
                    "shown at the fair.",
                    "fr": f"Un(e) {product[1]} {adjective[1]} de {brand.get('fr')}, présenté(e) "
                    "au salon.",
                    "zh-hans": f"{brand.get('zh-hans')}展出的{adjective[2]}{product[2]}。",
                },
                stage=ctx.rng.choice(stages),
                # The chtf2020 press release counts 9,018 projects presented: all published there;
                # the small demo keeps a few drafts to show the exhibitor's workflow.
                is_published=ctx.rng.random() > 0.03 or ctx.is_large,
                **{f"seeks_{value}": value in seeking for value in Seeking.values},
            )
            made.append((exhibit, sector_id))
    exhibits = Exhibit.objects.bulk_create([item for item, _sector in made], batch_size=1000)
    Exhibit.sectors.through.objects.bulk_create(
        [
            Exhibit.sectors.through(exhibit_id=exhibit.pk, sector_id=sector_id)
            for exhibit, (_item, sector_id) in zip(exhibits, made, strict=True)
        ],
        batch_size=2000,
    )
    return exhibits


def _make_media(
    ctx: DemoContext, exhibitors: list[Exhibitor], exhibits: list[Exhibit], pool: dict
) -> int:
    rows: list[Media] = []

    def add(exhibitor: Exhibitor, kind: str, item: tuple, position: int, **extra: Any) -> None:
        name, thumb, width, height = item
        rows.append(
            Media(
                edition=ctx.edition,
                exhibitor=exhibitor,
                kind=kind,
                file=name,
                thumbnail=thumb,
                preview=name if kind != MediaKind.DOCUMENT else "",
                content_type="application/pdf"
                if kind == MediaKind.DOCUMENT
                else ("image/png" if name.endswith(".png") else "image/jpeg"),
                width=width or None,
                height=height or None,
                size=sizes[name],
                status=MediaStatus.READY,
                position=position,
                **extra,
            )
        )

    sizes = {item[0]: default_storage.size(item[0]) for items in pool.values() for item in items}
    first_exhibit: dict[int, Exhibit] = {}
    for exhibit in exhibits:
        first_exhibit.setdefault(exhibit.exhibitor_id, exhibit)
    for index, exhibitor in enumerate(exhibitors):
        add(exhibitor, MediaKind.LOGO, pool["logo"][index % len(pool["logo"])], 0)
        for position in range(2):
            item = pool["photo"][(index * 2 + position) % len(pool["photo"])]
            add(
                exhibitor,
                MediaKind.PHOTO,
                item,
                position,
                title={"en": "On our stand", "fr": "Sur notre stand", "zh-hans": "展台现场"},
            )
        if exhibitor.pk in first_exhibit:
            item = pool["photo"][(index + 3) % len(pool["photo"])]
            add(exhibitor, MediaKind.PHOTO, item, 2, exhibit=first_exhibit[exhibitor.pk])
        if index % 3 == 0:
            add(
                exhibitor,
                MediaKind.PANORAMA,
                pool["panorama"][index % len(pool["panorama"])],
                0,
                title={
                    "en": "Our stand in 360°",
                    "fr": "Notre stand à 360°",
                    "zh-hans": "360°展台",
                },
            )
        if index % 4 == 0:
            add(
                exhibitor,
                MediaKind.DOCUMENT,
                pool["document"][0],
                0,
                title={"en": "Product brochure", "fr": "Brochure produits", "zh-hans": "产品手册"},
            )
    Media.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def _contacts_and_users(ctx: DemoContext, exhibitors: list[Exhibitor]) -> None:
    contacts = []
    for exhibitor in exhibitors:
        country = str(exhibitor.organization.country)
        first, last, local = names.person(ctx.rng, country)
        contacts.append(
            ExhibitorContact(
                exhibitor=exhibitor,
                name=local if country == "CN" else f"{first} {last}",
                job_title="Sales director",
                email=f"{first.lower()}.{last.lower()}@exhibitor{exhibitor.organization_id}"
                ".example.com",
                is_public=True,
            )
        )
    ExhibitorContact.objects.bulk_create(contacts, batch_size=2000)
    approved = [item for item in exhibitors if item.status == ExhibitorStatus.APPROVED]
    user_model = get_user_model()
    for number, exhibitor in enumerate(approved[:3], start=1):
        username = "exhibitor" if number == 1 else f"exhibitor{number}"
        user = user_model.objects.filter(username=username).first()
        if user is None:
            user = user_model.objects.create_user(
                username, f"{username}@example.org", DEMO_PASSWORD, first_name="Exhibitor"
            )
        OrganizationMember.objects.get_or_create(
            organization=exhibitor.organization, user=user, defaults={"is_admin": True}
        )
        if number == 1:
            ctx.users["exhibitor"] = user


def _page_views(ctx: DemoContext, exhibitors: list[Exhibitor], total_views: int) -> int:
    """Daily aggregates of booth and catalogue views on the edition's days before today."""
    days = [day for day in ctx.edition.days if day < ctx.today]
    if not days:
        return 0
    public = [item for item in exhibitors if item.status == ExhibitorStatus.APPROVED]
    # A long tail: a few booths draw many visits.
    weights = [1 / (rank + 8) for rank in range(len(public))]
    scale = total_views * 0.8 / sum(weights) / len(days)
    rows = []
    slug = ctx.edition.slug
    for day in days:
        day_factor = ctx.rng.uniform(0.7, 1.3)
        day_views = day_visitors = 0
        for exhibitor, weight in zip(public, weights, strict=True):
            views = int(weight * scale * day_factor * ctx.rng.uniform(0.5, 1.5)) + 1
            visitors = max(1, int(views * ctx.rng.uniform(0.55, 0.8)))
            day_views += views
            day_visitors += visitors
            rows.append(
                PageViewDaily(
                    edition=ctx.edition,
                    day=day,
                    path=f"/{slug}/exhibitors/{exhibitor.pk}/",
                    exhibitor=exhibitor,
                    views=views,
                    visitors=visitors,
                )
            )
        catalogue = int(total_views * 0.2 / len(days) * day_factor)
        rows.append(
            PageViewDaily(
                edition=ctx.edition,
                day=day,
                path=f"/{slug}/exhibitors/",
                views=catalogue,
                visitors=int(catalogue * 0.4),
            )
        )
        rows.append(
            PageViewDaily(
                edition=ctx.edition,
                day=day,
                path=EDITION_TOTAL_PATH,
                views=day_views + catalogue,
                visitors=int((day_visitors + catalogue * 0.4) * 0.45),
            )
        )
    PageViewDaily.objects.bulk_create(rows, batch_size=2000)
    return sum(row.views for row in rows if row.path == EDITION_TOTAL_PATH)


def generate(ctx: DemoContext) -> None:
    counts = ctx.pick(COUNTS)
    exhibitors = _make_exhibitors(ctx, counts)
    exhibits = _make_exhibits(ctx, exhibitors, counts["exhibits"])
    pool = _pool(ctx, counts["pool"])
    media = _make_media(ctx, exhibitors, exhibits, pool)
    _contacts_and_users(ctx, exhibitors)
    entries = search.rebuild_edition_index(ctx.edition)
    views = _page_views(ctx, exhibitors, counts["views"])
    approved = [item for item in exhibitors if item.status == ExhibitorStatus.APPROVED]
    by_sector: dict[str, list[int]] = {}
    code = {sector.pk: sector.code for sector in ctx.sectors}
    for exhibitor in approved:
        for sector_id in exhibitor.sector_ids:
            by_sector.setdefault(code[sector_id], []).append(exhibitor.pk)
    ctx.data["exhibitors"] = approved
    ctx.data["exhibitor_ids_by_sector"] = by_sector
    ctx.data["exhibits"] = len(exhibits)
    audit.record(
        ctx.actor,
        "demo.exhibitors",
        ctx.edition,
        edition=ctx.edition,
        changes={"exhibitors": [None, len(exhibitors)], "exhibits": [None, len(exhibits)]},
    )
    ctx.log(
        f"  {len(exhibitors)} exhibitors, {len(exhibits)} exhibits, {media} media rows, "
        f"{entries} search entries, {views:,} page views"
    )
