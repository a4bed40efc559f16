"""Shared helpers for every app's API router."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from ninja import Schema

from showfloor.core.middleware import resolve_edition
from showfloor.core.models import Edition
from showfloor.core.permissions import Actor, actor_from_request


def actor(request: HttpRequest) -> Actor:
    return actor_from_request(request)


def edition_for(request: HttpRequest, slug: str, perm: str | None = None) -> Edition:
    """The edition named in the path, checked for visibility and, if given, a permission.

    A token scoped to another edition gets 404 for a draft and 403 otherwise, the same answer
    whether the object asked for exists or not.
    """
    edition = resolve_edition(request, slug)
    if perm is not None and perm not in request.edition_perms:  # type: ignore[attr-defined]
        raise PermissionDenied(perm)
    return edition


def patch_values(payload: Schema) -> dict[str, Any]:
    """The fields a PATCH sets; an explicit null is refused, naming the field, rather than
    reaching a column that cannot hold it."""
    values = payload.dict(exclude_unset=True)
    nulls = sorted(name for name, value in values.items() if value is None)
    if nulls:
        raise ValidationError({name: ["This field cannot be null."] for name in nulls})
    return values
