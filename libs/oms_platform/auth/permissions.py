"""Permissions and roles as data: what may be done, and which roles may do it.

Permissions are named `<area>.<action>` (`orders.cancel`) and live in a `PermissionRegistry`: code
declares them (`registry.declare(Permission("orders.cancel", "Cancel an order"))`) and the roles
file's `permissions` section declares the catalogue the services do not declare yet. Roles come
from a YAML file (the `roles.yaml` beside this module, or the one `OMS_ROLES_FILE` names) and grant
permissions by name, by area (`orders.*`) or all of them (`*`).

The file is checked when it is loaded, so a typo stops a service at start with one line naming
the entry, instead of silently granting nothing (or everything) at run time. Checks at run time
fail closed: a permission the registry does not know is granted to nobody, not even `*`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from enum import Enum
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from oms_platform.auth.principal import Principal, PrincipalKind

ROLES_FILE_ENV = "OMS_ROLES_FILE"
ALL = "*"
_AREA_WILDCARD = ".*"
_NAME = re.compile(r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$")
_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_-]*$")
_ROLE_KEYS = frozenset({"summary", "principals", "grants", "includes"})


class RolesFileError(ValueError):
    """A roles file that cannot be used; the message is one line naming the entry at fault."""


@dataclass(frozen=True)
class Permission:
    name: str
    summary: str

    def __post_init__(self) -> None:
        if not _NAME.match(self.name):
            raise ValueError(f"permission name {self.name!r} is not <area>.<action> in lower case")
        if not self.summary.strip():
            raise ValueError(f"permission {self.name!r} needs a summary")

    @property
    def area(self) -> str:
        return self.name.rsplit(".", 1)[0]


class PermissionRegistry:
    """Every permission the system knows. Declaring a name twice keeps the first declaration, so
    a service may declare what the catalogue already lists."""

    def __init__(self, permissions: Iterable[Permission] = ()) -> None:
        self._permissions: dict[str, Permission] = {}
        for permission in permissions:
            self.declare(permission)

    def declare(self, permission: Permission) -> Permission:
        return self._permissions.setdefault(permission.name, permission)

    def __contains__(self, name: object) -> bool:
        return name in self._permissions

    def __iter__(self) -> Iterator[Permission]:
        return iter(self._permissions.values())

    def __len__(self) -> int:
        return len(self._permissions)

    def get(self, name: str) -> Permission | None:
        return self._permissions.get(name)

    def matching(self, grant: str) -> frozenset[str]:
        """The permission names a grant (`orders.cancel`, `orders.*`, `*`) stands for today."""
        return frozenset(name for name in self._permissions if grant_covers(grant, name))


def grant_covers(grant: str, permission: str) -> bool:
    """Whether one grant covers one permission name: exact, its area (`orders.*`) or `*`."""
    if grant in (ALL, permission):
        return True
    return grant.endswith(_AREA_WILDCARD) and permission.startswith(grant[:-1])


class PrincipalsAllowed(str, Enum):
    USER = "user"
    MACHINE = "machine"
    ANY = "any"

    def admits(self, kind: PrincipalKind) -> bool:
        return self is PrincipalsAllowed.ANY or self.value == kind.value


@dataclass(frozen=True)
class Role:
    name: str
    summary: str
    principals: PrincipalsAllowed
    grants: tuple[str, ...]  # names, `area.*` or `*`: its own and those of the roles it includes
    includes: tuple[str, ...] = ()

    def covers(self, permission: str) -> bool:
        return any(grant_covers(grant, permission) for grant in self.grants)


class RoleGrants:
    """The roles of one policy and the registry their grants were checked against."""

    def __init__(self, roles: Iterable[Role], registry: PermissionRegistry) -> None:
        self.registry = registry
        self.roles: Mapping[str, Role] = {role.name: role for role in roles}

    def role_names(self) -> list[str]:
        return list(self.roles)

    def role_grants(self, role: str, permission: str) -> bool:
        """Whether the role grants the permission (unknown roles and permissions: no)."""
        found = self.roles.get(role)
        return found is not None and permission in self.registry and found.covers(permission)

    def permissions_of(self, role: str) -> frozenset[str]:
        found = self.roles.get(role)
        if found is None:
            return frozenset()
        return frozenset(p.name for p in self.registry if found.covers(p.name))

    def permits(self, principal: Principal, permission: str) -> bool:
        """Whether any of the principal's roles grants the permission. Role names the policy
        does not know (an identity provider's own, like `offline_access`) grant nothing; so
        does a role held by the wrong kind of principal (a person holding `carrier`)."""
        for name in principal.roles:
            role = self.roles.get(name)
            if role is not None and role.principals.admits(principal.kind) \
                    and self.role_grants(name, permission):
                return True
        return False


def default_roles_file() -> Path:
    return Path(str(resources.files("oms_platform.auth").joinpath("roles.yaml")))


def load_roles(path: Path | str | None = None, *, registry: PermissionRegistry | None = None) -> RoleGrants:
    """Read and check a roles file (the packaged default when `path` is None). The file's
    `permissions` are declared into `registry` (a new one when not given) before the grants are
    checked against it."""
    source = Path(path) if path is not None else default_roles_file()
    try:
        text = source.read_text(encoding="utf-8")
    except OSError as error:
        raise RolesFileError(f"{source}: cannot be read ({error.strerror or error})") from None
    return parse_roles(text, source=str(source), registry=registry)


def parse_roles(text: str, *, source: str = "<roles>", registry: PermissionRegistry | None = None) -> RoleGrants:
    document = _yaml_mapping(text, source)
    registry = registry if registry is not None else PermissionRegistry()
    for permission in _catalogue(document.get("permissions", {}), source):
        registry.declare(permission)
    roles_section = document.get("roles")
    if not isinstance(roles_section, dict) or not roles_section:
        raise RolesFileError(f"{source}: 'roles' must be a mapping of role name to role")
    roles = [_role(name, entry, source, registry) for name, entry in roles_section.items()]
    roles = _with_included_grants(roles, source)
    unknown = sorted(set(document) - {"permissions", "roles"})
    if unknown:
        raise RolesFileError(f"{source}: unknown top-level key {unknown[0]!r} (expected permissions, roles)")
    return RoleGrants(roles, registry)


def check_roles_known(grants: RoleGrants, role_names: Iterable[str], *, where: str) -> None:
    """Refuse role names the policy does not define (API key records, role mappings, tests)."""
    for name in role_names:
        if name not in grants.roles:
            raise RolesFileError(f"{where}: unknown role {name!r}")


def _yaml_mapping(text: str, source: str) -> dict[str, Any]:
    try:
        document = yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "invalid YAML"
        raise RolesFileError(f"{source}: malformed YAML{where}: {problem}") from None
    if not isinstance(document, dict):
        raise RolesFileError(f"{source}: expected a mapping with 'permissions' and 'roles'")
    return document


def _catalogue(section: Any, source: str) -> list[Permission]:
    if not isinstance(section, dict):
        raise RolesFileError(f"{source}: 'permissions' must be a mapping of name to summary")
    permissions = []
    for name, summary in section.items():
        if not isinstance(name, str) or not isinstance(summary, str):
            raise RolesFileError(f"{source}: permission {name!r} must map a name to a summary text")
        try:
            permissions.append(Permission(name, summary))
        except ValueError as error:
            raise RolesFileError(f"{source}: {error}") from None
    return permissions


def _role(name: Any, entry: Any, source: str, registry: PermissionRegistry) -> Role:
    if not isinstance(name, str) or not _ROLE_NAME.match(name):
        raise RolesFileError(f"{source}: role name {name!r} must be lower case letters, digits, _ or -")
    if not isinstance(entry, dict):
        raise RolesFileError(f"{source}: role {name!r} must be a mapping with summary, principals, grants")
    extra = sorted(set(entry) - _ROLE_KEYS)
    if extra:
        raise RolesFileError(f"{source}: role {name!r} has unknown key {extra[0]!r}")
    return Role(
        name=name,
        summary=_role_summary(name, entry.get("summary"), source),
        principals=_principals(name, entry.get("principals", "user"), source),
        grants=_grants(name, entry.get("grants", []), source, registry),
        includes=_includes(name, entry.get("includes", []), source),
    )


def _role_summary(name: str, summary: Any, source: str) -> str:
    if not isinstance(summary, str) or not summary.strip():
        raise RolesFileError(f"{source}: role {name!r} needs a summary")
    return summary


def _principals(name: str, value: Any, source: str) -> PrincipalsAllowed:
    try:
        return PrincipalsAllowed(value)
    except ValueError:
        raise RolesFileError(
            f"{source}: role {name!r} has principals {value!r} (expected user, machine or any)") from None


def _grants(name: str, grants: Any, source: str, registry: PermissionRegistry) -> tuple[str, ...]:
    if not isinstance(grants, list) or not all(isinstance(grant, str) for grant in grants):
        raise RolesFileError(f"{source}: role {name!r}: 'grants' must be a list of permission names")
    for grant in grants:
        # An area wildcard must cover something, or a typo (`order.*`) would grant nothing.
        if grant != ALL and not registry.matching(grant):
            raise RolesFileError(f"{source}: role {name!r} grants unknown permission {grant!r}")
    return tuple(grants)


def _includes(name: str, includes: Any, source: str) -> tuple[str, ...]:
    if not isinstance(includes, list) or not all(isinstance(role, str) for role in includes):
        raise RolesFileError(f"{source}: role {name!r}: 'includes' must be a list of role names")
    return tuple(includes)


def _with_included_grants(roles: list[Role], source: str) -> list[Role]:
    """Each role with the grants of the roles it includes, transitively, added to its own."""
    by_name = {role.name: role for role in roles}

    def collect(role: Role, path: tuple[str, ...]) -> list[str]:
        grants = list(role.grants)
        for included in role.includes:
            if included in path:
                raise RolesFileError(f"{source}: role {role.name!r} includes itself through {included!r}")
            if included not in by_name:
                raise RolesFileError(f"{source}: role {role.name!r} includes unknown role {included!r}")
            grants += collect(by_name[included], (*path, included))
        return grants

    resolved = []
    for role in roles:
        grants = tuple(dict.fromkeys(collect(role, (role.name,))))
        if not grants:
            raise RolesFileError(f"{source}: role {role.name!r} grants nothing (give it grants or includes)")
        resolved.append(Role(role.name, role.summary, role.principals, grants, role.includes))
    return resolved
