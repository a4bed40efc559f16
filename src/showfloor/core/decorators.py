"""View decorators that declare the permission a page needs."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse


def edition_permission_required(perm: str) -> Callable[..., Any]:
    """Require `perm` in the request's edition; anonymous callers are sent to log in."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if perm in request.edition_perms:  # type: ignore[attr-defined]
                return view(request, *args, **kwargs)
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied(perm)

        wrapped.required_permission = perm  # type: ignore[attr-defined]
        return wrapped

    return decorator
