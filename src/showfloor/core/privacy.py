"""Privacy-friendly visitor identity: a salted hash that rotates every day; no IP is stored.

The same browser on the same day gets the same hash, so unique visitors can be counted per day;
the salt of a day is random and deleted after two days, so a hash cannot be traced back later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone

from showfloor.core.models import DailySalt


def daily_salt(day: dt.date) -> str:
    key = f"showfloor:salt:{day.isoformat()}"
    salt = cache.get(key)
    if salt:
        return salt
    salt = DailySalt.objects.filter(day=day).values_list("salt", flat=True).first()
    if salt is None:
        try:
            with transaction.atomic():
                salt = DailySalt.objects.create(day=day, salt=secrets.token_hex(32)).salt
        except IntegrityError:  # another process created it first
            salt = DailySalt.objects.get(day=day).salt
        DailySalt.objects.filter(day__lt=day - dt.timedelta(days=1)).delete()
    cache.set(key, salt, 3600)
    return salt


def client_ip(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "")


def visitor_hash(request: HttpRequest, scope: str = "", day: dt.date | None = None) -> str:
    """A daily-rotating pseudonymous id of the visitor (IP + user agent), optionally per scope."""
    day = day or timezone.now().date()
    material = "|".join(
        [daily_salt(day), scope, client_ip(request), request.META.get("HTTP_USER_AGENT", "")]
    )
    return hashlib.sha256(material.encode()).hexdigest()[:32]
