"""Shared test set-up: settings for tests, core factories as fixtures, the database flavour."""

from __future__ import annotations

import os

os.environ.setdefault("SHOWFLOOR_TESTING", "1")
# Playwright's sync API runs an event loop in the test thread; Django's ORM is still used
# synchronously there, which is safe in tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

import pytest

from showfloor.core.enums import StaffRoleName
from showfloor.core.permissions import Actor
from tests.factories import EditionFactory, StaffRoleFactory, UserFactory


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.SHOWFLOOR_PAGEVIEW_BATCH = 1  # each page view written at once, so tests count it


@pytest.fixture
def edition(db):
    return EditionFactory(status="published")


@pytest.fixture
def system_actor():
    return Actor.system("tests")


@pytest.fixture
def staff_user(db):
    """Return a factory: staff_user(edition, role) -> user holding that role in the edition."""

    def make(edition, role: str = StaffRoleName.ADMIN, **user_fields):
        user = UserFactory(is_staff=True, **user_fields)
        StaffRoleFactory(user=user, organizer=edition.expo.organizer, edition=edition, role=role)
        return user

    return make
