"""Access control building blocks: who is acting (principal), what roles may do (permissions),
how callers prove who they are (bearer tokens, API keys, passwords, signed carrier webhooks), the
FastAPI dependency that enforces it (http) and the permission matrix generated from the code.

Modules are imported on their own (`from oms_platform.auth.tokens import TokenVerifier`); this
package re-exports the names a service needs to declare and guard its routes.
"""

from oms_platform.auth.http import (
    API_KEY_HEADER,
    AUTH_RESPONSES,
    Authenticator,
    RefusalListener,
    Requires,
    authenticator_from_settings,
    require_scope,
    requires,
)
from oms_platform.auth.permissions import Permission, PermissionRegistry, RoleGrants, RolesFileError, load_roles
from oms_platform.auth.principal import Principal, PrincipalKind

__all__ = [
    "API_KEY_HEADER",
    "AUTH_RESPONSES",
    "Authenticator",
    "Permission",
    "PermissionRegistry",
    "Principal",
    "PrincipalKind",
    "RefusalListener",
    "Requires",
    "RoleGrants",
    "RolesFileError",
    "authenticator_from_settings",
    "load_roles",
    "require_scope",
    "requires",
]
