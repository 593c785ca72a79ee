"""Every endpoint, driven from the OpenAPI document itself by schemathesis (in process, no
network): whatever parameters the schema admits, and many it does not, no answer is a 500,
and every answer matches what the schema promises (status, content type, body, headers)."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from schemathesis.specs.openapi.checks import positive_data_acceptance

from config.wsgi import application

EXAMPLES = 100


@pytest.fixture
def in_test_transaction():
    """Called as a WSGI app, Django would close the test's connection (and its transaction)
    after each request, as it does for a server: the test client's rule, kept here too."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


def test_no_endpoint_answers_500_or_breaks_its_own_schema(
    real_notes, settings, in_test_transaction
):
    settings.ALLOWED_HOSTS = ["*"]  # schemathesis calls the app as "localhost"
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) == 13
    for operation in operations:

        @given(case=operation.as_strategy())
        @examples(
            max_examples=EXAMPLES,
            deadline=None,
            derandomize=True,  # the same cases every run: a failure is the code's, not luck's
            suppress_health_check=list(HealthCheck),
        )
        def answers_as_promised(case):
            # A name that picks no row is text the schema admits, and yet a filter naming
            # nothing answers 400 by design: every other check applies.
            case.call_and_validate(excluded_checks=[positive_data_acceptance])

        answers_as_promised()
