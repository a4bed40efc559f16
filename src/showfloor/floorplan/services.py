"""Every write to the floor plan: halls, pavilions, booths and their geometry, prices, offers,
confirmations, lapses, placements and the hall tour. Views, the API, imports, tasks and the demo
all come here.

A booth is scarce: every change of who holds it goes through `_lock_booth`, a row lock taken
inside the caller's transaction, so two exhibitors can never hold one booth.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

from showfloor.core import audit
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.core.services import create_object, update_object
from showfloor.exhibitors.enums import ExhibitorStatus
from showfloor.exhibitors.models import Exhibitor
from showfloor.floorplan import geometry, links
from showfloor.floorplan.enums import BoothStatus, BoothType, OfferStatus
from showfloor.floorplan.models import (
    Booth,
    BoothOffer,
    Hall,
    Pavilion,
    PriceRate,
    TourHotspot,
    Venue,
)
from showfloor.floorplan.rules import acts_for_exhibitor

# Halls, venues, pavilions, prices --------------------------------------------------------------


def create_venue(actor: Actor, edition: Edition, name: dict[str, str], address: str = "") -> Venue:
    require(actor, Perm.MANAGE_SPACE, edition)
    return create_object(actor, Venue, {"edition": edition, "name": name, "address": address})


def _outline(raw: object) -> geometry.Polygon:
    try:
        return geometry.parse_polygon(raw)
    except geometry.GeometryError as exc:
        raise ValidationError({"outline": [_("Hall outline: %(why)s.") % {"why": exc}]}) from exc


@transaction.atomic
def create_hall(
    actor: Actor,
    venue: Venue,
    *,
    code: str,
    name: dict[str, str],
    outline: object,
    position: int = 0,
) -> Hall:
    require(actor, Perm.MANAGE_SPACE, venue.edition)
    points = _outline(outline)
    values = {
        "edition": venue.edition,
        "venue": venue,
        "code": code,
        "name": name,
        "outline": geometry.to_json(points),
        "gross_area": geometry.area(points),
        "position": position,
    }
    return create_object(actor, Hall, values)


def create_pavilion(actor: Actor, edition: Edition, **values: Any) -> Pavilion:
    require(actor, Perm.MANAGE_SPACE, edition)
    hall = values.get("hall")
    if hall is not None and hall.edition_id != edition.pk:
        raise ValidationError({"hall": [_("This hall belongs to another edition.")]})
    return create_object(actor, Pavilion, {"edition": edition, **values})


@transaction.atomic
def set_price_rate(actor: Actor, edition: Edition, booth_type: str, price_per_m2: Any) -> PriceRate:
    """Set the price per m² of net area for a booth type, in the edition's currency."""
    require(actor, Perm.MANAGE_SPACE, edition)
    price = _decimal_price(price_per_m2)
    rate = PriceRate.objects.filter(edition=edition, booth_type=booth_type).first()
    if rate is None:
        return create_object(
            actor, PriceRate, {"edition": edition, "booth_type": booth_type, "price_per_m2": price}
        )
    update_object(actor, rate, {"price_per_m2": price})
    return rate


def _decimal_price(value: Any) -> Decimal:
    if isinstance(value, float):
        raise ValidationError({"price_per_m2": [_("Give the price as a decimal, not a float.")]})
    try:
        return Decimal(str(value))
    except ArithmeticError as exc:
        raise ValidationError(
            {"price_per_m2": [_("“%(value)s” is not a number.") % {"value": value}]}
        ) from exc


# Booth geometry --------------------------------------------------------------------------------


@dataclass
class BoothSpec:
    """A booth to create; `ref` names it in errors ("row 4", "feature 2")."""

    code: str
    points: geometry.Polygon
    type: str = BoothType.SHELL_SCHEME
    open_sides: int = 1
    pavilion: Pavilion | None = None
    ref: str = ""


def _label(spec: BoothSpec) -> str:
    return f"{spec.ref}: " if spec.ref else ""


def _spec_errors(hall: Hall, specs: Sequence[BoothSpec], taken: set[str]) -> list[str]:
    errors = []
    seen: set[str] = set()
    outline = hall.points
    convex = geometry.is_convex(outline)
    types = set(BoothType.values)
    for spec in specs:
        where = {"booth": spec.code, "shape": geometry.describe(spec.points)}
        if not spec.code or len(spec.code) > 20:
            errors.append(_label(spec) + _("a booth number of 1 to 20 characters is required."))
        elif spec.code in taken or spec.code in seen:
            errors.append(
                _label(spec)
                + _("booth %(booth)s: hall %(hall)s already has a booth with this number.")
                % {"booth": spec.code, "hall": hall.code}
            )
        seen.add(spec.code)
        if spec.type not in types:
            errors.append(
                _label(spec)
                + _("booth %(booth)s: unknown type “%(type)s” (one of %(types)s).")
                % {"booth": spec.code, "type": spec.type, "types": ", ".join(BoothType.values)}
            )
        if not 0 <= spec.open_sides <= 4:
            errors.append(_label(spec) + _("booth %(booth)s: open sides must be 0 to 4.") % where)
        if spec.pavilion is not None and spec.pavilion.edition_id != hall.edition_id:
            errors.append(
                _label(spec) + _("booth %(booth)s: the pavilion is in another edition.") % where
            )
        if not geometry.contains(outline, spec.points, convex):
            errors.append(
                _label(spec)
                + _("booth %(booth)s at %(shape)s lies outside hall %(hall)s (%(outline)s).")
                % {**where, "hall": hall.code, "outline": geometry.describe(outline)}
            )
    return errors


def _overlap_errors(
    hall: Hall, specs: Sequence[BoothSpec], exclude_pk: int | None = None
) -> list[str]:
    """Overlaps among the new booths and with the hall's booths (neighbours by bounding box)."""
    boxes = [geometry.bounds(spec.points) for spec in specs]
    existing = Booth.objects.filter(hall=hall)
    if exclude_pk is not None:
        existing = existing.exclude(pk=exclude_pk)
    if boxes:
        existing = existing.filter(
            min_x__lt=max(box[2] for box in boxes),
            max_x__gt=min(box[0] for box in boxes),
            min_y__lt=max(box[3] for box in boxes),
            max_y__gt=min(box[1] for box in boxes),
        )
    shapes: dict[str, tuple[str, geometry.Polygon]] = {}
    for booth in existing.only("code", "polygon"):
        shapes[f"old:{booth.code}"] = (booth.code, booth.points)
    by_key = {f"new:{index}": spec for index, spec in enumerate(specs)}
    for key, spec in by_key.items():
        shapes[key] = (spec.code, spec.points)
    errors = []
    pairs = geometry.find_overlaps([(key, shape[1]) for key, shape in shapes.items()])
    for first, second in pairs:
        if first.startswith("old:") and second.startswith("old:"):
            continue
        if first.startswith("new:") and second.startswith("new:"):
            # Between two new booths, the later one (row, feature) is the one that overlaps.
            first, second = sorted((first, second), key=lambda key: int(key[4:]))
            new_key, other_key = second, first
        else:
            new_key, other_key = (first, second) if first.startswith("new:") else (second, first)
        spec = by_key[new_key]
        other_code, other_points = shapes[other_key]
        errors.append(
            _label(spec)
            + _("booth %(booth)s at %(shape)s overlaps booth %(other)s at %(other_shape)s.")
            % {
                "booth": spec.code,
                "shape": geometry.describe(spec.points),
                "other": other_code,
                "other_shape": geometry.describe(other_points),
            }
        )
    return errors


def layout_errors(hall: Hall, specs: Sequence[BoothSpec]) -> list[str]:
    taken = set(Booth.objects.filter(hall=hall).values_list("code", flat=True))
    errors = _spec_errors(hall, specs, taken)
    return errors + _overlap_errors(hall, specs)


@transaction.atomic
def create_booths(
    actor: Actor, hall: Hall, specs: Sequence[BoothSpec], *, source: str = ""
) -> list[Booth]:
    """Create booths all together or none: any booth outside the hall, overlapping another, or
    otherwise invalid refuses the whole batch, each error naming its booth and geometry."""
    require(actor, Perm.MANAGE_SPACE, hall.edition)
    Hall.objects.select_for_update().filter(pk=hall.pk).first()  # one layout change at a time
    errors = layout_errors(hall, specs)
    if errors:
        raise ValidationError({"polygon": errors})
    booths = []
    for spec in specs:
        booth = Booth(
            edition_id=hall.edition_id,
            hall=hall,
            pavilion=spec.pavilion,
            code=spec.code,
            type=spec.type,
            open_sides=spec.open_sides,
        )
        booth.set_geometry(spec.points)
        booths.append(booth)
    created = Booth.objects.bulk_create(booths, batch_size=500)
    _touch(hall.pk)
    audit.record(
        actor,
        "floorplan.booth.create",
        hall,
        edition=hall.edition,
        changes={"booths": [None, len(created)], "source": [None, source or "service"]},
    )
    return created


def create_booth(actor: Actor, hall: Hall, code: str, polygon: object, **values: Any) -> Booth:
    try:
        points = geometry.parse_polygon(polygon)
    except geometry.GeometryError as exc:
        raise ValidationError(
            {"polygon": [_("booth %(booth)s: %(why)s.") % {"booth": code, "why": exc}]}
        ) from exc
    return create_booths(actor, hall, [BoothSpec(code=code, points=points, **values)])[0]


@transaction.atomic
def move_booth(actor: Actor, booth: Booth, polygon: object) -> Booth:
    """Change a booth's shape; refused outside the hall or over another booth."""
    require(actor, Perm.MANAGE_SPACE, booth.edition)
    locked = _lock_booth(booth.pk)
    try:
        points = geometry.parse_polygon(polygon)
    except geometry.GeometryError as exc:
        raise ValidationError(
            {"polygon": [_("booth %(booth)s: %(why)s.") % {"booth": booth.code, "why": exc}]}
        ) from exc
    spec = BoothSpec(code=locked.code, points=points)
    errors = _spec_errors(locked.hall, [spec], taken=set())
    others = _overlap_errors(locked.hall, [spec], exclude_pk=locked.pk)
    if errors or others:
        raise ValidationError({"polygon": errors + others})
    before = locked.polygon
    locked.set_geometry(points)
    locked.save()
    _touch(locked.hall_id)
    audit.record(
        actor,
        "floorplan.booth.move",
        locked,
        edition=locked.edition,
        changes={"polygon": [before, locked.polygon], "area": [None, locked.area]},
    )
    return locked


def _touch(*hall_ids: int) -> None:
    """A booth of these halls changed: the cached plans of the halls are out of date."""
    Hall.objects.filter(pk__in=hall_ids).update(plan_version=F("plan_version") + 1)


# Holding a booth --------------------------------------------------------------------------------


def _lock_booth(booth_id: int) -> Booth:
    """The one way to take a booth: its row, locked until the caller's transaction ends."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("_lock_booth must run inside transaction.atomic()")
    return Booth.objects.select_for_update().get(pk=booth_id)


def _holder_name(booth: Booth) -> str:
    return str(booth.exhibitor) if booth.exhibitor_id else "-"


def _check_can_hold(exhibitor: Exhibitor, booth: Booth) -> None:
    if exhibitor.edition_id != booth.edition_id:
        raise ValidationError({"exhibitor": [_("This exhibitor is in another edition.")]})
    if exhibitor.host_id is not None:
        raise ValidationError(
            {
                "exhibitor": [
                    _("%(exhibitor)s is a co-exhibitor: it shares the booth of %(host)s.")
                    % {"exhibitor": exhibitor, "host": exhibitor.host}
                ]
            }
        )
    if exhibitor.status in (ExhibitorStatus.REJECTED, ExhibitorStatus.WITHDRAWN):
        raise ValidationError(
            {"exhibitor": [_("%(exhibitor)s is not exhibiting.") % {"exhibitor": exhibitor}]}
        )


@transaction.atomic
def offer_booth(
    actor: Actor, booth: Booth, exhibitor: Exhibitor, expires_at: dt.datetime
) -> BoothOffer:
    """Put a booth under option for an exhibitor until `expires_at`."""
    require(actor, Perm.MANAGE_SPACE, booth.edition)
    if expires_at <= timezone.now():
        raise ValidationError({"expires_at": [_("The deadline must be in the future.")]})
    locked = _lock_booth(booth.pk)
    _check_can_hold(exhibitor, locked)
    if locked.status != BoothStatus.AVAILABLE:
        raise ValidationError(
            {
                "booth": [
                    _("Booth %(booth)s is not available: %(status)s (%(holder)s).")
                    % {
                        "booth": locked.code,
                        "status": locked.get_status_display(),
                        "holder": _holder_name(locked),
                    }
                ]
            }
        )
    offer = BoothOffer.objects.create(
        edition_id=locked.edition_id, booth=locked, exhibitor=exhibitor, expires_at=expires_at
    )
    _set_holder(locked, BoothStatus.OPTION, exhibitor)
    audit.record(
        actor,
        "floorplan.booth.offer",
        offer,
        edition=booth.edition,
        changes={"booth": [None, locked.code], "expires_at": [None, expires_at]},
    )
    _sync(booth, locked)
    return offer


def _set_holder(booth: Booth, status: str, exhibitor: Exhibitor | None) -> None:
    booth.status = status
    booth.exhibitor = exhibitor
    booth.save(update_fields=["status", "exhibitor"])
    _touch(booth.hall_id)


def _sync(stale: Booth, fresh: Booth) -> None:
    stale.status, stale.exhibitor_id = fresh.status, fresh.exhibitor_id


def _open_offer(offer: BoothOffer) -> BoothOffer:
    fresh = BoothOffer.objects.select_for_update().get(pk=offer.pk)
    if fresh.status != OfferStatus.OPEN:
        raise ValidationError(
            {"offer": [_("This offer is %(status)s.") % {"status": fresh.get_status_display()}]}
        )
    return fresh


@transaction.atomic
def confirm_offer(actor: Actor, offer: BoothOffer, now: dt.datetime | None = None) -> Booth:
    """The exhibitor takes the booth it was offered, before the deadline."""
    if not acts_for_exhibitor(actor, offer.exhibitor):
        raise PermissionDenied("not a member of this exhibitor")
    now = now or timezone.now()
    booth = _lock_booth(offer.booth_id)
    fresh = _open_offer(offer)
    if fresh.expires_at <= now:
        raise ValidationError(
            {
                "offer": [
                    _("The option on booth %(booth)s expired at %(deadline)s.")
                    % {"booth": booth.code, "deadline": fresh.expires_at.isoformat()}
                ]
            }
        )
    fresh.status, fresh.decided_at = OfferStatus.CONFIRMED, now
    fresh.save(update_fields=["status", "decided_at"])
    _set_holder(booth, BoothStatus.RESERVED, fresh.exhibitor)
    audit.record(
        actor,
        "floorplan.booth.confirm",
        fresh,
        edition=booth.edition,
        changes={"status": [OfferStatus.OPEN, OfferStatus.CONFIRMED]},
    )
    publish_exhibitor_location(actor, fresh.exhibitor)
    offer.status = fresh.status
    return booth


def _release_option(offer: BoothOffer, status: str, now: dt.datetime) -> None:
    booth = _lock_booth(offer.booth_id)
    offer.status, offer.decided_at = status, now
    offer.save(update_fields=["status", "decided_at"])
    if booth.status == BoothStatus.OPTION and booth.exhibitor_id == offer.exhibitor_id:
        _set_holder(booth, BoothStatus.AVAILABLE, None)


@transaction.atomic
def withdraw_offer(actor: Actor, offer: BoothOffer) -> None:
    require(actor, Perm.MANAGE_SPACE, offer.edition)
    fresh = _open_offer(offer)
    _release_option(fresh, OfferStatus.WITHDRAWN, timezone.now())
    audit.record(actor, "floorplan.booth.withdraw_offer", fresh, edition=offer.edition)
    offer.status = fresh.status


def lapse_expired_options(
    actor: Actor | None = None, now: dt.datetime | None = None, edition: Edition | None = None
) -> int:
    """Lapse every open option whose deadline has passed; its booth becomes available again.
    Each offer lapses in its own transaction, so one failure does not hold back the others."""
    actor = actor or Actor.system("lapse_expired_options")
    now = now or timezone.now()
    due = BoothOffer.objects.filter(status=OfferStatus.OPEN, expires_at__lte=now)
    if edition is not None:
        due = due.filter(edition=edition)
    lapsed = 0
    for offer_id in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            offer = BoothOffer.objects.select_related("edition").get(pk=offer_id)
            _lock_booth(offer.booth_id)
            offer = BoothOffer.objects.select_for_update().get(pk=offer_id)
            if offer.status != OfferStatus.OPEN or offer.expires_at > now:
                continue  # confirmed or withdrawn meanwhile
            _release_option(offer, OfferStatus.LAPSED, now)
            audit.record(
                actor,
                "floorplan.booth.lapse",
                offer,
                edition=offer.edition,
                changes={"status": [OfferStatus.OPEN, OfferStatus.LAPSED]},
            )
            lapsed += 1
    return lapsed


@transaction.atomic
def set_booth_status(actor: Actor, booth: Booth, status: str) -> Booth:
    """Staff moves: block or free an empty booth, mark a reserved booth sold, release a holder."""
    require(actor, Perm.MANAGE_SPACE, booth.edition)
    locked = _lock_booth(booth.pk)
    before = locked.status
    allowed: dict[str, set[str]] = {
        BoothStatus.AVAILABLE: {BoothStatus.BLOCKED},
        BoothStatus.BLOCKED: {BoothStatus.AVAILABLE},
        BoothStatus.RESERVED: {BoothStatus.SOLD, BoothStatus.AVAILABLE},
        BoothStatus.SOLD: {BoothStatus.RESERVED, BoothStatus.AVAILABLE},
        BoothStatus.OPTION: set(),
    }
    if status not in allowed.get(before, set()):
        raise ValidationError(
            {
                "status": [
                    _("Booth %(booth)s cannot go from %(before)s to %(after)s.")
                    % {
                        "booth": locked.code,
                        "before": BoothStatus(before).label,
                        "after": BoothStatus(status).label
                        if status in BoothStatus.values
                        else status,
                    }
                ]
            }
        )
    holder = locked.exhibitor
    _set_holder(locked, status, None if status == BoothStatus.AVAILABLE else holder)
    audit.record(
        actor,
        "floorplan.booth.status",
        locked,
        edition=booth.edition,
        changes={"status": [before, status]},
    )
    if holder is not None and status == BoothStatus.AVAILABLE:
        publish_exhibitor_location(actor, holder)
    _sync(booth, locked)
    return locked


@transaction.atomic
def place_exhibitors(
    actor: Actor,
    edition: Edition,
    placements: Iterable[tuple[Booth, Exhibitor]],
    status: str = BoothStatus.SOLD,
) -> int:
    """Staff place exhibitors straight on booths (a sale agreed off-line, the demo). Every booth
    must be available; all placements happen or none."""
    require(actor, Perm.MANAGE_SPACE, edition)
    pairs = list(placements)
    ids = [booth.pk for booth, _exhibitor in pairs]
    locked = {booth.pk: booth for booth in Booth.objects.select_for_update().filter(pk__in=ids)}
    errors = []
    for booth, exhibitor in pairs:
        current = locked[booth.pk]
        if current.status != BoothStatus.AVAILABLE:
            errors.append(
                _("Booth %(booth)s is not available: %(status)s.")
                % {"booth": current.code, "status": current.get_status_display()}
            )
            continue
        try:
            _check_can_hold(exhibitor, current)
        except ValidationError as exc:
            errors += exc.messages
        current.status, current.exhibitor = status, exhibitor
    if errors:
        raise ValidationError({"booth": errors})
    Booth.objects.bulk_update(list(locked.values()), ["status", "exhibitor"], batch_size=500)
    _touch(*{booth.hall_id for booth in locked.values()})
    audit.record(
        actor,
        "floorplan.booth.place",
        edition,
        edition=edition,
        changes={"placed": [None, len(pairs)]},
    )
    for booth, _exhibitor in pairs:
        _sync(booth, locked[booth.pk])
    return len(pairs)


def publish_exhibitor_location(actor: Actor, exhibitor: Exhibitor) -> None:
    """Tell the catalogue where an exhibitor (and so its co-exhibitors) stands: its rented
    booths, or nothing once it holds none.

    The exhibitor confirming its own booth holds no staff permission; the floor plan already
    authorised the act, so it informs the catalogue as the system, on the actor's behalf."""
    booths = list(
        Booth.objects.filter(
            exhibitor=exhibitor, status__in=[BoothStatus.RESERVED, BoothStatus.SOLD]
        )
        .select_related("hall", "pavilion")
        .order_by("hall__position", "code")
    )
    halls = list(dict.fromkeys(str(booth.hall) for booth in booths))
    pavilion = next((booth.pavilion for booth in booths if booth.pavilion_id), None)
    on_behalf = actor if actor.is_system else Actor.system(f"floorplan for {actor.display}")
    links.publish_location(
        on_behalf,
        exhibitor,
        hall=", ".join(halls)[:40],
        booth=", ".join(booth.code for booth in booths)[:40],
        pavilion_code=pavilion.code if pavilion else "",
        pavilion_name=pavilion.name if pavilion else {},
    )


# Hall tour --------------------------------------------------------------------------------------

MAX_PANORAMA_BYTES = 40 * 1024 * 1024
MAX_PANORAMA_PIXELS = 16384 * 8192


@transaction.atomic
def set_hall_panorama(actor: Actor, hall: Hall, content: bytes) -> Hall:
    """Store a hall's equirectangular panorama: a JPEG or PNG exactly twice as wide as high."""
    require(actor, Perm.MANAGE_SPACE, hall.edition)
    if len(content) > MAX_PANORAMA_BYTES:
        raise ValidationError(
            {"panorama": [_("The panorama is larger than 40 MB.")]}, code="too_large"
        )
    try:
        with Image.open(io.BytesIO(content)) as image:
            kind, (width, height) = image.format, image.size
            if width * height > MAX_PANORAMA_PIXELS:
                raise ValidationError(
                    {"panorama": [_("The panorama has more than 16384 × 8192 pixels.")]}
                )
    except (UnidentifiedImageError, Image.DecompressionBombError) as exc:
        raise ValidationError(
            {"panorama": [_("The file is not a JPEG or PNG image.")]}, code="type"
        ) from exc
    if kind not in ("JPEG", "PNG"):
        raise ValidationError({"panorama": [_("The file is not a JPEG or PNG image.")]})
    if width != 2 * height:
        raise ValidationError(
            {
                "panorama": [
                    _("A 360° panorama is twice as wide as high; this one is %(w)s × %(h)s.")
                    % {"w": width, "h": height}
                ]
            },
            code="ratio",
        )
    hall.panorama.save(f"{hall.code}.jpg", ContentFile(content), save=True)
    audit.record(
        actor,
        "floorplan.hall.panorama",
        hall,
        edition=hall.edition,
        changes={"panorama": [None, f"{width}×{height}"]},
    )
    return hall


EYE_HEIGHT = Decimal("1.6")  # camera height, m
FASCIA_HEIGHT = Decimal("2.5")  # booth name board, m


def hotspot_angles(
    camera: tuple[Decimal, Decimal], target: tuple[Decimal, Decimal], height: Decimal
) -> tuple[Decimal, Decimal]:
    """Yaw and pitch (degrees) of a point seen from the camera: yaw 0 looks towards −y (the top
    of the plan), positive to the right (east); pitch 0 is the horizon."""
    dx, dy = float(target[0] - camera[0]), float(target[1] - camera[1])
    yaw = math.degrees(math.atan2(dx, -dy))
    pitch = math.degrees(math.atan2(float(height - EYE_HEIGHT), math.hypot(dx, dy)))
    places = Decimal("0.001")
    return Decimal(str(round(yaw, 3))).quantize(places), Decimal(str(round(pitch, 3))).quantize(
        places
    )


@transaction.atomic
def place_tour_hotspots(
    actor: Actor, hall: Hall, camera: tuple[Decimal, Decimal], radius: Decimal = Decimal(40)
) -> int:
    """Place a hotspot on every occupied booth within `radius` metres of the camera, at the
    direction of its name board: the panorama must have been taken from `camera`."""
    require(actor, Perm.MANAGE_SPACE, hall.edition)
    outline = hall.points
    spot = geometry.rectangle(camera[0], camera[1], Decimal("0.001"), Decimal("0.001"))
    if not geometry.contains(outline, spot):
        raise ValidationError({"camera": [_("The camera stands outside the hall.")]})
    hall.camera_x, hall.camera_y = camera
    hall.save(update_fields=["camera_x", "camera_y"])
    TourHotspot.objects.filter(hall=hall).delete()
    hotspots = []
    for booth in hall.booths.exclude(exhibitor=None):
        centre = geometry.centroid(booth.points)
        if math.hypot(float(centre[0] - camera[0]), float(centre[1] - camera[1])) > radius:
            continue
        yaw, pitch = hotspot_angles(camera, centre, FASCIA_HEIGHT)
        hotspots.append(TourHotspot(hall=hall, booth=booth, yaw=yaw, pitch=pitch))
    TourHotspot.objects.bulk_create(hotspots)
    audit.record(
        actor,
        "floorplan.hall.hotspots",
        hall,
        edition=hall.edition,
        changes={"hotspots": [None, len(hotspots)], "camera": [None, [str(c) for c in camera]]},
    )
    return len(hotspots)
