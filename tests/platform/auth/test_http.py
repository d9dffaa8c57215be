"""requires(...): 401 without or with bad credentials, 403 without the permission, as problem details."""

from __future__ import annotations

import socket
import time

import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from oms_platform.auth.api_keys import InMemoryApiKeyStore, generate_api_key
from oms_platform.auth.http import Authenticator, authenticator_from_settings, check_routes, requires, route_permissions
from oms_platform.auth.permissions import load_roles
from oms_platform.auth.principal import Principal, PrincipalKind
from oms_platform.auth.tokens import JwksKeySource
from oms_platform.http import PROBLEM_MEDIA_TYPE, create_http_app, problem_type
from oms_platform.metrics import ServiceMetrics
from oms_platform.settings import ServiceSettings
from tests.platform.auth.conftest import SigningKey, claims
from tests.platform.auth.guarded_app import RecordedRefusals, guarded_app


@pytest.fixture
def refusals() -> RecordedRefusals:
    return RecordedRefusals()


@pytest.fixture
def api_keys() -> InMemoryApiKeyStore:
    return InMemoryApiKeyStore()


@pytest.fixture
def client(ec_key, api_keys, refusals) -> TestClient:
    return TestClient(guarded_app(ec_key, api_keys=api_keys, refusals=refusals))


def bearer(key: SigningKey, **overrides) -> dict[str, str]:
    return {"Authorization": f"Bearer {key.token(claims(**overrides))}"}


def problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM_MEDIA_TYPE
    body = response.json()
    assert body["type"] == problem_type(slug) and body["status"] == status
    assert body["request_id"] == response.headers["X-Request-ID"]
    return body


def test_no_credentials_is_401_with_a_bearer_challenge(client, refusals) -> None:
    response = client.post("/orders/o-1/cancel")
    body = problem(response, 401, "unauthorized")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="oms"'
    assert body["reason"] == "missing-credentials" and body["instance"] == "/orders/o-1/cancel"
    assert refusals.calls == [(None, "orders.cancel", "/orders/o-1/cancel", "missing-credentials")]


@pytest.mark.parametrize(("headers", "reason"), [
    ({"Authorization": "Bearer not-a-jwt"}, "malformed"),
    ({"Authorization": "Basic bGk6bmE="}, "unsupported-scheme"),
])
def test_a_bad_credential_is_401_invalid_token(client, headers, reason) -> None:
    response = client.post("/orders/o-1/cancel", headers=headers)
    assert problem(response, 401, "unauthorized")["reason"] == reason
    assert 'error="invalid_token"' in response.headers["WWW-Authenticate"]


def test_an_expired_token_says_so(client, ec_key) -> None:
    response = client.post("/orders/o-1/cancel", headers=bearer(ec_key, exp=int(time.time()) - 600))
    assert problem(response, 401, "unauthorized")["reason"] == "expired"
    assert 'error_description="the token has expired"' in response.headers["WWW-Authenticate"]


def test_a_token_of_an_unknown_signer_is_401(client) -> None:
    response = client.post("/orders/o-1/cancel", headers=bearer(SigningKey.ec()))
    assert problem(response, 401, "unauthorized")["reason"] == "unknown-key"


def test_a_principal_without_the_permission_is_403_naming_it(client, ec_key, refusals) -> None:
    response = client.post("/orders/o-1/refund", headers=bearer(ec_key, sub="li.na", roles=["customer_service"]))
    body = problem(response, 403, "forbidden")
    assert body["permission"] == "ledger.refund" and "ledger.refund" in body["detail"]
    principal, permission, path, reason = refusals.calls[-1]
    assert (principal.subject, permission, path, reason) == ("li.na", "ledger.refund", "/orders/o-1/refund",
                                                             "missing-permission")


def test_a_principal_with_the_permission_gets_through(client, ec_key, refusals) -> None:
    response = client.post("/orders/o-1/cancel", headers=bearer(ec_key, sub="li.na", act={"sub": "ops"}))
    assert response.status_code == 200, response.text  # a sync endpoint, in the threadpool
    assert response.json() == {"cancelled": "o-1", "by": {
        "subject": "li.na", "kind": "user", "roles": ["customer_service"], "channels": None, "stores": None,
        "warehouses": None, "acting_for": "ops", "name": None, "token_id": response.json()["by"]["token_id"]}}
    assert refusals.calls == []


def test_the_data_scope_is_checked_by_the_endpoint(client, ec_key) -> None:
    assert client.get("/orders/o-1", headers=bearer(ec_key, oms_channels=["tmall"])).status_code == 200
    response = client.get("/orders/o-1", headers=bearer(ec_key, oms_channels=["jd"]))
    assert problem(response, 403, "forbidden")["reason"] == "outside-scope"


def test_an_api_key_identifies_a_machine(client, api_keys) -> None:
    issued = generate_api_key(Principal("carrier-sf", PrincipalKind.MACHINE, roles=frozenset({"carrier"})))
    api_keys.add(issued.record)
    assert client.post("/tracking/events", headers={"X-API-Key": issued.key}).json() == {"accepted": "yes"}
    assert problem(client.post("/orders/o-1/cancel", headers={"X-API-Key": issued.key}), 403, "forbidden")
    api_keys.revoke(issued.record.prefix)
    response = client.post("/tracking/events", headers={"X-API-Key": issued.key})
    assert problem(response, 401, "unauthorized")["reason"] == "revoked-api-key"


@pytest.mark.parametrize("key", ["", "nonsense", "oms_0123456789ab_" + "x" * 43])
def test_a_bad_api_key_is_401(client, key) -> None:
    assert problem(client.post("/tracking/events", headers={"X-API-Key": key}), 401, "unauthorized")["reason"] in {
        "missing-credentials", "malformed-api-key", "invalid-api-key"}


def test_a_person_holding_a_machine_role_is_refused(client, ec_key) -> None:
    response = client.post("/tracking/events", headers=bearer(ec_key, roles=["carrier"]))
    assert problem(response, 403, "forbidden")["permission"] == "tracking.report-event"


def test_two_credentials_at_once_are_refused(client, ec_key, api_keys) -> None:
    issued = generate_api_key(Principal("carrier-sf", PrincipalKind.MACHINE, roles=frozenset({"carrier"})))
    api_keys.add(issued.record)
    response = client.post("/tracking/events", headers={**bearer(ec_key), "X-API-Key": issued.key})
    assert problem(response, 401, "unauthorized")["reason"] == "ambiguous-credentials"


def test_keys_fetched_from_a_jwks_endpoint_admit_the_caller(ec_key, jwks_server) -> None:
    jwks_server.publish(ec_key)
    client = TestClient(guarded_app(ec_key, keys=JwksKeySource(jwks_server.url)))
    for _ in range(3):
        assert client.post("/orders/o-1/cancel", headers=bearer(ec_key)).status_code == 200
    assert jwks_server.fetches == 1


def test_unreachable_keys_answer_503_not_401(ec_key, refusals) -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{probe.getsockname()[1]}/certs"
    client = TestClient(guarded_app(ec_key, keys=JwksKeySource(url, timeout_seconds=2), refusals=refusals))
    response = client.post("/orders/o-1/cancel", headers=bearer(ec_key))
    problem(response, 503, "authentication-unavailable")
    assert response.headers["Retry-After"] == "5"
    assert refusals.calls[-1][3] == "authentication-unavailable"


def test_a_synchronous_refusal_hook_is_called_too(ec_key) -> None:
    seen = []
    app = guarded_app(ec_key)
    app.state.authenticator.on_refused = lambda principal, permission, request, reason: seen.append(reason)
    TestClient(app).post("/orders/o-1/cancel")
    assert seen == ["missing-credentials"]


def test_the_openapi_document_declares_the_schemes_and_the_auth_problems(client) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["components"]["securitySchemes"]) == {"bearerAuth", "apiKeyAuth"}
    assert schema["components"]["securitySchemes"]["apiKeyAuth"]["name"] == "X-API-Key"
    cancel = schema["paths"]["/orders/{order_id}/cancel"]["post"]
    assert cancel["security"] == [{"bearerAuth": []}, {"apiKeyAuth": []}]
    assert {"401", "403"} <= set(cancel["responses"])
    assert "security" not in schema["paths"]["/health/live"]["get"]


def test_routes_expose_the_permission_they_require(client) -> None:
    found = {route.operation: route.permissions for route in route_permissions(client.app)}
    assert found["POST /orders/{order_id}/cancel"] == ("orders.cancel",)
    assert found["POST /orders/{order_id}/refund"] == ("ledger.refund",)
    assert found["POST /tracking/events"] == ("tracking.report-event",)
    assert found["GET /health/live"] == ()


def test_a_route_requiring_an_unknown_permission_stops_the_install() -> None:
    app = FastAPI()

    @app.post("/orders/{order_id}/cancel")
    def cancel(principal: Principal = Depends(requires("orders.cancle"))) -> None: ...

    unknown = r"POST /orders/\{order_id\}/cancel requires unknown permission 'orders\.cancle'"
    with pytest.raises(ValueError, match=unknown):
        check_routes(app, load_roles())
    with pytest.raises(ValueError):
        Authenticator(roles=load_roles()).install(app)


def test_a_service_accepting_no_bearer_tokens_says_so(ec_key) -> None:
    app = create_http_app(service="order", version="1", metrics=ServiceMetrics("order"))

    @app.get("/orders")
    def orders(principal: Principal = Depends(requires("orders.read"))) -> None: ...

    Authenticator(roles=load_roles()).install(app)
    response = TestClient(app).get("/orders", headers=bearer(ec_key))
    assert problem(response, 401, "unauthorized")["reason"] == "bearer-not-accepted"


def test_an_app_without_an_authenticator_fails_closed() -> None:
    app = create_http_app(service="order", version="1", metrics=ServiceMetrics("order"))

    @app.get("/orders")
    def orders(principal: Principal = Depends(requires("orders.read"))) -> None: ...

    response = TestClient(app, raise_server_exceptions=False).get("/orders")
    problem(response, 500, "internal-error")


def test_the_authenticator_is_built_from_settings(monkeypatch, tmp_path) -> None:
    roles = tmp_path / "roles.yaml"
    roles.write_text("permissions:\n  orders.read: See orders\nroles:\n  clerk: {summary: C, grants: [orders.read]}\n")
    monkeypatch.setenv("OMS_ROLES_FILE", str(roles))
    authenticator = authenticator_from_settings(ServiceSettings(), api_keys=InMemoryApiKeyStore())
    assert authenticator.roles.role_names() == ["clerk"]
    assert authenticator.tokens is None  # no OMS_AUTH_ISSUER: API keys only
