"""Helpers shared by tests of every app."""

from __future__ import annotations

import os

import pytest

requires_postgresql = pytest.mark.skipif(
    os.environ.get("SHOWFLOOR_DATABASE_URL", "").split(":")[0] not in ("postgres", "postgresql"),
    reason="concurrency is serialised by PostgreSQL row locks; run with SHOWFLOOR_DATABASE_URL "
    "pointing at PostgreSQL (make test does)",
)


def api_headers(key: str) -> dict[str, str]:
    """Headers for Django's test client carrying a bearer token."""
    return {"HTTP_AUTHORIZATION": f"Bearer {key}"}
