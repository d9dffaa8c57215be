"""Signing in: the password grant, lockout, disabled users, refresh rotation and reuse detection,
sign-out, client credentials, and what the token endpoint says to bad requests."""

from __future__ import annotations

import asyncio
import base64
from dataclasses import replace
from datetime import timedelta

import jwt
import pytest

from tests.identity.support import ADMIN, PASSWORD, Identity, bearer, identity_in_process

INVALID_CREDENTIALS = {"error": "invalid_grant", "error_description": "invalid username or password"}


def claims(token: str) -> dict:
    """The claims, unverified: what a token says (the verification is tested over JWKS)."""
    return jwt.decode(token, options={"verify_signature": False})


async def test_a_user_signs_in_and_gets_a_token_with_roles_scope_and_a_refresh_token(identity: Identity):
    user = await identity.register_user("olga", ["customer_service"], scope={"channels": ["tmall", "jd"]})

    response = await identity.password_grant("olga", user["password"])

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    body = response.json()
    assert (body["token_type"], body["expires_in"], body["must_change_password"]) == ("Bearer", 600, False)
    assert len(body["refresh_token"]) >= 43
    header = jwt.get_unverified_header(body["access_token"])
    assert (header["alg"], header["kid"]) == ("ES256", identity.provider.signing_key.kid)
    token = claims(body["access_token"])
    assert token["sub"] == user["user_id"] and token["preferred_username"] == "olga"
    assert (token["roles"], token["oms_kind"], token["name"]) == (["customer_service"], "user", "Olga")
    assert token["oms_channels"] == ["jd", "tmall"]
    assert "oms_stores" not in token and "oms_warehouses" not in token  # unrestricted: no claim
    assert (token["iss"], token["aud"], token["exp"] - token["iat"]) == (identity.provider.issuer, "oms", 600)
    assert token["jti"] and token["sid"]
    assert "client_id" not in token


async def test_usernames_are_not_case_sensitive_at_sign_in(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    assert (await identity.password_grant(" OLGA ", user["password"])).status_code == 200


async def test_a_wrong_password_and_an_unknown_user_are_answered_alike(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])

    wrong = await identity.password_grant("olga", user["password"] + "x")
    unknown = await identity.password_grant("nobody", user["password"])

    for response in (wrong, unknown):
        assert response.status_code == 400
        assert response.json() == INVALID_CREDENTIALS
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["content-type"] == "application/json"


async def test_an_unknown_user_costs_the_same_password_check_as_a_known_one(identity: Identity, monkeypatch):
    user = await identity.register_user("olga", ["read_only"])
    checked: list[str] = []
    real_verify = identity.app.passwords.verify

    def verify(stored_hash: str, password: str) -> bool:
        checked.append(stored_hash)
        return real_verify(stored_hash, password)

    monkeypatch.setattr(identity.app.passwords, "verify", verify)
    await identity.password_grant("nobody", "whatever it is")
    await identity.password_grant("olga", user["password"] + "x")

    assert len(checked) == 2
    assert all(stored.startswith("$argon2id$") for stored in checked)  # a real argon2id hash both times
    assert checked[0] != identity.app.user("olga").password_hash


async def test_five_wrong_passwords_lock_the_user_out_until_an_administrator_unlocks(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    for _ in range(4):
        assert (await identity.password_grant("olga", "wrong password")).json() == INVALID_CREDENTIALS
    assert (await identity.as_admin("GET", "/users/olga")).json()["consecutive_failures"] == 4
    assert (await identity.password_grant("olga", "wrong password")).json() == INVALID_CREDENTIALS  # the 5th

    refused = await identity.password_grant("olga", user["password"])  # the right one, too late

    assert refused.status_code == 400
    assert refused.json()["error"] == "invalid_grant"
    assert "locked" in refused.json()["error_description"]
    view = (await identity.as_admin("GET", "/users/olga")).json()
    assert view["locked_until"] is not None

    unlocked = await identity.as_admin("POST", "/users/olga/unlock")

    assert unlocked.status_code == 200
    assert (unlocked.json()["locked_until"], unlocked.json()["consecutive_failures"]) == (None, 0)
    assert (await identity.password_grant("olga", user["password"])).status_code == 200


async def test_a_successful_sign_in_starts_the_count_of_failures_again(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    for _ in range(4):
        await identity.password_grant("olga", "wrong password")
    await identity.sign_in("olga", user["password"])
    for _ in range(4):
        await identity.password_grant("olga", "wrong password")

    assert (await identity.password_grant("olga", user["password"])).status_code == 200


async def test_a_lockout_ends_on_its_own(store_backend, identity_database_url):
    async with identity_in_process(store_backend.data_dir, identity_database_url, lockout_threshold=2,
                                   lockout_seconds=1) as identity:
        user = await identity.register_user("olga", ["read_only"])
        for _ in range(2):
            await identity.password_grant("olga", "wrong password")
        assert "locked" in (await identity.password_grant("olga", user["password"])).json()["error_description"]

        await asyncio.sleep(1.1)

        assert (await identity.password_grant("olga", user["password"])).status_code == 200


async def test_a_disabled_user_is_told_so_only_with_the_right_password(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    tokens = await identity.sign_in("olga", user["password"])
    assert (await identity.as_admin("POST", "/users/olga/disable")).json()["enabled"] is False

    right = await identity.password_grant("olga", user["password"])
    wrong = await identity.password_grant("olga", "wrong password")
    refresh = await identity.refresh(tokens["refresh_token"])

    assert right.status_code == 400 and right.json() == {
        "error": "invalid_grant", "error_description": "the account is disabled; ask an administrator"}
    assert wrong.json() == INVALID_CREDENTIALS
    assert refresh.status_code == 400 and "disabled" in refresh.json()["error_description"]

    assert (await identity.as_admin("POST", "/users/olga/enable")).json()["enabled"] is True
    assert (await identity.password_grant("olga", user["password"])).status_code == 200


async def test_a_refresh_token_is_single_use_and_rotated(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    first = await identity.sign_in("olga", user["password"])

    response = await identity.refresh(first["refresh_token"])

    assert response.status_code == 200, response.text
    assert response.headers["cache-control"] == "no-store"
    second = response.json()
    assert second["refresh_token"] != first["refresh_token"]
    assert claims(second["access_token"])["sid"] == claims(first["access_token"])["sid"]
    assert claims(second["access_token"])["jti"] != claims(first["access_token"])["jti"]
    third = await identity.refresh(second["refresh_token"])
    assert third.status_code == 200


async def test_a_spent_refresh_token_used_again_revokes_the_whole_family(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    first = await identity.sign_in("olga", user["password"])
    second = (await identity.refresh(first["refresh_token"])).json()

    reused = await identity.refresh(first["refresh_token"])  # a thief, or the owner after a thief
    newest = await identity.refresh(second["refresh_token"])

    assert reused.status_code == 400 and reused.json()["error"] == "invalid_grant"
    assert "used before" in reused.json()["error_description"]
    assert newest.status_code == 400 and newest.json()["error"] == "invalid_grant"
    # Another session of the same user is not affected.
    other = await identity.sign_in("olga", user["password"])
    assert (await identity.refresh(other["refresh_token"])).status_code == 200


async def test_an_unknown_or_malformed_refresh_token_is_invalid_grant(identity: Identity):
    for token in ("not-a-token", "x" * 43):
        response = await identity.refresh(token)
        assert response.status_code == 400
        assert response.json() == {"error": "invalid_grant", "error_description": "the refresh token is not valid"}


async def test_an_expired_refresh_token_is_refused(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    identity.app.policy = replace(identity.app.policy, refresh_token_lifetime=timedelta(seconds=1))
    tokens = await identity.sign_in("olga", user["password"])
    await asyncio.sleep(1.1)

    response = await identity.refresh(tokens["refresh_token"])

    assert response.status_code == 400 and "expired" in response.json()["error_description"]


async def test_sign_out_revokes_the_refresh_token(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    tokens = await identity.sign_in("olga", user["password"])

    response = await identity.client.post("/oauth/revoke", data={"token": tokens["refresh_token"],
                                                                "token_type_hint": "refresh_token"})

    assert response.status_code == 200 and response.content == b""
    assert response.headers["cache-control"] == "no-store"
    refused = await identity.refresh(tokens["refresh_token"])
    assert refused.status_code == 400 and "ended" in refused.json()["error_description"]
    # Again, an unknown token, an access token: 200 all the same (RFC 7009 2.2).
    for token in (tokens["refresh_token"], "unknown", tokens["access_token"]):
        assert (await identity.client.post("/oauth/revoke", data={"token": token})).status_code == 200


async def test_revocation_needs_a_token_in_a_form(identity: Identity):
    missing = await identity.client.post("/oauth/revoke", data={})
    as_json = await identity.client.post("/oauth/revoke", json={"token": "x"})

    for response in (missing, as_json):
        assert response.status_code == 400
        assert response.json()["error"] == "invalid_request"


async def test_client_credentials_with_basic_or_form_give_a_machine_token(identity: Identity):
    client = await identity.register_client("tmall-adapter", ["channel"], channels=["tmall"])
    secret = client["client_secret"]

    basic = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                       auth=("tmall-adapter", secret))
    form = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials",
                                                           "client_id": "tmall-adapter", "client_secret": secret})

    for response in (basic, form):
        assert response.status_code == 200, response.text
        assert response.headers["cache-control"] == "no-store"
        body = response.json()
        assert "refresh_token" not in body
        token = claims(body["access_token"])
        assert (token["sub"], token["client_id"], token["oms_kind"]) == ("tmall-adapter", "tmall-adapter", "machine")
        assert (token["roles"], token["oms_channels"]) == (["channel"], ["tmall"])


async def test_client_credentials_refused_for_a_bad_secret_an_unknown_or_revoked_client(identity: Identity):
    client = await identity.register_client("sf-express", ["carrier"])
    secret = client["client_secret"]

    wrong = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                       auth=("sf-express", secret[:-1] + ("A" if secret[-1] != "A" else "B")))
    unknown = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                         auth=("nobody", secret))
    none_sent = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"})
    assert (await identity.as_admin("POST", "/clients/sf-express/revoke")).json()["revoked"] is True
    revoked = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                         auth=("sf-express", secret))

    for response in (wrong, unknown, none_sent, revoked):
        assert response.status_code == 401, response.text
        assert response.json()["error"] == "invalid_client"
        assert response.headers["www-authenticate"].startswith("Basic")
        assert response.headers["cache-control"] == "no-store"
    assert wrong.json() == unknown.json()
    assert "revoked" in revoked.json()["error_description"]
    again = await identity.as_admin("POST", "/clients/sf-express/revoke")
    assert again.status_code == 409


async def test_client_credentials_in_both_places_or_a_broken_basic_header_are_refused(identity: Identity):
    both = await identity.client.post("/oauth/token", auth=("a", "b"), data={
        "grant_type": "client_credentials", "client_id": "a", "client_secret": "b"})
    broken = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                        headers={"Authorization": "Basic !!!"})
    no_colon = await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                          headers={"Authorization": "Basic " + base64.b64encode(b"id").decode()})

    assert (both.status_code, both.json()["error"]) == (400, "invalid_request")
    for response in (broken, no_colon):
        assert (response.status_code, response.json()["error"]) == (401, "invalid_client")


@pytest.mark.parametrize(("data", "error", "in_description"), [
    ({}, "invalid_request", "grant_type"),
    ({"grant_type": "authorization_code", "code": "x"}, "unsupported_grant_type", "authorization_code"),
    ({"grant_type": "password", "username": "admin"}, "invalid_request", "password"),
    ({"grant_type": "password", "password": "x"}, "invalid_request", "username"),
    ({"grant_type": "refresh_token"}, "invalid_request", "refresh_token"),
    ("grant_type=password&grant_type=refresh_token", "invalid_request", "repeated"),
])
async def test_the_token_endpoint_answers_bad_requests_with_rfc_6749_errors(identity: Identity, data, error,
                                                                            in_description):
    if isinstance(data, str):
        response = await identity.client.post("/oauth/token", content=data, headers={
            "content-type": "application/x-www-form-urlencoded"})
    else:
        response = await identity.client.post("/oauth/token", data=data)

    assert response.status_code == 400
    assert response.json()["error"] == error
    assert in_description in response.json()["error_description"]
    assert response.headers["cache-control"] == "no-store"


async def test_the_token_endpoint_takes_only_forms(identity: Identity):
    response = await identity.client.post("/oauth/token", json={"grant_type": "password", "username": ADMIN,
                                                                "password": PASSWORD})

    assert response.status_code == 400
    assert response.json() == {"error": "invalid_request",
                               "error_description": "send the request as application/x-www-form-urlencoded"}


async def test_a_role_change_reaches_the_token_at_the_next_refresh(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    tokens = await identity.sign_in("olga", user["password"])

    changed = await identity.as_admin("PUT", "/users/olga/roles", json={"roles": ["manager", "finance"]})
    refreshed = (await identity.refresh(tokens["refresh_token"])).json()

    assert changed.status_code == 200 and changed.json()["roles"] == ["finance", "manager"]
    assert claims(refreshed["access_token"])["roles"] == ["finance", "manager"]


async def test_a_user_changes_their_password_and_the_old_one_stops_working(identity: Identity):
    user = await identity.register_user("olga", ["read_only"])
    tokens = await identity.sign_in("olga", user["password"])

    wrong_current = await identity.client.post("/me/password", headers=bearer(tokens["access_token"]), json={
        "current_password": "not it", "new_password": "another long password"})
    too_short = await identity.client.post("/me/password", headers=bearer(tokens["access_token"]), json={
        "current_password": user["password"], "new_password": "short"})
    no_token = await identity.client.post("/me/password", json={
        "current_password": user["password"], "new_password": "another long password"})
    changed = await identity.client.post("/me/password", headers=bearer(tokens["access_token"]), json={
        "current_password": user["password"], "new_password": "another long password"})

    assert wrong_current.status_code == 422
    assert [e["field"] for e in wrong_current.json()["errors"]] == ["current_password"]
    assert too_short.status_code == 422
    assert [e["field"] for e in too_short.json()["errors"]] == ["new_password"]
    assert no_token.status_code == 401
    assert changed.status_code == 204
    assert (await identity.password_grant("olga", user["password"])).json() == INVALID_CREDENTIALS
    assert (await identity.password_grant("olga", "another long password")).status_code == 200


async def test_machines_have_no_password_to_change(identity: Identity):
    client = await identity.register_client("tmall-adapter", ["channel"])
    token = (await identity.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                        auth=("tmall-adapter", client["client_secret"]))).json()["access_token"]

    response = await identity.client.post("/me/password", headers=bearer(token), json={
        "current_password": "x", "new_password": "another long password"})

    assert response.status_code == 403
