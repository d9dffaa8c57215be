"""The OAuth 2 and OpenID Connect endpoints: discovery, keys, token (RFC 6749), revocation (RFC 7009).

These answer in OAuth's own format, not problem details: a client library of any OIDC provider
must understand them. Requests are `application/x-www-form-urlencoded`; errors are
`{"error": ..., "error_description": ...}` with the RFC's status codes (400, or 401 for
`invalid_client`); every token response and error says `Cache-Control: no-store`.

Grants: `password` (the dashboard's sign-in, a first-party client), `refresh_token` (rotated on
every use; a spent one ends its session) and `client_credentials` (machines, with HTTP Basic or
form credentials). The dashboard is a public client: it sends no client secret.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
from typing import Any
from urllib.parse import parse_qsl, unquote_plus

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response

from oms_identity.application.service import ClientGranted, GrantRefused, SessionGranted, now_utc
from oms_identity.entrypoints.runtime import identity_app, provider

PASSWORD = "password"
REFRESH_TOKEN = "refresh_token"
CLIENT_CREDENTIALS = "client_credentials"
GRANT_TYPES = (PASSWORD, REFRESH_TOKEN, CLIENT_CREDENTIALS)
FORM_MEDIA_TYPE = "application/x-www-form-urlencoded"
NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}
_MAX_FORM_BYTES = 16 * 1024
_MAX_FIELDS = 20

TOKEN_PATH = "/oauth/token"
REVOKE_PATH = "/oauth/revoke"
JWKS_PATH = "/.well-known/jwks.json"

router = APIRouter(tags=["oauth"])


class OAuthError(Exception):
    def __init__(self, error: str, description: str, status: int = 400, headers: dict[str, str] | None = None):
        super().__init__(description)
        self.error = error
        self.description = description
        self.status = status
        self.headers = headers or {}

    def response(self) -> JSONResponse:
        return JSONResponse({"error": self.error, "error_description": self.description},
                            status_code=self.status, headers={**NO_STORE, **self.headers})


def _invalid_client(description: str) -> OAuthError:
    return OAuthError("invalid_client", description, 401, {"WWW-Authenticate": 'Basic realm="oms"'})


# -- discovery -------------------------------------------------------------------------------------

@router.get("/.well-known/openid-configuration")
async def openid_configuration(request: Request) -> dict[str, Any]:
    """The provider's metadata (OpenID Connect Discovery 1.0, RFC 8414)."""
    issuer = provider(request).issuer
    return {
        "issuer": issuer,
        "jwks_uri": issuer + JWKS_PATH,
        "token_endpoint": issuer + TOKEN_PATH,
        "revocation_endpoint": issuer + REVOKE_PATH,
        "grant_types_supported": list(GRANT_TYPES),
        "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
        "revocation_endpoint_auth_methods_supported": ["none"],
        "response_types_supported": [],  # no authorization endpoint (yet): no browser redirects
        "subject_types_supported": ["public"],
        "id_token_signing_alg_values_supported": ["ES256"],
        "token_endpoint_auth_signing_alg_values_supported": ["ES256"],
        "claims_supported": ["iss", "aud", "sub", "exp", "iat", "jti", "name", "preferred_username", "roles",
                             "oms_kind", "oms_channels", "oms_stores", "oms_warehouses", "client_id", "sid"],
    }


@router.get(JWKS_PATH)
async def jwks(request: Request) -> JSONResponse:
    """The public signing keys (RFC 7517); tokens name theirs by `kid`."""
    return JSONResponse(provider(request).signing_key.jwks(), headers={"Cache-Control": "public, max-age=300"})


# -- the token endpoint ----------------------------------------------------------------------------

_FORM_BODY = {
    "requestBody": {
        "required": True,
        "content": {FORM_MEDIA_TYPE: {"schema": {
            "type": "object",
            "required": ["grant_type"],
            "properties": {
                "grant_type": {"type": "string", "enum": list(GRANT_TYPES)},
                "username": {"type": "string", "description": "password grant"},
                "password": {"type": "string", "format": "password", "description": "password grant"},
                "refresh_token": {"type": "string", "description": "refresh_token grant"},
                "client_id": {"type": "string", "description": "client_credentials grant, unless sent with Basic"},
                "client_secret": {"type": "string", "format": "password",
                                  "description": "client_credentials grant, unless sent with Basic"},
            },
        }}},
    },
    "responses": {
        "200": {"description": "Tokens: access_token (JWT, ES256), token_type Bearer, expires_in; refresh_token "
                               "for users (single use)"},
        "400": {"description": "RFC 6749 error: invalid_request, invalid_grant, unsupported_grant_type"},
        "401": {"description": "RFC 6749 error: invalid_client"},
    },
}


@router.post(TOKEN_PATH, openapi_extra=_FORM_BODY, response_class=JSONResponse)
async def token(request: Request) -> Response:
    """Exchange credentials for tokens (RFC 6749 section 3.2)."""
    try:
        form = await _form(request)
        grant_type = _required(form, "grant_type")
        if grant_type == PASSWORD:
            return await _password_grant(request, form)
        if grant_type == REFRESH_TOKEN:
            return await _refresh_grant(request, form)
        if grant_type == CLIENT_CREDENTIALS:
            return await _client_credentials_grant(request, form)
        raise OAuthError("unsupported_grant_type",
                         f"grant_type {grant_type!r} is not supported; use one of {', '.join(GRANT_TYPES)}")
    except OAuthError as error:
        return error.response()


async def _password_grant(request: Request, form: dict[str, str]) -> Response:
    username = _required(form, "username").strip().lower()
    password = _required(form, "password")
    outcome = await asyncio.to_thread(identity_app(request).password_grant, username, password)
    return _session_tokens(request, outcome)


async def _refresh_grant(request: Request, form: dict[str, str]) -> Response:
    refresh_token = _required(form, "refresh_token")
    outcome = await asyncio.to_thread(identity_app(request).refresh_grant, refresh_token)
    return _session_tokens(request, outcome)


def _session_tokens(request: Request, outcome: SessionGranted | GrantRefused) -> Response:
    if isinstance(outcome, GrantRefused):
        raise OAuthError(outcome.error, outcome.description)
    access = provider(request).tokens.for_user(outcome.user, outcome.session_id, now_utc())
    return JSONResponse({
        "access_token": access.token,
        "token_type": "Bearer",
        "expires_in": access.expires_in,
        "refresh_token": outcome.refresh_token,
        # The token grants nothing until the password is changed (POST /me/password).
        "must_change_password": outcome.user.must_change_password,
    }, headers=NO_STORE)


async def _client_credentials_grant(request: Request, form: dict[str, str]) -> Response:
    client_id, secret = _client_credentials(request, form)
    outcome = await asyncio.to_thread(identity_app(request).client_credentials_grant, client_id, secret)
    if isinstance(outcome, GrantRefused):
        raise _invalid_client(outcome.description)
    assert isinstance(outcome, ClientGranted)
    access = provider(request).tokens.for_client(outcome.client, now_utc())
    # No refresh token (RFC 6749 4.4.3): the client has its credentials to ask again.
    return JSONResponse({"access_token": access.token, "token_type": "Bearer", "expires_in": access.expires_in},
                        headers=NO_STORE)


def _client_credentials(request: Request, form: dict[str, str]) -> tuple[str, str]:
    """From `Authorization: Basic` (RFC 6749 2.3.1: each part form-encoded) or from the form;
    not both."""
    header = request.headers.get("authorization")
    in_form = "client_id" in form or "client_secret" in form
    if header is not None:
        if in_form:
            raise OAuthError("invalid_request", "send the client credentials either with Basic or in the form, "
                                                "not both")
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            raise _invalid_client("client credentials must be sent with the Basic scheme")
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise _invalid_client("the Basic credentials are not base64 of id:secret") from None
        client_id, colon, secret = decoded.partition(":")
        if not colon:
            raise _invalid_client("the Basic credentials are not base64 of id:secret")
        return unquote_plus(client_id), unquote_plus(secret)
    if not in_form:
        raise _invalid_client("no client credentials were sent")
    return _required(form, "client_id"), _required(form, "client_secret")


# -- revocation ------------------------------------------------------------------------------------

@router.post(REVOKE_PATH, openapi_extra={
    "requestBody": {"required": True, "content": {FORM_MEDIA_TYPE: {"schema": {
        "type": "object", "required": ["token"],
        "properties": {"token": {"type": "string"}, "token_type_hint": {"type": "string"}}}}}},
    "responses": {"200": {"description": "Revoked, or not a token this provider can revoke (RFC 7009 2.2)"},
                  "400": {"description": "RFC 6749 error: invalid_request"}},
})
async def revoke(request: Request) -> Response:
    """Sign out: revoke a refresh token, and with it its session (RFC 7009). 200 even for a token
    that is unknown, expired or already revoked, as the RFC says: the client cannot act on it.
    Access tokens are not revoked: they expire within minutes."""
    try:
        form = await _form(request)
        token_value = _required(form, "token")
    except OAuthError as error:
        return error.response()
    await asyncio.to_thread(identity_app(request).revoke_refresh_token, token_value)
    return Response(status_code=200, headers=NO_STORE)


# -- reading the form ------------------------------------------------------------------------------

async def _form(request: Request) -> dict[str, str]:
    body = await request.body()
    media_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if not body:
        return {}  # nothing sent at all: the missing parameters say more than the media type
    if media_type != FORM_MEDIA_TYPE:
        raise OAuthError("invalid_request", f"send the request as {FORM_MEDIA_TYPE}")
    if len(body) > _MAX_FORM_BYTES:
        raise OAuthError("invalid_request", "the request is too large")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, max_num_fields=_MAX_FIELDS)
    except (UnicodeDecodeError, ValueError):
        raise OAuthError("invalid_request", "the form cannot be read") from None
    form: dict[str, str] = {}
    for name, value in pairs:
        if name in form:  # RFC 6749 3.2: parameters must not be included more than once
            raise OAuthError("invalid_request", f"the parameter {name!r} is repeated")
        form[name] = value
    return form


def _required(form: dict[str, str], name: str) -> str:
    value = form.get(name)
    if not value:
        raise OAuthError("invalid_request", f"the parameter {name!r} is missing")
    return value
