"""Every write about exhibitors, exhibits and their media. Views, the API, the import, the demo and
the tasks call these; each validates, runs in one transaction and writes an audit entry."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from showfloor.core import audit
from showfloor.core import services as core_services
from showfloor.core.models import Edition, Organization, OrganizationMember, Sector
from showfloor.core.permissions import Actor, require
from showfloor.core.rules import Perm
from showfloor.exhibitors import media as media_rules
from showfloor.exhibitors import rules, search
from showfloor.exhibitors.enums import (
    ExhibitorMode,
    ExhibitorStatus,
    MediaKind,
    MediaStatus,
    ReviewDecision,
)
from showfloor.exhibitors.models import Exhibit, Exhibitor, ExhibitorContact, Media

EXHIBITOR_FIELDS = {
    "attendance_mode",
    "profile",
    "requested_space_m2",
    "contact_email",
    "contact_phone",
}
EXHIBIT_FIELDS = {
    "title",
    "description",
    "stage",
    "seeks_investment",
    "seeks_partners",
    "seeks_buyers",
    "seeks_technology_transfer",
    "is_published",
}
# Which review decision is allowed from which status.
REVIEW_TRANSITIONS = {
    ReviewDecision.APPROVE: {
        ExhibitorStatus.APPLIED,
        ExhibitorStatus.CHANGES_REQUESTED,
        ExhibitorStatus.REJECTED,
    },
    ReviewDecision.REQUEST_CHANGES: {ExhibitorStatus.APPLIED, ExhibitorStatus.APPROVED},
    ReviewDecision.REJECT: {
        ExhibitorStatus.APPLIED,
        ExhibitorStatus.CHANGES_REQUESTED,
        ExhibitorStatus.APPROVED,
    },
}
DECISION_STATUS = {
    ReviewDecision.APPROVE: ExhibitorStatus.APPROVED,
    ReviewDecision.REQUEST_CHANGES: ExhibitorStatus.CHANGES_REQUESTED,
    ReviewDecision.REJECT: ExhibitorStatus.REJECTED,
}


def touch(exhibitor_id: int) -> None:
    """Mark the booth as changed (its cached page is keyed on updated_at)."""
    Exhibitor.objects.filter(pk=exhibitor_id).update(updated_at=timezone.now())


def _unknown_fields(values: dict[str, Any], allowed: set[str]) -> None:
    unknown = sorted(set(values) - allowed)
    if unknown:
        raise ValidationError({name: [_("This field cannot be changed here.")] for name in unknown})


def _check_host(edition: Edition, organization: Organization, host: Exhibitor | None) -> None:
    if host is None:
        return
    if host.edition_id != edition.pk:
        raise ValidationError({"host": [_("The main exhibitor must exhibit in this edition.")]})
    if host.organization_id == organization.pk:
        raise ValidationError({"host": [_("An organisation cannot share its own stand.")]})
    if host.host_id is not None:
        raise ValidationError(
            {"host": [_("The main exhibitor is itself a co-exhibitor; choose the stand holder.")]}
        )
    if host.status in (ExhibitorStatus.REJECTED, ExhibitorStatus.WITHDRAWN):
        raise ValidationError(
            {"host": [_("The main exhibitor's application is rejected or withdrawn.")]}
        )


@transaction.atomic
def apply_exhibitor(
    actor: Actor,
    edition: Edition,
    organization: Organization,
    *,
    sectors: Iterable[Sector] = (),
    host: Exhibitor | None = None,
    contacts: Iterable[dict[str, Any]] = (),
    **values: Any,
) -> Exhibitor:
    """An organisation applies to exhibit in an edition (on its own stand or, with `host`, as a
    co-exhibitor on another's). Members of the organisation and exhibitor staff may apply."""
    if not rules.can_apply_for(actor, organization, edition):
        raise PermissionDenied("not a member of this organisation")
    _unknown_fields(values, EXHIBITOR_FIELDS)
    _check_host(edition, organization, host)
    if Exhibitor.objects.filter(edition=edition, organization=organization).exists():
        raise ValidationError(
            {"organization": [_("This organisation already exhibits in this edition.")]}
        )
    exhibitor = Exhibitor(edition=edition, organization=organization, host=host, **values)
    if host is not None:
        exhibitor.hall, exhibitor.booth = host.hall, host.booth
        exhibitor.pavilion_code, exhibitor.pavilion_name = host.pavilion_code, host.pavilion_name
    core_services.save_validated(exhibitor)
    exhibitor.sectors.set(list(sectors))
    for contact in contacts:
        _save_contact(ExhibitorContact(exhibitor=exhibitor), contact)
    audit.record(
        actor,
        "exhibitors.exhibitor.apply",
        exhibitor,
        edition=edition,
        changes={
            **{name: [None, value] for name, value in values.items()},
            "host": [None, host],
            "sectors": [None, [sector.code for sector in sectors]],
        },
    )
    search.index_exhibitor(exhibitor)
    return exhibitor


@transaction.atomic
def update_exhibitor(
    actor: Actor,
    exhibitor: Exhibitor,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] | None = None,
) -> dict[str, list[Any]]:
    """Change an exhibitor's profile; its members and exhibitor staff may."""
    rules.require_manage(actor, exhibitor)
    _unknown_fields(values, EXHIBITOR_FIELDS)
    m2m: dict[str, Iterable[Any]] | None = (
        {"sectors": list(sectors)} if sectors is not None else None
    )
    changes = core_services.update_object(actor, exhibitor, values, m2m=m2m)
    search.index_exhibitor(exhibitor)
    return changes


@transaction.atomic
def resubmit_exhibitor(actor: Actor, exhibitor: Exhibitor) -> Exhibitor:
    """After changes were requested, the exhibitor sends its application back for review."""
    rules.require_manage(actor, exhibitor)
    locked = Exhibitor.objects.select_for_update().get(pk=exhibitor.pk)
    if locked.status != ExhibitorStatus.CHANGES_REQUESTED:
        raise ValidationError(
            {"status": [_("Only an application with requested changes can be sent back.")]}
        )
    _set_status(actor, locked, ExhibitorStatus.APPLIED, "resubmit", reason="")
    exhibitor.refresh_from_db()
    return exhibitor


@transaction.atomic
def review_exhibitor(
    actor: Actor, exhibitor: Exhibitor, decision: str, reason: str = ""
) -> Exhibitor:
    """Staff approve, request changes or reject (the last two with a reason the exhibitor sees)."""
    require(actor, Perm.MANAGE_EXHIBITORS, exhibitor.edition)
    try:
        decision = ReviewDecision(decision)
    except ValueError as exc:
        raise ValidationError(
            {"decision": [_("Choose approve, request_changes or reject.")]}
        ) from exc
    reason = (reason or "").strip()
    if decision != ReviewDecision.APPROVE and not reason:
        raise ValidationError(
            {"reason": [_("Say why: the exhibitor sees this reason and needs it to act.")]}
        )
    locked = Exhibitor.objects.select_for_update().get(pk=exhibitor.pk)
    if locked.status not in REVIEW_TRANSITIONS[decision]:
        raise ValidationError(
            {
                "decision": [
                    _("An application that is “%(status)s” cannot be given “%(decision)s”.")
                    % {"status": locked.get_status_display(), "decision": decision.label}
                ]
            }
        )
    _set_status(actor, locked, DECISION_STATUS[decision], str(decision), reason=reason)
    if locked.host_id:
        touch(locked.host_id)  # the stand holder's booth lists its co-exhibitors
    exhibitor.refresh_from_db()
    return exhibitor


@transaction.atomic
def withdraw_exhibitor(actor: Actor, exhibitor: Exhibitor) -> Exhibitor:
    rules.require_manage(actor, exhibitor)
    locked = Exhibitor.objects.select_for_update().get(pk=exhibitor.pk)
    if locked.status == ExhibitorStatus.WITHDRAWN:
        return exhibitor
    if locked.co_exhibitors.exclude(status=ExhibitorStatus.WITHDRAWN).exists():
        raise ValidationError(
            {"status": [_("Co-exhibitors still share this stand; they must withdraw first.")]}
        )
    _set_status(actor, locked, ExhibitorStatus.WITHDRAWN, "withdraw", reason="")
    exhibitor.refresh_from_db()
    return exhibitor


def _set_status(actor: Actor, locked: Exhibitor, status: str, action: str, reason: str) -> None:
    changes = audit.apply_changes(
        locked, {"status": status, "review_reason": reason, "reviewed_at": timezone.now()}
    )
    core_services.save_validated(locked)
    audit.record(
        actor, f"exhibitors.exhibitor.{action}", locked, edition=locked.edition, changes=changes
    )


@transaction.atomic
def set_exhibitor_location(
    actor: Actor,
    exhibitor: Exhibitor,
    *,
    hall: str,
    booth: str,
    pavilion_code: str,
    pavilion_name: dict[str, str],
) -> Exhibitor:
    """Record where an exhibitor stands, for the catalogue's pavilion facet and the booth page.

    Floorplan calls this when a booth is confirmed (and with empty strings and {} when it is
    released). `hall` and `booth` are display labels ("Hall 9", "9B21"), `pavilion_code` a slug
    (the facet value, "" when the booth is in no pavilion) and `pavilion_name` its language map.
    The exhibitor's co-exhibitors share the stand, so they get the same location. Requires
    can_manage_space or can_manage_exhibitors in the exhibitor's edition.
    """
    if not (
        actor.has_perm(Perm.MANAGE_SPACE, exhibitor.edition)
        or actor.has_perm(Perm.MANAGE_EXHIBITORS, exhibitor.edition)
    ):
        raise PermissionDenied("can_manage_space")
    values = {
        "hall": hall,
        "booth": booth,
        "pavilion_code": pavilion_code,
        "pavilion_name": pavilion_name or {},
    }
    core_services.update_object(actor, exhibitor, values)
    for co_exhibitor in exhibitor.co_exhibitors.all():
        core_services.update_object(actor, co_exhibitor, values)
    search.index_exhibitor(exhibitor)
    return exhibitor


# Contacts and team -------------------------------------------------------------------------------


def _save_contact(contact: ExhibitorContact, values: dict[str, Any]) -> ExhibitorContact:
    _unknown_fields(values, {"name", "job_title", "email", "phone", "is_public"})
    for name, value in values.items():
        setattr(contact, name, value)
    core_services.save_validated(contact)
    return contact


@transaction.atomic
def add_contact(actor: Actor, exhibitor: Exhibitor, values: dict[str, Any]) -> ExhibitorContact:
    rules.require_manage(actor, exhibitor)
    contact = _save_contact(ExhibitorContact(exhibitor=exhibitor), values)
    audit.record(
        actor,
        "exhibitors.contact.create",
        contact,
        edition=exhibitor.edition,
        changes={name: [None, value] for name, value in values.items()},
    )
    touch(exhibitor.pk)
    return contact


@transaction.atomic
def delete_contact(actor: Actor, contact: ExhibitorContact) -> None:
    rules.require_manage(actor, contact.exhibitor)
    core_services.delete_object(actor, contact, edition=contact.exhibitor.edition)
    touch(contact.exhibitor_id)


@transaction.atomic
def add_team_member(
    actor: Actor, exhibitor: Exhibitor, user: Any, *, is_admin: bool = False, job_title: str = ""
) -> OrganizationMember:
    """Give a user the right to manage the exhibitor (membership of its organisation)."""
    if not rules.can_manage_team(actor, exhibitor):
        raise PermissionDenied("organisation administrator")
    return core_services.add_organization_member(
        actor, exhibitor.organization, user, is_admin=is_admin, job_title=job_title
    )


@transaction.atomic
def remove_team_member(actor: Actor, exhibitor: Exhibitor, member: OrganizationMember) -> None:
    if not rules.can_manage_team(actor, exhibitor):
        raise PermissionDenied("organisation administrator")
    if member.organization_id != exhibitor.organization_id:
        raise PermissionDenied("member of another organisation")
    admins = OrganizationMember.objects.filter(
        organization_id=member.organization_id, is_admin=True
    )
    if member.is_admin and admins.count() == 1:
        raise ValidationError(
            {"member": [_("This is the organisation's last administrator; name another first.")]}
        )
    core_services.delete_object(actor, member, edition=exhibitor.edition)


# Exhibits ----------------------------------------------------------------------------------------


@transaction.atomic
def create_exhibit(
    actor: Actor,
    exhibitor: Exhibitor,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] = (),
) -> Exhibit:
    rules.require_manage(actor, exhibitor)
    _unknown_fields(values, EXHIBIT_FIELDS)
    exhibit = core_services.create_object(
        actor,
        Exhibit,
        {"edition": exhibitor.edition, "exhibitor": exhibitor, **values},
        m2m={"sectors": list(sectors)},
    )
    search.index_exhibitor(exhibitor)
    touch(exhibitor.pk)
    return exhibit


@transaction.atomic
def update_exhibit(
    actor: Actor,
    exhibit: Exhibit,
    values: dict[str, Any],
    *,
    sectors: Iterable[Sector] | None = None,
) -> dict[str, list[Any]]:
    rules.require_manage(actor, exhibit.exhibitor)
    _unknown_fields(values, EXHIBIT_FIELDS)
    m2m: dict[str, Iterable[Any]] | None = (
        {"sectors": list(sectors)} if sectors is not None else None
    )
    changes = core_services.update_object(actor, exhibit, values, m2m=m2m)
    search.index_exhibitor(exhibit.exhibitor)
    touch(exhibit.exhibitor_id)
    return changes


@transaction.atomic
def delete_exhibit(actor: Actor, exhibit: Exhibit) -> None:
    rules.require_manage(actor, exhibit.exhibitor)
    exhibitor, exhibit_id = exhibit.exhibitor, exhibit.pk
    files = [item for media in exhibit.media.all() for item in _files_of(media)]
    core_services.delete_object(actor, exhibit)
    search.unindex_exhibit(exhibit_id)
    search.index_exhibitor(exhibitor)
    touch(exhibitor.pk)
    transaction.on_commit(lambda: _delete_files(files))


# Media -------------------------------------------------------------------------------------------


@transaction.atomic
def add_media(
    actor: Actor,
    exhibitor: Exhibitor,
    kind: str,
    *,
    upload: IO[bytes] | None = None,
    filename: str = "",
    size: int | None = None,
    url: str = "",
    title: dict[str, str] | None = None,
    exhibit: Exhibit | None = None,
) -> Media:
    """Validate and store a media file (or a hosted-video link); previews follow in the
    background. Refusals are ValidationErrors that say why."""
    rules.require_manage(actor, exhibitor)
    if kind not in MediaKind.values:
        raise ValidationError(
            {"kind": [_("Choose one of: %(kinds)s.") % {"kinds": ", ".join(MediaKind.values)}]}
        )
    if exhibit is not None and exhibit.exhibitor_id != exhibitor.pk:
        raise ValidationError({"exhibit": [_("This exhibit belongs to another exhibitor.")]})
    media = Media(
        edition=exhibitor.edition,
        exhibitor=exhibitor,
        exhibit=exhibit,
        kind=kind,
        title=title or {},
    )
    if kind == MediaKind.VIDEO_LINK:
        media.url = media_rules.validate_video_link(url)
        media.status = MediaStatus.READY
    else:
        if upload is None:
            raise ValidationError({"file": [_("Choose a file to upload.")]})
        clean = media_rules.validate_upload(kind, upload, filename, size)
        media.content_type, media.size = clean.content_type, clean.size
        media.width, media.height = clean.width, clean.height
        media.file.save(str(clean.content.name), clean.content, save=False)
    media.position = exhibitor.media.filter(kind=kind).count()
    try:
        core_services.save_validated(media)
    except ValidationError:
        if media.file:
            default_storage.delete(str(media.file.name))
        raise
    audit.record(
        actor,
        "exhibitors.media.create",
        media,
        edition=exhibitor.edition,
        changes={"kind": [None, kind], "file": [None, media.file.name or media.url]},
    )
    if media.file and media.content_type in media_rules.IMAGE_TYPES:
        media_id = media.pk
        transaction.on_commit(lambda: _schedule_derivatives(media_id))
    elif media.file:
        Media.objects.filter(pk=media.pk).update(status=MediaStatus.READY)
        media.status = MediaStatus.READY
    touch(exhibitor.pk)
    return media


def _schedule_derivatives(media_id: int) -> None:
    from showfloor.exhibitors.tasks import make_media_derivatives  # tasks imports this module

    make_media_derivatives.delay(media_id)


@transaction.atomic
def delete_media(actor: Actor, media: Media) -> None:
    rules.require_manage(actor, media.exhibitor)
    files = _files_of(media)
    core_services.delete_object(actor, media, edition=media.exhibitor.edition)
    touch(media.exhibitor_id)
    transaction.on_commit(lambda: _delete_files(files))


def _files_of(media: Media) -> list[str]:
    return [str(field.name) for field in (media.file, media.thumbnail, media.preview) if field]


def _delete_files(names: list[str]) -> None:
    for name in names:
        # Demo media share generated files; only delete a file no other row points to.
        if not Media.objects.filter(file=name).exists():
            default_storage.delete(name)


THUMBNAIL_SIZE = (480, 360)
PREVIEW_SIZE = (1600, 1200)
PANORAMA_PREVIEW_SIZE = (6144, 3072)


def make_media_derivatives(media_id: int) -> str:
    """Make the thumbnail and the page-size preview of an image; idempotent (a retry redoes it)."""
    media = Media.objects.filter(pk=media_id).first()
    if media is None or not media.file:
        return "gone"
    try:
        with media.file.open("rb") as handle:
            data = handle.read()
        preview_size = PANORAMA_PREVIEW_SIZE if media.kind == MediaKind.PANORAMA else PREVIEW_SIZE
        stem = str(media.file.name).rsplit("/", 1)[-1].rsplit(".", 1)[0]
        thumbnail = media_rules.derivative(data, THUMBNAIL_SIZE)
        preview = media_rules.derivative(data, preview_size, quality=85)
    except OSError:
        Media.objects.filter(pk=media_id).update(status=MediaStatus.FAILED)
        raise
    if media.thumbnail:
        default_storage.delete(str(media.thumbnail.name))
    if media.preview:
        default_storage.delete(str(media.preview.name))
    folder = str(media.file.name).rsplit("/", 1)[0]
    media.thumbnail.name = default_storage.save(
        f"{folder}/{stem}-thumb.jpg", ContentFile(thumbnail)
    )
    media.preview.name = default_storage.save(f"{folder}/{stem}-preview.jpg", ContentFile(preview))
    Media.objects.filter(pk=media_id).update(
        thumbnail=media.thumbnail.name, preview=media.preview.name, status=MediaStatus.READY
    )
    touch(media.exhibitor_id)
    return "ready"


def default_attendance_mode(edition: Edition) -> str:
    return ExhibitorMode.REMOTE if edition.mode == "online" else ExhibitorMode.ONSITE
