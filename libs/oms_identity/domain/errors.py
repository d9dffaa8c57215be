"""What the identity domain refuses; the entrypoints map these to HTTP answers."""

from __future__ import annotations


class IdentityError(Exception):
    """Base of the domain's refusals; the message is safe to show the caller."""


class UsernameTaken(IdentityError):
    def __init__(self, username: str) -> None:
        super().__init__(f"a user named {username!r} exists already")
        self.username = username


class ClientIdTaken(IdentityError):
    def __init__(self, client_id: str) -> None:
        super().__init__(f"a client with id {client_id!r} exists already")
        self.client_id = client_id


class UnknownUser(IdentityError):
    def __init__(self, username: str) -> None:
        super().__init__(f"no user named {username!r}")
        self.username = username


class UnknownClient(IdentityError):
    def __init__(self, client_id: str) -> None:
        super().__init__(f"no client with id {client_id!r}")
        self.client_id = client_id


class NotOnYourself(IdentityError):
    """An administrator may not disable or demote themselves: the last one would lock everyone out."""


class ClientAlreadyRevoked(IdentityError):
    def __init__(self, client_id: str) -> None:
        super().__init__(f"client {client_id!r} is revoked already")
        self.client_id = client_id


class WrongPassword(IdentityError):
    def __init__(self) -> None:
        super().__init__("the current password is not correct")


class PasswordRejected(IdentityError):
    """A new password that breaks the password rules; the message says which."""
