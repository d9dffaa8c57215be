"""The JSON bodies of the administration API: what is sent (forms) and what comes back (views)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from oms_identity.domain.clients import Client
from oms_identity.domain.scope import DataScope
from oms_identity.domain.users import User

Username = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._@-]{0,63}$",
                                description="Lower case letters, digits, `.`, `_`, `@`, `-`; at most 64")]
ClientId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9._-]{2,63}$",
                                description="Lower case letters, digits, `.`, `_`, `-`; 3 to 64")]
DisplayName = Annotated[str, Field(min_length=1, max_length=200)]
RoleName = Annotated[str, Field(min_length=1, max_length=64)]
ScopeId = Annotated[str, Field(min_length=1, max_length=128)]
Password = Annotated[str, Field(min_length=1, max_length=256)]


class Form(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is named, not ignored


class ScopeForm(Form):
    """Each dimension: absent or null is unrestricted; a list (even empty) allows exactly those ids."""

    channels: list[ScopeId] | None = None
    stores: list[ScopeId] | None = None
    warehouses: list[ScopeId] | None = None

    def to_domain(self) -> DataScope:
        return DataScope.of(self.channels, self.stores, self.warehouses)


class UserForm(Form):
    username: Username
    display_name: DisplayName
    roles: list[RoleName]
    scope: ScopeForm = Field(default_factory=ScopeForm)
    # Absent: a random one is made and returned once. Either way it must be changed at first sign-in.
    password: Password | None = None


class RolesForm(Form):
    roles: list[RoleName]


class ClientForm(Form):
    client_id: ClientId
    display_name: DisplayName
    roles: list[RoleName] = Field(min_length=1)
    # Absent or null: every channel; a list: only those channel accounts.
    channels: list[ScopeId] | None = None


class PasswordForm(Form):
    current_password: Password
    new_password: Password


class ScopeView(BaseModel):
    channels: list[str] | None
    stores: list[str] | None
    warehouses: list[str] | None

    @classmethod
    def of(cls, scope: DataScope) -> ScopeView:
        return cls(**scope.as_dict())


class UserView(BaseModel):
    user_id: str
    username: str
    display_name: str
    roles: list[str]
    scope: ScopeView
    enabled: bool
    must_change_password: bool
    locked_until: datetime | None = Field(description="Set while the user is locked out")
    consecutive_failures: int
    last_signed_in_at: datetime | None

    @classmethod
    def of(cls, user: User) -> UserView:
        locked = user.locked_until if user.is_locked(datetime.now(UTC)) else None
        return cls(user_id=user.user_id, username=user.username, display_name=user.display_name,
                   roles=list(user.roles), scope=ScopeView.of(user.scope), enabled=user.enabled,
                   must_change_password=user.must_change_password, locked_until=locked,
                   consecutive_failures=user.consecutive_failures, last_signed_in_at=user.last_signed_in_at)


class UserCreatedView(UserView):
    initial_password: str | None = Field(
        None, description="The generated password, shown this once; absent when the password was sent")


class ClientView(BaseModel):
    client_id: str
    display_name: str
    roles: list[str]
    channels: list[str] | None
    revoked: bool

    @classmethod
    def of(cls, client: Client) -> ClientView:
        return cls(client_id=client.client_id, display_name=client.display_name, roles=list(client.roles),
                   channels=None if client.channels is None else list(client.channels), revoked=client.revoked)


class ClientCreatedView(ClientView):
    client_secret: str = Field(description="Shown this once; only its digest is kept")
