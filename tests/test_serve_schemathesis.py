"""schemathesis against the served OpenAPI schema: for generated requests (valid and invalid)
no 5xx, every status and content type documented, every response body matching its schema,
and invalid input rejected. Runs against the read-only server and, for the correction write,
the server with a token."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import (
    content_type_conformance,
    negative_data_rejection,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.conftest import TOKEN

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance, negative_data_rejection]
SETTINGS = settings(max_examples=15, deadline=None, derandomize=True, print_blob=True,
                    suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def read_schema(server):
    return schemathesis.openapi.from_url(server.url + "/api/openapi.json")


@pytest.fixture(scope="module")
def write_schema(token_server):
    schema = schemathesis.openapi.from_url(token_server.url + "/api/openapi.json")
    # ingest runs the whole pipeline per request: tested by hand in test_serve_api, not fuzzed;
    # the correction write is fuzzed without the (slow, exhaustive) coverage phase
    schema.config.phases.coverage.enabled = False
    return schema.include(method="POST", path="/api/corrections")


read_api = schemathesis.pytest.from_fixture("read_schema")
write_api = schemathesis.pytest.from_fixture("write_schema")


@read_api.parametrize()
@SETTINGS
def test_read_api_conforms_to_its_schema(case):
    case.call_and_validate(checks=CHECKS)


@write_api.parametrize()
@settings(SETTINGS, max_examples=8)
def test_correction_write_conforms_to_its_schema(case):
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {TOKEN}"})
