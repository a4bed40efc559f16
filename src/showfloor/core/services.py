"""Every write to the core domain. Views, the API, the admin and the demo all call these."""

from __future__ import annotations

import secrets
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from showfloor.core import audit
from showfloor.core.models import (
    ApiToken,
    Edition,
    Expo,
    Organization,
    OrganizationMember,
    Organizer,
    Sector,
    StaffRole,
    hash_token,
)
from showfloor.core.permissions import Actor
from showfloor.core.sectors import SEED_SECTORS


def save_validated(instance: models.Model, exclude: Iterable[str] | None = None) -> None:
    """full_clean() then save(): every service write is validated the same way."""
    instance.full_clean(exclude=list(exclude or []))
    instance.save()


def _edition_of(obj: models.Model) -> Edition | None:
    return obj if isinstance(obj, Edition) else getattr(obj, "edition", None)


@transaction.atomic
def create_object(
    actor: Actor,
    model: type[models.Model],
    values: dict[str, Any],
    *,
    m2m: dict[str, Iterable[Any]] | None = None,
    edition: Edition | None = None,
) -> Any:
    """Create a validated object and audit it; many-to-many values are set after the save."""
    instance = model(**values)
    save_validated(instance)
    for name, items in (m2m or {}).items():
        getattr(instance, name).set(items)
    audit.record(
        actor,
        f"{model._meta.label_lower}.create",
        instance,
        edition=edition or _edition_of(instance),
        changes={key: [None, value] for key, value in {**values, **(m2m or {})}.items()},
    )
    return instance


@transaction.atomic
def update_object(
    actor: Actor,
    instance: models.Model,
    values: dict[str, Any],
    *,
    m2m: dict[str, Iterable[Any]] | None = None,
    edition: Edition | None = None,
) -> dict[str, list[Any]]:
    """Apply, validate and audit changes; returns the changed fields."""
    locked = type(instance)._default_manager.select_for_update().get(pk=instance.pk)
    changes = audit.apply_changes(locked, values)
    save_validated(locked)
    for name, items in (m2m or {}).items():
        items = list(items)
        before = sorted(str(item) for item in getattr(locked, name).all())
        after = sorted(str(item) for item in items)
        if before != after:
            getattr(locked, name).set(items)
            changes[name] = [before, after]
    if changes:
        audit.record(
            actor,
            f"{type(instance)._meta.label_lower}.update",
            locked,
            edition=edition or _edition_of(locked),
            changes=changes,
        )
    instance.refresh_from_db()
    return changes


@transaction.atomic
def delete_object(actor: Actor, instance: models.Model, *, edition: Edition | None = None) -> None:
    own = None if isinstance(instance, Edition) else _edition_of(instance)
    audit.record(
        actor, f"{type(instance)._meta.label_lower}.delete", instance, edition=edition or own
    )
    try:
        instance.delete()
    except models.ProtectedError as exc:
        names = sorted({str(type(obj)._meta.verbose_name) for obj in exc.protected_objects})
        used_by = ", ".join(names)
        raise ValidationError(
            _("“%(obj)s” is still used by: %(names)s."),
            code="protected",
            params={"obj": str(instance), "names": used_by},
        ) from exc


def create_edition(actor: Actor, expo: Expo, **values: Any) -> Edition:
    return create_object(actor, Edition, {"expo": expo, **values})


@transaction.atomic
def set_edition_status(actor: Actor, edition: Edition, status: str) -> Edition:
    update_object(actor, edition, {"status": status})
    return edition


def create_organization(
    actor: Actor, sectors: Iterable[Sector] = (), **values: Any
) -> Organization:
    return create_object(actor, Organization, values, m2m={"sectors": list(sectors)})


@transaction.atomic
def add_organization_member(
    actor: Actor, organization: Organization, user: Any, is_admin: bool = False, job_title: str = ""
) -> OrganizationMember:
    member, created = OrganizationMember.objects.get_or_create(
        organization=organization,
        user=user,
        defaults={"is_admin": is_admin, "job_title": job_title},
    )
    if created:
        audit.record(
            actor, "core.organizationmember.create", member, changes={"is_admin": [None, is_admin]}
        )
    return member


@transaction.atomic
def grant_staff_role(
    actor: Actor, user: Any, organizer: Organizer, role: str, edition: Edition | None = None
) -> StaffRole:
    existing = StaffRole.objects.filter(
        user=user, organizer=organizer, edition=edition, role=role
    ).first()
    if existing:
        return existing
    return create_object(
        actor, StaffRole, {"user": user, "organizer": organizer, "edition": edition, "role": role}
    )


@transaction.atomic
def issue_api_token(
    actor: Actor, edition: Edition, name: str, *, user: Any = None, permissions: Iterable[str] = ()
) -> tuple[ApiToken, str]:
    """Create a token; the clear key is returned once and never stored."""
    key = "sf_" + secrets.token_urlsafe(32)
    token = ApiToken(
        name=name,
        edition=edition,
        user=user,
        permissions=sorted(set(permissions)),
        key_prefix=key[3:11],
        key_hash=hash_token(key),
    )
    save_validated(token)
    audit.record(
        actor,
        "core.apitoken.create",
        token,
        edition=edition,
        changes={"name": [None, name], "permissions": [None, token.permissions]},
    )
    return token, key


@transaction.atomic
def revoke_api_token(actor: Actor, token: ApiToken) -> None:
    if token.revoked_at is None:
        update_object(actor, token, {"revoked_at": timezone.now()})


def authenticate_token(key: str) -> ApiToken | None:
    """The active token for a clear key, or None."""
    if not key:
        return None
    token = (
        ApiToken.objects.select_related("edition__expo", "user")
        .filter(key_hash=hash_token(key), revoked_at__isnull=True)
        .first()
    )
    if token is not None and (
        token.last_used_at is None or (timezone.now() - token.last_used_at).total_seconds() > 60
    ):
        # Once a minute at most, so a busy scanner does not write on every request.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


@transaction.atomic
def seed_sectors() -> list[Sector]:
    """Create or update the sector taxonomy the seeds name."""
    sectors = []
    for code, names in SEED_SECTORS:
        sector, _created = Sector.objects.update_or_create(code=code, defaults={"name": names})
        sectors.append(sector)
    return sectors
