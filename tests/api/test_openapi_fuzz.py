"""Fuzz every operation of the OpenAPI document with schemathesis: no input may cause a 5xx.

Runs in-process against the WSGI application on a small edition with data, as an anonymous
caller and as a superuser with a session, so both the refusals and the accepted paths are
exercised.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from showfloor.core.permissions import Actor
from showfloor.core.services import issue_api_token, seed_sectors
from showfloor.wsgi import application
from tests.factories import EditionFactory, OrganizationFactory, UserFactory

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


@pytest.fixture
def keep_connection():
    """Calls go straight to the WSGI app, not through Django's test client: like the client,
    keep the request cycle from closing the connection that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def bearer(db, keep_connection):
    seed_sectors()
    edition = EditionFactory(slug="fuzz")
    OrganizationFactory()
    user = UserFactory(username="fuzzer", is_superuser=True, is_staff=True)
    _token, key = issue_api_token(Actor.system(), edition, "fuzz", user=user)
    return key


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))
def test_no_input_causes_a_server_error(case, bearer):
    headers = {"Authorization": f"Bearer {bearer}"}
    if "{edition_slug}" in case.path and case.path_parameters:
        case.path_parameters["edition_slug"] = "fuzz"
    response = case.call(headers=headers)
    case.validate_response(response, checks=[not_a_server_error])
