"""Helpers for browser tests."""

from __future__ import annotations


def login(page, live_server, username: str, password: str = "secret-pass-123") -> None:
    """Log in through the real login form."""
    page.goto(f"{live_server.url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("button[type=submit]")
