"""Settings shared by every service, read from the environment.

Shared names (`KAFKA_BOOTSTRAP_SERVERS`, `OMS_DATABASE_URL`, ...) are the same for every service;
each service's own settings class adds its port as `OMS_<SERVICE>_PORT`.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar, Self

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

# Parked early facts (messaging/parking.py): retried this often, dead-lettered after waiting this
# long (long enough for any outage of a neighbour to end; then staff must look at it).
PARKED_RETRY_SECONDS = 10.0
PARKED_MAX_SECONDS = 24 * 3600.0


class ConfigurationError(Exception):
    """Settings that cannot work; the message is one line meant for an operator."""


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True, frozen=True)

    service_name: ClassVar[str] = "service"

    host: str = Field("127.0.0.1", validation_alias="OMS_HTTP_HOST")
    port: int = Field(8080, ge=1, le=65535)
    kafka_bootstrap_servers: str = Field("127.0.0.1:9092", validation_alias="KAFKA_BOOTSTRAP_SERVERS")
    kafka_client_prefix: str = Field("oms", validation_alias="OMS_KAFKA_CLIENT_PREFIX")
    # How long a service waits for the broker at start before it gives up with one clear line.
    broker_wait_seconds: float = Field(30.0, ge=0, validation_alias="OMS_BROKER_WAIT_SECONDS")
    # Defaults for Apache Kafka: a member silent for the session timeout leaves its group (the
    # heartbeat is a third of it), members get the rebalance timeout to rejoin. The embedded broker
    # needs far smaller ones and its stack sets them (oms_dev.broker.EMBEDDED_CLIENT_ENV).
    consumer_session_timeout_ms: int = Field(10_000, ge=300, validation_alias="OMS_CONSUMER_SESSION_TIMEOUT_MS")
    consumer_rebalance_timeout_ms: int = Field(60_000, ge=300, validation_alias="OMS_CONSUMER_REBALANCE_TIMEOUT_MS")
    # On: the broker drops a retried send it already has and keeps a partition's order through
    # retries (Kafka's own default). Brokers without it are handled (messaging/producers.py).
    producer_idempotence: bool = Field(True, validation_alias="OMS_PRODUCER_IDEMPOTENCE")
    consumer_max_batch: int = Field(500, ge=1, validation_alias="OMS_CONSUMER_MAX_BATCH")
    producer_linger_ms: int = Field(5, ge=0, validation_alias="OMS_PRODUCER_LINGER_MS")
    relay_batch_size: int = Field(500, ge=1, validation_alias="OMS_RELAY_BATCH_SIZE")
    # The relay is woken by every write (its own process's, and other processes' on PostgreSQL
    # through NOTIFY); this is only how often an idle store is looked at anyway, as a safety net.
    relay_idle_seconds: float = Field(5.0, gt=0, validation_alias="OMS_RELAY_IDLE_SECONDS")
    # How long the broker may hold an empty fetch open. Apache Kafka answers as soon as data
    # arrives, so a long wait costs no latency there and saves idle polling (Kafka's own default).
    # The embedded broker holds every fetch for the whole wait, so there it bounds each hop's
    # latency and its stack sets a short one (oms_dev.broker.EMBEDDED_CLIENT_ENV).
    consumer_fetch_max_wait_ms: int = Field(500, ge=0, validation_alias="OMS_CONSUMER_FETCH_MAX_WAIT_MS")
    # How often a consumer compares the partitions its group reads with the topics' partitions on
    # the broker, so that topics the broker lost and recreated are read again in full.
    consumer_watch_seconds: float = Field(5.0, gt=0, validation_alias="OMS_CONSUMER_WATCH_SECONDS")
    create_topics: bool = Field(True, validation_alias="OMS_CREATE_TOPICS")
    parked_retry_seconds: float = Field(PARKED_RETRY_SECONDS, gt=0, validation_alias="OMS_PARKED_RETRY_SECONDS")
    parked_max_seconds: float = Field(PARKED_MAX_SECONDS, ge=0, validation_alias="OMS_PARKED_MAX_SECONDS")
    # How long `omsctl republish` keeps trying a step the broker refuses (one just back from a
    # restart refuses requests for a while) before it gives up and says how far it got.
    republish_give_up_seconds: float = Field(60.0, ge=0, validation_alias="OMS_REPUBLISH_GIVE_UP_SECONDS")
    # Off: an aggregate in memory is taken as current (this process wrote it last), with no query;
    # a write based on a copy another instance made stale fails on its version and is retried from
    # the store. On: every load also reads the events recorded since, for deployments where
    # several instances answer reads of the same aggregates and must see each other's writes.
    aggregate_cache_fastforward: bool = Field(False, validation_alias="OMS_AGGREGATE_CACHE_FASTFORWARD")
    # Unset: SQLite under data_dir. Set (postgresql://...): PostgreSQL, one schema per service.
    database_url: str | None = Field(None, validation_alias="OMS_DATABASE_URL")
    data_dir: Path = Field(Path("var/data"), validation_alias="OMS_DATA_DIR")
    # Bearer tokens (oms_platform.auth.tokens). No issuer: no bearer tokens are accepted (API keys
    # still are). With an issuer, the audience and the JWKS URL are needed too.
    auth_issuer: str | None = Field(None, validation_alias="OMS_AUTH_ISSUER")
    # The `aud` tokens must carry: the OMS API's identifier at the provider (client id or URL).
    auth_audience: str | None = Field(None, validation_alias="OMS_AUTH_AUDIENCE")
    auth_jwks_url: str | None = Field(None, validation_alias="OMS_AUTH_JWKS_URL")
    # Where the provider puts roles: a dotted path (Keycloak: `realm_access.roles`).
    auth_roles_claim: str = Field("roles", min_length=1, validation_alias="OMS_AUTH_ROLES_CLAIM")
    # Clock skew tolerated between the provider and this host, for exp, nbf and iat.
    auth_leeway_seconds: float = Field(30.0, ge=0, le=300, validation_alias="OMS_AUTH_LEEWAY_SECONDS")
    # How long fetched keys are used before they are fetched again, and the least time between two
    # fetches that a token with an unknown key id may cause (rotation vs. a flood of made-up ids).
    auth_jwks_cache_seconds: float = Field(300.0, gt=0, validation_alias="OMS_AUTH_JWKS_CACHE_SECONDS")
    auth_jwks_min_refetch_seconds: float = Field(30.0, ge=0, validation_alias="OMS_AUTH_JWKS_MIN_REFETCH_SECONDS")
    # Roles and their grants; unset: the default policy shipped in oms_platform/auth/roles.yaml.
    roles_file: Path | None = Field(None, validation_alias="OMS_ROLES_FILE")
    log_level: str = Field("INFO", validation_alias="OMS_LOG_LEVEL")
    log_json: bool = Field(True, validation_alias="OMS_LOG_JSON")

    @property
    def consumer_group(self) -> str:
        return f"{self.kafka_client_prefix}-{self.service_name}"

    @classmethod
    def load(cls) -> Self:
        """Read the environment; wrong values become one ConfigurationError line."""
        try:
            return cls()
        except ValidationError as error:
            problems = "; ".join(
                f"{'.'.join(str(part) for part in e['loc'])}: {e['msg']}" for e in error.errors()
            )
            raise ConfigurationError(f"invalid {cls.service_name} settings: {problems}") from None
