from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer
from ninja.security import SessionAuth as NinjaSessionAuth

from showfloor.core.models import ApiToken
from showfloor.core.services import authenticate_token


class TokenAuth(HttpBearer):
    """Bearer token scoped to one edition (integrations and scanner devices)."""

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken | None:
        api_token = authenticate_token(token)
        if api_token is not None:
            request.api_token = api_token  # type: ignore[attr-defined]
        return api_token


class SessionAuth(NinjaSessionAuth):
    """The browser session of a signed-in user; CSRF is checked only when there is a session,
    so a caller with no credentials gets 401, not a CSRF error."""

    def __call__(self, request: HttpRequest) -> Any:
        if not request.user.is_authenticated:
            return None
        return super().__call__(request)


class Anonymous:
    """Last in an auth list: lets a public endpoint answer callers with no credentials."""

    def __call__(self, request: HttpRequest) -> Any:
        return request.user if request.user.is_authenticated else "anonymous"


# For endpoints anyone may call, that still recognise a token or a session.
PUBLIC_AUTH = [TokenAuth(), SessionAuth(), Anonymous()]

__all__ = ["PUBLIC_AUTH", "Anonymous", "SessionAuth", "TokenAuth"]
