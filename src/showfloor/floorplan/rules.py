"""Object-level permission predicates of the floor plan."""

from __future__ import annotations

from showfloor.core.permissions import Actor
from showfloor.core.rules import Perm
from showfloor.exhibitors.models import Exhibitor


def can_manage_space(actor: Actor, edition) -> bool:  # type: ignore[no-untyped-def]
    return actor.has_perm(Perm.MANAGE_SPACE, edition)


def acts_for_exhibitor(actor: Actor, exhibitor: Exhibitor) -> bool:
    """The exhibitor's own members (or space staff on their behalf) answer its offers."""
    return actor.is_member_of(exhibitor.organization_id) or can_manage_space(
        actor, exhibitor.edition
    )
