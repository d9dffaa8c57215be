"""The embedded identity provider: the OpenID Connect issuer `make run` brings, replaceable by any
OIDC provider (Keycloak, Entra ID, Auth0, ...) through the services' `OMS_AUTH_*` settings.

It is not one of the seven domain services, but it is built like one and runs on the same runtime
(`oms_platform.service`): an event-sourced store of users, machine clients and sign-in sessions,
the outbox relay that publishes every grant, revocation and security-relevant change on
`oms.identity.events.v1`, and the HTTP shell serving the OAuth 2 endpoints (password, refresh
token and client credentials grants; RFC 7009 revocation), the discovery document, the JWKS of
its ES256 signing key, and the administration of users and clients.

    domain/        User, Client, Session (a refresh-token family) and RefreshToken aggregates
    application/   IdentityApplication: the commands (sign in, refresh, register, ...) and queries
    adapters/      signing key (file, JWKS, JWT), publications (domain events -> contract messages)
    entrypoints/   oauth.py (token, revoke, discovery, JWKS), http.py (users, clients, /me)
"""
