"""Helpers shared by tests of every app."""

from __future__ import annotations

import os

import pytest

ON_POSTGRESQL = os.environ.get("SHOWFLOOR_DATABASE_URL", "").split(":")[0] in (
    "postgres",
    "postgresql",
)
requires_postgresql = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="concurrent writers need PostgreSQL (SQLite runs one write at a time); run with "
    "SHOWFLOOR_DATABASE_URL pointing at PostgreSQL (make test does)",
)
postgresql_only = pytest.mark.skipif(
    not ON_POSTGRESQL,
    reason="prepared statements are PostgreSQL's; make test runs this on PostgreSQL too",
)


def api_headers(key: str) -> dict[str, str]:
    """Headers for Django's test client carrying a bearer token."""
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
