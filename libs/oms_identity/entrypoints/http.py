"""Administration of users and machine clients (permission `users.manage`), and `/me/password`.

Thin: parse, check role names against the roles file, call the application in a worker thread
(password hashing is slow on purpose), map domain errors to problems.
"""

from __future__ import annotations

import asyncio
import secrets
from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from oms_identity.domain.errors import (
    ClientAlreadyRevoked,
    ClientIdTaken,
    IdentityError,
    NotOnYourself,
    PasswordRejected,
    UnknownClient,
    UnknownUser,
    UsernameTaken,
    WrongPassword,
)
from oms_identity.entrypoints.runtime import identity_app, provider
from oms_identity.entrypoints.views import (
    ClientCreatedView,
    ClientForm,
    ClientView,
    PasswordForm,
    RolesForm,
    ScopeForm,
    UserCreatedView,
    UserForm,
    UserView,
)
from oms_platform.auth.http import AUTH_RESPONSES, BearerCredentials, Refusal, authenticator_of, requires
from oms_platform.auth.permissions import PrincipalsAllowed
from oms_platform.auth.principal import Principal, PrincipalKind
from oms_platform.http import Conflict, FieldError, NotFound, Problem, UnprocessableContent, problem_responses
from oms_platform.http.problems import FORBIDDEN

MANAGE_USERS = "users.manage"
Admin = Annotated[Principal, Depends(requires(MANAGE_USERS))]

router = APIRouter(responses=AUTH_RESPONSES)


def _problem(error: IdentityError) -> Problem:
    if isinstance(error, UnknownUser):
        return NotFound("user", error.username)
    if isinstance(error, UnknownClient):
        return NotFound("client", error.client_id)
    if isinstance(error, UsernameTaken):
        return Conflict(str(error), slug="username-taken")
    if isinstance(error, ClientIdTaken):
        return Conflict(str(error), slug="client-id-taken")
    if isinstance(error, ClientAlreadyRevoked):
        return Conflict(str(error), slug="client-revoked")
    if isinstance(error, NotOnYourself):
        return Conflict(str(error), slug="not-on-yourself")
    raise error


def _check_roles(request: Request, roles: Sequence[str], kind: PrincipalKind) -> None:
    """422 naming every role the roles file does not define, or that this kind may not hold."""
    grants = provider(request).roles
    errors = []
    for index, name in enumerate(roles):
        role = grants.roles.get(name)
        if role is None:
            errors.append(FieldError(f"roles[{index}]", "unknown-role",
                                     f"unknown role {name!r}; known roles: {', '.join(grants.role_names())}", "body"))
        elif not role.principals.admits(kind):
            holder = "machines" if role.principals is PrincipalsAllowed.MACHINE else "people"
            errors.append(FieldError(f"roles[{index}]", f"role-not-for-{kind.value}s",
                                     f"role {name!r} is for {holder} only", "body"))
    if errors:
        raise UnprocessableContent("Some roles cannot be granted: " + "; ".join(e.message for e in errors) + ".",
                                   errors, slug="invalid-roles", title="Roles that cannot be granted")


def _password_problem(error: PasswordRejected, field: str) -> UnprocessableContent:
    return UnprocessableContent(f"The password is refused: {error}.", [FieldError(field, "weak-password", str(error),
                                                                                  "body")],
                                slug="password-rejected", title="The password is refused")


# -- users -----------------------------------------------------------------------------------------

@router.post("/users", status_code=201, response_model=UserCreatedView, tags=["users"],
             responses=problem_responses(409, 422))
async def register_user(form: UserForm, request: Request, admin: Admin) -> UserCreatedView:
    """Register a user; without `password` a random one is made and returned once. The user must
    change it at first sign-in either way."""
    _check_roles(request, form.roles, PrincipalKind.USER)
    generated = secrets.token_urlsafe(18) if form.password is None else None
    password = generated or form.password or ""
    app = identity_app(request)
    try:
        user = await asyncio.to_thread(app.register_user, form.username, form.display_name, password, form.roles,
                                       form.scope.to_domain(), admin.subject)
    except PasswordRejected as error:
        raise _password_problem(error, "password") from None
    except IdentityError as error:
        raise _problem(error) from None
    return UserCreatedView(**UserView.of(user).model_dump(), initial_password=generated)


@router.get("/users", response_model=list[UserView], tags=["users"])
async def list_users(request: Request, admin: Admin) -> list[UserView]:
    users = await asyncio.to_thread(identity_app(request).users)
    return [UserView.of(user) for user in users]


@router.get("/users/{username}", response_model=UserView, tags=["users"], responses=problem_responses(404))
async def get_user(username: str, request: Request, admin: Admin) -> UserView:
    try:
        return UserView.of(await asyncio.to_thread(identity_app(request).user, username))
    except IdentityError as error:
        raise _problem(error) from None


@router.put("/users/{username}/roles", response_model=UserView, tags=["users"],
            responses=problem_responses(404, 409, 422))
async def change_roles(username: str, form: RolesForm, request: Request, admin: Admin) -> UserView:
    """Replace the user's roles; their next token (at the latest in one access-token lifetime,
    when the session refreshes) carries the new ones."""
    _check_roles(request, form.roles, PrincipalKind.USER)
    return await _user_command(request, identity_app(request).change_roles, username, form.roles, admin.subject)


@router.put("/users/{username}/scope", response_model=UserView, tags=["users"],
            responses=problem_responses(404, 422))
async def change_scope(username: str, form: ScopeForm, request: Request, admin: Admin) -> UserView:
    return await _user_command(request, identity_app(request).change_scope, username, form.to_domain(),
                               admin.subject)


@router.post("/users/{username}/disable", response_model=UserView, tags=["users"],
             responses=problem_responses(404, 409))
async def disable_user(username: str, request: Request, admin: Admin) -> UserView:
    """No more sign-ins or session refreshes; access tokens already issued expire on their own."""
    return await _user_command(request, identity_app(request).disable_user, username, admin.subject)


@router.post("/users/{username}/enable", response_model=UserView, tags=["users"], responses=problem_responses(404))
async def enable_user(username: str, request: Request, admin: Admin) -> UserView:
    return await _user_command(request, identity_app(request).enable_user, username, admin.subject)


@router.post("/users/{username}/unlock", response_model=UserView, tags=["users"], responses=problem_responses(404))
async def unlock_user(username: str, request: Request, admin: Admin) -> UserView:
    """Lift a lockout after too many wrong passwords, and forget the failures counted so far."""
    return await _user_command(request, identity_app(request).unlock_user, username, admin.subject)


async def _user_command(request: Request, command, *args) -> UserView:  # type: ignore[no-untyped-def]
    try:
        return UserView.of(await asyncio.to_thread(command, *args))
    except IdentityError as error:
        raise _problem(error) from None


# -- machine clients -------------------------------------------------------------------------------

@router.post("/clients", status_code=201, response_model=ClientCreatedView, tags=["clients"],
             responses=problem_responses(409, 422))
async def register_client(form: ClientForm, request: Request, admin: Admin) -> ClientCreatedView:
    """Register a machine client for the client credentials grant; its secret is returned once."""
    _check_roles(request, form.roles, PrincipalKind.MACHINE)
    try:
        client, secret = await asyncio.to_thread(identity_app(request).register_client, form.client_id,
                                                 form.display_name, form.roles, form.channels, admin.subject)
    except IdentityError as error:
        raise _problem(error) from None
    return ClientCreatedView(**ClientView.of(client).model_dump(), client_secret=secret)


@router.get("/clients", response_model=list[ClientView], tags=["clients"])
async def list_clients(request: Request, admin: Admin) -> list[ClientView]:
    clients = await asyncio.to_thread(identity_app(request).clients)
    return [ClientView.of(client) for client in clients]


@router.post("/clients/{client_id}/revoke", response_model=ClientView, tags=["clients"],
             responses=problem_responses(404, 409))
async def revoke_client(client_id: str, request: Request, admin: Admin) -> ClientView:
    """No more tokens for the client; tokens issued before expire on their own."""
    try:
        return ClientView.of(await asyncio.to_thread(identity_app(request).revoke_client, client_id, admin.subject))
    except IdentityError as error:
        raise _problem(error) from None


# -- the signed-in user ----------------------------------------------------------------------------

async def signed_in_person(request: Request, bearer: BearerCredentials = None) -> Principal:
    """Whoever a valid access token names, with or without roles (a user who must change their
    password holds none), as long as it is a person."""
    try:
        principal = await authenticator_of(request).authenticate(request, bearer, None)
    except Refusal as refusal:
        raise refusal.problem from None
    if principal.kind is not PrincipalKind.USER:
        raise FORBIDDEN.problem("Only people have passwords.", extensions={"reason": "not-a-person"})
    return principal


@router.post("/me/password", status_code=204, tags=["me"], responses=problem_responses(422))
async def change_own_password(form: PasswordForm, request: Request,
                              person: Annotated[Principal, Depends(signed_in_person)]) -> Response:
    """Change your own password (and so lift must-change-password). A wrong current password
    counts towards the lockout like a failed sign-in."""
    try:
        await asyncio.to_thread(identity_app(request).change_own_password, person.subject,
                                form.current_password, form.new_password)
    except WrongPassword as error:
        raise UnprocessableContent(str(error).capitalize() + ".", [
            FieldError("current_password", "wrong-password", str(error), "body")],
            slug="wrong-password", title="The current password is not correct") from None
    except PasswordRejected as error:
        raise _password_problem(error, "new_password") from None
    except IdentityError as error:
        raise _problem(error) from None
    return Response(status_code=204)
