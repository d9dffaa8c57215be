"""Administration of users and clients: who may (users.manage), what is refused and why, and the
first start of the provider."""

from __future__ import annotations

import jwt
import pytest

from oms_identity.bootstrap import definition
from oms_identity.domain.users import User
from oms_platform.auth.http import route_permissions
from tests.identity.support import ADMIN, Identity, bearer, identity_in_process, settings_for, start

ADMIN_OPERATIONS = [
    ("POST", "/users", {"username": "someone", "display_name": "Someone", "roles": ["read_only"]}),
    ("GET", "/users", None),
    ("GET", "/users/admin", None),
    ("PUT", "/users/admin/roles", {"roles": ["administrator"]}),
    ("PUT", "/users/admin/scope", {}),
    ("POST", "/users/admin/disable", None),
    ("POST", "/users/admin/enable", None),
    ("POST", "/users/admin/unlock", None),
    ("POST", "/clients", {"client_id": "some-client", "display_name": "Some", "roles": ["carrier"]}),
    ("GET", "/clients", None),
    ("POST", "/clients/some-client/revoke", None),
]


def test_every_administration_route_requires_users_manage(identity: Identity):
    required = {route.operation: route.permissions for route in route_permissions(identity.http)}

    for method, path, _ in ADMIN_OPERATIONS:
        template = path.replace("/admin", "/{username}").replace("/some-client", "/{client_id}")
        assert required[f"{method} {template}"] == ("users.manage",), template
    # Open: what every OAuth client needs before it has a token; /me/password needs a token only.
    for operation in ("POST /oauth/token", "POST /oauth/revoke", "GET /.well-known/openid-configuration",
                      "GET /.well-known/jwks.json", "POST /me/password"):
        assert required[operation] == (), operation


async def test_administration_is_401_without_a_token_403_without_the_permission_200_with_it(identity: Identity):
    reader = await identity.register_user("rita", ["read_only"])
    reader_token = (await identity.sign_in("rita", reader["password"]))["access_token"]

    for method, path, body in ADMIN_OPERATIONS:
        anonymous = await identity.client.request(method, path, json=body)
        forbidden = await identity.client.request(method, path, json=body, headers=bearer(reader_token))
        assert anonymous.status_code == 401, (method, path, anonymous.text)
        assert anonymous.headers["content-type"] == "application/problem+json"
        assert anonymous.headers["www-authenticate"].startswith("Bearer")
        assert forbidden.status_code == 403, (method, path, forbidden.text)
        assert forbidden.json()["permission"] == "users.manage"

    for method, path, body in ADMIN_OPERATIONS:
        if path == "/users/admin/disable":
            continue  # an administrator may not disable themselves: below
        allowed = await identity.as_admin(method, path, json=body)
        assert allowed.status_code in (200, 201), (method, path, allowed.text)


async def test_a_token_that_is_not_ours_is_refused(identity: Identity):
    forged = jwt.encode({"sub": "x", "iss": identity.provider.issuer, "aud": "oms", "exp": 9999999999,
                         "iat": 1, "roles": ["administrator"]},
                        "a shared secret of thirty-two bytes!", algorithm="HS256")
    response = await identity.client.get("/users", headers=bearer(forged))

    assert response.status_code == 401
    assert response.json()["reason"] == "algorithm-not-allowed"


async def test_a_new_user_gets_a_generated_password_once_and_must_change_it(identity: Identity):
    response = await identity.as_admin("POST", "/users", json={
        "username": "wang.fang", "display_name": "Wang Fang", "roles": ["warehouse_staff"],
        "scope": {"warehouses": ["wh-shanghai"]}})

    assert response.status_code == 201, response.text
    created = response.json()
    password = created["initial_password"]
    assert len(password) >= 20
    assert created["must_change_password"] is True
    assert created["scope"] == {"channels": None, "stores": None, "warehouses": ["wh-shanghai"]}
    shown = (await identity.as_admin("GET", "/users/wang.fang")).json()
    assert "initial_password" not in shown and password not in str(shown)
    assert password not in str((await identity.as_admin("GET", "/users")).json())

    first = await identity.sign_in("wang.fang", password)

    assert first["must_change_password"] is True
    token = jwt.decode(first["access_token"], options={"verify_signature": False})
    assert token["roles"] == []  # nothing may be done before the password is changed
    assert token["oms_warehouses"] == ["wh-shanghai"]


async def test_a_password_sent_by_the_admin_is_not_echoed(identity: Identity):
    response = await identity.as_admin("POST", "/users", json={
        "username": "olga", "display_name": "Olga", "roles": ["read_only"], "password": "a chosen password"})

    assert response.status_code == 201
    assert response.json()["initial_password"] is None


@pytest.mark.parametrize(("body", "fields"), [
    ({"username": "Olga Big", "display_name": "Olga", "roles": []}, ["username"]),
    ({"username": "olga", "display_name": "", "roles": []}, ["display_name"]),
    ({"username": "olga", "display_name": "Olga"}, ["roles"]),
    ({"username": "olga", "display_name": "Olga", "roles": [], "role": "manager"}, ["role"]),
    ({"username": "olga", "display_name": "Olga", "roles": [], "scope": {"channels": "tmall"}}, ["scope.channels"]),
])
async def test_bad_input_is_422_naming_each_field(identity: Identity, body, fields):
    response = await identity.as_admin("POST", "/users", json=body)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert [error["field"] for error in response.json()["errors"]] == fields


async def test_unknown_roles_are_422_naming_each_role(identity: Identity):
    response = await identity.as_admin("POST", "/users", json={
        "username": "olga", "display_name": "Olga", "roles": ["read_only", "superuser", "carrier"]})

    assert response.status_code == 422
    problem = response.json()
    assert problem["type"].endswith("/invalid-roles")
    errors = {error["field"]: error for error in problem["errors"]}
    assert errors["roles[1]"]["code"] == "unknown-role" and "'superuser'" in errors["roles[1]"]["message"]
    assert errors["roles[2]"]["code"] == "role-not-for-users"  # carrier is a machine's role
    assert "superuser" in problem["detail"]
    assert (await identity.as_admin("GET", "/users/olga")).status_code == 404  # nothing was registered

    changed = await identity.as_admin("PUT", "/users/admin/roles", json={"roles": ["root"]})
    assert changed.status_code == 422 and changed.json()["errors"][0]["field"] == "roles[0]"

    client = await identity.as_admin("POST", "/clients", json={
        "client_id": "tmall-adapter", "display_name": "Tmall", "roles": ["manager"]})
    assert client.status_code == 422
    assert client.json()["errors"][0]["code"] == "role-not-for-machines"


async def test_conflicts_and_unknown_names(identity: Identity):
    await identity.register_user("olga", ["read_only"], ready=False)
    await identity.register_client("tmall-adapter", ["channel"])

    taken = await identity.as_admin("POST", "/users", json={"username": "olga", "display_name": "O", "roles": []})
    client_taken = await identity.as_admin("POST", "/clients", json={
        "client_id": "tmall-adapter", "display_name": "T", "roles": ["channel"]})
    weak = await identity.as_admin("POST", "/users", json={
        "username": "pavel", "display_name": "P", "roles": [], "password": "short"})
    self_disable = await identity.as_admin("POST", "/users/admin/disable")
    self_demote = await identity.as_admin("PUT", "/users/admin/roles", json={"roles": ["read_only"]})

    assert (taken.status_code, taken.json()["type"].rsplit("/", 1)[1]) == (409, "username-taken")
    assert (client_taken.status_code, client_taken.json()["type"].rsplit("/", 1)[1]) == (409, "client-id-taken")
    assert weak.status_code == 422 and weak.json()["errors"][0]["field"] == "password"
    assert self_disable.status_code == 409 and self_demote.status_code == 409
    for path in ("/users/nobody", "/users/nobody/roles", "/users/nobody/unlock", "/clients/nobody/revoke"):
        method = "PUT" if path.endswith("/roles") else "GET" if path == "/users/nobody" else "POST"
        body = {"roles": []} if method == "PUT" else None
        response = await identity.as_admin(method, path, json=body)
        assert response.status_code == 404, path


async def test_scope_changes_and_listings(identity: Identity):
    await identity.register_user("olga", ["customer_service"], ready=False)
    await identity.register_client("tmall-adapter", ["channel"], channels=["tmall"])

    scoped = await identity.as_admin("PUT", "/users/olga/scope", json={"channels": ["tmall"], "stores": []})
    users = (await identity.as_admin("GET", "/users")).json()
    clients = (await identity.as_admin("GET", "/clients")).json()

    assert scoped.json()["scope"] == {"channels": ["tmall"], "stores": [], "warehouses": None}
    assert [user["username"] for user in users] == ["admin", "olga"]
    assert clients == [{"client_id": "tmall-adapter", "display_name": "Tmall-Adapter", "roles": ["channel"],
                        "channels": ["tmall"], "revoked": False}]
    assert "client_secret" not in str(clients)


async def test_first_start_creates_admin_once_with_a_one_time_password(store_backend, identity_database_url):
    async with identity_in_process(store_backend.data_dir, identity_database_url) as identity:
        lines = [line for line in identity.output.splitlines() if identity.one_time_password in line]
        assert len(lines) == 1
        assert "username admin" in lines[0] and "one-time password" in lines[0]
        assert "change it at first sign-in" in lines[0]
        admin = identity.app.user(ADMIN)
        assert (admin.roles, admin.must_change_password) == (("administrator",), True)
        first = await identity.sign_in(ADMIN, identity.one_time_password)
        assert first["must_change_password"] is True
        # The one-time password lets the admin change it, and nothing else.
        assert (await identity.client.get("/users", headers=bearer(first["access_token"]))).status_code == 403
        await identity.admin_token()
        one_time = identity.one_time_password

    http, output = start(settings_for(store_backend.data_dir, identity_database_url))  # a restart
    try:
        assert "one-time password" not in output
        app = http.state.runtime.app
        assert [user.username for user in app.users()] == [ADMIN]
        assert app.user(ADMIN).must_change_password is False
        assert app.password_grant(ADMIN, one_time).description == "invalid username or password"
    finally:
        http.state.runtime.app.close()


async def test_no_first_administrator_where_users_exist(store_backend, identity_database_url):
    async with identity_in_process(store_backend.data_dir, identity_database_url) as identity:
        await identity.as_admin("PUT", "/users/admin/roles", json={"roles": ["administrator", "manager"]})

    http, output = start(settings_for(store_backend.data_dir, identity_database_url))
    try:
        assert output.count("one-time password") == 0
        assert len(http.state.runtime.app.users()) == 1
    finally:
        http.state.runtime.app.close()


def test_the_definition_names_the_identity_provider():
    found = definition()
    assert found.name == "identity" and found.prepare is not None
    assert User.create_id("olga") == User.create_id("olga") != User.create_id("pavel")


@pytest.mark.real_argon2
async def test_passwords_are_stored_as_argon2id_at_the_production_cost(identity: Identity):
    stored = identity.app.user(ADMIN).password_hash

    assert stored.startswith("$argon2id$v=19$m=65536,t=3,p=4$")
