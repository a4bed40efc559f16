from typing import Any

from django.conf import settings
from django.http import HttpRequest

from showfloor.core.i18n import LANGUAGE_LABELS
from showfloor.core.rules import Perm
from showfloor.web.navigation import links


def shell(request: HttpRequest) -> dict[str, Any]:
    """What the base template needs on every page: the edition, the caller's rights, menus."""
    edition = getattr(request, "edition", None)
    perms = getattr(request, "edition_perms", frozenset())
    context: dict[str, Any] = {
        "edition": edition,
        "edition_perms": perms,
        "is_edition_staff": Perm.VIEW_BACKOFFICE in perms,
        "language_choices": [
            (code, LANGUAGE_LABELS.get(code, name)) for code, name in settings.LANGUAGES
        ],
        "nav_public": [],
        "nav_staff": [],
    }
    if edition is not None:
        signed_in = request.user.is_authenticated
        context["nav_public"] = links("PUBLIC", edition, perms, request.path, signed_in)
        context["nav_staff"] = links("STAFF", edition, perms, request.path)
    return context
