"""The REST API at /api/v1/: one NinjaAPI, each app's `api.py` router mounted on it.

Authentication: a bearer token (`Authorization: Bearer sf_...`, scoped to one edition) or the
browser session (with CSRF). Errors always have the body
`{"detail": "what is wrong", "errors": [{"field": "where", "message": "what"}]}`.
"""

from __future__ import annotations

from importlib import import_module
from importlib.util import find_spec
from typing import Any

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as NinjaValidationError

from showfloor.api.auth import SessionAuth, TokenAuth
from showfloor.api.parser import ShowfloorParser

api = NinjaAPI(
    title="Showfloor API",
    version="1.0.0",
    description="Hybrid trade fairs: editions, exhibitors, attendance, programme, matchmaking, "
    "awards and agreements. Authenticate with `Authorization: Bearer <token>`.",
    auth=[TokenAuth(), SessionAuth()],
    urls_namespace="api",
    parser=ShowfloorParser(),
)


def error_body(detail: str, errors: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": errors or []}


def _field_of(loc: list[Any] | tuple[Any, ...]) -> str:
    parts = [str(part) for part in loc if part not in ("body", "query", "path", "payload", "form")]
    return ".".join(parts) or "__all__"


@api.exception_handler(NinjaValidationError)
def on_request_invalid(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [
        {"field": _field_of(err.get("loc", ())), "message": err.get("msg", "invalid")}
        for err in exc.errors
    ]
    return api.create_response(request, error_body("The request is not valid.", errors), status=422)


@api.exception_handler(ValidationError)
def on_domain_invalid(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": field, "message": str(message)}
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    else:
        errors = [{"field": "__all__", "message": str(message)} for message in exc.messages]
    detail = errors[0]["message"] if len(errors) == 1 else "The data is not valid."
    return api.create_response(request, error_body(detail, errors), status=422)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: PermissionDenied) -> HttpResponse:
    return api.create_response(
        request, error_body("You do not have permission to do this."), status=403
    )


@api.exception_handler(Http404)
def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, error_body("Not found."), status=404)


api.exception_handler(ObjectDoesNotExist)(on_not_found)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: AuthenticationError) -> HttpResponse:
    return api.create_response(
        request, error_body("Authentication required: send a valid bearer token."), status=401
    )


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    # Ninja wraps what the body parser raises in a 400; a refusal of ours keeps its own answer.
    if isinstance(exc.__cause__, ValidationError):
        return on_domain_invalid(request, exc.__cause__)
    return api.create_response(request, error_body(str(exc)), status=exc.status_code)


# Django tries URL patterns in order, and scanners call their endpoints hundreds of times a
# second: the attendance app's come first (about 40 fewer patterns tried per scan).
HOT_FIRST = ["showfloor.attendance"]
for _app_path in HOT_FIRST + [app for app in settings.SHOWFLOOR_APPS if app not in HOT_FIRST]:
    if _app_path != "showfloor.api" and find_spec(f"{_app_path}.api") is not None:
        _module = import_module(f"{_app_path}.api")
        api.add_router("", _module.router, tags=[_app_path.rsplit(".", 1)[1]])
