"""The one permission check, used by views, the API and the admin alike.

An `Actor` is whoever acts: a signed-in user, an API token (for a user or a device), or the system
(demo generator, tasks). Permissions are named in `rules.Perm`; staff roles grant them per edition.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import HttpRequest

from showfloor.core.models import ApiToken, Edition, OrganizationMember, StaffRole
from showfloor.core.rules import ALL_PERMISSIONS, ROLE_PERMISSIONS

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def user_edition_permissions(
    user: AbstractBaseUser | AnonymousUser | None, edition: Edition
) -> frozenset[str]:
    """Permissions a user holds in an edition through their staff roles."""
    if user is None or not user.is_authenticated:
        return frozenset()
    if user.is_superuser:
        return ALL_PERMISSIONS
    roles = (
        StaffRole.objects.filter(user=user, organizer_id=edition.expo.organizer_id)
        .filter(Q(edition__isnull=True) | Q(edition=edition))
        .values_list("role", flat=True)
    )
    granted: set[str] = set()
    for role in roles:
        granted |= ROLE_PERMISSIONS.get(role, frozenset())
    return frozenset(granted)


@dataclass
class Actor:
    user: Any = None
    token: ApiToken | None = None
    label: str = ""
    _cache: dict[int, frozenset[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def system(cls, label: str = "system") -> Actor:
        return cls(label=label)

    @classmethod
    def for_user(cls, user: Any) -> Actor:
        return cls(user=user if user is not None and user.is_authenticated else None)

    @property
    def is_system(self) -> bool:
        return self.user is None and self.token is None and bool(self.label)

    @property
    def is_authenticated(self) -> bool:
        return self.user is not None or self.token is not None or self.is_system

    @property
    def display(self) -> str:
        if self.token is not None:
            return f"token:{self.token.name}"
        if self.user is not None:
            return self.user.get_username()
        return self.label or "anonymous"

    def permissions(self, edition: Edition) -> frozenset[str]:
        if edition.pk in self._cache:
            return self._cache[edition.pk]
        if self.is_system:
            perms = ALL_PERMISSIONS
        elif self.token is not None:
            if not self.token.is_active or self.token.edition_id != edition.pk:
                perms = frozenset()
            elif self.token.user_id is not None:
                perms = user_edition_permissions(self.token.user, edition)
                if self.token.permissions:
                    perms &= frozenset(self.token.permissions)
            else:
                perms = frozenset(self.token.permissions) & ALL_PERMISSIONS
        else:
            perms = user_edition_permissions(self.user, edition)
        self._cache[edition.pk] = perms
        return perms

    def has_perm(self, perm: str, edition: Edition) -> bool:
        return perm in self.permissions(edition)

    def is_member_of(self, organization_id: int | None, admin: bool = False) -> bool:
        """True when the actor acts for the organisation (as one of its members)."""
        if organization_id is None or self.user is None:
            return False
        members = OrganizationMember.objects.filter(user=self.user, organization_id=organization_id)
        return members.filter(is_admin=True).exists() if admin else members.exists()


def require(actor: Actor, perm: str, edition: Edition) -> None:
    """Raise PermissionDenied unless the actor holds `perm` in `edition`."""
    if not actor.has_perm(perm, edition):
        raise PermissionDenied(f"{perm} is required in {edition.slug}")


def actor_from_request(request: HttpRequest) -> Actor:
    cached = getattr(request, "_showfloor_actor", None)
    if cached is not None:
        return cached
    token = getattr(request, "api_token", None)
    if token is not None:
        actor = Actor(user=token.user, token=token)
    else:
        actor = Actor.for_user(getattr(request, "user", None))
    request._showfloor_actor = actor  # type: ignore[attr-defined]
    return actor


def is_organizer_admin(actor: Actor, organizer_id: int) -> bool:
    """Organizer-wide administrators create expos and editions."""
    if actor.is_system or (
        actor.user is not None and actor.user.is_superuser and actor.token is None
    ):
        return True
    if actor.user is None or actor.token is not None:
        return False  # tokens are scoped to one edition
    return StaffRole.objects.filter(
        user=actor.user, organizer_id=organizer_id, edition__isnull=True, role="admin"
    ).exists()


def editions_with_perm(user: Any, perm: str) -> QuerySet[Edition]:
    """The editions in which a user holds `perm` (all of them for a superuser)."""
    if user is None or not user.is_authenticated:
        return Edition.objects.none()
    if user.is_superuser:
        return Edition.objects.all()
    roles = [role for role, perms in ROLE_PERMISSIONS.items() if perm in perms]
    grants = StaffRole.objects.filter(user=user, role__in=roles)
    return Edition.objects.filter(
        Q(pk__in=grants.filter(edition__isnull=False).values("edition_id"))
        | Q(expo__organizer_id__in=grants.filter(edition__isnull=True).values("organizer_id"))
    )
